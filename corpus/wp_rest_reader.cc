#include "corpus/wp_rest_reader.h"

#include <map>
#include <nlohmann/json.hpp>

#include "core/html_text.h"
#include "corpus/article_validation.h"
#include "corpus/json_array_splitter.h"
#include "corpus/known_cities.h"
#include "corpus/record_sink.h"
#include "corpus/source_bytes.h"

namespace archive::corpus {
namespace {

using nlohmann::json;

struct Term {
  std::string taxonomy;
  std::string name;
};

std::string StringField(const json& object, const char* field) {
  auto it = object.find(field);
  return it != object.end() && it->is_string() ? it->get<std::string>() : "";
}

// "title": {"rendered": "..."} as the API sends it; a plain string is accepted too.
std::string RenderedField(const json& post, const char* field) {
  auto it = post.find(field);
  if (it == post.end()) return "";
  if (it->is_string()) return it->get<std::string>();
  return it->is_object() ? StringField(*it, "rendered") : "";
}

std::string PlainText(const std::string& html) {
  return LooksLikeHtml(html) ? HtmlToText(html) : CleanValue(html);
}

// Term id → taxonomy and name, from _embedded["wp:term"] (one array per taxonomy).
std::map<int64_t, Term> EmbeddedTerms(const json& post) {
  std::map<int64_t, Term> terms;
  auto embedded = post.find("_embedded");
  if (embedded == post.end() || !embedded->is_object()) return terms;
  auto groups = embedded->find("wp:term");
  if (groups == embedded->end() || !groups->is_array()) return terms;
  for (const json& group : *groups) {
    if (!group.is_array()) continue;
    for (const json& term : group) {
      if (!term.is_object() || !term.contains("id") || !term["id"].is_number_integer()) continue;
      terms[term["id"].get<int64_t>()] = {StringField(term, "taxonomy"),
                                          PlainText(StringField(term, "name"))};
    }
  }
  return terms;
}

std::vector<std::string> TermNames(const json& post, const char* field,
                                   const std::map<int64_t, Term>& terms) {
  std::vector<std::string> names;
  auto ids = post.find(field);
  if (ids == post.end() || !ids->is_array()) return names;
  for (const json& id : *ids) {
    if (!id.is_number_integer()) continue;
    auto term = terms.find(id.get<int64_t>());
    if (term != terms.end()) names.push_back(term->second.name);
  }
  return names;
}

void ReadTaxonomies(const json& post, Article& article) {
  std::map<int64_t, Term> terms = EmbeddedTerms(post);
  for (std::string& topic : TermNames(post, "categories", terms)) {
    if (topic != "Uncategorized") article.topics.push_back(std::move(topic));
  }
  for (const std::string& tag : TermNames(post, "tags", terms)) {
    std::string city = CanonicalCity(tag);
    if (!city.empty()) article.cities.push_back(city);
  }
}

void ReadAuthors(const json& post, Article& article) {
  auto embedded = post.find("_embedded");
  if (embedded == post.end() || !embedded->is_object()) return;
  auto authors = embedded->find("author");
  if (authors == embedded->end() || !authors->is_array()) return;
  for (const json& author : *authors) {
    if (author.is_object()) article.authors.push_back(PlainText(StringField(author, "name")));
  }
}

Status ReadDate(const json& post, std::string& date) {
  for (const char* field : {"date_gmt", "date"}) {
    std::string value = StringField(post, field);
    if (value.empty()) continue;
    date = ParseDate(value);
    if (date.empty())
      return Status::InvalidArgument(std::string(field) + ": \"" + value.substr(0, 40) +
                                     "\" is not ISO 8601");
    return Status::Ok();
  }
  return Status::Ok();
}

StatusOr<std::string> PostId(const json& post) {
  auto it = post.find("id");
  if (it == post.end() || it->is_null()) return Status::InvalidArgument("id: missing");
  if (!it->is_number_integer() || it->get<int64_t>() < 0)
    return Status::InvalidArgument("id: must be a non-negative integer");
  return "wp-" + std::to_string(it->get<int64_t>());
}

// Why the post is left out, or empty when it is published.
std::string SkipReason(const json& post, const std::string& id) {
  std::string type = StringField(post, "type");
  if (!type.empty() && type != "post" && type != "page") return type + ": " + id;
  std::string status = StringField(post, "status");
  if (status == "future") return "scheduled: " + id;
  if (!status.empty() && status != "publish") return status + ": " + id;
  return "";
}

// content.protected: whether the post needs a password. Anything but a boolean there is
// an error: read as false, it could put a protected post in the index.
StatusOr<bool> PasswordProtected(const json& post) {
  auto content = post.find("content");
  if (content == post.end() || !content->is_object()) return false;
  auto flag = content->find("protected");
  if (flag == content->end() || flag->is_null()) return false;
  if (!flag->is_boolean())
    return Status::InvalidArgument("content.protected: must be true or false");
  return flag->get<bool>();
}

StatusOr<Article> PostToArticle(const json& post, const std::string& id,
                                const ReaderOptions& options) {
  Article article;
  article.id = id;
  article.title = PlainText(RenderedField(post, "title"));
  article.body = RenderedField(post, "content");
  article.summary = PlainText(RenderedField(post, "excerpt"));
  article.url = StringField(post, "link");
  ARCHIVE_RETURN_IF_ERROR(ReadDate(post, article.date));
  ReadTaxonomies(post, article);
  ReadAuthors(post, article);
  ARCHIVE_RETURN_IF_ERROR(FinishArticle(article, options));
  return article;
}

void HandleElement(std::string_view text, uint64_t record, const ReaderOptions& options,
                   RecordSink& sink) {
  json post = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (post.is_discarded()) return sink.Reject(record, "invalid JSON");
  if (!post.is_object()) return sink.Reject(record, "record is not a JSON object");
  StatusOr<std::string> id = PostId(post);
  if (!id.ok()) return sink.Reject(record, id.status().message());
  std::string skip = SkipReason(post, *id);
  if (!skip.empty()) return sink.Skip(record, skip);
  StatusOr<bool> locked = PasswordProtected(post);
  if (!locked.ok()) return sink.Reject(record, locked.status().message());
  if (*locked) return sink.Skip(record, "password-protected: " + *id);
  StatusOr<Article> article = PostToArticle(post, *id, options);
  if (!article.ok()) return sink.Reject(record, article.status().message());
  sink.Deliver(std::move(article).value());
}

}  // namespace

Status ReadWordPressRest(std::string_view text, const std::string& source_name,
                         const ReaderOptions& options, const SourceCallbacks& callbacks) {
  // The JSON parser refuses invalid UTF-8; replacing the bad bytes keeps the post.
  std::string repaired;
  if (!IsValidUtf8(text)) {
    repaired = ReplaceInvalidUtf8(text);
    text = repaired;
  }
  JsonArraySplitter splitter(text);
  if (!splitter.is_array())
    return Status::InvalidArgument(source_name + ": not a WordPress REST array (no '[')");
  RecordSink sink(source_name, callbacks);
  uint64_t record = 0;
  std::string_view element;
  while (splitter.Next(element)) HandleElement(element, ++record, options, sink);
  if (splitter.truncated())
    sink.Reject(record + 1, "JSON array cut short at byte " + std::to_string(splitter.offset()) +
                                "; the rest of the file was not read");
  return Status::Ok();
}

Status ReadWordPressRestFile(const std::string& path, const ReaderOptions& options,
                             const SourceCallbacks& callbacks) {
  StatusOr<std::string> bytes = ReadFileBytes(path);
  if (!bytes.ok()) return bytes.status();
  return ReadWordPressRest(*bytes, path, options, callbacks);
}

}  // namespace archive::corpus
