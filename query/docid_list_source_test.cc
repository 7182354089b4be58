// DocidListSource under OP_FILTER on a real Xapian database: the matcher returns the
// subquery's matches among the listed documents only, each with the weight the
// unfiltered subquery gives it (the ranked page weighs the title phrase's matches so).
#include "query/docid_list_source.h"

#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "tests/testing/temp_dir.h"

namespace archive::query {
namespace {

using Query = Xapian::Query;

constexpr Xapian::docid kDocs = 500;

// Every document has "all" (docid % 7 + 1 times); every third has "third".
class DocidListSourceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Xapian::WritableDatabase writer(dir_.path(), Xapian::DB_CREATE_OR_OPEN);
    for (Xapian::docid docid = 1; docid <= kDocs; ++docid) {
      Xapian::Document document;
      document.add_term("all", docid % 7 + 1);
      if (docid % 3 == 0) document.add_term("third");
      document.add_term("filler", docid % 11 + 1);  // lengths differ
      writer.add_document(document);
    }
    writer.commit();
    db_ = std::make_unique<Xapian::Database>(dir_.path());
  }

  // Every match of `query` with its BM25 weight.
  std::map<Xapian::docid, double> Weighed(const Query& query) const {
    Xapian::Enquire enquire(*db_);
    enquire.set_query(query);
    std::map<Xapian::docid, double> weights;
    const Xapian::MSet mset = enquire.get_mset(0, db_->get_doccount());
    for (auto it = mset.begin(); it != mset.end(); ++it) weights[*it] = it.get_weight();
    return weights;
  }

  void ExpectListed(const std::string& term, const std::vector<Xapian::docid>& listed) const {
    SCOPED_TRACE(term + " over " + std::to_string(listed.size()) + " listed documents");
    const std::map<Xapian::docid, double> whole = Weighed(Query(term));
    std::map<Xapian::docid, double> want;
    for (Xapian::docid docid : listed) {
      if (whole.count(docid) > 0) want[docid] = whole.at(docid);
    }
    try {
      const std::map<Xapian::docid, double> got = Weighed(InDocidList(Query(term), listed));
      ASSERT_EQ(want.size(), got.size());
      for (const auto& [docid, weight] : want) {
        ASSERT_EQ(1u, got.count(docid)) << docid;
        EXPECT_DOUBLE_EQ(weight, got.at(docid)) << docid;
      }
    } catch (const Xapian::Error& error) {  // not a std::exception: gtest would not say
      ADD_FAILURE() << error.get_description();
    }
  }

  test::TempDir dir_;
  std::unique_ptr<Xapian::Database> db_;
};

TEST_F(DocidListSourceTest, MatchesTheListedMatchesWithTheirOwnWeights) {
  const std::vector<std::vector<Xapian::docid>> lists = {
      {}, {1}, {kDocs}, {2, 3, 4}, {3, 6, 9, 300, 301, 499}, {1, 2, 250, 251, 252, kDocs}};
  for (const std::vector<Xapian::docid>& listed : lists) {
    ExpectListed("all", listed);
    ExpectListed("third", listed);  // a sparser list: the source is skipped to
  }
  std::vector<Xapian::docid> every_fifth;
  for (Xapian::docid docid = 5; docid <= kDocs; docid += 5) every_fifth.push_back(docid);
  ExpectListed("all", every_fifth);
  ExpectListed("third", every_fifth);
  ExpectListed("absent", every_fifth);
}

TEST_F(DocidListSourceTest, AloneItMatchesTheListInOrder) {
  const std::vector<Xapian::docid> listed = {4, 8, 15, 16, 23, 42};
  Xapian::Enquire enquire(*db_);
  enquire.set_query(Query((new DocidListSource(listed))->release()));
  enquire.set_docid_order(Xapian::Enquire::ASCENDING);
  std::vector<Xapian::docid> got;
  const Xapian::MSet mset = enquire.get_mset(0, kDocs);
  for (auto it = mset.begin(); it != mset.end(); ++it) got.push_back(*it);
  EXPECT_EQ(listed, got);
}

}  // namespace
}  // namespace archive::query
