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

}  // namespace archive::output
