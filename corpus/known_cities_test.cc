#include "corpus/known_cities.h"

#include <gtest/gtest.h>

namespace archive::corpus {
namespace {

TEST(KnownCitiesTest, CanonicalSpelling) {
  const std::pair<const char*, const char*> cases[] = {
      {"seattle", "Seattle"},
      {"  SAN   francisco ", "San Francisco"},
      {"NYC", "New York City"},
      {"new york", "New York City"},
      {"st louis", "St. Louis"},
      {"Saint Louis", "St. Louis"},
      {"Sao Paulo", "S\u00e3o Paulo"},
      {"s\u00e3o paulo", "S\u00e3o Paulo"},
      {"Montreal", "Montr\u00e9al"},
      {"KRAKOW", "Krak\u00f3w"},
      {"Washington DC", "Washington, D.C."},
      {"winston-salem", "Winston-Salem"},
      {"Juneau", "Juneau"},
      {"Johannesburg", "Johannesburg"},
  };
  for (const auto& [input, expected] : cases) {
    EXPECT_EQ(expected, CanonicalCity(input)) << input;
    EXPECT_TRUE(IsKnownCity(input)) << input;
  }
}

TEST(KnownCitiesTest, OtherTagsAreNoCities) {
  for (const char* tag : {"rent control", "strikes", "", "   ", "Seattle rally", "labor"}) {
    EXPECT_FALSE(IsKnownCity(tag)) << tag;
    EXPECT_EQ("", CanonicalCity(tag)) << tag;
  }
}

}  // namespace
}  // namespace archive::corpus
