#include "corpus/wxr_reader.h"

#include <libxml/xmlreader.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <limits>
#include <memory>

#include "corpus/record_sink.h"
#include "corpus/source_bytes.h"
#include "corpus/wxr_item_internal.h"

namespace archive::corpus {
namespace {

// Without XML_PARSE_NOENT entities stay references (never expanded into the tree), and
// without XML_PARSE_DTDLOAD no external DTD or entity is fetched; NONET forbids the network.
constexpr int kParseOptions =
    XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_NOERROR | XML_PARSE_NOWARNING;

struct ReaderFree {
  void operator()(xmlTextReader* reader) const { xmlFreeTextReader(reader); }
};

struct ParseError {
  std::string message;
  uint64_t line = 0;
};

void RecordError(void* arg, xmlErrorPtr error) {
  auto* first = static_cast<ParseError*>(arg);
  if (error == nullptr || error->level < XML_ERR_ERROR || !first->message.empty()) return;
  first->message = error->message != nullptr ? error->message : "malformed XML";
  while (!first->message.empty() && first->message.back() == '\n') first->message.pop_back();
  first->line = error->line > 0 ? static_cast<uint64_t>(error->line) : 0;
}

std::string QualifiedName(const xmlNode* node) {
  std::string name = reinterpret_cast<const char*>(node->name);
  if (node->ns != nullptr && node->ns->prefix != nullptr)
    return reinterpret_cast<const char*>(node->ns->prefix) + (":" + name);
  return name;
}

// The element's own text. Entity references are skipped rather than followed: following
// them is exactly what an entity bomb wants.
std::string TextOf(const xmlNode* node) {
  std::string text;
  for (const xmlNode* child = node->children; child != nullptr; child = child->next) {
    if ((child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE) &&
        child->content != nullptr)
      text += reinterpret_cast<const char*>(child->content);
  }
  return text;
}

std::string Attribute(const xmlNode* node, const char* name) {
  for (const xmlAttr* attr = node->properties; attr != nullptr; attr = attr->next) {
    if (std::strcmp(reinterpret_cast<const char*>(attr->name), name) != 0) continue;
    std::string value;
    for (const xmlNode* child = attr->children; child != nullptr; child = child->next) {
      if (child->type == XML_TEXT_NODE && child->content != nullptr)
        value += reinterpret_cast<const char*>(child->content);
    }
    return value;
  }
  return "";
}

WxrItem ItemFromNode(const xmlNode* item_node) {
  WxrItem item;
  item.line = static_cast<uint64_t>(xmlGetLineNo(item_node));
  const std::pair<const char*, std::string WxrItem::*> kFields[] = {
      {"title", &WxrItem::title},
      {"link", &WxrItem::link},
      {"pubDate", &WxrItem::pub_date},
      {"dc:creator", &WxrItem::creator},
      {"content:encoded", &WxrItem::content},
      {"excerpt:encoded", &WxrItem::excerpt},
      {"wp:post_id", &WxrItem::post_id},
      {"wp:post_date_gmt", &WxrItem::post_date_gmt},
      {"wp:status", &WxrItem::status},
      {"wp:post_type", &WxrItem::post_type},
      {"wp:post_password", &WxrItem::password}};
  for (const xmlNode* child = item_node->children; child != nullptr; child = child->next) {
    if (child->type != XML_ELEMENT_NODE) continue;
    std::string name = QualifiedName(child);
    if (name == "category") {
      item.terms.emplace_back(Attribute(child, "domain"), TextOf(child));
      continue;
    }
    for (const auto& [field, member] : kFields) {
      if (name == field) item.*member = TextOf(child);
    }
  }
  return item;
}

void AddAuthor(const xmlNode* author_node, WxrAuthorNames& authors) {
  std::string login;
  std::string display;
  for (const xmlNode* child = author_node->children; child != nullptr; child = child->next) {
    if (child->type != XML_ELEMENT_NODE) continue;
    std::string name = QualifiedName(child);
    if (name == "wp:author_login") login = TextOf(child);
    if (name == "wp:author_display_name") display = TextOf(child);
  }
  if (!login.empty() && !display.empty()) authors[login] = display;
}

void HandleItem(const xmlNode* node, const WxrAuthorNames& authors, const ReaderOptions& options,
                RecordSink& sink) {
  WxrItem item = ItemFromNode(node);
  std::string skip = WxrSkipReason(item);
  if (!skip.empty()) return sink.Skip(item.line, skip);
  StatusOr<Article> article = WxrItemToArticle(item, authors, options);
  if (!article.ok()) return sink.Reject(item.line, article.status().message());
  sink.Deliver(std::move(article).value());
}

// The declared encoding, lowercased, or empty when the XML declaration names none.
std::string DeclaredEncoding(std::string_view xml) {
  std::string_view head = xml.substr(
      0, xml.find("?>") == std::string_view::npos ? 0 : std::min<size_t>(xml.find("?>"), 300));
  size_t at = head.find("encoding=");
  if (at == std::string_view::npos || at + 10 >= head.size()) return "";
  char quote = head[at + 9];
  size_t end = head.find(quote, at + 10);
  if (end == std::string_view::npos) return "";
  std::string name(head.substr(at + 10, end - at - 10));
  for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return name;
}

// Walks the stream: <wp:author> entries fill the name table, each complete <item> becomes
// an Article as soon as its end tag is read.
Status WalkExport(xmlTextReader* reader, const ReaderOptions& options, RecordSink& sink,
                  ParseError& error) {
  WxrAuthorNames authors;
  bool seen_root = false;
  int ret = xmlTextReaderRead(reader);
  while (ret == 1) {
    if (xmlTextReaderNodeType(reader) != XML_READER_TYPE_ELEMENT) {
      ret = xmlTextReaderRead(reader);
      continue;
    }
    std::string name = reinterpret_cast<const char*>(xmlTextReaderConstName(reader));
    if (!seen_root) {
      if (name != "rss")
        return Status::InvalidArgument(sink.source() + ": not a WordPress export (root <" +
                                       name.substr(0, 40) + ">)");
      seen_root = true;
    }
    if (name != "item" && name != "wp:author") {
      ret = xmlTextReaderRead(reader);
      continue;
    }
    const xmlNode* node = xmlTextReaderExpand(reader);
    if (node == nullptr) break;  // the element is cut short or malformed
    if (name == "item") {
      HandleItem(node, authors, options, sink);
    } else {
      AddAuthor(node, authors);
    }
    ret = xmlTextReaderNext(reader);
  }
  if (ret == 0 && error.message.empty()) return Status::Ok();
  if (!seen_root)
    return Status::InvalidArgument(sink.source() + ": not a WordPress export: " +
                                   (error.message.empty() ? "unreadable XML" : error.message));
  uint64_t line = error.line != 0 ? error.line
                                  : static_cast<uint64_t>(xmlTextReaderGetParserLineNumber(reader));
  sink.Reject(line, "XML error: " + (error.message.empty() ? "malformed XML" : error.message) +
                        "; the rest of the file was not read");
  return Status::Ok();
}

}  // namespace

Status ReadWxr(std::string_view xml, const std::string& source_name, const ReaderOptions& options,
               const SourceCallbacks& callbacks) {
  // One stray byte of bad UTF-8 would end the parse there; replacing it keeps the rest of
  // the export. Only done when the export says (or implies) it is UTF-8.
  std::string repaired;
  std::string encoding = DeclaredEncoding(xml);
  if ((encoding.empty() || encoding == "utf-8") && !IsValidUtf8(xml)) {
    repaired = ReplaceInvalidUtf8(xml);
    xml = repaired;
  }
  if (xml.size() > static_cast<size_t>(std::numeric_limits<int>::max()))
    return Status::InvalidArgument(source_name + ": too large for the XML parser");
  std::unique_ptr<xmlTextReader, ReaderFree> reader(xmlReaderForMemory(
      xml.data(), static_cast<int>(xml.size()), nullptr, nullptr, kParseOptions));
  if (!reader) return Status::Internal(source_name + ": cannot create an XML reader");
  ParseError error;
  xmlTextReaderSetStructuredErrorHandler(reader.get(), RecordError, &error);
  RecordSink sink(source_name, callbacks);
  return WalkExport(reader.get(), options, sink, error);
}

Status ReadWxrFile(const std::string& path, const ReaderOptions& options,
                   const SourceCallbacks& callbacks) {
  StatusOr<std::string> bytes = ReadFileBytes(path);
  if (!bytes.ok()) return bytes.status();
  return ReadWxr(*bytes, path, options, callbacks);
}

}  // namespace archive::corpus
