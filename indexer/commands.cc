#include "indexer/commands.h"

#include <fmt/core.h>
#include <unistd.h>

#include <chrono>
#include <iostream>
#include <nlohmann/json.hpp>

#include "indexer/command_output.h"
#include "indexer/index_check.h"
#include "indexer/index_status.h"
#include "indexer/indexer.h"
#include "indexer/progress_line.h"
#include "indexer/rebuilder.h"
#include "indexer/source_feed.h"

namespace archive::indexer {
namespace {

using nlohmann::json;

void Print(const UpdateSummary& summary, const FeedResult& feed, bool as_json) {
  double seconds = feed.seconds > 0 ? feed.seconds : 1e-9;
  double per_second = static_cast<double>(feed.records) / seconds;
  if (as_json) {
    json out = SummaryJson(summary);
    out["seconds"] = feed.seconds;
    out["records_per_second"] = per_second;
    std::cout << out.dump() << std::endl;
    return;
  }
  if (summary.recovered) std::cerr << "archive-index: finished an interrupted update first\n";
  std::cerr << SummaryText(summary)
            << fmt::format(" in {:.1f} s ({}/s, {:.1f} MB/s)\n", feed.seconds,
                           WithThousands(static_cast<uint64_t>(per_second)),
                           static_cast<double>(feed.bytes) / seconds / 1e6);
}

// Seconds since `start`: the figures printed cover the commit too, not just the reading.
double SecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

FeedOptions FeedOptionsOf(const CommandArgs& args) {
  return {args.sources, args.rejects_path, ::isatty(STDERR_FILENO) == 1, args.format};
}

// Whether a feed may be committed: not when the writer failed or no source was readable.
bool FeedFailed(const FeedResult& feed, const CommandArgs& args) {
  if (!feed.failure.ok()) {
    Fail(feed.failure.message() + "; nothing was committed", args.json);
    return true;
  }
  if (feed.unreadable.size() == args.sources.size()) {
    Fail("no source could be read; nothing was committed", args.json);
    return true;
  }
  return false;
}

// Feeds the sources to `indexer` (an Indexer or a Rebuilder) and commits or finishes it.
template <typename Writer, typename Complete>
int FeedAndComplete(Writer& writer, const CommandArgs& args,
                    std::chrono::steady_clock::time_point start, const Complete& complete) {
  auto feed = FeedSources(FeedOptionsOf(args),
                          [&](Article&& article) { return writer.Add(std::move(article)); });
  if (!feed.ok()) return Fail(feed.status().message(), args.json);
  if (FeedFailed(*feed, args)) return kExitNothingChanged;
  writer.CountRejected(feed->rejected);
  writer.CountSkipped(feed->skipped);
  ProgressLine finishing(FeedOptionsOf(args).show_progress, std::nullopt);
  finishing.Note(fmt::format("{} records read; writing the index (merge, sync)...",
                             WithThousands(feed->records)));
  StatusOr<UpdateSummary> summary = complete(*feed);
  finishing.Done();
  if (!summary.ok()) return Fail(summary.status().message(), args.json);
  feed->seconds = SecondsSince(start);
  Print(*summary, *feed, args.json);
  return feed->rejected > 0 ? kExitSomeRejected : kExitOk;
}

}  // namespace

int RunUpdate(const CommandArgs& args) {
  const auto start = std::chrono::steady_clock::now();
  {
    // A first load (nothing committed yet, so no reader is on an older revision) is built
    // like a rebuild, in parts on every core; --prune has nothing to remove there.
    RebuildOptions first_load{args.index_dir, "archive-index update"};
    first_load.threads = args.threads;
    first_load.articles_per_part = args.part_size;
    first_load.only_if_empty = true;
    auto rebuilder = Rebuilder::Open(first_load);
    if (!rebuilder.ok()) return Fail(rebuilder.status().message(), args.json);
    if (*rebuilder) {
      return FeedAndComplete(**rebuilder, args, start,
                             [&](const FeedResult&) { return (*rebuilder)->Finish(); });
    }
  }
  IndexerOptions options{args.index_dir, "archive-index update"};
  options.threads = args.threads;
  auto indexer = Indexer::Open(options);
  if (!indexer.ok()) return Fail(indexer.status().message(), args.json);
  return FeedAndComplete(**indexer, args, start, [&](const FeedResult& feed) {
    if (args.prune && !feed.unreadable.empty()) {
      std::cerr << "archive-index: not pruning: " << feed.unreadable.front()
                << " could not be read, so the articles it holds are unknown\n";
    } else if (args.prune) {
      auto pruned = (*indexer)->RemoveUnseen();
      if (!pruned.ok())
        return StatusOr<UpdateSummary>(
            Status::Internal(pruned.status().message() + "; nothing was committed"));
    }
    return (*indexer)->Commit();
  });
}

int RunRebuild(const CommandArgs& args) {
  if (args.shards > 0) return RunShardedRebuild(args);
  const auto start = std::chrono::steady_clock::now();
  RebuildOptions options{args.index_dir, "archive-index rebuild"};
  options.threads = args.threads;
  options.articles_per_part = args.part_size;
  auto rebuilder = Rebuilder::Open(options);
  if (!rebuilder.ok()) return Fail(rebuilder.status().message(), args.json);
  return FeedAndComplete(**rebuilder, args, start, [&](const FeedResult& feed) {
    // A generation without a whole source would silently drop its articles (as a prune
    // would): the live generation stays.
    if (!feed.unreadable.empty())
      return StatusOr<UpdateSummary>(
          Status::FailedPrecondition("not rebuilding: " + feed.unreadable.front() +
                                     " could not be read; the live generation stays"));
    return (*rebuilder)->Finish();
  });
}

int RunDelete(const CommandArgs& args) {
  auto indexer = Indexer::Open({args.index_dir, "archive-index delete"});
  if (!indexer.ok()) return Fail(indexer.status().message(), args.json);
  std::vector<std::string> unknown;
  for (const std::string& id : args.ids) {
    auto found = (*indexer)->Delete(id);
    if (!found.ok()) return Fail(found.status().message() + "; nothing was committed", args.json);
    if (!*found) {
      unknown.push_back(id);
      std::cerr << "archive-index: " << id << ": no such article in the index\n";
    }
  }
  (*indexer)->CountRejected(unknown.size());
  auto summary = (*indexer)->Commit();
  if (!summary.ok()) return Fail(summary.status().message(), args.json);
  if (args.json) {
    json out = SummaryJson(*summary);
    out["not_found"] = unknown;
    std::cout << out.dump() << std::endl;
  } else {
    std::cerr << SummaryText(*summary) << "\n";
  }
  if (unknown.empty()) return kExitOk;
  return summary->removed > 0 ? kExitSomeRejected : kExitNothingChanged;
}

int RunRollback(const CommandArgs& args) {
  auto result = Rollback(args.index_dir, "archive-index rollback");
  if (!result.ok()) return Fail(result.status().message(), args.json);
  if (args.json) {
    json out = {{"from_generation", result->from_generation},
                {"generation", result->to_generation},
                {"revision", result->revision},
                {"articles", result->articles}};
    std::cout << out.dump() << std::endl;
  } else {
    std::cerr << fmt::format(
        "rolled back from generation {} to generation {} (revision {}, {} "
        "articles)\n",
        result->from_generation, result->to_generation, result->revision,
        WithThousands(result->articles));
  }
  return kExitOk;
}

int RunStatus(const CommandArgs& args) {
  auto status = ReadIndexStatus(args.index_dir);
  if (!status.ok()) return Fail(status.status().message(), args.json);
  if (args.json) {
    json out = {{"generation", status->generation},  {"revision", status->revision},
                {"articles", status->articles},      {"updated_at", status->updated_at},
                {"live_bytes", status->live_bytes},  {"total_bytes", status->total_bytes},
                {"generations", status->generations}};
    std::cout << out.dump() << std::endl;
    return kExitOk;
  }
  if (status->generation == 0) {
    std::cout << "nothing committed yet in " << args.index_dir << " (0 articles)\n";
    return kExitOk;
  }
  std::cout << fmt::format(
      "generation {}, revision {}: {} articles, last updated {}\n"
      "on disk: {:.1f} MB live, {:.1f} MB in all ({} generation directories)\n",
      status->generation, status->revision, WithThousands(status->articles),
      status->updated_at.empty() ? "unknown" : status->updated_at,
      static_cast<double>(status->live_bytes) / 1e6, static_cast<double>(status->total_bytes) / 1e6,
      status->generations.size());
  return kExitOk;
}

// Problems go to standard error one per line (or into the JSON object), so that a crash
// loop can print what it found; the exit status says whether there were any.
int RunCheck(const CommandArgs& args) {
  auto check = CheckIndex(args.index_dir);
  if (!check.ok()) return Fail(check.status().message(), args.json);
  if (args.list) {
    for (const auto& [id, hash] : check->served) std::cout << id << '\t' << hash << '\n';
  }
  if (args.json) {
    json out = {{"generation", check->generation},
                {"revision", check->revision},
                {"articles", check->articles},
                {"stored_versions", check->stored_versions},
                {"pending_repair", check->pending_repair},
                {"problems", check->problems},
                {"ok", check->problems.empty()}};
    std::cout << out.dump() << std::endl;
  } else {
    for (const std::string& problem : check->problems)
      std::cerr << "archive-index: check: " << problem << "\n";
    std::cerr << fmt::format(
        "generation {}, revision {}: {} articles, {} stored versions: {}{}\n", check->generation,
        check->revision, WithThousands(check->articles), WithThousands(check->stored_versions),
        check->problems.empty() ? "sound" : fmt::format("{} problems", check->problems.size()),
        check->pending_repair ? " (an interrupted writer left a repair for the next one)" : "");
  }
  return check->problems.empty() ? kExitOk : kExitCheckFailed;
}

}  // namespace archive::indexer
