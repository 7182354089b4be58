// The research tools: streamed export, counts over time, keyword in context, and the
// "more like this" query.
#include <algorithm>
#include <cstdio>
#include <map>
#include <set>
#include <unordered_set>

#include "core/schema.h"
#include "query/facet_table.h"
#include "query/search_run.h"

namespace archive::query {
namespace {

constexpr Xapian::doccount kExportPage = 200;
constexpr Xapian::termcount kLikeTerms = 25;
constexpr Xapian::doccount kMaxKwicDocuments = 2000;

std::string Period(const std::string& date_value, Granularity granularity) {
  if (date_value.size() != 8) return "undated";
  return granularity == Granularity::kYear
             ? date_value.substr(0, 4)
             : date_value.substr(0, 4) + "-" + date_value.substr(4, 2);
}

// Every period from `first` to `last` ("YYYY" or "YYYY-MM", both of one granularity),
// in order.
std::vector<std::string> PeriodsBetween(const std::string& first, const std::string& last,
                                        Granularity granularity) {
  std::vector<std::string> periods;
  int year = std::stoi(first.substr(0, 4));
  int month = granularity == Granularity::kMonth ? std::stoi(first.substr(5, 2)) : 1;
  for (;;) {
    char text[16];
    if (granularity == Granularity::kYear) {
      std::snprintf(text, sizeof text, "%04d", year);
    } else {
      std::snprintf(text, sizeof text, "%04d-%02d", year, month);
    }
    periods.emplace_back(text);
    if (periods.back() >= last) return periods;
    if (granularity == Granularity::kYear || ++month > 12) {
      ++year;
      month = 1;
    }
  }
}

// Rows of zeros for the periods between the first and last dated ones that no document
// falls in, in every series, so that a time line has no silent gaps.
void FillEmptyPeriods(std::map<std::pair<std::string, std::string>, HistogramBucket>& by_key,
                      Granularity granularity) {
  std::string first, last;
  std::set<std::string> groups;
  for (const auto& [key, bucket] : by_key) {
    groups.insert(key.second);
    const bool dated = (key.first.size() == 4 || key.first.size() == 7) &&
                       key.first.find_first_not_of("0123456789-") == std::string::npos;
    if (!dated) continue;  // "undated" stays after the time line
    if (first.empty() || key.first < first) first = key.first;
    if (last.empty() || key.first > last) last = key.first;
  }
  if (first.empty()) return;
  for (const std::string& period : PeriodsBetween(first, last, granularity)) {
    for (const std::string& group : groups) {
      HistogramBucket& bucket = by_key[{period, group}];
      bucket.period = period;
      bucket.group = group;
    }
  }
}

// Text words only: unprefixed terms and their Z stems (not titles, authors, filters).
bool IsTextTerm(const std::string& term) {
  if (term.empty()) return false;
  const char first = term[0] == 'Z' && term.size() > 1 ? term[1] : term[0];
  return !(first >= 'A' && first <= 'Z');
}

// The title version of a text term: "Zstrike" → "ZSstrike", "strike" → "Sstrike".
std::string TitleTerm(const std::string& term) {
  return term[0] == 'Z' ? "ZS" + term.substr(1) : "S" + term;
}

class StemmedWords : public Xapian::ExpandDecider {
 public:
  bool operator()(const std::string& term) const override {
    return term.size() >= 4 && term[0] == 'Z' && term[1] >= 'a' && term[1] <= 'z';
  }
};

std::vector<Xapian::docid> AllMatches(Xapian::Database& db, const Xapian::Query& query) {
  Xapian::Enquire enquire(db);
  enquire.set_query(query);
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  enquire.set_docid_order(Xapian::Enquire::ASCENDING);
  std::vector<Xapian::docid> docids;
  Xapian::MSet mset = enquire.get_mset(0, db.get_doccount());
  for (auto it = mset.begin(); it != mset.end(); ++it) docids.push_back(*it);
  return docids;
}

std::string Lower(std::string text) {
  for (char& c : text) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return text;
}

// The left context read outwards from the keyword: its words in reverse order.
std::string ReversedWords(const std::string& text) {
  std::string out;
  size_t end = text.size();
  while (end > 0) {
    size_t begin = text.rfind(' ', end - 1);
    begin = begin == std::string::npos ? 0 : begin + 1;
    out += Lower(text.substr(begin, end - begin)) + " ";
    end = begin == 0 ? 0 : begin - 1;
  }
  return out;
}

void SortKwic(std::vector<KwicLine>& lines, KwicSort sort) {
  if (sort == KwicSort::kDocument) return;
  std::vector<std::pair<std::string, size_t>> keys;
  for (size_t i = 0; i < lines.size(); ++i) {
    keys.emplace_back(
        sort == KwicSort::kLeft ? ReversedWords(lines[i].left) : Lower(lines[i].right), i);
  }
  std::stable_sort(keys.begin(), keys.end());
  std::vector<KwicLine> sorted;
  for (const auto& key : keys) sorted.push_back(std::move(lines[key.second]));
  lines = std::move(sorted);
}

}  // namespace

StatusOr<Xapian::Query> MoreLikeThis(const Xapian::Database& db, const std::string& id) {
  const std::string id_term = std::string(schema::kIdPrefix) + id;
  Xapian::PostingIterator posting = db.postlist_begin(id_term);
  if (posting == db.postlist_end(id_term))
    return Status::NotFound("like: no article with id \"" + id + "\"");
  Xapian::RSet relevant;
  relevant.add_document(*posting);
  Xapian::Enquire enquire(db);
  StemmedWords decider;
  // Exact term frequencies: over shards, Xapian otherwise estimates them from the
  // relevant document's own shard, and the terms chosen differ from one index's.
  Xapian::ESet eset =
      enquire.get_eset(kLikeTerms, relevant, Xapian::Enquire::USE_EXACT_TERMFREQ, &decider);
  std::vector<Xapian::Query> terms;
  for (auto it = eset.begin(); it != eset.end(); ++it) terms.emplace_back(*it);
  Xapian::Query like(Xapian::Query::OP_OR, terms.begin(), terms.end());
  return Xapian::Query(Xapian::Query::OP_AND_NOT, like, Xapian::Query(id_term));
}

StatusOr<SearchResult> Searcher::Export(const SearchRequest& request,
                                        const HitVisitor& visit) const {
  ARCHIVE_RETURN_IF_ERROR(ValidateRequest(request));
  SearchRequest unpaged = request;
  unpaged.limit = 0;
  unpaged.want_facets = false;
  SearchResult result;
  Status status = WithContext([&](SearchContext& context) -> Status {
    result = SearchResult();
    result.generation = context.snapshot.generation();
    result.revision = context.snapshot.revision();
    SearchRun run(context, unpaged);
    ARCHIVE_RETURN_IF_ERROR(run.Prepare(result));
    NoteMissingShards(context.snapshot, result);
    Xapian::Enquire enquire = run.RankedEnquire();
    SnippetMaker snippets(context.analyzer, run.text());
    for (Xapian::doccount first = request.offset;; first += kExportPage) {
      Xapian::MSet page = enquire.get_mset(first, kExportPage);
      if (first == request.offset) {
        result.total = page.get_matches_estimated();
        result.total_is_exact = page.get_matches_lower_bound() == page.get_matches_upper_bound();
      }
      for (auto it = page.begin(); it != page.end(); ++it) {
        ARCHIVE_ASSIGN_OR_RETURN(
            Hit hit, run.MakeHit(it, &snippets, static_cast<uint32_t>(it.get_rank()) + 1));
        if (!visit(hit)) return Status::Ok();
      }
      if (page.size() < kExportPage) return Status::Ok();
    }
  });
  if (!status.ok()) return status;
  return result;
}

StatusOr<std::vector<HistogramBucket>> Searcher::Histogram(
    const SearchRequest& request, const HistogramRequest& histogram) const {
  ARCHIVE_RETURN_IF_ERROR(ValidateRequest(request));
  std::optional<Facet> split;
  if (!histogram.split_by.empty()) {
    split = FacetByName(histogram.split_by);
    if (!split || (*split != Facet::kTopic && *split != Facet::kCity))
      return Status::InvalidArgument("histogram: split by \"" + histogram.split_by +
                                     "\": only topic or city");
  }
  std::vector<HistogramBucket> buckets;
  Status status = WithContext([&](SearchContext& context) -> Status {
    SearchResult ignored;
    SearchRun run(context, request);
    ARCHIVE_RETURN_IF_ERROR(run.Prepare(ignored));
    const FacetTable& table = context.snapshot.facets();
    std::map<std::pair<std::string, std::string>, HistogramBucket> by_key;
    auto each_bucket = [&](Xapian::docid docid, const std::function<void(HistogramBucket&)>& add) {
      const std::string period = Period(context.db.get_document(docid).get_value(schema::kDateSlot),
                                        histogram.granularity);
      std::vector<std::string> groups = {""};
      if (split) {
        groups.clear();
        for (uint32_t id : table.ValuesOf(docid, *split)) groups.push_back(table.Name(*split, id));
      }
      for (const std::string& group : groups) {
        HistogramBucket& bucket = by_key[{period, group}];
        bucket.period = period;
        bucket.group = group;
        add(bucket);
      }
    };
    for (Xapian::docid docid : AllMatches(context.db, run.FilteredAll())) {
      const uint64_t length = context.db.get_doclength(docid);
      each_bucket(docid, [&](HistogramBucket& b) { b.words += length; });
    }
    const std::vector<Xapian::docid> matches = AllMatches(context.db, run.full());
    const std::unordered_set<Xapian::docid> matching(matches.begin(), matches.end());
    std::map<Xapian::docid, uint64_t> occurrences;
    const bool browsing = run.text().get_type() == Xapian::Query::LEAF_MATCH_ALL;
    for (auto t = run.text().get_unique_terms_begin();
         !browsing && t != run.text().get_unique_terms_end(); ++t) {
      const std::string term = *t;
      if (!IsTextTerm(term)) continue;
      std::map<Xapian::docid, Xapian::termcount> in_title;
      const std::string title_term = TitleTerm(term);
      for (auto p = context.db.postlist_begin(title_term); p != context.db.postlist_end(title_term);
           ++p)
        in_title[*p] = p.get_wdf();
      for (auto p = context.db.postlist_begin(term); p != context.db.postlist_end(term); ++p) {
        if (!matching.count(*p)) continue;
        // Title words count kTitleWeight times in the text terms; count them once.
        const uint64_t extra = (schema::kTitleWeight - 1) * uint64_t{in_title[*p]};
        occurrences[*p] += p.get_wdf() > extra ? p.get_wdf() - extra : 0;
      }
    }
    for (Xapian::docid docid : matches) {
      each_bucket(docid, [&](HistogramBucket& b) {
        ++b.documents;
        b.occurrences += occurrences[docid];
      });
    }
    FillEmptyPeriods(by_key, histogram.granularity);
    buckets.clear();
    for (auto& [key, bucket] : by_key) {
      if (bucket.words > 0)
        bucket.per_10k_words =
            10000.0 * static_cast<double>(bucket.occurrences) / static_cast<double>(bucket.words);
      buckets.push_back(bucket);
    }
    return Status::Ok();
  });
  if (!status.ok()) return status;
  return buckets;
}

StatusOr<std::vector<KwicLine>> Searcher::Kwic(const SearchRequest& request,
                                               const KwicRequest& kwic) const {
  ARCHIVE_RETURN_IF_ERROR(ValidateRequest(request));
  std::vector<KwicLine> lines;
  Status status = WithContext([&](SearchContext& context) -> Status {
    lines.clear();
    SearchResult ignored;
    SearchRun run(context, request);
    ARCHIVE_RETURN_IF_ERROR(run.Prepare(ignored));
    SnippetMaker words(context.analyzer, run.text());
    Xapian::MSet mset = run.RankedEnquire().get_mset(0, kMaxKwicDocuments);
    for (auto it = mset.begin(); it != mset.end() && lines.size() < kwic.max_lines; ++it) {
      std::string id;
      ARCHIVE_ASSIGN_OR_RETURN(Article article, run.Load(it.get_document(), &id));
      const std::string date = DisplayDate(it.get_document().get_value(schema::kDateSlot));
      for (auto& occurrence :
           words.Occurrences(article.body, kwic.context_words, kwic.max_lines - lines.size())) {
        lines.push_back({id, date, std::move(occurrence.left), std::move(occurrence.keyword),
                         std::move(occurrence.right)});
      }
    }
    return Status::Ok();
  });
  if (!status.ok()) return status;
  SortKwic(lines, kwic.sort);
  return lines;
}

}  // namespace archive::query
