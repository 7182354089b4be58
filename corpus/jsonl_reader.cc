#include "corpus/jsonl_reader.h"

#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

#include "corpus/article_validation.h"

namespace archive::corpus {
namespace {

using nlohmann::json;

Status ReadString(const json& record, const char* field, bool required, std::string& out) {
  auto it = record.find(field);
  if (it == record.end() || it->is_null()) {
    if (required) return Status::InvalidArgument(std::string(field) + ": missing");
    return Status::Ok();
  }
  if (!it->is_string()) return Status::InvalidArgument(std::string(field) + ": must be a string");
  out = it->get<std::string>();
  return Status::Ok();
}

Status ReadStringList(const json& record, const char* field, std::vector<std::string>& out) {
  auto it = record.find(field);
  if (it == record.end() || it->is_null()) return Status::Ok();
  if (!it->is_array())
    return Status::InvalidArgument(std::string(field) + ": must be an array of strings");
  for (const json& item : *it) {
    if (!item.is_string())
      return Status::InvalidArgument(std::string(field) + ": must be an array of strings");
    std::string value = CleanValue(item.get<std::string>());
    if (!value.empty()) out.push_back(std::move(value));
  }
  return Status::Ok();
}

Status ReadIssue(const json& record, int& out) {
  auto it = record.find("issue");
  if (it == record.end() || it->is_null()) return Status::Ok();
  if (!it->is_number_integer() || it->get<int64_t>() < 0 || it->get<int64_t>() > 1000000)
    return Status::InvalidArgument("issue: must be an integer from 0 to 1000000");
  out = static_cast<int>(it->get<int64_t>());
  return Status::Ok();
}

}  // namespace

std::string Rejection::ToString() const {
  if (line == 0) return source + ": " + reason;
  return source + ":" + std::to_string(line) + ": " + reason;
}

StatusOr<Article> ParseArticleJson(std::string_view line, const ReaderOptions& options) {
  json record;
  try {
    record = json::parse(line);
  } catch (const json::exception& error) {  // parse_error, and out_of_range for "1e999"
    return Status::InvalidArgument(std::string("invalid JSON: ") + error.what());
  }
  if (!record.is_object()) return Status::InvalidArgument("record is not a JSON object");

  Article article;
  ARCHIVE_RETURN_IF_ERROR(ReadString(record, "id", true, article.id));
  ARCHIVE_RETURN_IF_ERROR(ReadString(record, "title", true, article.title));
  ARCHIVE_RETURN_IF_ERROR(ReadString(record, "body", true, article.body));
  ARCHIVE_RETURN_IF_ERROR(ReadString(record, "url", false, article.url));
  ARCHIVE_RETURN_IF_ERROR(ReadString(record, "date", false, article.date));
  ARCHIVE_RETURN_IF_ERROR(ReadString(record, "summary", false, article.summary));
  ARCHIVE_RETURN_IF_ERROR(ReadString(record, "lang", false, article.lang));
  ARCHIVE_RETURN_IF_ERROR(ReadString(record, "kind", false, article.kind));
  ARCHIVE_RETURN_IF_ERROR(ReadIssue(record, article.issue));
  ARCHIVE_RETURN_IF_ERROR(ReadStringList(record, "authors", article.authors));
  ARCHIVE_RETURN_IF_ERROR(ReadStringList(record, "topics", article.topics));
  ARCHIVE_RETURN_IF_ERROR(ReadStringList(record, "cities", article.cities));
  ARCHIVE_RETURN_IF_ERROR(ValidateArticle(article, options));
  article.title = CleanValue(article.title);
  return article;
}

uint64_t ReadJsonLines(std::istream& in, const std::string& source_name,
                       const ArticleCallback& on_article, const RejectionCallback& on_reject,
                       const ReaderOptions& options) {
  uint64_t delivered = 0;
  uint64_t line_number = 0;
  std::string line;
  while (std::getline(in, line)) {
    ++line_number;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    StatusOr<Article> article = ParseArticleJson(line, options);
    if (!article.ok()) {
      on_reject(Rejection{source_name, line_number, article.status().message()});
      continue;
    }
    on_article(std::move(article).value());
    ++delivered;
  }
  if (in.bad()) on_reject(Rejection{source_name, line_number + 1, "read error"});
  return delivered;
}

StatusOr<uint64_t> ReadJsonLinesFile(const std::string& path, const ArticleCallback& on_article,
                                     const RejectionCallback& on_reject,
                                     const ReaderOptions& options) {
  if (path == "-") return ReadJsonLines(std::cin, "<stdin>", on_article, on_reject, options);
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(path + ": cannot open");
  return ReadJsonLines(in, path, on_article, on_reject, options);
}

}  // namespace archive::corpus
