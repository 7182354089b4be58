// The sharded side of IndexSnapshot: several shards, local or remote (xapian-tcpsrv),
// opened as one Xapian database. Xapian interleaves the shards' docids (shard i of n
// holds combined docids i+1, i+1+n, ...) and ranks over all of them with global term
// statistics, so the ranking equals that of one index of the same documents.
#include <xapian.h>

#include "core/index_layout.h"
#include "core/schema.h"
#include "core/xapian_errors.h"
#include "query/index_snapshot.h"
#include "query/search_types.h"

namespace archive::query {
namespace {

std::string Describe(const ShardSpec& spec, const Status& status) {
  return spec.text + ": " + status.message();
}

}  // namespace

std::unique_ptr<Xapian::Database> IndexSnapshot::OpenPartDatabase(const Part& part,
                                                                  const ShardAccess& access) {
  if (!part.spec.remote()) return std::make_unique<Xapian::Database>(part.xapian_path);
  const auto timeout = static_cast<unsigned>(access.timeout_ms);
  return std::make_unique<Xapian::Database>(
      Xapian::Remote::open(part.spec.host, part.spec.port, timeout, timeout));
}

StatusOr<IndexSnapshot::Part> IndexSnapshot::OpenPart(const ShardSpec& spec,
                                                      const ShardAccess& access,
                                                      uint64_t* generation, uint64_t* revision) {
  Part part;
  part.spec = spec;
  ARCHIVE_ASSIGN_OR_RETURN(std::optional<uint64_t> live, index_layout::ReadCurrent(spec.index_dir));
  if (!live) return Status::NotFound("no committed index in " + spec.index_dir);
  *generation = *live;
  part.xapian_path = index_layout::XapianPath(spec.index_dir, *live);
  std::string schema_version;
  ARCHIVE_RETURN_IF_ERROR(CallXapian("opening shard", [&] {
    std::unique_ptr<Xapian::Database> db = OpenPartDatabase(part, access);
    schema_version = db->get_metadata(std::string(schema::kSchemaVersionKey));
    *revision = RevisionOf(*db);
  }));
  if (schema_version != std::to_string(schema::kVersion))
    return Status::FailedPrecondition("schema version \"" + schema_version +
                                      "\", this build reads " + std::to_string(schema::kVersion) +
                                      ": rebuild needed");
  ARCHIVE_ASSIGN_OR_RETURN(
      part.store,
      DocStore::Open(index_layout::StorePath(spec.index_dir, *live), DocStore::Mode::kReadOnly));
  return part;
}

StatusOr<std::shared_ptr<IndexSnapshot>> IndexSnapshot::OpenShards(
    const std::vector<ShardSpec>& shards, const ShardAccess& access) {
  std::shared_ptr<IndexSnapshot> snapshot(new IndexSnapshot());
  snapshot->access_ = access;
  for (const ShardSpec& spec : shards) {
    uint64_t generation = 0, revision = 0;
    StatusOr<Part> part = OpenPart(spec, access, &generation, &revision);
    if (!part.ok()) {
      // A schema mismatch is a deployment error, never a partial answer.
      if (part.status().code() == StatusCode::kFailedPrecondition)
        return Status::FailedPrecondition("shard " + Describe(spec, part.status()));
      if (!access.allow_partial)
        return Status::Unavailable("shard " + Describe(spec, part.status()) +
                                   " (--shard-failure fail: no partial answers)");
      snapshot->missing_.push_back(Describe(spec, part.status()));
      snapshot->state_ += "down;";
      continue;
    }
    // The response names the first reachable shard's generation and revision (the
    // combined database's metadata is that shard's).
    if (snapshot->parts_.empty()) {
      snapshot->generation_ = generation;
      snapshot->revision_ = revision;
    }
    snapshot->state_ += std::to_string(generation) + ":" + std::to_string(revision) + ";";
    snapshot->parts_.push_back(std::move(*part));
  }
  if (snapshot->parts_.empty())
    return Status::Unavailable("no shard could be opened: " + snapshot->missing_.front());
  return snapshot;
}

std::string IndexSnapshot::ShardsState(const std::vector<ShardSpec>& shards,
                                       const ShardAccess& access) {
  std::string state;
  for (const ShardSpec& spec : shards) {
    StatusOr<std::optional<uint64_t>> live = index_layout::ReadCurrent(spec.index_dir);
    if (!live.ok() || !*live) {
      state += "down;";
      continue;
    }
    Part part;
    part.spec = spec;
    part.xapian_path = index_layout::XapianPath(spec.index_dir, **live);
    uint64_t revision = 0;
    const Status status = CallXapian(
        "probing shard", [&] { revision = RevisionOf(*OpenPartDatabase(part, access)); });
    state += status.ok() ? std::to_string(**live) + ":" + std::to_string(revision) + ";" : "down;";
  }
  return state;
}

std::unique_ptr<Xapian::Database> IndexSnapshot::OpenCombined() const {
  auto combined = std::make_unique<Xapian::Database>();
  for (const Part& part : parts_) combined->add_database(*OpenPartDatabase(part, access_));
  return combined;
}

StatusOr<Article> IndexSnapshot::GetFromShards(std::string_view id, std::string_view hash) const {
  // Ids are unique across shards; a point lookup that misses is cheap (bloom filters).
  Status last = Status::NotFound("no shard stores \"" + std::string(id) + "\"");
  for (const Part& part : parts_) {
    StatusOr<Article> article = part.store->Get(id, hash);
    if (article.ok() || article.status().code() != StatusCode::kNotFound) return article;
    last = article.status();
  }
  return last;
}

void NoteMissingShards(const IndexSnapshot& snapshot, SearchResult& result) {
  if (snapshot.missing().empty()) return;
  result.partial = true;
  for (const std::string& missing : snapshot.missing())
    result.notices.push_back("Partial results: shard " + missing);
}

const FacetTable& IndexSnapshot::facets() const {
  if (sharded()) {
    std::call_once(facets_loaded_, [this] {
      std::unique_ptr<Xapian::Database> db = OpenCombined();
      facets_ = FacetTable::Load(*db);
    });
  }
  return facets_;
}

}  // namespace archive::query
