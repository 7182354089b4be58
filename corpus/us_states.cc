#include "corpus/us_states.h"

#include <algorithm>
#include <cctype>
#include <string>

namespace archive::corpus {
namespace {

struct State {
  std::string_view name;
  std::string_view postal;
  std::string_view ap;  // the AP stylebook abbreviation, without periods ("" when none)
};

// A table reads best packed.
// clang-format off
constexpr State kStates[] = {
    {"Alabama", "AL", "Ala"}, {"Alaska", "AK", ""}, {"Arizona", "AZ", "Ariz"},
    {"Arkansas", "AR", "Ark"}, {"California", "CA", "Calif"}, {"Colorado", "CO", "Colo"},
    {"Connecticut", "CT", "Conn"}, {"Delaware", "DE", "Del"}, {"Florida", "FL", "Fla"},
    {"Georgia", "GA", "Ga"}, {"Hawaii", "HI", ""}, {"Idaho", "ID", ""},
    {"Illinois", "IL", "Ill"}, {"Indiana", "IN", "Ind"}, {"Iowa", "IA", ""},
    {"Kansas", "KS", "Kan"}, {"Kentucky", "KY", "Ky"}, {"Louisiana", "LA", "La"},
    {"Maine", "ME", ""}, {"Maryland", "MD", "Md"}, {"Massachusetts", "MA", "Mass"},
    {"Michigan", "MI", "Mich"}, {"Minnesota", "MN", "Minn"}, {"Mississippi", "MS", "Miss"},
    {"Missouri", "MO", "Mo"}, {"Montana", "MT", "Mont"}, {"Nebraska", "NE", "Neb"},
    {"Nevada", "NV", "Nev"}, {"New Hampshire", "NH", "NH"}, {"New Jersey", "NJ", "NJ"},
    {"New Mexico", "NM", "NM"}, {"New York", "NY", "NY"}, {"North Carolina", "NC", "NC"},
    {"North Dakota", "ND", "ND"}, {"Ohio", "OH", ""}, {"Oklahoma", "OK", "Okla"},
    {"Oregon", "OR", "Ore"}, {"Pennsylvania", "PA", "Pa"}, {"Rhode Island", "RI", "RI"},
    {"South Carolina", "SC", "SC"}, {"South Dakota", "SD", "SD"}, {"Tennessee", "TN", "Tenn"},
    {"Texas", "TX", ""}, {"Utah", "UT", ""}, {"Vermont", "VT", "Vt"},
    {"Virginia", "VA", "Va"}, {"Washington", "WA", "Wash"}, {"West Virginia", "WV", "WVa"},
    {"Wisconsin", "WI", "Wis"}, {"Wyoming", "WY", "Wyo"}, {"District of Columbia", "DC", "DC"},
};
// clang-format on

// "N.C." -> "NC", "  North   Carolina" -> "North Carolina": periods dropped, spaces single.
std::string Squeeze(std::string_view words) {
  std::string out;
  for (char c : words) {
    if (c == '.') continue;
    if (c == ' ' || c == ',') {
      if (!out.empty() && out.back() != ' ') out += ' ';
      continue;
    }
    out += c;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  // "N C" (from "N. C.") reads as "NC".
  if (out.size() == 3 && out[1] == ' ') out.erase(1, 1);
  return out;
}

bool EqualsIgnoringCase(std::string_view a, std::string_view b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
    return std::tolower(static_cast<unsigned char>(x)) ==
           std::tolower(static_cast<unsigned char>(y));
  });
}

}  // namespace

bool IsUsState(std::string_view words) {
  const std::string key = Squeeze(words);
  if (key.empty()) return false;
  for (const State& state : kStates) {
    // Postal codes and abbreviations must be capitalised as printed: "IN" and "Miss" are
    // states after a city, "in" and "miss" are words.
    if (key == state.postal || (!state.ap.empty() && key == state.ap)) return true;
    if (EqualsIgnoringCase(key, state.name)) return true;
  }
  return false;
}

}  // namespace archive::corpus
