#include "corpus/gazetteer.h"

#include <gtest/gtest.h>

#include "corpus/printed_words.h"
#include "corpus/us_states.h"

namespace archive::corpus {
namespace {

using Cities = std::vector<std::string>;

Cities Find(std::string_view text) { return Gazetteer().FindCities(text, 3); }

TEST(GazetteerTest, BylineCity) {
  EXPECT_EQ(Cities{"Seattle"}, Find("By Ana Ruiz, Seattle\n\nTenants packed the hall."));
  EXPECT_EQ(Cities{"Minneapolis"},
            Find("By Ana Ruiz and Tom Lee, Minneapolis\n\nTenants packed the hall."));
  EXPECT_EQ(Cities{"Portland"}, Find("Por Ana Ruiz y Tom Lee, Portland\n\nLos inquilinos."));
  EXPECT_EQ(Cities{"Jackson"}, Find("By Ana Ruiz, Jackson, Miss.\n\nTenants packed the hall."));
}

TEST(GazetteerTest, DatelineCity) {
  EXPECT_EQ(Cities{"Seattle"}, Find("SEATTLE \u2014 Tenants packed the hall."));
  EXPECT_EQ(Cities{"Jackson"}, Find("JACKSON, Miss. \u2014 Tenants packed the hall."));
  EXPECT_EQ(Cities{"S\u00e3o Paulo"}, Find("S\u00c3O PAULO \u2014 Los trabajadores marcharon."));
  EXPECT_EQ(Cities{"Mobile"}, Find("By Ana Ruiz\n\nMOBILE \u2014 Tenants packed the hall."));
}

TEST(GazetteerTest, StateSuffixes) {
  EXPECT_EQ(Cities{"Houston"}, Find("Organizers came from Houston TX to speak."));
  EXPECT_EQ(Cities{"Grand Rapids"}, Find("Organizers came from Grand Rapids MI to speak."));
  EXPECT_EQ(Cities{"Madison"}, Find("Teachers rallied. Madison WI was next."));
  EXPECT_EQ(Cities{"Portland"}, Find("Nurses struck. Portland, Maine, followed."));
  EXPECT_EQ(Cities{"Mobile"}, Find("Nurses struck. Mobile, AL followed."));
}

TEST(GazetteerTest, AmbiguousNamesNeedContext) {
  // People, words and the Strip are not cities.
  EXPECT_EQ(Cities{}, Find("Rep. Sheila Jackson Lee spoke.\n\nJackson Lee said more."));
  EXPECT_EQ(Cities{}, Find("Mobile phones rang.\n\nMobile apps track workers."));
  EXPECT_EQ(Cities{}, Find("Columbus Day was renamed.\n\nColumbus Day is over."));
  EXPECT_EQ(Cities{}, Find("The war on Gaza goes on.\n\nAid to Gaza was blocked."));
  EXPECT_EQ(Cities{}, Find("As Eugene Debs said, we must organize."));
  // Placed by a preposition, they are.
  EXPECT_EQ(Cities{"Mobile"}, Find("Dockworkers in Mobile walked out."));
  EXPECT_EQ(Cities{"Jackson"}, Find("Water failed in Jackson again."));
  // Even after "in", a capitalised word after the name makes it a person.
  EXPECT_EQ(Cities{}, Find("Voters in Jackson Lee's district met."));
  EXPECT_EQ(Cities{"Gaza"}, Find("GAZA \u2014 Families sheltered in tents."));
}

TEST(GazetteerTest, OneMentionOutsideTheLeadIsNotEnough) {
  const std::string text =
      "By Ana Ruiz\n\nTenants packed the hall.\n\nThey spoke.\n\nThey voted.\n\n"
      "Like tenants in Chicago, they won.";
  EXPECT_EQ(Cities{}, Find(text));
  EXPECT_EQ(Cities{"Chicago"}, Find(text + "\n\nChicago tenants cheered."));
}

TEST(GazetteerTest, NamesInsideOtherNamesAreNotCities) {
  EXPECT_EQ(Cities{}, Find("The New York Times reported it. The New York Times ran it."));
}

TEST(GazetteerTest, StrongestEvidenceFirstAndCapped) {
  Cities found = Gazetteer().FindCities(
      "By Ana Ruiz, Boston\n\nDETROIT \u2014 Workers in Detroit and Oakland struck; Oakland "
      "followed Detroit.",
      2);
  EXPECT_EQ((Cities{"Detroit", "Oakland"}), found);
}

TEST(GazetteerTest, SpanishText) {
  EXPECT_EQ(
      Cities{"Mexico City"},
      Find("Por Ana Ruiz\n\nCIUDAD DE M\u00c9XICO \u2014 Marcharon en la Ciudad de M\u00e9xico."));
  EXPECT_EQ(Cities{"Portland"}, Find("Los activistas se reunieron en Portland el lunes."));
}

TEST(PrintedWordsTest, SplitsAsPrinted) {
  std::vector<PrintedWord> words = SplitPrintedWords(
      "In St. Louis\u2019s north side,\n\nWashington, D.C. \u2014 \u201cSeattle's\u201d");
  std::vector<std::string_view> texts;
  for (const PrintedWord& word : words) texts.push_back(word.text);
  EXPECT_EQ((std::vector<std::string_view>{"In", "St", "Louis", "s", "north", "side", "Washington",
                                           "D.C", "Seattle"}),
            texts);
  EXPECT_EQ(0u, words[5].paragraph);
  EXPECT_EQ(1u, words[6].paragraph);
  EXPECT_TRUE(IsCapitalised("\u00c9vora"));
  EXPECT_FALSE(IsCapitalised("\u00e9vora"));
}

TEST(UsStatesTest, NamesCodesAndAbbreviations) {
  for (const char* state : {"TX", "Texas", "texas", "N.C.", "North Carolina", "Miss.", "Wis"})
    EXPECT_TRUE(IsUsState(state)) << state;
  for (const char* word : {"in", "miss", "Tx", "Carolina", "Seattle"})
    EXPECT_FALSE(IsUsState(word)) << word;
}

}  // namespace
}  // namespace archive::corpus
