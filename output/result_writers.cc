#include "output/result_writers.h"

#include <fmt/core.h>
#include <fmt/ranges.h>

#include <algorithm>

#include "output/writer_internal.h"

namespace archive::output {
namespace {

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
      return internal::MakeJsonWriter(out, options);
    case Format::kJsonl:
      return internal::MakeJsonLinesWriter(out, options);
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
