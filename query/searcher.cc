#include "query/searcher.h"

#include <xapian.h>

#include <algorithm>
#include <mutex>

#include "core/analyzer.h"
#include "core/schema.h"
#include "core/xapian_errors.h"
#include "query/index_snapshot.h"
#include "query/query_builder.h"
#include "query/snippet.h"

namespace archive::query {
namespace {

constexpr uint32_t kMaxLimit = 10000;
constexpr uint32_t kMaxOffset = 100000;

bool IsDate(const std::string& text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (text[i] < '0' || text[i] > '9') return false;
  }
  return true;
}

Status Validate(const SearchRequest& request) {
  if (!request.from_date.empty() && !IsDate(request.from_date))
    return Status::InvalidArgument("from: \"" + request.from_date + "\" is not YYYY-MM-DD");
  if (!request.to_date.empty() && !IsDate(request.to_date))
    return Status::InvalidArgument("to: \"" + request.to_date + "\" is not YYYY-MM-DD");
  if (request.limit > kMaxLimit)
    return Status::InvalidArgument("limit: at most " + std::to_string(kMaxLimit));
  if (request.offset > kMaxOffset)
    return Status::InvalidArgument("offset: at most " + std::to_string(kMaxOffset));
  return Status::Ok();
}

bool IsBlank(const std::string& text) {
  return text.find_first_not_of(" \t\r\n") == std::string::npos;
}

std::string DisplayDate(const std::string& value) {  // YYYYMMDD → YYYY-MM-DD
  if (value.size() != 8) return "";
  return value.substr(0, 4) + "-" + value.substr(4, 2) + "-" + value.substr(6, 2);
}

// Selected facet values as table ids; a value no document has selects nothing.
std::vector<uint32_t> SelectedIds(const FacetTable& table, Facet facet,
                                  const std::vector<std::string>& values,
                                  const Analyzer& analyzer) {
  std::vector<uint32_t> ids;
  for (const std::string& value : values) {
    int64_t id = table.IdOf(facet, analyzer.Fold(value));
    if (id >= 0) ids.push_back(static_cast<uint32_t>(id));
  }
  return ids;
}

bool HasAny(std::span<const uint32_t> values, const std::vector<uint32_t>& selected) {
  for (uint32_t value : values) {
    if (std::find(selected.begin(), selected.end(), value) != selected.end()) return true;
  }
  return false;
}

std::vector<FacetCount> TopCounts(const FacetTable& table, Facet facet,
                                  const std::vector<uint64_t>& counts, uint32_t limit) {
  std::vector<FacetCount> out;
  for (uint32_t id = 0; id < counts.size(); ++id) {
    if (counts[id] > 0) out.push_back({table.Name(facet, id), counts[id]});
  }
  std::sort(out.begin(), out.end(), [](const FacetCount& a, const FacetCount& b) {
    return a.count != b.count ? a.count > b.count : a.value < b.value;
  });
  if (out.size() > limit) out.resize(limit);
  return out;
}

}  // namespace

struct Searcher::State {
  explicit State(Analyzer a) : analyzer(std::move(a)) {}
  Analyzer analyzer;
  mutable std::mutex mutex;
  std::shared_ptr<const IndexSnapshot> snapshot;

  std::shared_ptr<const IndexSnapshot> Current() const {
    std::lock_guard<std::mutex> lock(mutex);
    return snapshot;
  }
};

namespace {

// One search against one snapshot with one borrowed database. Throws Xapian::Error.
class SearchRun {
 public:
  SearchRun(const Analyzer& analyzer, const IndexSnapshot& snapshot, Xapian::Database& db,
            const SearchRequest& request)
      : analyzer_(analyzer), snapshot_(snapshot), db_(db), request_(request) {}

  StatusOr<SearchResult> Run() {
    QueryBuilder builder(analyzer_, db_);
    Xapian::Query text = builder.BuildText(request_.query);
    Xapian::Query base = builder.AddFilters(text, request_);
    Xapian::Query full = builder.AddFacetFilters(base, request_);

    SearchResult result;
    result.generation = snapshot_.generation();
    result.revision = snapshot_.revision();
    Xapian::MSet mset = RankedPage(full);
    result.total = mset.get_matches_estimated();
    result.total_is_exact = mset.get_matches_lower_bound() == mset.get_matches_upper_bound();
    if (request_.want_facets) CountFacets(base, result);
    ARCHIVE_RETURN_IF_ERROR(FillHits(mset, text, result));
    return result;
  }

 private:
  Xapian::MSet RankedPage(const Xapian::Query& query) {
    Xapian::Enquire enquire(db_);
    enquire.set_query(query);
    SortOrder sort = request_.sort;
    if (sort == SortOrder::kRelevance && IsBlank(request_.query)) sort = SortOrder::kNewest;
    if (sort != SortOrder::kRelevance)
      enquire.set_sort_by_value_then_relevance(schema::kDateSlot, sort == SortOrder::kNewest);
    return enquire.get_mset(request_.offset, request_.limit);
  }

  // Disjunctive facets: one pass over the match set without facet selections; a
  // document counts towards a facet's values when it passes the OTHER facet's selection,
  // and towards the total when it passes both.
  void CountFacets(const Xapian::Query& base, SearchResult& result) {
    const FacetTable& table = snapshot_.facets();
    std::vector<uint32_t> topics = SelectedIds(table, Facet::kTopic, request_.topics, analyzer_);
    std::vector<uint32_t> cities = SelectedIds(table, Facet::kCity, request_.cities, analyzer_);
    std::vector<uint64_t> topic_counts(table.ValueCount(Facet::kTopic));
    std::vector<uint64_t> city_counts(table.ValueCount(Facet::kCity));
    uint64_t total = 0;

    Xapian::Enquire enquire(db_);
    enquire.set_query(base);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    enquire.set_docid_order(Xapian::Enquire::ASCENDING);
    Xapian::MSet all = enquire.get_mset(0, db_.get_doccount());
    for (auto it = all.begin(); it != all.end(); ++it) {
      Xapian::docid docid = *it;
      auto doc_topics = table.ValuesOf(docid, Facet::kTopic);
      auto doc_cities = table.ValuesOf(docid, Facet::kCity);
      bool topic_ok = request_.topics.empty() || HasAny(doc_topics, topics);
      bool city_ok = request_.cities.empty() || HasAny(doc_cities, cities);
      if (city_ok) {
        for (uint32_t id : doc_topics) ++topic_counts[id];
      }
      if (topic_ok) {
        for (uint32_t id : doc_cities) ++city_counts[id];
      }
      if (topic_ok && city_ok) ++total;
    }
    result.total = total;
    result.total_is_exact = true;
    result.facets["topic"] = TopCounts(table, Facet::kTopic, topic_counts, request_.facet_limit);
    result.facets["city"] = TopCounts(table, Facet::kCity, city_counts, request_.facet_limit);
  }

  Status FillHits(const Xapian::MSet& mset, const Xapian::Query& text, SearchResult& result) {
    SnippetMaker snippets(analyzer_, text);
    HighlightStyle style{request_.highlight_pre, request_.highlight_post, request_.escape_html};
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      Xapian::Document document = it.get_document();
      std::string data = document.get_data();
      size_t newline = data.find('\n');
      std::string id = data.substr(0, newline);
      std::string hash = newline == std::string::npos ? "" : data.substr(newline + 1);
      StatusOr<Article> article = snapshot_.store().Get(id, hash);
      if (!article.ok()) return article.status().WithContext("the hit's stored text");

      Hit hit;
      hit.id = id;
      hit.rank = request_.offset + static_cast<uint32_t>(it.get_rank()) + 1 -
                 static_cast<uint32_t>(mset.get_firstitem());
      hit.score = it.get_weight();
      hit.kind = article->kind;
      hit.title = article->title;
      hit.title_highlighted = snippets.Highlight(article->title, style);
      hit.url = article->url;
      hit.date = DisplayDate(document.get_value(schema::kDateSlot));
      hit.issue = article->issue;
      hit.authors = article->authors;
      hit.topics = article->topics;
      hit.cities = article->cities;
      hit.snippet = snippets.Snippet(article->body, request_.snippet_words, style);
      result.hits.push_back(std::move(hit));
    }
    return Status::Ok();
  }

  const Analyzer& analyzer_;
  const IndexSnapshot& snapshot_;
  Xapian::Database& db_;
  const SearchRequest& request_;
};

}  // namespace

Searcher::Searcher(SearcherOptions options) : options_(std::move(options)) {}
Searcher::~Searcher() = default;

StatusOr<std::unique_ptr<Searcher>> Searcher::Open(const SearcherOptions& options) {
  ARCHIVE_ASSIGN_OR_RETURN(Analyzer analyzer, Analyzer::Create());
  std::unique_ptr<Searcher> searcher(new Searcher(options));
  searcher->state_ = std::make_unique<State>(std::move(analyzer));
  ARCHIVE_ASSIGN_OR_RETURN(searcher->state_->snapshot, IndexSnapshot::Open(options.index_dir));
  return searcher;
}

Status Searcher::SwapInLatest() const {
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

StatusOr<SearchResult> Searcher::Search(const SearchRequest& request) const {
  ARCHIVE_RETURN_IF_ERROR(Validate(request));
  Status last_error;
  // A database may move on under a long search (DatabaseModifiedError) or a new database
  // handle may be ahead of the snapshot's store: refresh and try once more.
  for (int attempt = 0; attempt < 2; ++attempt) {
    std::shared_ptr<const IndexSnapshot> snapshot = state_->Current();
    std::unique_ptr<Xapian::Database> db;
    std::optional<StatusOr<SearchResult>> result;
    bool stale = false;
    last_error = CallXapian("search", [&] {
      db = snapshot->Borrow();
      if (IndexSnapshot::RevisionOf(*db) != snapshot->revision()) {
        stale = true;
        return;
      }
      result.emplace(SearchRun(state_->analyzer, *snapshot, *db, request).Run());
    });
    if (db && !stale && last_error.ok()) snapshot->Return(std::move(db));
    if (result && result->ok()) return std::move(*result);
    if (result) last_error = result->status();
    if (stale) last_error = Status::Unavailable("the index changed during the search");
    if (last_error.code() != StatusCode::kUnavailable && last_error.code() != StatusCode::kNotFound)
      break;
    Status refreshed = SwapInLatest();
    if (!refreshed.ok()) return refreshed;
  }
  return last_error;
}

}  // namespace archive::query
