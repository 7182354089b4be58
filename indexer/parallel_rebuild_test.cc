// The number of threads and the size of the parts never change what a search finds: a
// rebuild on two workers in many small parts (merged by compaction) answers every query
// exactly as a single-threaded rebuild in one part does (same hits in the same order,
// totals, facet counts, "did you mean"), and so does an update analysed on two workers.
#include <gtest/gtest.h>
#include <xapian.h>

#include <functional>
#include <sstream>

#include "core/index_layout.h"
#include "corpus/sample_generator.h"
#include "indexer/indexer.h"
#include "indexer/rebuilder.h"
#include "query/searcher.h"
#include "tests/testing/status_matchers.h"
#include "tests/testing/temp_dir.h"

namespace archive::indexer {
namespace {

// 400 generated articles and their issue records, then ten ids again with new titles (the
// last one wins).
std::vector<Article> Archive() {
  std::vector<Article> articles;
  corpus::SampleGenerator generator({7, 400, false});
  Article article;
  while (generator.Next(&article)) articles.push_back(article);
  for (size_t i = 0; i < 10; ++i) {
    Article again = articles[i * 31];
    again.title = "Revised edition " + std::to_string(i) + " " + again.title;
    articles.push_back(std::move(again));
  }
  return articles;
}

void Rebuild(const std::string& dir, const std::vector<Article>& articles, size_t threads,
             size_t articles_per_part) {
  RebuildOptions options{dir};
  options.threads = threads;
  options.articles_per_part = articles_per_part;
  auto rebuilder = Rebuilder::Open(options);
  ASSERT_ARCHIVE_OK(rebuilder);
  for (const Article& article : articles) ASSERT_ARCHIVE_OK((*rebuilder)->Add(article));
  ASSERT_ARCHIVE_OK((*rebuilder)->Finish());
}

void Update(const std::string& dir, const std::vector<Article>& articles, size_t threads) {
  IndexerOptions options{dir};
  options.threads = threads;
  auto indexer = Indexer::Open(options);
  ASSERT_ARCHIVE_OK(indexer);
  for (const Article& article : articles) ASSERT_ARCHIVE_OK((*indexer)->Add(article));
  ASSERT_ARCHIVE_OK((*indexer)->Commit());
}

// Queries from the archive's own words: title words, a phrase, a misspelling, filters.
std::vector<query::SearchRequest> Requests(const std::vector<Article>& articles) {
  std::vector<query::SearchRequest> requests;
  for (size_t i : {0, 57, 133, 290}) {
    std::istringstream words(articles[i].title);
    std::string first, second;
    words >> first >> second;
    query::SearchRequest request;
    request.limit = 50;
    request.facet_names = {"topic", "city", "year"};
    request.query = first + " " + second;
    requests.push_back(request);
    request.query = "\"" + first + " " + second + "\"";
    requests.push_back(request);
    if (second.size() > 5) {
      request.query = second.substr(0, 2) + second.substr(3);  // a letter dropped
      requests.push_back(request);
    }
  }
  query::SearchRequest browse;
  browse.limit = 100;
  browse.facet_names = {"topic", "city", "year"};
  requests.push_back(browse);
  browse.topics = {articles[5].topics.empty() ? "" : articles[5].topics[0]};
  browse.query = "the";
  requests.push_back(browse);
  return requests;
}

// Everything a search answers, as text, so that a difference shows where it is.
std::string Answer(query::Searcher& searcher, const query::SearchRequest& request) {
  auto result = searcher.Search(request);
  if (!result.ok()) return result.status().ToString();
  std::ostringstream out;
  out << request.query << ": " << result->total << " hits, suggestion \"" << result->suggestion
      << "\"\n";
  for (const query::Hit& hit : result->hits) out << " " << hit.id;
  out << "\n";
  for (const auto& [facet, counts] : result->facets) {
    out << facet << ":";
    for (const query::FacetCount& count : counts) out << " " << count.value << "=" << count.count;
    out << "\n";
  }
  return out.str();
}

void ExpectSameAnswers(const std::string& expected_dir, const std::string& actual_dir,
                       const std::vector<Article>& articles) {
  auto expected = query::Searcher::Open({expected_dir});
  ASSERT_ARCHIVE_OK(expected);
  auto actual = query::Searcher::Open({actual_dir});
  ASSERT_ARCHIVE_OK(actual);
  size_t with_hits = 0;
  for (const query::SearchRequest& request : Requests(articles)) {
    std::string want = Answer(**expected, request);
    EXPECT_EQ(want, Answer(**actual, request));
    if (want.find(" 0 hits") == std::string::npos) ++with_hits;
  }
  EXPECT_GE(with_hits, 8u) << "the queries must find something to compare";
}

TEST(ParallelRebuildTest, ThreadsAndPartsDoNotChangeResults) {
  const std::vector<Article> articles = Archive();
  test::TempDir dir;
  Rebuild(dir.Join("single"), articles, 1, 100000);
  Rebuild(dir.Join("parallel"), articles, 2, 37);
  ExpectSameAnswers(dir.Join("single"), dir.Join("parallel"), articles);

  // The merged database is the single one, docid for docid (spelling data included).
  Xapian::Database single(index_layout::XapianPath(dir.Join("single"), 1));
  Xapian::Database parallel(index_layout::XapianPath(dir.Join("parallel"), 1));
  ASSERT_EQ(single.get_doccount(), parallel.get_doccount());
  EXPECT_EQ(single.get_lastdocid(), parallel.get_lastdocid());
  EXPECT_EQ(single.get_total_length(), parallel.get_total_length());
  for (Xapian::docid docid = 1; docid <= single.get_lastdocid(); docid += 7) {
    try {
      EXPECT_EQ(single.get_document(docid).get_data(), parallel.get_document(docid).get_data());
    } catch (const Xapian::DocNotFoundError&) {
      EXPECT_THROW(parallel.get_document(docid), Xapian::DocNotFoundError) << docid;
    }
  }
  auto word = single.spellings_begin();
  auto other = parallel.spellings_begin();
  for (; word != single.spellings_end() && other != parallel.spellings_end(); ++word, ++other) {
    ASSERT_EQ(*word, *other);
    ASSERT_EQ(word.get_termfreq(), other.get_termfreq()) << *word;
  }
  EXPECT_TRUE(word == single.spellings_end() && other == parallel.spellings_end());
}

TEST(ParallelRebuildTest, UpdateOnWorkersMatchesOneThread) {
  const std::vector<Article> articles = Archive();
  test::TempDir dir;
  Update(dir.Join("single"), articles, 1);
  Update(dir.Join("parallel"), articles, 2);
  ExpectSameAnswers(dir.Join("single"), dir.Join("parallel"), articles);
}

}  // namespace
}  // namespace archive::indexer
