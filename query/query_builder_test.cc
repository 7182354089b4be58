#include "query/query_builder.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <string>

#include "core/analyzer.h"
#include "query/search_types.h"
#include "query/synonyms.h"

namespace archive::query {
namespace {

struct Case {
  const char* input;
  const char* expected;
};

class QueryBuilderTest : public ::testing::Test {
 protected:
  QueryBuilderTest()
      : analyzer_(Analyzer::Create().value()),
        db_(std::string(), Xapian::DB_BACKEND_INMEMORY),
        builder_(analyzer_, db_) {}

  void ExpectAll(const Case* begin, const Case* end) {
    for (const Case* c = begin; c != end; ++c) {
      EXPECT_EQ(c->expected, builder_.BuildText(c->input).get_description())
          << "input: " << c->input;
    }
  }

  Analyzer analyzer_;
  Xapian::WritableDatabase db_;
  QueryBuilder builder_;
};

TEST_F(QueryBuilderTest, BuildsExpectedXapianQuery) {
  const Case cases[] = {
      // Plain words: AND by default, stemmed (Z terms) as the indexer stems them.
      {"rent", "Query(Zrent@1)"},
      {"rent strike", "Query((Zrent@1 AND Zstrike@2))"},
      {"strikes", "Query(Zstrike@1)"},
      {"Evictions", "Query(Zevict@1)"},  // capitalised: folded first, so still stemmed
      // A phrase matches exact, unstemmed words in order.
      {"\"rent control\"", "Query((rent@1 PHRASE 2 control@2))"},
      // Exclusion and explicit operators, which folding must leave in capitals.
      {"rent -eviction", "Query((Zrent@1 AND_NOT Zevict@2))"},
      {"-rent strike", "Query((Zstrike@2 AND_NOT Zrent@1))"},
      {"rent OR strike", "Query((Zrent@1 OR Zstrike@2))"},
      {"rent AND strike", "Query((Zrent@1 AND Zstrike@2))"},
      {"rent NOT strike", "Query((Zrent@1 AND_NOT Zstrike@2))"},
      {"NOT rent", "Query((<alldocuments> AND_NOT Zrent@1))"},
      // Exclusions alone mean "everything but", as NOT does.
      {"-rent", "Query((<alldocuments> AND_NOT Zrent@1))"},
      {"-rent -strike", "Query((<alldocuments> AND_NOT (Zrent@1 AND Zstrike@2)))"},
      {"(rent OR strike) AND union", "Query(((Zrent@1 OR Zstrike@2) AND Zunion@3))"},
      // Lower-case "and"/"or" are words, not operators.
      {"rent and strike", "Query((Zrent@1 AND Zand@2 AND Zstrike@3))"},
      // Free-text fields.
      {"title:strike", "Query(ZSstrike@1)"},
      {"author:Sawant", "Query(ZAsawant@1)"},
      {"title:strike rent", "Query((ZSstrike@1 AND Zrent@2))"},
      // Boolean fields: a folded exact value, weight 0, filtering the rest.
      {"topic:Labor", "Query(0 * XTlabor)"},
      {"topic:\"Fighting Racism\"", "Query(0 * XTfighting racism)"},
      {"city:Seattle", "Query(0 * XCseattle)"},
      {"city:\"New York\"", "Query(0 * XCnew york)"},
      {"year:2019", "Query(0 * Y2019)"},
      {"topic:Labor strike", "Query((Zstrike@1 FILTER XTlabor))"},
      {"topic:Labor OR topic:Housing", "Query((0 * XTlabor OR 0 * XThousing))"},
      {"topic:Labor city:Seattle", "Query(0 * (XCseattle AND XTlabor))"},
      // Accents, case, compatibility forms and typographic quotes are folded.
      {"Sāwant", "Query(Zsawant@1)"},
      {"author:Sāwant", "Query(ZAsawant@1)"},
      {"ÉVICTION", "Query(Zevict@1)"},
      {"ﬁre", "Query(Zfire@1)"},       // the "fi" ligature
      {"ＲＥＮＴ", "Query(Zrent@1)"},  // full-width letters
      {"“rent control”", "Query((rent@1 PHRASE 2 control@2))"},
      {"Bernie’s", "Query(Zberni@1)"},
      {"Bernie's", "Query(Zberni@1)"},
      {"rent–strike", "Query((Zrent@1 AND Zstrike@2))"},  // an en dash separates
      // Trailing wildcard.
      {"evict*", "Query(WILDCARD SYNONYM evict)"},
  };
  ExpectAll(std::begin(cases), std::end(cases));
}

TEST_F(QueryBuilderTest, BlankQueryMatchesEverything) {
  for (const char* blank : {"", " ", "   ", "\t\r\n", " \n "}) {
    EXPECT_EQ("Query(<alldocuments>)", builder_.BuildText(blank).get_description())
        << "input: \"" << blank << "\"";
  }
}

TEST_F(QueryBuilderTest, MalformedSyntaxFallsBackToWords) {
  const Case cases[] = {
      {"\"rent control", "Query((rent@1 PHRASE 2 control@2))"},  // the phrase runs to the end
      {"(rent", "Query(Zrent@1)"},
      {"rent)", "Query(Zrent@1)"},
      {"rent (strike", "Query((Zrent@1 AND Zstrike@2))"},
      {"rent AND", "Query((Zrent@1 AND and@2))"},
      {"OR rent", "Query((or@1 AND Zrent@2))"},
      {"rent -", "Query(Zrent@1)"},
      {"AND", "Query(and@1)"},
      {"AND OR NOT", "Query((and@1 AND or@2 AND not@3))"},
      // Nothing searchable: a query that matches nothing (not everything).
      {"-", "Query()"},
      {"\"", "Query()"},
      {"\"\"", "Query()"},
      {"((((", "Query()"},
      {"*", "Query()"},
      {"🚩✊", "Query()"},
  };
  ExpectAll(std::begin(cases), std::end(cases));
}

TEST_F(QueryBuilderTest, HostileInputIsReadAsWords) {
  const Case cases[] = {
      {"emoji 🚩✊", "Query(Zemoji@1)"},
      {"مرحبا", "Query(Zمرحبا@1)"},
      {"שלום עולם", "Query((Zשלום@1 AND Zעולם@2))"},
      {"'; DROP TABLE articles; --", "Query((Zdrop@1 AND Ztabl@2 AND Zarticl@3))"},
      {"<script>alert(1)</script>", "Query((script@1 AND alert@2 AND 1@3 AND script@4))"},
      {"a\xff\xfe b", "Query((Za@1 AND Zb@2))"},  // invalid UTF-8 becomes U+FFFD
      {"caf\xc3", "Query(Zcaf@1)"},               // truncated sequence
  };
  ExpectAll(std::begin(cases), std::end(cases));
  // A NUL byte separates words like any other non-word character.
  EXPECT_EQ("Query((Zrent@1 AND Zstrike@2))",
            builder_.BuildText(std::string("rent\0strike", 11)).get_description());
}

TEST_F(QueryBuilderTest, NothingTypedThrows) {
  std::string long_words;
  while (long_words.size() < 10000) long_words += "strike ";
  const std::string inputs[] = {
      long_words,
      std::string(10000, 'a'),
      std::string(10000, '"'),
      std::string(10000, '('),
      std::string(10000, '-'),
      std::string(5000, '\0') + "x",
      std::string("\xc0\x80\xed\xa0\x80\xf4\x90\x80\x80"),  // overlong, surrogate, > U+10FFFF
      "topic:",
      "title:",
      "city:\"",
      "title:\"rent",
      "NEAR/3",
      "rent NEAR",
      "ADJ/x rent",
      "x:y:z",
      "rent^2",
      "~rent",
      "rent~",
      "[rent]",
      "{rent}",
      "rent* strike*",
      "&amp;&lt;",
      "%00%27",
      "\\\"",
      "a OR OR b",
      "NOT NOT NOT",
      "XOR",
  };
  for (const std::string& input : inputs) {
    EXPECT_NO_THROW({
      Xapian::Query query = builder_.BuildText(input);
      (void)query.get_description();
    }) << "input of "
       << input.size() << " bytes starting " << input.substr(0, 20);
  }
}

TEST_F(QueryBuilderTest, AddFiltersRestrictsKindAndDate) {
  const Xapian::Query text("rent");
  SearchRequest request;  // kinds default to {"article"}
  EXPECT_EQ("Query((rent FILTER XKarticle))", builder_.AddFilters(text, request).get_description());
  EXPECT_EQ("Query((<alldocuments> FILTER XKarticle))",
            builder_.AddFilters(Xapian::Query::MatchAll, request).get_description());

  request.kinds = {"article", "issue"};
  request.from_date = "2019-01-01";
  request.to_date = "2019-12-31";
  EXPECT_EQ("Query(((rent FILTER (XKarticle OR XKissue)) FILTER VALUE_RANGE 0 20190101 20191231))",
            builder_.AddFilters(text, request).get_description());

  request.kinds.clear();  // no kind filter at all
  request.to_date.clear();
  EXPECT_EQ("Query((rent FILTER VALUE_GE 0 20190101))",
            builder_.AddFilters(text, request).get_description());
  request.from_date.clear();
  request.to_date = "2020-06-30";
  EXPECT_EQ("Query((rent FILTER VALUE_LE 0 20200630))",
            builder_.AddFilters(text, request).get_description());
  request.to_date.clear();
  EXPECT_EQ("Query(rent)", builder_.AddFilters(text, request).get_description());
}

TEST_F(QueryBuilderTest, KindsOfMostDocumentsFilterAsExclusionOfTheOthers) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  for (const char* kind : {"XKarticle", "XKarticle", "XKarticle", "XKissue", "XKad"}) {
    Xapian::Document document;
    document.add_term("rent");
    document.add_boolean_term(kind);
    db.add_document(document);
  }
  QueryBuilder builder(analyzer_, db);
  const Xapian::Query text("rent");
  SearchRequest request;  // {"article"}: 3 of 5 documents
  EXPECT_EQ("Query((rent AND_NOT (XKad OR XKissue)))",
            builder.AddFilters(text, request).get_description());
  request.kinds = {"issue"};
  EXPECT_EQ("Query((rent FILTER XKissue))", builder.AddFilters(text, request).get_description());
  request.kinds = {"article", "issue", "ad"};
  EXPECT_EQ("Query(rent)", builder.AddFilters(text, request).get_description());
  request.kinds = {"article", "issue"};
  Xapian::Enquire enquire(db);
  enquire.set_query(builder.AddFilters(text, request));
  EXPECT_EQ(4u, enquire.get_mset(0, 10).size());
}

TEST_F(QueryBuilderTest, AddFacetFiltersOrsWithinAndAndsAcross) {
  const Xapian::Query base("rent");
  SearchRequest request;
  EXPECT_EQ("Query(rent)", builder_.AddFacetFilters(base, request).get_description());

  request.topics = {"Labor"};
  EXPECT_EQ("Query((rent FILTER XTlabor))",
            builder_.AddFacetFilters(base, request).get_description());

  request.topics = {"Labor", "Housing"};
  EXPECT_EQ("Query((rent FILTER (XTlabor OR XThousing)))",
            builder_.AddFacetFilters(base, request).get_description());

  // Facet values are folded the way the indexer folds them.
  request.topics = {"Fighting Racism"};
  request.cities = {"Seattle", "São Paulo"};
  EXPECT_EQ("Query(((rent FILTER XTfighting racism) FILTER (XCseattle OR XCsao paulo)))",
            builder_.AddFacetFilters(base, request).get_description());

  request.topics.clear();
  request.cities = {"MINNEAPOLIS"};
  EXPECT_EQ("Query((rent FILTER XCminneapolis))",
            builder_.AddFacetFilters(base, request).get_description());
}

TEST_F(QueryBuilderTest, FiltersComposeWithFacets) {
  SearchRequest request;
  request.from_date = "2018-05-01";
  request.topics = {"Housing"};
  request.cities = {"Seattle"};
  Xapian::Query text = builder_.BuildText("rent control");
  Xapian::Query full = builder_.AddFacetFilters(builder_.AddFilters(text, request), request);
  EXPECT_EQ(
      "Query((((((Zrent@1 AND Zcontrol@2) FILTER XKarticle) FILTER VALUE_GE 0 20180501) FILTER "
      "XThousing) FILTER XCseattle))",
      full.get_description());
}

}  // namespace
}  // namespace archive::query

namespace archive::query {
namespace {

TEST(MinimumShouldMatchTest, AllUpToThreeThenThreeQuarters) {
  const std::pair<size_t, size_t> cases[] = {{1, 1}, {2, 2}, {3, 3}, {4, 3},
                                             {5, 4}, {8, 6}, {9, 7}, {12, 9}};
  for (const auto& [clauses, required] : cases)
    EXPECT_EQ(required, MinimumShouldMatch(clauses)) << clauses;
}

TEST_F(QueryBuilderTest, LongPlainQueriesRequireMostWords) {
  std::string four = builder_.BuildText("rent strike union march").get_description();
  // Ranked over every word, filtered to any three of the four.
  EXPECT_NE(std::string::npos, four.find("FILTER ((Zrent@1 AND Zstrike@2 AND Zunion@3) OR"))
      << four;
  // Operators or strict mode: as typed.
  EXPECT_EQ("Query((Zrent@1 AND Zstrike@2 AND Zunion@3 AND Zmarch@4))",
            builder_.BuildText("rent AND strike AND union AND march").get_description());
  EXPECT_EQ("Query((rent@1 AND strike@2 AND union@3 AND march@4))",
            builder_.BuildText("rent strike union march", {.strict = true}).get_description());
  EXPECT_EQ("Query((Zrent@1 OR Zstrike@2))",
            builder_.BuildText("rent strike", {.any_word = true}).get_description());
}

TEST_F(QueryBuilderTest, RangesOnValueSlots) {
  const Case cases[] = {
      {"date:2016-01-01..2016-12-31", "Query(VALUE_RANGE 0 20160101 20161231)"},
      {"date:2016..2017-06", "Query(VALUE_RANGE 0 20160101 20170631)"},
      {"year:2016..2018", "Query(VALUE_RANGE 0 20160101 20181231)"},
      {"year:2016..", "Query(VALUE_GE 0 20160101)"},
      {"rent year:..2015", "Query((Zrent@1 FILTER VALUE_LE 0 20151231))"},
      {"issue:90..100", "Query(VALUE_RANGE 1 \xbe\x80 \xc1\x20)"},
  };
  for (const Case& c : cases) {
    std::string got = builder_.BuildText(c.input).get_description();
    if (std::string(c.input).starts_with("issue:")) {
      EXPECT_TRUE(got.starts_with("Query(VALUE_RANGE 1 ")) << got;
    } else {
      EXPECT_EQ(c.expected, got) << c.input;
    }
  }
  // Not a range of the right shape: read as words, never an error.
  EXPECT_NO_THROW(builder_.BuildText("year:20..x").get_description());
}

TEST_F(QueryBuilderTest, SynonymsExpandOutsideQuotesAndFields) {
  Synonyms synonyms =
      Synonyms::Parse("NYC | New York City\n# comment\nAOC | Alexandria Ocasio-Cortez", analyzer_);
  EXPECT_EQ(2u, synonyms.group_count());
  EXPECT_EQ("rent (nyc OR \"new york city\")", synonyms.Expand("rent nyc"));
  EXPECT_EQ("(nyc OR \"new york city\") rent", synonyms.Expand("new york city rent"));
  EXPECT_EQ("\"nyc rent\"", synonyms.Expand("\"nyc rent\""));
  EXPECT_EQ("title:nyc -nyc", synonyms.Expand("title:nyc -nyc"));
  QueryBuilder with(analyzer_, db_, &synonyms);
  EXPECT_EQ("Query((Znyc@1 OR (new@2 PHRASE 3 york@3 PHRASE 3 city@4)))",
            with.BuildText("NYC").get_description());
  EXPECT_EQ("Query(nyc@1)", with.BuildText("NYC", {.strict = true}).get_description());
}

TEST_F(QueryBuilderTest, TitlePhraseBoostForPlainWordsOnly) {
  EXPECT_EQ("Query(3 * (Srent PHRASE 2 Scontrol))",
            builder_.TitlePhraseBoost("Rent control", 3).get_description());
  EXPECT_EQ("Query(2 * (Sreport PHRASE 3 Sstop PHRASE 3 Soil))",
            builder_.TitlePhraseBoost("Report: Stop oil!", 2).get_description());
  for (const char* text : {"rent", "rent -control", "title:rent control", "rent OR control"})
    EXPECT_TRUE(builder_.TitlePhraseBoost(text, 3).empty()) << text;
}

TEST_F(QueryBuilderTest, FiltersForIssueLanguageAndCuratedMetadata) {
  SearchRequest request;
  request.kinds.clear();
  request.langs = {"es"};
  request.curated_topics_only = true;
  EXPECT_EQ("Query(((rent FILTER Les) AND_NOT XDtopics))",
            builder_.AddFilters(Xapian::Query("rent"), request).get_description());
  request = SearchRequest();
  request.kinds.clear();
  request.issue_from = 90;
  EXPECT_TRUE(builder_.AddFilters(Xapian::Query("rent"), request)
                  .get_description()
                  .starts_with("Query((rent FILTER VALUE_GE 1 "));
  request.authors = {"Kshama Sāwant"};
  EXPECT_EQ("Query((rent FILTER 0 * (Akshama PHRASE 2 Asawant)))",
            builder_.AddFacetFilters(Xapian::Query("rent"), request).get_description());
}

}  // namespace
}  // namespace archive::query
