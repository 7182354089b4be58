// The JSON of a search hit, of a result's facet counts, of a histogram bucket and of a
// keyword-in-context line: one encoding for the CLI's json and jsonl output, the server's
// exports (both through result_writers.h) and the server's answers (server/json_codec.h,
// archive_codec.h, research_codec.h). The envelopes around them differ on purpose (the
// API's answer has paging and null for "none", the CLI's summary has notices and ""), so
// each writes its own; what they share is written here. Members come in nlohmann's sorted
// order, the order of the DOM encoding these replaced, whose bytes clients rely on.
#pragma once

#include <string>

#include "output/json_writer.h"
#include "query/search_types.h"

namespace archive::output {

// Which members a hit carries beyond authors, cities, date, id, issue, score, snippet,
// title, topics and url, which every hit has.
struct HitMembers {
  bool record = false;               // kind, lang, rank and summary: the full record
  bool title_highlighted = false;    // the title with the highlight marks
  bool issue_null = false;           // an unknown issue (0) as null rather than 0
  const std::string* qid = nullptr;  // a batch's query id
};

// /api/search and /api/articles/{id}/similar.
inline constexpr HitMembers kApiHit = {.title_highlighted = true, .issue_null = true};
// archive-search --format json|jsonl and /api/export?format=jsonl.
inline constexpr HitMembers kRecordHit = {.record = true};

void WriteHit(const query::Hit& hit, const HitMembers& members, JsonWriter& out);

// {"name": [{"count": n, "value": "..."}, ...], ...}, facets in name order.
void WriteFacets(const query::SearchResult& result, JsonWriter& out);

// How a bucket's empty group (not split) and a KWIC line's empty date are written: the
// API says null, the CLI "".
enum class EmptyText { kNull, kEmptyString };

// {documents, group, occurrences, per_10k_words, period, words}
void WriteBucket(const query::HistogramBucket& bucket, EmptyText empty, JsonWriter& out);
// {date, id, keyword, left, right}
void WriteKwicLine(const query::KwicLine& line, EmptyText empty, JsonWriter& out);

}  // namespace archive::output
