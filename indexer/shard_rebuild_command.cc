// archive-index rebuild --shards N: one rebuild per shard directory INDEX/shard-1..N, fed
// from one read of the sources, then INDEX/SHARDS naming them (docs/shards.md).
#include <fmt/core.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <thread>
#include <unordered_map>

#include "core/index_layout.h"
#include "indexer/command_output.h"
#include "indexer/commands.h"
#include "indexer/progress_line.h"
#include "indexer/rebuilder.h"
#include "indexer/shard_plan.h"
#include "indexer/source_feed.h"

namespace archive::indexer {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

std::string ShardName(size_t shard) { return "shard-" + std::to_string(shard + 1); }

void AddUp(const UpdateSummary& part, UpdateSummary& total) {
  total.added += part.added;
  total.changed += part.changed;
  total.unchanged += part.unchanged;
  total.removed += part.removed;
  total.duplicates += part.duplicates;
  total.articles += part.articles;
  total.generation = std::max(total.generation, part.generation);
  total.revision = std::max(total.revision, part.revision);
}

// INDEX/SHARDS, written whole then renamed into place.
Status WriteShardsFile(const std::string& index_dir, size_t shards) {
  const std::string path = index_dir + "/SHARDS";
  const std::string temp = path + ".tmp";
  {
    std::ofstream out(temp, std::ios::trunc);
    out << "# written by archive-index rebuild --shards; one shard per line (docs/shards.md)\n";
    for (size_t shard = 0; shard < shards; ++shard) out << ShardName(shard) << "\n";
    out.flush();
    if (!out) return Status::IOError("cannot write " + temp);
  }
  std::error_code error;
  fs::rename(temp, path, error);
  if (error) return Status::IOError("cannot rename " + temp + ": " + error.message());
  return index_layout::SyncDirectory(index_dir);
}

class ShardedRebuild {
 public:
  explicit ShardedRebuild(const CommandArgs& args) : args_(args) {}

  Status Open() {
    std::error_code error;
    if (fs::exists(args_.index_dir + "/CURRENT", error))
      return Status::FailedPrecondition(args_.index_dir +
                                        " holds an unsharded index: give another --index for the "
                                        "shards");
    fs::create_directories(args_.index_dir, error);
    if (error) return Status::IOError("cannot create " + args_.index_dir + ": " + error.message());
    const size_t cores = std::max(1u, std::thread::hardware_concurrency());
    for (size_t shard = 0; shard < args_.shards; ++shard) {
      RebuildOptions options{args_.index_dir + "/" + ShardName(shard), "archive-index rebuild"};
      options.threads =
          std::max<size_t>(1, (args_.threads > 0 ? args_.threads : cores) / args_.shards);
      options.articles_per_part = args_.part_size;
      ARCHIVE_ASSIGN_OR_RETURN(std::unique_ptr<Rebuilder> rebuilder, Rebuilder::Open(options));
      rebuilders_.push_back(std::move(rebuilder));
    }
    return Status::Ok();
  }

  StatusOr<FeedResult> Feed() {
    const FeedOptions options{args_.sources, args_.rejects_path, ::isatty(STDERR_FILENO) == 1,
                              args_.format};
    if (args_.shard_by == "hash") {
      return FeedSources(options, [&](Article&& article) {
        const size_t shard = ShardByHash(article.id, args_.shards);
        return rebuilders_[shard]->Add(std::move(article));
      });
    }
    // By issue range: the ranges depend on every article's issue, so read them all first
    // (the last record of an id wins, as in a rebuild).
    std::vector<Article> articles;
    std::unordered_map<std::string, size_t> index_of;
    StatusOr<FeedResult> feed =
        FeedSources(options, [&](Article&& article) -> StatusOr<AddOutcome> {
          auto [it, inserted] = index_of.try_emplace(article.id, articles.size());
          if (!inserted) {
            articles[it->second] = std::move(article);
            return AddOutcome::kDuplicate;
          }
          articles.push_back(std::move(article));
          return AddOutcome::kAdded;
        });
    if (!feed.ok() || !feed->failure.ok()) return feed;
    std::map<int, uint64_t> per_issue;
    for (const Article& article : articles) ++per_issue[article.issue];
    const std::map<int, size_t> shard_of = ShardsByIssueRange(per_issue, args_.shards);
    for (const auto& [issue, shard] : shard_of) {
      auto [it, inserted] = issue_ranges_.try_emplace(shard, issue, issue);
      it->second.second = issue;
    }
    for (Article& article : articles) {
      StatusOr<AddOutcome> added = rebuilders_[shard_of.at(article.issue)]->Add(std::move(article));
      if (!added.ok()) {
        feed->failure = added.status();
        break;
      }
    }
    return feed;
  }

  // Finishes every shard; each switches to its new generation on its own.
  StatusOr<std::vector<UpdateSummary>> Finish() {
    std::vector<UpdateSummary> parts;
    for (size_t shard = 0; shard < rebuilders_.size(); ++shard) {
      StatusOr<UpdateSummary> summary = rebuilders_[shard]->Finish();
      if (!summary.ok())
        return summary.status().WithContext(ShardName(shard) + " (shards before it were rebuilt)");
      parts.push_back(*summary);
    }
    ARCHIVE_RETURN_IF_ERROR(WriteShardsFile(args_.index_dir, args_.shards));
    return parts;
  }

  std::string RangeOf(size_t shard) const {
    auto it = issue_ranges_.find(shard);
    if (it == issue_ranges_.end()) return "";
    return fmt::format("{}..{}", it->second.first, it->second.second);
  }

 private:
  const CommandArgs& args_;
  std::vector<std::unique_ptr<Rebuilder>> rebuilders_;
  std::map<size_t, std::pair<int, int>> issue_ranges_;
};

}  // namespace

int RunShardedRebuild(const CommandArgs& args) {
  const auto start = std::chrono::steady_clock::now();
  ShardedRebuild rebuild(args);
  if (Status opened = rebuild.Open(); !opened.ok()) return Fail(opened.message(), args.json);
  StatusOr<FeedResult> feed = rebuild.Feed();
  if (!feed.ok()) return Fail(feed.status().message(), args.json);
  if (!feed->failure.ok())
    return Fail(feed->failure.message() + "; nothing was committed", args.json);
  if (!feed->unreadable.empty())
    return Fail("not rebuilding: " + feed->unreadable.front() +
                    " could not be read; the live generations stay",
                args.json);
  StatusOr<std::vector<UpdateSummary>> parts = rebuild.Finish();
  if (!parts.ok()) return Fail(parts.status().message(), args.json);
  UpdateSummary total;
  total.rejected = feed->rejected;
  total.skipped = feed->skipped;
  json shards = json::array();
  for (size_t shard = 0; shard < parts->size(); ++shard) {
    const UpdateSummary& part = (*parts)[shard];
    AddUp(part, total);
    json entry = SummaryJson(part);
    entry["dir"] = args.index_dir + "/" + ShardName(shard);
    if (args.shard_by == "issue") entry["issues"] = rebuild.RangeOf(shard);
    shards.push_back(std::move(entry));
    if (!args.json) {
      std::cerr << fmt::format(
          "{}: {} articles{}\n", ShardName(shard), WithThousands(part.articles),
          args.shard_by == "issue" ? ", issues " + rebuild.RangeOf(shard) : "");
    }
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (args.json) {
    json out = SummaryJson(total);
    out["shards"] = std::move(shards);
    out["shard_by"] = args.shard_by;
    out["seconds"] = seconds;
    std::cout << out.dump() << std::endl;
  } else {
    std::cerr << SummaryText(total)
              << fmt::format(" in {:.1f} s, {} shards by {} in {}\n", seconds, args.shards,
                             args.shard_by, args.index_dir);
  }
  return feed->rejected > 0 ? kExitSomeRejected : kExitOk;
}

}  // namespace archive::indexer
