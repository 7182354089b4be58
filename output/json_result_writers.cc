// The CLI's JSON formats (json, jsonl), also the server's jsonl export. The hits and facets
// are result_json.h's, shared with the server's answers; the summary around them is the
// CLI's own: "" rather than null for no suggestion, notices always, no paging.
#include "output/json_writer.h"
#include "output/result_json.h"
#include "output/writer_internal.h"

namespace archive::output::internal {
namespace {

// What a summary carries besides the result itself.
struct SummaryExtras {
  const std::string* qid = nullptr;   // a batch's query id
  const std::string* hits = nullptr;  // json: the hits, an encoded array
  bool typed = false;                 // jsonl: "type": "summary"
};

// The members from "corrected_query" to "generation".
void WriteSummaryHead(const query::SearchResult& result, JsonWriter& out) {
  out.Key("corrected_query");
  out.String(result.corrected_query);
  out.Key("estimated_facets");
  out.Strings(result.estimated_facets);
  if (!result.explanation.empty()) {
    out.Key("explanation");
    out.String(result.explanation);
  }
  out.Key("facets");
  WriteFacets(result, out);
  out.Key("generation");
  out.Uint(result.generation);
}

// The members from "relaxed" to "total_is_exact".
void WriteSummaryTail(const query::SearchResult& result, JsonWriter& out) {
  out.Key("relaxed");
  out.Bool(result.relaxed);
  out.Key("revision");
  out.Uint(result.revision);
  out.Key("suggestion");
  out.String(result.suggestion);
  out.Key("total");
  out.Uint(result.total);
  out.Key("total_is_exact");
  out.Bool(result.total_is_exact);
}

void WriteSummary(const query::SearchResult& result, const SummaryExtras& extras, JsonWriter& out) {
  out.BeginObject();
  WriteSummaryHead(result, out);
  if (extras.hits != nullptr) {
    out.Key("hits");
    out.Raw(*extras.hits);
  }
  out.Key("notices");
  out.Strings(result.notices);
  if (result.partial) {  // some shards could not be searched
    out.Key("partial");
    out.Bool(true);
  }
  if (extras.qid != nullptr) {
    out.Key("qid");
    out.String(*extras.qid);
  }
  WriteSummaryTail(result, out);
  if (extras.typed) {
    out.Key("type");
    out.String("summary");
  }
  out.EndObject();
}

const std::string* QidOf(const WriterOptions& options) {
  return options.with_qid ? &options.qid : nullptr;
}

// One object: the summary with the hits in it. In a batch, one per query (on a line of its
// own) with its "qid".
class JsonResultWriter : public ResultWriter {
 public:
  JsonResultWriter(std::ostream& out, const WriterOptions& options) : out_(out), options_(options) {
    hits_writer_.BeginArray();
  }
  void Write(const query::Hit& hit) override { WriteHit(hit, kRecordHit, hits_writer_); }
  void End(const query::SearchResult& summary) override {
    hits_writer_.EndArray();
    std::string body;
    JsonWriter writer(body);
    WriteSummary(summary, {.qid = QidOf(options_), .hits = &hits_}, writer);
    out_ << body << "\n";
  }

 private:
  std::ostream& out_;
  WriterOptions options_;
  std::string hits_;
  JsonWriter hits_writer_{hits_};
};

// One object per hit, then always a {"type":"summary", ...} object last, so that a script
// finds the total (and facets, suggestions, notices) in the same place whatever the query
// did. In a batch, every line (hits and summary) carries the query's "qid".
class JsonLinesResultWriter : public ResultWriter {
 public:
  JsonLinesResultWriter(std::ostream& out, const WriterOptions& options)
      : out_(out), options_(options) {}
  void Write(const query::Hit& hit) override {
    HitMembers members = kRecordHit;
    members.qid = QidOf(options_);
    line_.clear();
    JsonWriter writer(line_);
    WriteHit(hit, members, writer);
    out_ << line_ << "\n";
  }
  void End(const query::SearchResult& summary) override {
    line_.clear();
    JsonWriter writer(line_);
    WriteSummary(summary, {.qid = QidOf(options_), .typed = true}, writer);
    out_ << line_ << "\n";
  }

 private:
  std::ostream& out_;
  WriterOptions options_;
  std::string line_;  // reused: one allocation for a whole export
};

}  // namespace

std::unique_ptr<ResultWriter> MakeJsonWriter(std::ostream& out, const WriterOptions& options) {
  return std::make_unique<JsonResultWriter>(out, options);
}
std::unique_ptr<ResultWriter> MakeJsonLinesWriter(std::ostream& out, const WriterOptions& options) {
  return std::make_unique<JsonLinesResultWriter>(out, options);
}

}  // namespace archive::output::internal
