#include "indexer/pull_command.h"

#include <fcntl.h>
#include <fmt/core.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/index_layout.h"
#include "corpus/wordpress_pull.h"
#include "indexer/command_output.h"
#include "indexer/commands.h"
#include "indexer/indexer.h"

namespace archive::indexer {
namespace {

using nlohmann::json;

// Where the last pull stopped, kept inside the generation it was applied to: a rollback
// brings back the matching record, and a fresh generation (a rebuild from an export)
// starts with a full pull, which is safe because unchanged posts are recognised.
constexpr const char* kPullRecordName = "wordpress-pull.json";

struct PullRecord {
  std::string site_url;
  std::string modified_after;
};

std::string RecordPath(const std::string& index_dir, uint64_t generation) {
  return index_layout::GenerationPath(index_dir, generation) + "/" + kPullRecordName;
}

// The record of the live generation for `site_url`; empty when there is none, or when it
// was written for another site.
PullRecord ReadPullRecord(const std::string& index_dir, const std::string& site_url) {
  StatusOr<std::optional<uint64_t>> current = index_layout::ReadCurrent(index_dir);
  if (!current.ok() || !current->has_value()) return {};
  std::ifstream in(RecordPath(index_dir, **current));
  json record = json::parse(in, nullptr, /*allow_exceptions=*/false);
  // A field of another type (a damaged file) reads as empty instead of throwing.
  auto text = [&record](const char* field) -> std::string {
    auto it = record.find(field);
    return it != record.end() && it->is_string() ? it->get<std::string>() : "";
  };
  if (!record.is_object() || text("site") != site_url) return {};
  return {site_url, text("modified_after")};
}

// Written to a temporary file, synced and renamed, like CURRENT.
Status WritePullRecord(const std::string& index_dir, uint64_t generation,
                       const PullRecord& record) {
  const std::string path = RecordPath(index_dir, generation);
  const std::string temporary = path + ".tmp";
  std::string text =
      json{{"site", record.site_url}, {"modified_after", record.modified_after}}.dump(2) + "\n";
  int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return Status::IOError(temporary + ": cannot create");
  bool written = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) &&
                 ::fsync(fd) == 0;
  ::close(fd);
  if (!written || std::rename(temporary.c_str(), path.c_str()) != 0)
    return Status::IOError(path + ": cannot write the pull record");
  return index_layout::SyncDirectory(index_layout::GenerationPath(index_dir, generation));
}

void ReportRecords(const corpus::WordPressChanges& changes) {
  for (const corpus::Rejection& rejection : changes.rejections)
    std::cerr << "archive-index: " << rejection.ToString() << "\n";
}

// Adds the changed posts and stages the removal of every WordPress article the site no
// longer publishes. An empty list of published posts is taken as a site answering
// wrongly rather than a site that unpublished everything: nothing is removed then.
Status StageChanges(Indexer& indexer, const corpus::WordPressChanges& changes) {
  for (Article article : changes.articles)
    ARCHIVE_RETURN_IF_ERROR(indexer.Add(std::move(article)).status());
  if (changes.published_ids.empty()) {
    std::cerr << "archive-index: the site lists no published post; removing nothing\n";
  } else {
    auto keep = [&](std::string_view id) {
      return id.substr(0, 3) != "wp-" || changes.published_ids.contains(std::string(id));
    };
    ARCHIVE_RETURN_IF_ERROR(indexer.RemoveUnseen(keep).status());
  }
  indexer.CountRejected(changes.rejections.size());
  indexer.CountSkipped(changes.skips.size());
  return Status::Ok();
}

}  // namespace

int RunPull(const PullArgs& args) {
  const auto start = std::chrono::steady_clock::now();
  PullRecord record = args.full ? PullRecord{} : ReadPullRecord(args.index_dir, args.site_url);
  corpus::WordPressPullOptions pull;
  pull.site_url = args.site_url;
  pull.auth = args.auth;
  pull.modified_after = record.modified_after;
  pull.timeout = std::chrono::seconds(args.timeout_seconds);
  StatusOr<corpus::WordPressChanges> changes = corpus::FetchWordPressChanges(pull, {});
  if (!changes.ok())
    return Fail(changes.status().message() + "; nothing was applied, the next pull starts again",
                args.json);
  ReportRecords(*changes);

  auto indexer = Indexer::Open({args.index_dir, "archive-index pull"});
  if (!indexer.ok()) return Fail(indexer.status().message(), args.json);
  Status staged = StageChanges(**indexer, *changes);
  if (!staged.ok()) return Fail(staged.message() + "; nothing was committed", args.json);
  auto summary = (*indexer)->Commit();
  if (!summary.ok()) return Fail(summary.status().message(), args.json);
  Status recorded = WritePullRecord(args.index_dir, summary->generation,
                                    {args.site_url, changes->newest_modified});
  // The update is committed; without the record the next pull fetches more than it
  // needs, and finds those posts unchanged.
  if (!recorded.ok()) std::cerr << "archive-index: " << recorded.message() << "\n";

  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (args.json) {
    json out = SummaryJson(*summary);
    out["fetched"] = changes->articles.size();
    out["requests"] = changes->requests;
    out["modified_after"] = changes->newest_modified;
    out["seconds"] = seconds;
    std::cout << out.dump() << std::endl;
  } else {
    std::cerr << fmt::format("pulled {} changed posts from {} in {} requests ({:.1f} s): ",
                             changes->articles.size(), args.site_url, changes->requests, seconds)
              << SummaryText(*summary) << "\n";
  }
  return changes->rejections.empty() ? kExitOk : kExitSomeRejected;
}

}  // namespace archive::indexer
