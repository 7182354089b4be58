// The US states (and D.C.) as they follow a city's name: "Houston TX", "Madison, Wis.",
// "Portland, Maine". A state after a name is what tells the city Mobile from a mobile
// phone, so the gazetteer (corpus/gazetteer.h) asks this table. Thread-safe.
#pragma once

#include <string_view>

namespace archive::corpus {

// True when `words` (one or two words, as printed) names a state: its full name ("North
// Carolina", any case), its postal code in capitals ("NC") or its AP abbreviation with or
// without the period ("N.C.", "Calif", "Wis.").
bool IsUsState(std::string_view words);

}  // namespace archive::corpus
