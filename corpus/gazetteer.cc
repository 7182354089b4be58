#include "corpus/gazetteer.h"

#include <algorithm>
#include <optional>

#include "corpus/known_cities.h"
#include "corpus/printed_words.h"
#include "corpus/us_states.h"

namespace archive::corpus {
namespace {

// Known cities whose names are also given names, surnames or words, in facet spelling.
// A table reads best packed.
// clang-format off
constexpr std::string_view kNeedsContext[] = {
    "Jackson", "Madison", "Mobile", "Columbus", "Portland", "Lincoln", "Aurora", "Mesa", "Gary",
    "Irving", "Henderson", "Lancaster", "Elizabeth", "Concord", "Dover", "Salem", "Columbia",
    "Charlotte", "Cary", "Austin", "Eugene", "Orlando", "Savannah", "Chandler", "Gilbert",
    "Garland", "Augusta", "Helena", "Pierre", "Providence", "Phoenix", "Macon", "Hayward",
    "Fremont", "Stockton", "Paterson", "Lowell", "Davenport", "Montgomery", "Lansing", "Buffalo",
    "Durham", "Lexington", "Arlington", "Richmond", "Cambridge", "Manchester", "Birmingham",
    "Springfield", "Charleston", "Santiago", "Lima", "Paris", "Ontario", "Norfolk", "Amarillo",
    "Erie", "Reno", "Billings", "Abilene", "Frisco", "Sydney", "Plano", "Glendale", "Peoria",
    "Joliet", "Olympia", "Albany", "Bismarck", "Cheyenne", "Concord", "Irvine", "Frankfort",
    "Waco", "Tempe", "Lubbock", "Laredo", "Fontana", "Modesto", "Hartford", "Rochester", "Troy",
};
// clang-format on

// Named only by a byline or a dateline: in running text "Gaza" is nearly always the Strip.
constexpr std::string_view kHeaderOnly[] = {"Gaza"};

// Words that place the name that follows: "in Mobile", "from Jackson", "en Portland".
constexpr std::string_view kPlacingWords[] = {
    "in", "en", "from", "desde", "across", "near", "outside", "around", "throughout", "of", "de",
};

// Words after a city's name that make it part of another name ("New York Times").
constexpr std::string_view kNotCityFollowers[] = {
    "Times", "Post",      "Herald", "Tribune", "Journal", "Globe",      "Street", "Avenue",
    "Road",  "Boulevard", "County", "Day",     "College", "University", "Bay",    "Lake",
};

// Lower-case words allowed inside a city's name ("Rio de Janeiro").
constexpr std::string_view kNameConnectors[] = {"de", "la", "del", "of"};

constexpr int kHeaderScore = 3;  // byline or dateline
constexpr int kAcceptScore = 2;  // a header, a state, a lead mention, or two mentions
constexpr size_t kMaxNameWords = 4;
constexpr size_t kLeadParagraphs = 3;  // byline, dateline and one more

template <size_t N>
bool Contains(const std::string_view (&table)[N], std::string_view word) {
  return std::find(std::begin(table), std::end(table), word) != std::end(table);
}

bool EqualsLower(std::string_view word, std::string_view lower) {
  return std::equal(word.begin(), word.end(), lower.begin(), lower.end(),
                    [](char a, char b) { return (a >= 'A' && a <= 'Z' ? a - 'A' + 'a' : a) == b; });
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '.'))
    s.remove_suffix(1);
  return s;
}

// Sums the evidence for each city; the order of first evidence breaks ties.
class Evidence {
 public:
  void Add(const std::string& city, int score) {
    auto it = std::find_if(cities_.begin(), cities_.end(),
                           [&](const Entry& entry) { return entry.city == city; });
    if (it == cities_.end()) {
      cities_.push_back({city, score});
    } else {
      it->score += score;
    }
  }

  std::vector<std::string> Accepted(size_t max_cities) const {
    std::vector<Entry> ranked = cities_;
    std::stable_sort(ranked.begin(), ranked.end(),
                     [](const Entry& a, const Entry& b) { return a.score > b.score; });
    std::vector<std::string> out;
    for (const Entry& entry : ranked) {
      if (entry.score >= kAcceptScore && out.size() < max_cities) out.push_back(entry.city);
    }
    return out;
  }

 private:
  struct Entry {
    std::string city;
    int score;
  };
  std::vector<Entry> cities_;
};

std::vector<std::string_view> NonBlankLines(std::string_view text) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    // Blank as SplitPrintedWords counts it, so that paragraph numbers agree.
    if (line.find_first_not_of(" \t\r") != std::string_view::npos) lines.push_back(Trim(line));
    start = end + 1;
  }
  return lines;
}

bool IsByline(std::string_view line) {
  return line.size() < 200 && (line.starts_with("By ") || line.starts_with("Por ") ||
                               line.starts_with("BY ") || line.starts_with("POR "));
}

// "By NAME and NAME, Seattle" or "By NAME, Jackson, Miss." -> the city. The first segment
// holds the names, so it is never read as a place.
std::optional<std::string> BylineCity(std::string_view line) {
  std::vector<std::string_view> segments;
  for (size_t start = 0, comma; start <= line.size(); start = comma + 1) {
    comma = std::min(line.find(',', start), line.size());
    segments.push_back(Trim(line.substr(start, comma - start)));
  }
  for (size_t k = segments.size() - 1; k >= 1; --k) {
    if (IsUsState(segments[k])) continue;
    std::string city = CanonicalCity(segments[k]);
    if (city.empty()) break;
    return city;
  }
  return std::nullopt;
}

// "SEATTLE — ..." or "JACKSON, Miss. — ..." -> the city. The place is printed in capitals.
std::optional<std::string> DatelineCity(std::string_view line) {
  constexpr size_t kMaxHead = 60;
  size_t dash = std::string_view::npos;
  for (std::string_view mark : {"\u2014", "\u2013", " - ", "--"})
    dash = std::min(dash, line.substr(0, kMaxHead).find(mark));
  if (dash == std::string_view::npos || dash == 0) return std::nullopt;
  std::string_view place = Trim(line.substr(0, std::min(dash, line.find(','))));
  bool has_letter =
      std::any_of(place.begin(), place.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
  if (!has_letter || !IsAllCaps(place)) return std::nullopt;
  std::string city = CanonicalCity(place);
  if (city.empty()) return std::nullopt;
  return city;
}

}  // namespace

namespace {

// Scans running text for city names and weighs each mention by where it stands.
class MentionScanner {
 public:
  MentionScanner(const std::vector<PrintedWord>& words, size_t lead_end, Evidence* evidence)
      : words_(words), lead_end_(lead_end), evidence_(evidence) {}

  void Scan() {
    for (size_t i = 0; i < words_.size(); ++i) {
      if (!IsCapitalised(words_[i].text)) continue;
      for (size_t n = std::min(kMaxNameWords, words_.size() - i); n >= 1; --n) {
        std::string city = NameAt(i, n);
        if (city.empty()) continue;
        Weigh(city, i, n);
        i += n - 1;
        break;
      }
    }
  }

 private:
  // The city spelt by words [i, i + n), or "" when they are not one name on one line.
  std::string NameAt(size_t i, size_t n) const {
    std::string joined;
    for (size_t k = i; k < i + n; ++k) {
      std::string_view word = words_[k].text;
      if (words_[k].paragraph != words_[i].paragraph) return "";
      bool edge = k == i || k + 1 == i + n;
      if (!IsCapitalised(word) && (edge || !Contains(kNameConnectors, word))) return "";
      if (k > i) joined += ' ';
      joined += word;
    }
    return CanonicalCity(joined);
  }

  const PrintedWord* At(size_t k, size_t paragraph) const {
    return k < words_.size() && words_[k].paragraph == paragraph ? &words_[k] : nullptr;
  }

  // "Houston TX", "Mobile, Ala.", "Grand Rapids, North Carolina": two words tried first.
  bool StateFollows(size_t after, size_t paragraph) const {
    const PrintedWord* first = At(after, paragraph);
    if (first == nullptr) return false;
    const PrintedWord* second = At(after + 1, paragraph);
    if (second != nullptr && IsCapitalised(second->text) &&
        IsUsState(std::string(first->text) + " " + std::string(second->text)))
      return true;
    return IsUsState(first->text);
  }

  void Weigh(const std::string& city, size_t i, size_t n) {
    if (Contains(kHeaderOnly, city)) return;
    const size_t paragraph = words_[i].paragraph;
    const PrintedWord* next = At(i + n, paragraph);
    if (next != nullptr && Contains(kNotCityFollowers, next->text)) return;
    const bool stated = StateFollows(i + n, paragraph);
    if (Contains(kNeedsContext, city) && !stated) {
      const PrintedWord* before = i > 0 ? At(i - 1, paragraph) : nullptr;
      bool placed =
          before != nullptr && std::any_of(std::begin(kPlacingWords), std::end(kPlacingWords),
                                           [&](auto w) { return EqualsLower(before->text, w); });
      // "in Jackson Lee's district": a capitalised word after the name makes it a person's.
      if (!placed || (next != nullptr && IsCapitalised(next->text))) return;
    }
    evidence_->Add(city, 1 + (paragraph < lead_end_ ? 1 : 0) + (stated ? 1 : 0));
  }

  const std::vector<PrintedWord>& words_;
  size_t lead_end_;
  Evidence* evidence_;
};

}  // namespace

std::vector<std::string> Gazetteer::FindCities(std::string_view text, size_t max_cities) const {
  Evidence evidence;
  std::vector<std::string_view> lines = NonBlankLines(text);
  size_t first_text = 0;  // the first line after the byline
  for (size_t k = 0; k < std::min<size_t>(lines.size(), 2); ++k) {
    if (!IsByline(lines[k])) continue;
    if (std::optional<std::string> city = BylineCity(lines[k])) evidence.Add(*city, kHeaderScore);
    first_text = k + 1;
    break;
  }
  if (first_text < lines.size()) {
    if (std::optional<std::string> city = DatelineCity(lines[first_text]))
      evidence.Add(*city, kHeaderScore);
  }
  // The byline's names are people, not places: the scan starts after it.
  std::vector<PrintedWord> words = SplitPrintedWords(text);
  auto body = std::find_if(words.begin(), words.end(),
                           [&](const PrintedWord& w) { return w.paragraph >= first_text; });
  std::vector<PrintedWord> running(body, words.end());
  MentionScanner(running, first_text + kLeadParagraphs - 1, &evidence).Scan();
  return evidence.Accepted(max_cities);
}

}  // namespace archive::corpus
