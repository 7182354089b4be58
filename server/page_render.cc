#include "server/page_render.h"

#include <algorithm>
#include <cstdio>
#include <vector>

#include "core/html_text.h"

namespace archive::server {
namespace {

// Parameters a results link carries on; the rest (highlight markup, format) are the
// server's to choose on this page.
constexpr const char* kStateKeys[] = {"q",     "topic", "city", "author", "lang",
                                      "issue", "from",  "to",   "sort",   "strict"};

constexpr size_t kFacetValuesShown = 15;

using Pairs = std::vector<std::pair<std::string, std::string>>;

Pairs PageState(const Params& params) {
  Pairs state;
  for (const char* key : kStateKeys) {
    auto [begin, end] = params.equal_range(key);
    for (auto it = begin; it != end; ++it) state.emplace_back(it->first, it->second);
  }
  return state;
}

std::string Link(const std::string& path, const Pairs& state) {
  std::string url = path;
  char separator = '?';
  for (const auto& [key, value] : state) {
    if (value.empty()) continue;
    url += separator + UrlEncode(key) + "=" + UrlEncode(value);
    separator = '&';
  }
  return url;
}

Pairs Without(Pairs state, std::string_view key) {
  std::erase_if(state, [key](const auto& pair) { return pair.first == key; });
  return state;
}

// The state with `key` set to `value`, in the place it had (links stay readable).
Pairs With(const Pairs& state, const std::string& key, const std::string& value) {
  Pairs next;
  bool set = false;
  for (const auto& pair : state) {
    if (pair.first != key) {
      next.push_back(pair);
    } else if (!set) {
      next.emplace_back(key, value);
      set = true;
    }
  }
  if (!set) next.emplace_back(key, value);
  return next;
}

// The state with `value` of facet `key` ticked or unticked (facets are disjunctive, so a
// tick adds to the selection).
Pairs Toggled(const Pairs& state, const std::string& key, const std::string& value, bool* on) {
  Pairs next;
  *on = false;
  for (const auto& pair : state) {
    if (pair.first == key && pair.second == value) {
      *on = true;
    } else {
      next.push_back(pair);
    }
  }
  if (!*on) next.emplace_back(key, value);
  return next;
}

std::string Param(const Params& params, const std::string& key) {
  auto it = params.find(key);
  return it == params.end() ? std::string() : it->second;
}

std::string Head(std::string_view query) {
  const std::string title =
      query.empty() ? "Archive search" : HtmlEscape(query) + " – Archive search";
  return "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" +
         title + "</title>\n<link rel=\"stylesheet\" href=\"/style.css\">\n</head>\n";
}

std::string SearchForm(const Params& params) {
  std::string html =
      "<header class=\"masthead\">\n<a class=\"brand\" href=\"/\">Archive search</a>\n"
      "<form class=\"search-form\" role=\"search\" action=\"/search\" method=\"get\">\n"
      "<label for=\"q\" class=\"sr-only\">Search the archive</label>\n"
      "<input type=\"search\" id=\"q\" name=\"q\" value=\"" +
      HtmlEscape(Param(params, "q")) + "\">\n<button type=\"submit\">Search</button>\n";
  // A new query keeps the filters, as the script's page does.
  for (const auto& [key, value] : Without(PageState(params), "q"))
    html += "<input type=\"hidden\" name=\"" + HtmlEscape(key) + "\" value=\"" + HtmlEscape(value) +
            "\">\n";
  return html + "</form>\n</header>\n";
}

std::string FacetList(const Pairs& state, const std::string& key, const std::string& label,
                      const std::vector<query::FacetCount>& counts) {
  if (counts.empty()) return "";
  std::string html =
      "<section class=\"facet\" aria-label=\"" + label + "\">\n<h2>" + label + "</h2>\n<ul>\n";
  size_t shown = 0;
  for (const query::FacetCount& count : counts) {
    bool on = false;
    const Pairs next = Without(Toggled(state, key, count.value, &on), "page");
    // The most frequent values, and every ticked one however rare.
    if (shown >= kFacetValuesShown && !on) continue;
    ++shown;
    html += std::string("<li><a href=\"") + HtmlEscape(Link("/search", next)) + "\"" +
            (on ? " aria-current=\"true\" class=\"on\">☑ " : ">☐ ") + HtmlEscape(count.value) +
            "</a> <span class=\"count\">" + std::to_string(count.count) + "</span></li>\n";
  }
  return html + "</ul>\n</section>\n";
}

std::string Facets(const Pairs& state, const query::SearchResult& result) {
  std::string html = "<aside class=\"filters\" aria-label=\"Filters\">\n";
  for (const auto& [key, label] :
       {std::pair<std::string, std::string>{"topic", "Topic"}, {"city", "City"}}) {
    auto it = result.facets.find(key);
    if (it != result.facets.end()) html += FacetList(state, key, label, it->second);
  }
  return html + "</aside>\n";
}

std::string Status(const query::SearchResult& result, double took_ms) {
  char took[32];
  std::snprintf(took, sizeof took, "%.1f", took_ms);
  return "<p class=\"status\" role=\"status\">" + std::to_string(result.total) +
         (result.total_is_exact ? "" : " (about)") +
         (result.total == 1 ? " article" : " articles") + " · " + took + " ms · index generation " +
         std::to_string(result.generation) + ", revision " + std::to_string(result.revision) +
         "</p>\n";
}

std::string Notices(const Pairs& state, const query::SearchResult& result) {
  std::string html;
  if (!result.suggestion.empty() && result.corrected_query.empty())
    html += "<p class=\"notice\">Did you mean <a href=\"" +
            HtmlEscape(Link("/search", Without(With(state, "q", result.suggestion), "page"))) +
            "\">" + HtmlEscape(result.suggestion) + "</a>?</p>\n";
  for (const std::string& notice : result.notices)
    html += "<p class=\"notice\">" + HtmlEscape(notice) + "</p>\n";
  return html;
}

std::string SortLinks(const Pairs& state, const query::SearchRequest& request) {
  const std::pair<query::SortOrder, const char*> orders[] = {
      {query::SortOrder::kRelevance, "relevance"},
      {query::SortOrder::kNewest, "newest"},
      {query::SortOrder::kOldest, "oldest"}};
  std::string html = "<nav class=\"sort\" aria-label=\"Sort\">Sort: ";
  for (const auto& [order, name] : orders) {
    if (order == request.sort) {
      html += std::string("<strong aria-current=\"true\">") + name + "</strong> ";
    } else {
      html += "<a href=\"" +
              HtmlEscape(Link("/search", Without(With(state, "sort", name), "page"))) + "\">" +
              name + "</a> ";
    }
  }
  return html + "</nav>\n";
}

std::string Joined(const std::vector<std::string>& values) {
  std::string text;
  for (const std::string& value : values) text += (text.empty() ? "" : ", ") + value;
  return text;
}

std::string HitItem(const query::Hit& hit, const std::string& query) {
  const Pairs from_search = query.empty() ? Pairs() : Pairs{{"q", query}};
  std::string meta = HtmlEscape(hit.date.empty() ? "undated" : hit.date);
  if (hit.issue > 0) meta += " · Issue " + std::to_string(hit.issue);
  if (!hit.topics.empty()) meta += " · " + HtmlEscape(Joined(hit.topics));
  if (!hit.cities.empty()) meta += " · " + HtmlEscape(Joined(hit.cities));
  // title_highlighted and snippet are escaped by the query library (escape_html).
  return "<li class=\"hit\">\n<h3><a href=\"" +
         HtmlEscape(Link("/article/" + UrlEncode(hit.id), from_search)) + "\">" +
         hit.title_highlighted + "</a></h3>\n<p class=\"meta\">" + meta +
         "</p>\n<p class=\"snippet\">" + hit.snippet + "</p>\n</li>\n";
}

std::string Pages(const Pairs& state, const query::SearchRequest& request,
                  const query::SearchResult& result) {
  const uint64_t per_page = std::max<uint32_t>(1, request.limit);
  const uint64_t page = request.offset / per_page + 1;
  const uint64_t last =
      std::min<uint64_t>((result.total + per_page - 1) / per_page, kMaxResultDepth / per_page);
  if (last <= 1) return "";
  std::string html = "<nav class=\"pages\" aria-label=\"Pages\">";
  if (page > 1)
    html += "<a rel=\"prev\" href=\"" +
            HtmlEscape(Link("/search", With(state, "page", std::to_string(page - 1)))) +
            "\">‹ Previous</a> ";
  html += "<span>Page " + std::to_string(page) + " of " + std::to_string(last) + "</span>";
  if (page < last)
    html += " <a rel=\"next\" href=\"" +
            HtmlEscape(Link("/search", With(state, "page", std::to_string(page + 1)))) +
            "\">Next ›</a>";
  return html + "</nav>\n";
}

std::string Body(const ResultsPage& page) {
  const Pairs state = PageState(page.params);
  Pairs paged = state;
  const std::string per_page = Param(page.params, "per_page");
  if (!per_page.empty()) paged.emplace_back("per_page", per_page);
  if (!page.error.empty() || page.result == nullptr || page.request == nullptr)
    return "<main class=\"layout\">\n<section class=\"results\">\n<p class=\"error\" "
           "role=\"alert\">" +
           HtmlEscape(page.error) + "</p>\n</section>\n</main>\n";
  const query::SearchResult& result = *page.result;
  std::string hits = "<ol class=\"hits\">\n";
  for (const query::Hit& hit : result.hits) hits += HitItem(hit, page.request->query);
  hits += "</ol>\n";
  return "<main class=\"layout\">\n" + Facets(state, result) +
         "<section class=\"results\" aria-label=\"Results\">\n" + Status(result, page.took_ms) +
         Notices(state, result) + SortLinks(state, *page.request) + hits +
         Pages(paged, *page.request, result) + "</section>\n</main>\n";
}

}  // namespace

std::string UrlEncode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (alnum || c == '-' || c == '_' || c == '.' || c == '~') {
      out += c;
    } else {
      out += '%';
      out += kHex[byte >> 4];
      out += kHex[byte & 15];
    }
  }
  return out;
}

std::string RenderArticleView(const Article& article, std::string_view query) {
  std::string html;
  if (!query.empty())
    html += "<p><a class=\"back\" href=\"" + HtmlEscape(Link("/", {{"q", std::string(query)}})) +
            "\">‹ Results for “" + HtmlEscape(query) + "”</a></p>\n";
  html += "<h1>" + HtmlEscape(article.title) + "</h1>\n<p class=\"meta\">" +
          HtmlEscape(article.date.empty() ? "undated" : article.date);
  if (article.issue > 0) {
    const std::string number = std::to_string(article.issue);
    html += " · <a href=\"/issues/" + number + "\">Issue " + number + "</a>";
  }
  if (!article.authors.empty()) html += " · By " + HtmlEscape(Joined(article.authors));
  html += "</p>\n<p class=\"meta\">" + HtmlEscape(Joined(article.topics)) +
          (article.topics.empty() || article.cities.empty() ? "" : " · ") +
          HtmlEscape(Joined(article.cities)) + "</p>\n<div class=\"text\">\n";
  const std::string text = LooksLikeHtml(article.body) ? HtmlToText(article.body) : article.body;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find("\n\n", start);
    if (end == std::string::npos) end = text.size();
    const std::string_view paragraph = std::string_view(text).substr(start, end - start);
    if (paragraph.find_first_not_of(" \n\t") != std::string_view::npos)
      html += "<p>" + HtmlEscape(paragraph) + "</p>\n";
    start = end + 2;
  }
  return html + "</div>\n";
}

std::string WithArticleView(std::string_view document, std::string_view title,
                            std::string_view view) {
  static constexpr std::string_view kEmpty =
      "<article id=\"view-article\" class=\"article\" hidden></article>";
  static constexpr std::string_view kTitle = "<title>Archive search</title>";
  std::string page(document);
  const size_t at = page.find(kEmpty);
  if (at == std::string::npos) return page;
  page.replace(
      at, kEmpty.size(),
      "<article id=\"view-article\" class=\"article\">\n" + std::string(view) + "</article>");
  const size_t title_at = page.find(kTitle);
  if (title_at != std::string::npos)
    page.replace(title_at, kTitle.size(),
                 "<title>" + HtmlEscape(title) + " – Archive search</title>");
  return page;
}

std::string RenderResultsPage(const ResultsPage& page) {
  return Head(Param(page.params, "q")) + "<body class=\"fallback\">\n" + SearchForm(page.params) +
         Body(page) +
         "<footer class=\"footer\"><a href=\"/issues\">Issues</a> · <a href=\"/\">Interactive "
         "search</a></footer>\n</body>\n</html>\n";
}

}  // namespace archive::server
