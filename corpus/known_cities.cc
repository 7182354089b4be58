#include "corpus/known_cities.h"

#include <cctype>
#include <string_view>
#include <unordered_map>

namespace archive::corpus {
namespace {

// The facet spelling of every known city. Ambiguous names (Portland, Columbus, Jackson,
// Springfield) stand for whichever the paper means; the facet does not tell them apart.
// A table reads best packed.
// clang-format off
constexpr std::string_view kCities[] = {
    // US cities of about 100,000 people or more.
    "New York City", "Los Angeles", "Chicago", "Houston", "Phoenix", "Philadelphia", "San Antonio",
    "San Diego", "Dallas", "San Jose", "Austin", "Jacksonville", "Fort Worth", "Columbus",
    "Charlotte", "Indianapolis", "San Francisco", "Seattle", "Denver", "Washington, D.C.",
    "Nashville", "Oklahoma City", "El Paso", "Boston", "Portland", "Las Vegas", "Detroit",
    "Memphis", "Louisville", "Baltimore", "Milwaukee", "Albuquerque", "Tucson", "Fresno",
    "Sacramento", "Mesa", "Kansas City", "Atlanta", "Omaha", "Colorado Springs", "Raleigh",
    "Long Beach", "Virginia Beach", "Miami", "Oakland", "Minneapolis", "Tulsa", "Bakersfield",
    "Wichita", "Arlington", "Aurora", "Tampa", "New Orleans", "Cleveland", "Honolulu", "Anaheim",
    "Lexington", "Stockton", "Corpus Christi", "Henderson", "Riverside", "Newark", "St. Paul",
    "Santa Ana", "Cincinnati", "Irvine", "Orlando", "Pittsburgh", "St. Louis", "Greensboro",
    "Jersey City", "Anchorage", "Lincoln", "Plano", "Durham", "Buffalo", "Chandler", "Chula Vista",
    "Toledo", "Madison", "Gilbert", "Reno", "Fort Wayne", "North Las Vegas", "St. Petersburg",
    "Lubbock", "Irving", "Laredo", "Winston-Salem", "Chesapeake", "Glendale", "Garland",
    "Scottsdale", "Norfolk", "Boise", "Fremont", "Spokane", "Santa Clarita", "Baton Rouge",
    "Richmond", "Hialeah", "San Bernardino", "Tacoma", "Modesto", "Huntsville", "Des Moines",
    "Yonkers", "Rochester", "Moreno Valley", "Fayetteville", "Fontana", "Columbus", "Worcester",
    "Port St. Lucie", "Little Rock", "Augusta", "Oxnard", "Birmingham", "Montgomery", "Frisco",
    "Amarillo", "Salt Lake City", "Grand Rapids", "Huntington Beach", "Overland Park", "Glendale",
    "Tallahassee", "Grand Prairie", "McKinney", "Cape Coral", "Sioux Falls", "Peoria", "Providence",
    "Vancouver", "Knoxville", "Akron", "Shreveport", "Mobile", "Brownsville", "Newport News",
    "Fort Lauderdale", "Chattanooga", "Tempe", "Santa Rosa", "Eugene", "Elk Grove", "Salem",
    "Ontario", "Cary", "Rancho Cucamonga", "Oceanside", "Lancaster", "Garden Grove",
    "Pembroke Pines", "Fort Collins", "Palmdale", "Springfield", "Clarksville", "Rockford",
    "Alexandria", "Hayward", "Paterson", "Syracuse", "Bridgeport", "Hartford", "New Haven",
    "Kansas City", "Savannah", "Dayton", "Pasadena", "Killeen", "Joliet", "Naperville", "Sunnyvale",
    "Escondido", "Torrance", "Berkeley", "Ann Arbor", "Cambridge", "Lowell", "Allentown", "Erie",
    "Evansville", "South Bend", "Gary", "Flint", "Lansing", "Green Bay", "Cedar Rapids",
    "Davenport", "Topeka", "Columbia", "Charleston", "Waco", "Beaumont", "Abilene", "Provo",
    "Billings", "Fargo", "Elizabeth", "Manchester", "Stamford", "Waterbury", "Athens-Clarke County",
    "Macon", "Jackson", "Gainesville", "Miami Gardens", "Tuscaloosa", "Murfreesboro", "Durham",
    // State capitals not above.
    "Montgomery", "Juneau", "Sacramento", "Denver", "Dover", "Atlanta", "Honolulu", "Boise",
    "Springfield", "Indianapolis", "Frankfort", "Augusta", "Annapolis", "Boston", "Lansing",
    "St. Paul", "Jefferson City", "Helena", "Lincoln", "Carson City", "Concord", "Trenton",
    "Santa Fe", "Albany", "Bismarck", "Oklahoma City", "Salem", "Harrisburg", "Pierre", "Nashville",
    "Austin", "Montpelier", "Olympia", "Charleston", "Cheyenne", "Richmond", "Hartford",
    "Providence", "Des Moines", "Topeka", "Baton Rouge", "Little Rock", "Phoenix", "Raleigh",
    "Columbia", "Tallahassee", "Salt Lake City", "Madison", "Jackson",
    // Smaller US cities the paper reports from.
    "Mobile", "Ann Arbor",
    // Abroad.
    "Dublin", "Belfast", "Cork", "Derry", "Galway", "London", "Manchester", "Glasgow", "Edinburgh",
    "Cardiff", "Berlin", "Hamburg", "Paris", "Brussels", "Amsterdam", "Madrid", "Barcelona",
    "Lisbon", "Rome", "Athens", "Stockholm", "Oslo", "Copenhagen", "Helsinki", "Vienna", "Warsaw",
    "Kraków", "Prague", "Budapest", "Moscow", "Kyiv", "Istanbul", "Mexico City", "São Paulo",
    "Rio de Janeiro", "Buenos Aires", "Santiago", "Bogotá", "Caracas", "Havana", "Lima", "La Paz",
    "Montréal", "Toronto", "Vancouver", "Ottawa", "Johannesburg", "Cape Town", "Durban", "Lagos",
    "Nairobi", "Cairo", "Tunis", "Gaza", "Jerusalem", "Ramallah", "Beirut", "Tehran", "Delhi",
    "Mumbai", "Dhaka", "Karachi", "Hong Kong", "Beijing", "Shanghai", "Tokyo", "Seoul", "Manila",
    "Jakarta", "Sydney", "Melbourne", "Auckland",
};
// clang-format on

// Other spellings people type into WordPress tags, mapped to the facet spelling.
constexpr std::pair<std::string_view, std::string_view> kAliases[] = {
    {"New York", "New York City"},
    {"NYC", "New York City"},
    {"Saint Louis", "St. Louis"},
    {"Saint Paul", "St. Paul"},
    {"Washington DC", "Washington, D.C."},
    {"Cracow", "Kraków"},
    {"Krakow", "Kraków"},
    {"Montreal", "Montréal"},
    {"Sao Paulo", "São Paulo"},
    {"Kiev", "Kyiv"},
    {"New Delhi", "Delhi"},
    {"Bombay", "Mumbai"},
    {"Philly", "Philadelphia"},
    // How the paper's Spanish pages name them.
    {"Ciudad de México", "Mexico City"},
    {"Nueva York", "New York City"},
    {"Nueva Orleans", "New Orleans"},
    {"Filadelfia", "Philadelphia"},
};

// Folds the Latin-1 accented letters that occur in city names to their base letter.
bool AppendFoldedAccent(std::string_view text, size_t& i, std::string& out) {
  static constexpr std::pair<std::string_view, char> kFolds[] = {
      {"á", 'a'}, {"à", 'a'}, {"ã", 'a'}, {"â", 'a'}, {"ä", 'a'}, {"é", 'e'}, {"è", 'e'},
      {"ê", 'e'}, {"í", 'i'}, {"ó", 'o'}, {"ô", 'o'}, {"õ", 'o'}, {"ö", 'o'}, {"ú", 'u'},
      {"ü", 'u'}, {"ç", 'c'}, {"ñ", 'n'}, {"Á", 'a'}, {"É", 'e'}, {"Ó", 'o'}, {"Ú", 'u'},
      {"Ã", 'a'}, {"Ç", 'c'}, {"Ñ", 'n'}, {"Ö", 'o'}, {"Ü", 'u'}, {"Í", 'i'}};
  for (const auto& [accented, base] : kFolds) {
    if (text.substr(i).starts_with(accented)) {
      out += base;
      i += accented.size() - 1;
      return true;
    }
  }
  return false;
}

// "  St.  Louis " and "st louis" meet at one key; hyphens stay (Winston-Salem).
std::string MatchKey(std::string_view name) {
  std::string key;
  for (size_t i = 0; i < name.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(name[i]);
    if (c >= 0x80 && AppendFoldedAccent(name, i, key)) continue;
    if (c == '.' || c == ',') continue;
    if (std::isspace(c) || c == '_') {
      if (!key.empty() && key.back() != ' ') key += ' ';
      continue;
    }
    key += static_cast<char>(std::tolower(c));
  }
  while (!key.empty() && key.back() == ' ') key.pop_back();
  return key;
}

const std::unordered_map<std::string, std::string_view>& CityIndex() {
  static const auto* const index = [] {
    auto* map = new std::unordered_map<std::string, std::string_view>();
    for (std::string_view city : kCities) map->emplace(MatchKey(city), city);
    for (const auto& [alias, city] : kAliases) map->emplace(MatchKey(alias), city);
    return map;
  }();
  return *index;
}

}  // namespace

bool IsKnownCity(std::string_view name) { return !CanonicalCity(name).empty(); }

std::string CanonicalCity(std::string_view name) {
  const auto& index = CityIndex();
  auto it = index.find(MatchKey(name));
  return it == index.end() ? std::string() : std::string(it->second);
}

}  // namespace archive::corpus
