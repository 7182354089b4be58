#include "output/result_json.h"

namespace archive::output {
namespace {

void WriteIssue(int issue, bool null_when_unknown, JsonWriter& out) {
  if (issue == 0 && null_when_unknown) return out.Null();
  out.Int(issue);
}

// The members from "authors" to "issue", which every hit has.
void WriteHitHead(const query::Hit& hit, const HitMembers& members, JsonWriter& out) {
  out.Key("authors");
  out.Strings(hit.authors);
  out.Key("cities");
  out.Strings(hit.cities);
  out.Key("date");
  out.String(hit.date);
  out.Key("id");
  out.String(hit.id);
  out.Key("issue");
  WriteIssue(hit.issue, members.issue_null, out);
}

// The members from "title" to "url".
void WriteHitTail(const query::Hit& hit, const HitMembers& members, JsonWriter& out) {
  out.Key("title");
  out.String(hit.title);
  if (members.title_highlighted) {
    out.Key("title_highlighted");
    out.String(hit.title_highlighted);
  }
  out.Key("topics");
  out.Strings(hit.topics);
  out.Key("url");
  out.String(hit.url);
}

void WriteText(std::string_view text, EmptyText empty, JsonWriter& out) {
  if (empty == EmptyText::kNull) return out.StringOrNull(text);
  out.String(text);
}

}  // namespace

void WriteHit(const query::Hit& hit, const HitMembers& members, JsonWriter& out) {
  out.BeginObject();
  WriteHitHead(hit, members, out);
  if (members.record) {
    out.Key("kind");
    out.String(hit.kind);
    out.Key("lang");
    out.String(hit.lang);
  }
  if (members.qid != nullptr) {
    out.Key("qid");
    out.String(*members.qid);
  }
  if (members.record) {
    out.Key("rank");
    out.Uint(hit.rank);
  }
  out.Key("score");
  out.Double(hit.score);
  out.Key("snippet");
  out.String(hit.snippet);
  if (members.record) {
    out.Key("summary");
    out.String(hit.summary);
  }
  WriteHitTail(hit, members, out);
  out.EndObject();
}

void WriteFacets(const query::SearchResult& result, JsonWriter& out) {
  out.BeginObject();
  for (const auto& [name, counts] : result.facets) {
    out.Key(name);
    out.BeginArray();
    for (const query::FacetCount& count : counts) {
      out.BeginObject();
      out.Key("count");
      out.Uint(count.count);
      out.Key("value");
      out.String(count.value);
      out.EndObject();
    }
    out.EndArray();
  }
  out.EndObject();
}

void WriteBucket(const query::HistogramBucket& bucket, EmptyText empty, JsonWriter& out) {
  out.BeginObject();
  out.Key("documents");
  out.Uint(bucket.documents);
  out.Key("group");
  WriteText(bucket.group, empty, out);
  out.Key("occurrences");
  out.Uint(bucket.occurrences);
  out.Key("per_10k_words");
  out.Double(bucket.per_10k_words);
  out.Key("period");
  out.String(bucket.period);
  out.Key("words");
  out.Uint(bucket.words);
  out.EndObject();
}

void WriteKwicLine(const query::KwicLine& line, EmptyText empty, JsonWriter& out) {
  out.BeginObject();
  out.Key("date");
  WriteText(line.date, empty, out);
  out.Key("id");
  out.String(line.id);
  out.Key("keyword");
  out.String(line.keyword);
  out.Key("left");
  out.String(line.left);
  out.Key("right");
  out.String(line.right);
  out.EndObject();
}

}  // namespace archive::output
