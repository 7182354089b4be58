#include "output/result_writers.h"

#include <fmt/core.h>
#include <fmt/ranges.h>

#include "output/facets_json.h"
#include "output/writer_internal.h"

namespace archive::output {

nlohmann::json FacetsJson(const query::SearchResult& result) {
  nlohmann::json facets = nlohmann::json::object();
  for (const auto& [name, counts] : result.facets) {
    nlohmann::json list = nlohmann::json::array();
    for (const query::FacetCount& count : counts)
      list.push_back({{"value", count.value}, {"count", count.count}});
    facets[name] = std::move(list);
  }
  return facets;
}

namespace internal {

using nlohmann::json;

std::string Dump(const json& value) {
  return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

json HitJson(const query::Hit& hit) {
  return {{"id", hit.id},           {"rank", hit.rank},       {"score", hit.score},
          {"title", hit.title},     {"date", hit.date},       {"issue", hit.issue},
          {"topics", hit.topics},   {"cities", hit.cities},   {"url", hit.url},
          {"authors", hit.authors}, {"snippet", hit.snippet}, {"kind", hit.kind},
          {"lang", hit.lang},       {"summary", hit.summary}};
}

json SummaryJson(const query::SearchResult& result) {
  json summary = {{"total", result.total},           {"total_is_exact", result.total_is_exact},
                  {"facets", FacetsJson(result)},    {"estimated_facets", result.estimated_facets},
                  {"suggestion", result.suggestion}, {"corrected_query", result.corrected_query},
                  {"relaxed", result.relaxed},       {"notices", result.notices},
                  {"generation", result.generation}, {"revision", result.revision}};
  if (!result.explanation.empty()) summary["explanation"] = result.explanation;
  if (result.partial) summary["partial"] = true;  // some shards could not be searched
  return summary;
}

}  // namespace internal

namespace {

using internal::Dump;

class TextWriter : public ResultWriter {
 public:
  TextWriter(std::ostream& out, const WriterOptions& options) : out_(out), options_(options) {}
  void Begin(const query::SearchResult* summary) override {
    if (summary == nullptr) return;
    out_ << fmt::format("{} matching articles (generation {}, revision {})\n", summary->total,
                        summary->generation, summary->revision);
    for (const std::string& notice : summary->notices) out_ << notice << "\n";
    if (!summary->suggestion.empty() && summary->corrected_query.empty())
      out_ << "Did you mean: " << summary->suggestion << "\n";
    out_ << "\n";
  }
  void Write(const query::Hit& hit) override {
    out_ << fmt::format("{:>3}. {}\n", hit.rank,
                        options_.terminal ? hit.title_highlighted : hit.title);
    std::string meta = hit.date;
    if (hit.issue > 0) meta += fmt::format(" · issue {}", hit.issue);
    if (!hit.topics.empty()) meta += fmt::format(" · {}", fmt::join(hit.topics, ", "));
    if (!hit.cities.empty()) meta += fmt::format(" · {}", fmt::join(hit.cities, ", "));
    out_ << "     " << meta << "\n";
    if (!hit.snippet.empty()) out_ << "     " << hit.snippet << "\n";
    if (!hit.url.empty()) out_ << "     " << hit.url << "\n";
    out_ << "     [" << hit.id << fmt::format(", score {:.3f}]\n\n", hit.score);
  }
  void End(const query::SearchResult& summary) override {
    for (const auto& [name, counts] : summary.facets) {
      bool estimated = std::find(summary.estimated_facets.begin(), summary.estimated_facets.end(),
                                 name) != summary.estimated_facets.end();
      out_ << name << (estimated ? " (estimated)" : "") << ":";
      for (const query::FacetCount& count : counts)
        out_ << fmt::format(" {} ({})", count.value, count.count);
      out_ << "\n";
    }
    if (!summary.explanation.empty()) out_ << "query: " << summary.explanation << "\n";
  }

 private:
  std::ostream& out_;
  WriterOptions options_;
};

// In a batch, one object per query (on a line of its own) with its "qid".
class JsonWriter : public ResultWriter {
 public:
  JsonWriter(std::ostream& out, const WriterOptions& options) : out_(out), options_(options) {}
  void Write(const query::Hit& hit) override { hits_.push_back(internal::HitJson(hit)); }
  void End(const query::SearchResult& summary) override {
    nlohmann::json body = internal::SummaryJson(summary);
    if (options_.with_qid) body["qid"] = options_.qid;
    body["hits"] = std::move(hits_);
    out_ << Dump(body) << "\n";
  }

 private:
  std::ostream& out_;
  WriterOptions options_;
  nlohmann::json hits_ = nlohmann::json::array();
};

// One object per hit; then, when there is anything beyond the hits to say (facets, a
// suggestion, notices), one {"type":"summary", ...} object.
// In a batch, every line (hits and summary) carries the query's "qid".
class JsonLinesWriter : public ResultWriter {
 public:
  JsonLinesWriter(std::ostream& out, const WriterOptions& options) : out_(out), options_(options) {}
  void Write(const query::Hit& hit) override {
    nlohmann::json line = internal::HitJson(hit);
    if (options_.with_qid) line["qid"] = options_.qid;
    out_ << Dump(line) << "\n";
  }
  // Always the last line, so that a script finds the total (and facets, suggestions,
  // notices) in the same place whatever the query did.
  void End(const query::SearchResult& summary) override {
    nlohmann::json line = {{"type", "summary"}};
    if (options_.with_qid) line["qid"] = options_.qid;
    line.update(internal::SummaryJson(summary));
    out_ << Dump(line) << "\n";
  }

 private:
  std::ostream& out_;
  WriterOptions options_;
};

class TrecWriter : public ResultWriter {
 public:
  TrecWriter(std::ostream& out, const WriterOptions& options) : out_(out), options_(options) {}
  void Write(const query::Hit& hit) override {
    out_ << fmt::format("{} Q0 {} {} {:.6f} {}\n", options_.qid, hit.id, hit.rank, hit.score,
                        options_.run_tag);
  }

 private:
  std::ostream& out_;
  WriterOptions options_;
};

}  // namespace

const std::vector<std::string>& FormatNames() {
  static const std::vector<std::string> kNames = {"text",   "json", "jsonl", "csv",
                                                  "bibtex", "ris",  "trec"};
  return kNames;
}

StatusOr<Format> ParseFormat(std::string_view name) {
  const std::vector<std::string>& names = FormatNames();
  for (size_t i = 0; i < names.size(); ++i) {
    if (name == names[i]) return static_cast<Format>(i);
  }
  return Status::InvalidArgument("format: \"" + std::string(name) +
                                 "\" is not one of text, json, jsonl, csv, bibtex, ris, trec");
}

std::unique_ptr<ResultWriter> MakeWriter(Format format, std::ostream& out,
                                         const WriterOptions& options) {
  switch (format) {
    case Format::kText:
      return std::make_unique<TextWriter>(out, options);
    case Format::kJson:
      return std::make_unique<JsonWriter>(out, options);
    case Format::kJsonl:
      return std::make_unique<JsonLinesWriter>(out, options);
    case Format::kCsv:
      return internal::MakeCsvWriter(out, options);
    case Format::kBibtex:
      return internal::MakeBibtexWriter(out, options);
    case Format::kRis:
      return internal::MakeRisWriter(out, options);
    case Format::kTrec:
      return std::make_unique<TrecWriter>(out, options);
  }
  return std::make_unique<TextWriter>(out, options);
}

void WriteResult(const query::SearchResult& result, Format format, std::ostream& out,
                 const WriterOptions& options) {
  std::unique_ptr<ResultWriter> writer = MakeWriter(format, out, options);
  writer->Begin(&result);
  for (const query::Hit& hit : result.hits) writer->Write(hit);
  writer->End(result);
}

}  // namespace archive::output
