#include "query/search_run.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <memory>

#include "core/schema.h"
#include "query/concurrent_facets.h"
#include "query/helper_thread.h"
#include "query/spelling.h"
#include "query/synonyms.h"

namespace archive::query {
namespace {

bool IsBlank(const std::string& text) {
  return text.find_first_not_of(" \t\r\n") == std::string::npos;
}

const Synonyms* SynonymsFor(const SearchContext& context, const SearchRequest& request) {
  return context.options.synonyms && !request.strict ? &Synonyms::BuiltIn() : nullptr;
}

}  // namespace

std::string DisplayDate(const std::string& value) {
  if (value.size() != 8) return "";
  return value.substr(0, 4) + "-" + value.substr(4, 2) + "-" + value.substr(6, 2);
}

SearchRun::SearchRun(const SearchContext& context, const SearchRequest& request)
    : context_(context),
      request_(request),
      builder_(context.analyzer, context.db, SynonymsFor(context, request)) {}

Xapian::Query SearchRun::Filtered(const Xapian::Query& text) const {
  return builder_.AddFacetFilters(builder_.AddFilters(text, request_), request_);
}

void SearchRun::Choose(const Xapian::Query& text) {
  text_ = text;
  base_ = builder_.AddFilters(text, request_);
  full_ = builder_.AddFacetFilters(base_, request_);
}

bool SearchRun::Finds(const Xapian::Query& full) const {
  Xapian::Enquire enquire(context_.db);
  enquire.set_query(full);
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  return !enquire.get_mset(0, 1).empty();
}

Status SearchRun::Prepare(SearchResult& result) {
  const bool has_words = !IsBlank(request_.query);
  if (!request_.like_id.empty()) {
    ARCHIVE_ASSIGN_OR_RETURN(Xapian::Query like, MoreLikeThis(context_.db, request_.like_id));
    if (has_words) {
      like = Xapian::Query(Xapian::Query::OP_FILTER, like,
                           builder_.BuildText(request_.query, {.strict = request_.strict}));
    }
    Choose(like);
  } else {
    Choose(builder_.BuildText(request_.query, {.strict = request_.strict}));
    if (has_words && context_.options.title_phrase_boost > 0)
      boost_ = builder_.TitlePhraseBoost(request_.query, context_.options.title_phrase_boost);
    if (has_words && !request_.strict) TryAlternatives(result);
  }
  if (request_.explain) result.explanation = RankedEnquire().get_query().get_description();
  return Status::Ok();
}

// When the words find nothing: the query with its typos corrected, then any of its words.
// Never in strict mode; the original query stays in the request for the caller to offer.
void SearchRun::TryAlternatives(SearchResult& result) {
  SpellingCorrector speller(context_.db);
  const std::string corrected = speller.CorrectQuery(context_.analyzer.FoldQuery(request_.query));
  if (Finds(full_)) {
    result.suggestion = corrected;  // "did you mean", the hits stay as asked
    return;
  }
  if (!corrected.empty()) {
    result.suggestion = corrected;
    Xapian::Query text = builder_.BuildText(corrected);
    if (Finds(Filtered(text))) {
      Choose(text);
      boost_ = builder_.TitlePhraseBoost(corrected, context_.options.title_phrase_boost);
      result.corrected_query = corrected;
      result.notices.push_back("No results for \"" + request_.query + "\"; showing results for \"" +
                               corrected + "\".");
      return;
    }
  }
  const std::string& words = corrected.empty() ? request_.query : corrected;
  Xapian::Query any = builder_.BuildText(words, {.any_word = true});
  if (any.get_description() == text_.get_description() || !Finds(Filtered(any))) return;
  Choose(any);
  result.relaxed = true;
  if (!corrected.empty()) result.corrected_query = corrected;
  result.notices.push_back(
      "No article has all of these words; showing articles with some of them, those with "
      "the most first.");
}

Xapian::Enquire SearchRun::RankedEnquire() const {
  Xapian::Enquire enquire(context_.db);
  enquire.set_query(boost_.empty() ? full_
                                   : Xapian::Query(Xapian::Query::OP_AND_MAYBE, full_, boost_));
  enquire.set_weighting_scheme(
      Xapian::BM25Weight(context_.options.bm25_k1, 0, 1, context_.options.bm25_b, 0.5));
  if (request_.collapse) enquire.set_collapse_key(schema::kCollapseSlot);
  enquire.set_time_limit(context_.options.match_time_limit_s);
  SortOrder sort = request_.sort;
  if (sort == SortOrder::kRelevance && IsBlank(request_.query) && request_.like_id.empty())
    sort = SortOrder::kNewest;
  if (sort == SortOrder::kRelevance) {
    enquire.set_sort_by_relevance_then_value(schema::kDateSlot, true);  // recency breaks ties
  } else {
    enquire.set_sort_by_value_then_relevance(schema::kDateSlot, sort == SortOrder::kNewest);
  }
  return enquire;
}

StatusOr<SearchResult> SearchRun::Run() {
  const auto started = std::chrono::steady_clock::now();
  // The ranked pass and the facet pass share one budget, so that the worst query is
  // answered within a second (0.9 s with the default limit of 0.5 s, snippets aside);
  // the facet pass gets at least 50 ms.
  auto facet_budget = [&] {
    const double limit = context_.options.match_time_limit_s;
    if (limit <= 0) return 0.0;
    const double spent =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return std::max(0.05, 1.8 * limit - spent);
  };
  SearchResult result;
  result.generation = context_.snapshot.generation();
  result.revision = context_.snapshot.revision();
  ARCHIVE_RETURN_IF_ERROR(Prepare(result));
  if (request_.count_only && request_.want_facets) {
    // The facet pass counts the whole request exactly: no BM25 pass over every match.
    CountFacets(context_, request_, base_, std::nullopt, facet_budget(), result);
    if (result.total_is_exact) return result;
  }
  const bool page_and_facets = request_.want_facets && !request_.count_only;
  std::unique_ptr<ConcurrentFacets> facets_aside;
  if (page_and_facets && context_.options.concurrent_facets && context_.spare_core)
    facets_aside = ConcurrentFacets::Start(context_, request_, base_, facet_budget());
  // A page by relevance comes from the skipping passes when they can settle it.
  std::optional<Page> page;
  if (!request_.count_only && request_.limit > 0 && RanksByRelevance()) page = FastPage();
  Xapian::MSet mset;
  if (page) {
    result.total = page->total;
    result.total_is_exact = page->total_is_exact;
  } else if (request_.count_only) {
    CountMatches(result);
  } else {
    mset = RankedEnquire().get_mset(request_.offset, request_.limit);
    result.total = mset.get_matches_estimated();
    result.total_is_exact = mset.get_matches_lower_bound() == mset.get_matches_upper_bound();
  }
  if (page_and_facets && !facets_aside) {
    // Without facet selections the ranked pass matched the same set as the facet pass
    // (an upper bound only decides between exact and sampled counting).
    const bool same_set =
        request_.topics.empty() && request_.cities.empty() && request_.authors.empty();
    const uint64_t upper = page ? page->matches_upper_bound : mset.get_matches_upper_bound();
    CountFacets(context_, request_, base_, same_set ? std::optional<uint64_t>(upper) : std::nullopt,
                facet_budget(), result);
  }
  if (request_.count_only) return result;
  ARCHIVE_RETURN_IF_ERROR(AddHits(page, mset, result));
  if (facets_aside) facets_aside->Finish(result);
  return result;
}

// Xapian counts a collapsed match set exactly only when it keeps the matches: from a pass
// that keeps none it estimates how many copies collapse (a count of 575 came out as 600).
// So every match is kept, unranked and in docid order; the total is exact unless the time
// limit cut the pass short.
void SearchRun::CountMatches(SearchResult& result) const {
  Xapian::Enquire enquire = UnrankedEnquire(full_);
  if (request_.collapse) enquire.set_collapse_key(schema::kCollapseSlot);
  const Xapian::doccount all = context_.db.get_doccount();
  const Xapian::MSet mset = enquire.get_mset(0, request_.collapse ? all : 0, all);
  result.total_is_exact = mset.get_matches_lower_bound() == mset.get_matches_upper_bound();
  result.total =
      result.total_is_exact && request_.collapse ? mset.size() : mset.get_matches_estimated();
}

Status SearchRun::AddHits(const std::optional<Page>& page, const Xapian::MSet& mset,
                          SearchResult& result) const {
  if (page) return AddPageHits(*page, result);
  SnippetMaker snippets(context_.analyzer, text_);
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    ARCHIVE_ASSIGN_OR_RETURN(Hit hit,
                             MakeHit(it, &snippets, static_cast<uint32_t>(it.get_rank()) + 1));
    result.hits.push_back(std::move(hit));
  }
  return Status::Ok();
}

// A hit is its stored article read and decoded and a snippet made: about a third of a
// typical query. With a spare core a second thread takes hits too, each thread with its
// own database and SnippetMaker (neither is thread-safe), in rank order as they come.
Status SearchRun::AddPageHits(const Page& page, SearchResult& result) const {
  const size_t count = page.hits.size();
  std::vector<std::optional<StatusOr<Hit>>> built(count);
  std::atomic<size_t> next{0};
  auto build = [&](const Xapian::Database& db, const SnippetMaker& snippets) {
    for (size_t i = next++; i < count; i = next++) {
      const Ranked& ranked = page.hits[i];
      built[i] = MakeHit(db.get_document(ranked.docid), ranked.weight, &snippets,
                         request_.offset + static_cast<uint32_t>(i) + 1);
    }
  };
  const SnippetMaker snippets(context_.analyzer, text_);
  std::unique_ptr<Xapian::Database> second_db;
  std::optional<SnippetMaker> second_snippets;
  HelperThread helper;  // declared after what it uses: joined before they go
  // (Ids alone are not worth a thread.)
  if (context_.spare_core && count > 1 && !request_.ids_only && !context_.snapshot.sharded()) {
    second_db = context_.snapshot.BorrowSameRevision();
    if (second_db) {
      second_snippets.emplace(context_.analyzer, text_);
      helper.Start([&] { build(*second_db, *second_snippets); });
    }
  }
  build(context_.db, snippets);
  helper.Wait();
  if (second_db) context_.snapshot.Return(std::move(second_db));
  for (std::optional<StatusOr<Hit>>& hit : built) {
    if (!hit->ok()) return hit->status();
    result.hits.push_back(std::move(**hit));
  }
  return Status::Ok();
}

// A document's data: the article's id, a newline, the hash of its stored text.
std::string SearchRun::StoredId(const std::string& data) { return data.substr(0, data.find('\n')); }

StatusOr<Article> SearchRun::Load(const Xapian::Document& document, std::string* id) const {
  const std::string data = document.get_data();
  *id = StoredId(data);
  const size_t newline = data.find('\n');
  const std::string hash = newline == std::string::npos ? "" : data.substr(newline + 1);
  StatusOr<Article> article = context_.snapshot.Get(*id, hash);
  if (!article.ok()) return article.status().WithContext("the hit's stored text");
  return article;
}

StatusOr<Hit> SearchRun::MakeHit(const Xapian::MSetIterator& match, const SnippetMaker* snippets,
                                 uint32_t rank) const {
  return MakeHit(match.get_document(), match.get_weight(), snippets, rank);
}

StatusOr<Hit> SearchRun::MakeHit(const Xapian::Document& document, double weight,
                                 const SnippetMaker* snippets, uint32_t rank) const {
  Hit hit;
  hit.rank = rank;
  hit.score = weight;
  hit.date = DisplayDate(document.get_value(schema::kDateSlot));
  if (request_.ids_only) {
    hit.id = StoredId(document.get_data());
    return hit;
  }
  ARCHIVE_ASSIGN_OR_RETURN(Article article, Load(document, &hit.id));
  hit.kind = article.kind;
  hit.title = article.title;
  hit.url = article.url;
  hit.issue = article.issue;
  hit.authors = std::move(article.authors);
  hit.topics = std::move(article.topics);
  hit.cities = std::move(article.cities);
  hit.summary = std::move(article.summary);
  hit.lang = std::move(article.lang);
  if (snippets != nullptr) {
    const HighlightStyle highlight = style();
    hit.title_highlighted = snippets->Highlight(article.title, highlight);
    if (request_.snippet_words > 0) {
      hit.snippet = snippets->Passages(article.body, request_.snippet_words,
                                       std::max<uint32_t>(1, request_.snippet_passages), highlight);
    }
  } else {
    hit.title_highlighted = hit.title;
  }
  return hit;
}

}  // namespace archive::query
