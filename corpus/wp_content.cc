#include "corpus/wp_content.h"

#include <algorithm>
#include <cctype>
#include <set>

namespace archive::corpus {
namespace {

// Shortcodes whose content is the text around a picture or quote: only the tags go.
constexpr std::string_view kKnownShortcodes[] = {
    "caption",        "wp_caption", "gallery",  "playlist",   "contact-form",
    "contact-form-7", "pullquote",  "su_quote", "blockquote", "column",
    "one_half",       "one_third",  "row"};
// Shortcodes whose content is a URL or an ID, never text: the content goes too.
constexpr std::string_view kEmbedShortcodes[] = {"embed", "video",      "audio", "youtube",
                                                 "vimeo", "soundcloud", "tweet"};

bool Contains(const auto& list, std::string_view name) {
  return std::find(std::begin(list), std::end(list), name) != std::end(list);
}

std::string RemoveBlockComments(std::string_view content) {
  std::string out;
  size_t pos = 0;
  while (pos < content.size()) {
    size_t open = content.find("<!--", pos);
    if (open == std::string_view::npos) break;
    size_t body = content.find_first_not_of(" \t\n", open + 4);
    size_t close = content.find("-->", open + 4);
    if (close == std::string_view::npos) break;
    bool block = body != std::string_view::npos && (content.substr(body).starts_with("wp:") ||
                                                    content.substr(body).starts_with("/wp:"));
    out.append(content.substr(pos, (block ? open : close + 3) - pos));
    pos = close + 3;
  }
  out.append(content.substr(std::min(pos, content.size())));
  return out;
}

struct Shortcode {
  size_t end = 0;  // one past ']'
  bool closing = false;
  std::string name;
  bool has_attributes = false;
};

// Parses "[name ...]" or "[/name]" at `pos`; false when the bracket opens no shortcode.
bool ParseShortcode(std::string_view text, size_t pos, Shortcode& tag) {
  size_t i = pos + 1;
  tag.closing = i < text.size() && text[i] == '/';
  if (tag.closing) ++i;
  size_t name_start = i;
  while (i < text.size() &&
         (std::isalnum(static_cast<unsigned char>(text[i])) || text[i] == '_' || text[i] == '-'))
    ++i;
  if (i == name_start || !std::isalpha(static_cast<unsigned char>(text[name_start]))) return false;
  tag.name = std::string(text.substr(name_start, i - name_start));
  size_t close = text.find_first_of("[]\n", i);
  if (close == std::string_view::npos || text[close] != ']') return false;
  if (close != i && text[i] != ' ' && text[i] != '/') return false;
  tag.has_attributes = text.substr(i, close - i).find('=') != std::string_view::npos;
  tag.end = close + 1;
  return true;
}

std::string RemoveShortcodes(std::string_view text) {
  std::string out;
  std::set<std::string> open_names;  // shortcodes dropped so far, whose closing tag goes too
  size_t pos = 0;
  while (pos < text.size()) {
    size_t bracket = text.find('[', pos);
    if (bracket == std::string_view::npos) break;
    out.append(text.substr(pos, bracket - pos));
    Shortcode tag;
    bool parsed = ParseShortcode(text, bracket, tag);
    bool drop =
        parsed && (Contains(kKnownShortcodes, tag.name) || Contains(kEmbedShortcodes, tag.name) ||
                   tag.has_attributes || (tag.closing && open_names.count(tag.name) > 0));
    if (!drop) {
      out += '[';
      pos = bracket + 1;
      continue;
    }
    pos = tag.end;
    if (tag.closing) continue;
    open_names.insert(tag.name);
    if (Contains(kEmbedShortcodes, tag.name)) {
      size_t close = text.find("[/" + tag.name + "]", pos);
      if (close != std::string_view::npos) pos = close + tag.name.size() + 3;
    }
  }
  out.append(text.substr(std::min(pos, text.size())));
  return out;
}

bool HasBlockMarkup(std::string_view text) {
  std::string lower(text);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return lower.find("<p") != std::string::npos || lower.find("<div") != std::string::npos;
}

std::string WrapParagraphs(std::string_view text) {
  std::string out;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t gap = text.find("\n\n", pos);
    if (gap == std::string_view::npos) gap = text.size();
    std::string_view paragraph = text.substr(pos, gap - pos);
    size_t first = paragraph.find_first_not_of(" \t\r\n");
    if (first != std::string_view::npos) {
      paragraph = paragraph.substr(first, paragraph.find_last_not_of(" \t\r\n") - first + 1);
      out += "<p>";
      out.append(paragraph);
      out += "</p>\n";
    }
    pos = gap + 2;
  }
  return out;
}

}  // namespace

std::string CleanWordPressContent(std::string_view content) {
  std::string text = RemoveShortcodes(RemoveBlockComments(content));
  if (text.find("\n\n") == std::string::npos || HasBlockMarkup(text)) return text;
  return WrapParagraphs(text);
}

}  // namespace archive::corpus
