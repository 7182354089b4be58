#include "corpus/html_page_reader.h"

#include <libxml/HTMLparser.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <filesystem>
#include <limits>
#include <memory>
#include <vector>

#include "corpus/article_validation.h"
#include "corpus/date_formats.h"
#include "corpus/html_main_content.h"
#include "corpus/record_sink.h"
#include "corpus/source_bytes.h"

namespace archive::corpus {
namespace {

namespace fs = std::filesystem;

constexpr int kParseOptions = HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                              HTML_PARSE_RECOVER | HTML_PARSE_NOBLANKS;

struct DocFree {
  void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};
using DocPtr = std::unique_ptr<xmlDoc, DocFree>;

// What the page's <head> (and a few body elements) say about it.
struct PageMetadata {
  std::string og_title, og_url, canonical, title_element;
  std::string published_time, time_datetime, date_meta;
  std::string author_meta, article_author;
};

std::string Lowercase(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// The charset a <meta> declares in the first few KB, lowercased; empty when none.
std::string DeclaredCharset(std::string_view bytes) {
  std::string head = Lowercase(bytes.substr(0, 8192));
  size_t at = head.find("charset=");
  if (at == std::string::npos) return "";
  size_t start = head.find_first_not_of("\"' ", at + 8);
  if (start == std::string::npos) return "";
  size_t end = head.find_first_of("\"' ;>/", start);
  return head.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

// Declared charsets are often wrong (a UTF-8 page still saying iso-8859-1), so valid UTF-8
// wins; pages with no usable declaration were nearly always written on Windows.
std::string ChooseEncoding(std::string_view bytes) {
  if (IsValidUtf8(bytes)) return "UTF-8";
  std::string declared = DeclaredCharset(bytes);
  if (declared.empty() || declared == "utf-8" || declared == "utf8") return "windows-1252";
  return declared;
}

DocPtr ParseDocument(std::string_view bytes) {
  if (bytes.size() > static_cast<size_t>(std::numeric_limits<int>::max())) return nullptr;
  std::string encoding = ChooseEncoding(bytes);
  std::string decoded;
  if (encoding == "windows-1252") {
    decoded = Windows1252ToUtf8(bytes);
    bytes = decoded;
    encoding = "UTF-8";
  }
  DocPtr doc(htmlReadMemory(bytes.data(), static_cast<int>(bytes.size()), nullptr, encoding.c_str(),
                            kParseOptions));
  if (!doc && encoding != "UTF-8") {  // a charset libxml2 does not know
    decoded = Windows1252ToUtf8(bytes);
    doc.reset(htmlReadMemory(decoded.data(), static_cast<int>(decoded.size()), nullptr, "UTF-8",
                             kParseOptions));
  }
  return doc;
}

void ReadMeta(const xmlNode* node, PageMetadata& meta) {
  std::string key = Lowercase(AttributeValue(node, "property"));
  if (key.empty()) key = Lowercase(AttributeValue(node, "name"));
  std::string content = AttributeValue(node, "content");
  if (key == "og:title") meta.og_title = content;
  if (key == "og:url") meta.og_url = content;
  if (key == "article:published_time") meta.published_time = content;
  if (key == "date" || key == "dc.date" || key == "pubdate") meta.date_meta = content;
  if (key == "author") meta.author_meta = content;
  if (key == "article:author") meta.article_author = content;
}

void CollectMetadata(const xmlNode* node, PageMetadata& meta) {
  for (; node != nullptr; node = node->next) {
    if (node->type != XML_ELEMENT_NODE) continue;
    const char* name = reinterpret_cast<const char*>(node->name);
    if (std::strcmp(name, "meta") == 0) {
      ReadMeta(node, meta);
    } else if (std::strcmp(name, "link") == 0 &&
               Lowercase(AttributeValue(node, "rel")) == "canonical") {
      meta.canonical = AttributeValue(node, "href");
    } else if (std::strcmp(name, "title") == 0 && meta.title_element.empty()) {
      meta.title_element = NodeText(node);
    } else if (std::strcmp(name, "time") == 0 && meta.time_datetime.empty()) {
      meta.time_datetime = AttributeValue(node, "datetime");
    }
    CollectMetadata(node->children, meta);
  }
}

const xmlNode* FindFirst(const xmlNode* node, const char* name) {
  for (; node != nullptr; node = node->next) {
    if (node->type == XML_ELEMENT_NODE &&
        std::strcmp(reinterpret_cast<const char*>(node->name), name) == 0)
      return node;
    if (const xmlNode* found = FindFirst(node->children, name)) return found;
  }
  return nullptr;
}

// The headline: og:title, else the article's own <h1> (a site's logo is often an <h1> in
// the header), else any <h1>, else <title>.
std::string ChooseTitle(const PageMetadata& meta, const xmlNode* main, const xmlDoc* doc) {
  if (!CleanValue(meta.og_title).empty()) return meta.og_title;
  const xmlNode* h1 = FindFirst(main, "h1");
  if (h1 == nullptr) h1 = FindFirst(xmlDocGetRootElement(doc), "h1");
  if (h1 != nullptr && !NodeText(h1).empty()) return NodeText(h1);
  return meta.title_element;
}

Status ChooseDate(const PageMetadata& meta, std::string& date) {
  const std::pair<const char*, const std::string*> kSources[] = {
      {"article:published_time", &meta.published_time},
      {"time datetime", &meta.time_datetime},
      {"date meta", &meta.date_meta}};
  for (const auto& [field, value] : kSources) {
    std::string text = CleanValue(*value);
    if (text.empty()) continue;
    date = ParseDate(text);
    if (date.empty()) date = ParseRfc822Date(text);
    if (date.empty())
      return Status::InvalidArgument(std::string(field) + ": \"" + text.substr(0, 40) +
                                     "\" is not ISO 8601 or RFC 822");
    return Status::Ok();
  }
  return Status::Ok();
}

std::string IdFrom(std::string_view url, std::string_view relative_path) {
  if (!url.empty()) {
    size_t scheme = url.find("://");
    return SanitizeId(scheme == std::string_view::npos ? url : url.substr(scheme + 3));
  }
  fs::path path(relative_path);
  return SanitizeId((path.parent_path() / path.stem()).generic_string());
}

bool IsPageFile(const fs::path& path) {
  std::string extension = Lowercase(path.extension().string());
  return extension == ".html" || extension == ".htm";
}

}  // namespace

StatusOr<Article> ParseHtmlPage(std::string_view bytes, std::string_view relative_path,
                                const ReaderOptions& options) {
  DocPtr doc = ParseDocument(bytes);
  if (!doc || xmlDocGetRootElement(doc.get()) == nullptr)
    return Status::InvalidArgument("not an HTML page");
  PageMetadata meta;
  CollectMetadata(xmlDocGetRootElement(doc.get()), meta);
  xmlNode* main = FindMainElement(doc.get());
  Article article;
  article.title = ChooseTitle(meta, main, doc.get());
  if (CleanValue(article.title).empty())
    return Status::InvalidArgument("title: empty (no og:title, <h1> or <title>)");
  ARCHIVE_RETURN_IF_ERROR(ChooseDate(meta, article.date));
  article.url = CleanValue(!meta.canonical.empty() ? meta.canonical : meta.og_url);
  article.id = IdFrom(article.url, relative_path);
  std::string author = !meta.author_meta.empty() ? meta.author_meta : meta.article_author;
  // article:author is often a profile URL; a URL is no name.
  if (!author.empty() && author.find("://") == std::string::npos) article.authors.push_back(author);
  RemoveFurniture(main);
  article.body = InnerHtml(doc.get(), main);
  ARCHIVE_RETURN_IF_ERROR(FinishArticle(article, options));
  return article;
}

Status ReadHtmlPages(const std::string& path, const ReaderOptions& options,
                     const SourceCallbacks& callbacks) {
  std::error_code error;
  if (!fs::exists(path, error)) return Status::NotFound(path + ": not found");
  std::vector<fs::path> pages;
  if (fs::is_directory(path, error)) {
    for (fs::recursive_directory_iterator it(path, error), end; !error && it != end;
         it.increment(error)) {
      if (it->is_regular_file(error) && IsPageFile(it->path())) pages.push_back(it->path());
    }
    if (error) return Status::IOError(path + ": cannot list: " + error.message());
  } else {
    pages.push_back(path);
  }
  std::sort(pages.begin(), pages.end());
  for (const fs::path& page : pages) {
    RecordSink sink(page.string(), callbacks);
    StatusOr<std::string> bytes = ReadFileBytes(page.string());
    if (!bytes.ok()) {
      sink.Reject(0, bytes.status().message());
      continue;
    }
    std::string relative = fs::is_directory(path, error)
                               ? page.lexically_relative(path).generic_string()
                               : page.filename().string();
    StatusOr<Article> article = ParseHtmlPage(*bytes, relative, options);
    if (!article.ok()) {
      sink.Reject(0, article.status().message());
      continue;
    }
    sink.Deliver(std::move(article).value());
  }
  return Status::Ok();
}

}  // namespace archive::corpus
