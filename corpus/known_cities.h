// The cities the paper reports from, so that a free-form WordPress tag ("seattle",
// "Sao Paulo", "NYC") can be recognised as a city and spelt one way in the city facet.
// The table covers US cities of about 100,000 people or more, the US state capitals and the
// cities abroad the paper covers. Thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace archive::corpus {

// True when `name` names a known city, ignoring case, accents, periods, extra spaces and
// the spelling variants the table lists ("NYC", "Saint Louis", "Montreal").
bool IsKnownCity(std::string_view name);

// The city's name as the facet shows it ("New York City", "St. Louis", "São Paulo"), or an
// empty string when `name` is not a known city.
std::string CanonicalCity(std::string_view name);

}  // namespace archive::corpus
