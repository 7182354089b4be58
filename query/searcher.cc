#include "query/searcher.h"

#include <xapian.h>

#include <algorithm>
#include <atomic>
#include <mutex>
#include <thread>

#include "core/analyzer.h"
#include "core/xapian_errors.h"
#include "query/facet_table.h"
#include "query/index_snapshot.h"
#include "query/search_run.h"

namespace archive::query {
namespace {

constexpr uint32_t kMaxOffset = 100000;
constexpr uint32_t kMaxSnippetWords = 500;
constexpr uint32_t kMaxSnippetPassages = 10;

bool IsDate(const std::string& text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (text[i] < '0' || text[i] > '9') return false;
  }
  return true;
}

}  // namespace

Status ValidateRequest(const SearchRequest& request) {
  if (!request.from_date.empty() && !IsDate(request.from_date))
    return Status::InvalidArgument("from: \"" + request.from_date + "\" is not YYYY-MM-DD");
  if (!request.to_date.empty() && !IsDate(request.to_date))
    return Status::InvalidArgument("to: \"" + request.to_date + "\" is not YYYY-MM-DD");
  if (request.limit > kMaxLimit)
    return Status::InvalidArgument("limit: at most " + std::to_string(kMaxLimit));
  if (request.offset > kMaxOffset)
    return Status::InvalidArgument("offset: at most " + std::to_string(kMaxOffset));
  if (request.issue_to > 0 && request.issue_from > request.issue_to)
    return Status::InvalidArgument("issue: the range " + std::to_string(request.issue_from) + ".." +
                                   std::to_string(request.issue_to) + " is empty");
  if (request.snippet_words > kMaxSnippetWords || request.snippet_passages > kMaxSnippetPassages)
    return Status::InvalidArgument("snippet: at most " + std::to_string(kMaxSnippetWords) +
                                   " words and " + std::to_string(kMaxSnippetPassages) +
                                   " passages");
  for (const std::string& name : request.facet_names) {
    if (!FacetByName(name))
      return Status::InvalidArgument("facets: unknown facet \"" + name + "\"");
  }
  return Status::Ok();
}

struct Searcher::State {
  explicit State(Analyzer a) : analyzer(std::move(a)) {}
  Analyzer analyzer;
  mutable std::mutex mutex;
  std::shared_ptr<const IndexSnapshot> snapshot;
  std::vector<ShardSpec> shards;     // empty: one plain index
  std::atomic<unsigned> running{0};  // calls inside WithContext
  unsigned cores = 1;
  IndexSnapshot::ShardAccess access;

  std::shared_ptr<const IndexSnapshot> Current() const {
    std::lock_guard<std::mutex> lock(mutex);
    return snapshot;
  }
};

Searcher::Searcher(SearcherOptions options) : options_(std::move(options)) {}
Searcher::~Searcher() = default;

StatusOr<std::unique_ptr<Searcher>> Searcher::Open(const SearcherOptions& options) {
  ARCHIVE_ASSIGN_OR_RETURN(Analyzer analyzer, Analyzer::Create());
  std::unique_ptr<Searcher> searcher(new Searcher(options));
  searcher->state_ = std::make_unique<State>(std::move(analyzer));
  State& state = *searcher->state_;
  ARCHIVE_ASSIGN_OR_RETURN(
      state.shards,
      ResolveShards(options.shards.empty() ? std::vector{options.index_dir} : options.shards));
  state.access = {options.shard_timeout_ms, options.shard_partial};
  state.cores =
      std::max(1u, options.cores > 0 ? options.cores : std::thread::hardware_concurrency());
  if (!state.shards.empty()) {
    ARCHIVE_ASSIGN_OR_RETURN(state.snapshot, IndexSnapshot::OpenShards(state.shards, state.access));
    return searcher;
  }
  ARCHIVE_ASSIGN_OR_RETURN(state.snapshot, IndexSnapshot::Open(options.index_dir));
  return searcher;
}

bool Searcher::sharded() const { return !state_->shards.empty(); }

Status Searcher::SwapInLatest() const {
  if (!state_->shards.empty()) {
    // Probes every shard: one that went down or came back makes a new snapshot.
    const std::string live = IndexSnapshot::ShardsState(state_->shards, state_->access);
    if (live == state_->Current()->state()) return Status::Ok();
    ARCHIVE_ASSIGN_OR_RETURN(std::shared_ptr<IndexSnapshot> fresh,
                             IndexSnapshot::OpenShards(state_->shards, state_->access));
    std::lock_guard<std::mutex> lock(state_->mutex);
    state_->snapshot = std::move(fresh);
    return Status::Ok();
  }
  ARCHIVE_ASSIGN_OR_RETURN(auto live, IndexSnapshot::LiveState(options_.index_dir));
  std::shared_ptr<const IndexSnapshot> current = state_->Current();
  if (live.first == current->generation() && live.second == current->revision())
    return Status::Ok();
  ARCHIVE_ASSIGN_OR_RETURN(std::shared_ptr<IndexSnapshot> fresh,
                           IndexSnapshot::Open(options_.index_dir));
  std::lock_guard<std::mutex> lock(state_->mutex);
  state_->snapshot = std::move(fresh);
  return Status::Ok();
}

Status Searcher::WithContext(const std::function<Status(SearchContext&)>& body) const {
  const unsigned running = ++state_->running;
  struct Leave {
    std::atomic<unsigned>& running;
    ~Leave() { --running; }
  } leave{state_->running};
  Status last_error;
  // A database may move on under a long search (DatabaseModifiedError) or a new database
  // handle may be ahead of the snapshot's store: refresh and try once more.
  for (int attempt = 0; attempt < 2; ++attempt) {
    std::shared_ptr<const IndexSnapshot> snapshot = state_->Current();
    std::unique_ptr<Xapian::Database> db;
    std::optional<Status> outcome;
    bool stale = false;
    last_error = CallXapian("search", [&] {
      db = snapshot->Borrow();
      if (IndexSnapshot::RevisionOf(*db) != snapshot->revision()) {
        stale = true;
        return;
      }
      SearchContext context{state_->analyzer, *snapshot, *db, options_, running < state_->cores};
      outcome = body(context);
    });
    if (db && !stale && last_error.ok()) snapshot->Return(std::move(db));
    // A remote shard dropped its connections (down, restarted, idle timeout): the idle
    // handles are likely dead too.
    if (last_error.code() == StatusCode::kUnavailable) snapshot->DropIdle();
    if (outcome && outcome->ok()) return Status::Ok();
    if (outcome) last_error = *outcome;
    if (stale) last_error = Status::Unavailable("the index changed during the search");
    if (last_error.code() != StatusCode::kUnavailable && last_error.code() != StatusCode::kNotFound)
      break;
    Status refreshed = SwapInLatest();
    if (!refreshed.ok()) return refreshed;
  }
  return last_error;
}

StatusOr<SearchResult> Searcher::Search(const SearchRequest& request) const {
  ARCHIVE_RETURN_IF_ERROR(ValidateRequest(request));
  SearchResult result;
  ARCHIVE_RETURN_IF_ERROR(WithContext([&](SearchContext& context) -> Status {
    ARCHIVE_ASSIGN_OR_RETURN(result, SearchRun(context, request).Run());
    NoteMissingShards(context.snapshot, result);
    return Status::Ok();
  }));
  return result;
}

}  // namespace archive::query
