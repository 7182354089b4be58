#include "corpus/html_main_content.h"

#include <libxml/HTMLtree.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <memory>
#include <string_view>

namespace archive::corpus {
namespace {

bool NameIs(const xmlNode* node, const char* name) {
  return node->type == XML_ELEMENT_NODE &&
         std::strcmp(reinterpret_cast<const char*>(node->name), name) == 0;
}

bool IsFurnitureElement(const xmlNode* node) {
  static constexpr const char* kFurniture[] = {
      "nav",    "header", "footer", "aside",  "script", "style", "form",     "noscript",
      "iframe", "button", "select", "object", "embed",  "svg",   "template", "input"};
  return std::any_of(std::begin(kFurniture), std::end(kFurniture),
                     [node](const char* name) { return NameIs(node, name); });
}

bool IsHeading(const xmlNode* node) {
  if (node->type != XML_ELEMENT_NODE) return false;
  const char* name = reinterpret_cast<const char*>(node->name);
  return name[0] == 'h' && name[1] >= '1' && name[1] <= '6' && name[2] == '\0';
}

const xmlNode* FirstHeading(const xmlNode* node) {
  for (const xmlNode* child = node->children; child != nullptr; child = child->next) {
    if (IsHeading(child)) return child;
    if (child->type != XML_ELEMENT_NODE) continue;
    if (const xmlNode* found = FirstHeading(child)) return found;
  }
  return nullptr;
}

// A block introduced by one of these headings lists other articles, not this one.
bool HasLinkListHeading(const xmlNode* node) {
  static constexpr std::string_view kHeadings[] = {
      "latest articles", "latest news", "related", "read more",         "more from",
      "recent posts",    "most read",   "popular", "you may also like", "see also"};
  const xmlNode* heading = FirstHeading(node);
  if (heading == nullptr) return false;
  std::string text = NodeText(heading);
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return std::any_of(std::begin(kHeadings), std::end(kHeadings),
                     [&](std::string_view prefix) { return text.starts_with(prefix); });
}

struct LinkStats {
  size_t text = 0;       // non-space bytes of text
  size_t link_text = 0;  // of which inside <a>
  int links = 0;
};

void CountLinks(const xmlNode* node, bool in_link, LinkStats& stats) {
  for (const xmlNode* child = node->children; child != nullptr; child = child->next) {
    if (child->type == XML_TEXT_NODE && child->content != nullptr) {
      for (const xmlChar* c = child->content; *c; ++c) {
        if (std::isspace(*c)) continue;
        ++stats.text;
        if (in_link) ++stats.link_text;
      }
    } else if (child->type == XML_ELEMENT_NODE) {
      bool link = NameIs(child, "a");
      if (link) ++stats.links;
      CountLinks(child, in_link || link, stats);
    }
  }
}

bool IsLinkDenseBlock(const xmlNode* node) {
  static constexpr const char* kBlocks[] = {"div", "section", "ul", "ol", "table", "p"};
  if (!std::any_of(std::begin(kBlocks), std::end(kBlocks),
                   [node](const char* name) { return NameIs(node, name); }))
    return false;
  LinkStats stats;
  CountLinks(node, false, stats);
  return stats.links >= 3 && stats.link_text * 10 >= stats.text * 6;
}

bool IsFurniture(const xmlNode* node) {
  if (node->type == XML_COMMENT_NODE) return true;
  if (node->type != XML_ELEMENT_NODE) return false;
  return IsFurnitureElement(node) || (!IsHeading(node) && HasLinkListHeading(node)) ||
         IsLinkDenseBlock(node);
}

xmlNode* FindElement(xmlNode* node, const char* name) {
  for (; node != nullptr; node = node->next) {
    if (NameIs(node, name)) return node;
    if (xmlNode* found = FindElement(node->children, name)) return found;
  }
  return nullptr;
}

void AppendText(const xmlNode* node, std::string& out) {
  for (const xmlNode* child = node->children; child != nullptr; child = child->next) {
    if (child->type == XML_TEXT_NODE && child->content != nullptr) {
      for (const xmlChar* c = child->content; *c; ++c) {
        if (std::isspace(*c)) {
          if (!out.empty() && out.back() != ' ') out += ' ';
        } else {
          out += static_cast<char>(*c);
        }
      }
    } else if (child->type == XML_ELEMENT_NODE && !NameIs(child, "script") &&
               !NameIs(child, "style")) {
      AppendText(child, out);
    }
  }
}

struct BufferFree {
  void operator()(xmlBuffer* buffer) const { xmlBufferFree(buffer); }
};

}  // namespace

xmlNode* FindMainElement(xmlDoc* doc) {
  xmlNode* root = xmlDocGetRootElement(doc);
  for (const char* name : {"article", "main", "body"}) {
    if (xmlNode* found = FindElement(root, name)) return found;
  }
  return root;
}

void RemoveFurniture(xmlNode* main) {
  xmlNode* child = main->children;
  while (child != nullptr) {
    xmlNode* next = child->next;
    if (IsFurniture(child)) {
      xmlUnlinkNode(child);
      xmlFreeNode(child);
    } else if (child->type == XML_ELEMENT_NODE) {
      RemoveFurniture(child);
    }
    child = next;
  }
}

std::string InnerHtml(xmlDoc* doc, xmlNode* node) {
  std::unique_ptr<xmlBuffer, BufferFree> buffer(xmlBufferCreate());
  if (!buffer) return "";
  for (xmlNode* child = node->children; child != nullptr; child = child->next) {
    htmlNodeDump(buffer.get(), doc, child);
  }
  return std::string(reinterpret_cast<const char*>(xmlBufferContent(buffer.get())),
                     static_cast<size_t>(xmlBufferLength(buffer.get())));
}

std::string NodeText(const xmlNode* node) {
  std::string out;
  AppendText(node, out);
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::string AttributeValue(const xmlNode* node, const char* name) {
  xmlChar* value = xmlGetProp(node, reinterpret_cast<const xmlChar*>(name));
  if (value == nullptr) return "";
  std::string out(reinterpret_cast<const char*>(value));
  xmlFree(value);
  return out;
}

}  // namespace archive::corpus
