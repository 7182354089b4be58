// Article: one record of the archive, as every reader produces it and the indexer consumes it.
// A plain value type; see corpus/README.md for the JSON Lines format it mirrors.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace archive {

struct Article {
  std::string id;                // 1-128 characters of [A-Za-z0-9._:-], unique and stable
  std::string kind = "article";  // "article" or "issue" (an issue's table of contents)
  std::string title;
  std::string body;  // plain text or HTML, as received
  std::string url;
  std::string date;  // YYYY-MM-DD (a time of day, if given, is dropped)
  int issue = 0;     // printed issue number; 0 when the article was not printed
  std::vector<std::string> authors;
  std::vector<std::string> topics;
  std::vector<std::string> cities;
  std::string summary;
  std::string lang;  // ISO 639-1; empty when the source does not say (the indexer detects it)
  // True when `topics` / `cities` were derived from the text by the indexer rather than
  // given by the source (searchers can ask for curated metadata only).
  bool topics_derived = false;
  bool cities_derived = false;
};

}  // namespace archive
