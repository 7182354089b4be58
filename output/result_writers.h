// Result writers: a SearchResult (or an export's stream of hits) in each output format:
// text for a terminal, JSON, JSON Lines, CSV, BibTeX, RIS and TREC runs. The CLI and the
// server share them, so a format is defined once. A writer is fed Begin(), Write() per
// hit, End(); it streams where the format allows (all but JSON). Not thread-safe.
#pragma once

#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "core/status_or.h"
#include "query/search_types.h"

namespace archive::output {

enum class Format { kText, kJson, kJsonl, kCsv, kBibtex, kRis, kTrec };

// "text", "json", "jsonl", "csv", "bibtex", "ris", "trec"; kInvalidArgument otherwise.
StatusOr<Format> ParseFormat(std::string_view name);
const std::vector<std::string>& FormatNames();

struct WriterOptions {
  bool terminal = false;  // text: bold highlights are already in the hits; colour the rest
  std::string qid = "1";  // trec: the query id; others: see with_qid
  // A batch of queries (archive-search --queries): json and jsonl objects carry "qid",
  // csv rows a leading qid column (its header only while csv_header).
  bool with_qid = false;
  bool csv_header = true;
  std::string run_tag = "archive-search";  // trec: the run's name
  std::string publication;                 // bibtex journal / RIS JO; omitted when empty
};

class ResultWriter {
 public:
  virtual ~ResultWriter() = default;
  // `summary` is the result without its hits, or null when not known yet (an export).
  virtual void Begin(const query::SearchResult* summary) { (void)summary; }
  virtual void Write(const query::Hit& hit) = 0;
  // `summary`: totals, facets, suggestion and notices, known once the hits are written.
  virtual void End(const query::SearchResult& summary) { (void)summary; }
};

std::unique_ptr<ResultWriter> MakeWriter(Format format, std::ostream& out,
                                         const WriterOptions& options = {});

// The whole of `result` through a writer of `format`.
void WriteResult(const query::SearchResult& result, Format format, std::ostream& out,
                 const WriterOptions& options = {});

// Research outputs. Formats: text, json, jsonl, csv (others are written as text).
void WriteHistogram(const std::vector<query::HistogramBucket>& buckets, Format format,
                    std::ostream& out);
void WriteKwic(const std::vector<query::KwicLine>& lines, Format format, std::ostream& out,
               size_t context_width);

}  // namespace archive::output
