// Gazetteer: finds the cities an article reports from in its plain text, by the known
// cities of corpus/known_cities.h (US cities of about 100,000 people or more, the state
// capitals, the cities abroad the paper covers).
//
// Evidence, strongest first: the byline ("By NAME, Seattle", "Por NAME, Portland"), the
// dateline ("SEATTLE —", "JACKSON, Miss. —"), a name with its state ("Houston TX", "Mobile,
// Ala."), a mention in the lead paragraphs, other mentions. A city needs a byline, a
// dateline, a state, or two mentions (one in the lead counts double).
//
// Names that are also people's names or words (Jackson, Madison, Mobile, Columbus,
// Portland, Eugene, ...) count only when capitalised and placed: in a byline or dateline,
// with a state, or after "in", "from", "en", "de" and the like, and never when another
// capitalised word follows ("Jackson Lee" is a person). Gaza counts only in a byline or a
// dateline: in running text it is nearly always the Strip.
//
// Immutable; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace archive::corpus {

class Gazetteer {
 public:
  // The cities `text` reports from, in their facet spelling, strongest evidence first, at
  // most `max_cities`. `text` is plain text with paragraphs on separate lines.
  std::vector<std::string> FindCities(std::string_view text, size_t max_cities) const;
};

}  // namespace archive::corpus
