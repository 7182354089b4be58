// DocidRangeSource under OP_FILTER on a real Xapian database, with deleted documents and
// without (where the source counts docids instead of walking Xapian's list of every
// document): the matcher returns exactly the subquery's matches in the range, reaches it
// by skipping (not by stepping through every docid before it) and stops at its end.
#include "query/docid_range_source.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "tests/testing/temp_dir.h"

namespace archive::query {
namespace {

using Query = Xapian::Query;

constexpr Xapian::docid kDocs = 2000;

// Every document has "all"; even docids have "even"; with the parameter set, every tenth
// is deleted.
class DocidRangeSourceTest : public ::testing::TestWithParam<bool> {
 protected:
  static bool Deleted(Xapian::docid docid) { return GetParam() && docid % 10 == 0; }

  void SetUp() override {
    Xapian::WritableDatabase writer(dir_.path(), Xapian::DB_CREATE_OR_OPEN);
    for (Xapian::docid docid = 1; docid <= kDocs; ++docid) {
      Xapian::Document document;
      document.add_term("all");
      if (docid % 2 == 0) document.add_term("even");
      writer.add_document(document);
    }
    for (Xapian::docid docid = 10; docid <= kDocs; docid += 10) {
      if (Deleted(docid)) writer.delete_document(docid);
    }
    writer.commit();
    db_ = std::make_unique<Xapian::Database>(dir_.path());
  }

  std::vector<Xapian::docid> Matches(const Query& query) const {
    Xapian::Enquire enquire(*db_);
    enquire.set_query(query);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    enquire.set_docid_order(Xapian::Enquire::ASCENDING);
    std::vector<Xapian::docid> docids;
    const Xapian::MSet mset = enquire.get_mset(0, db_->get_doccount());
    for (auto it = mset.begin(); it != mset.end(); ++it) docids.push_back(*it);
    return docids;
  }

  // What Xapian matches for `term` filtered by the multiples of `stride` in [lo, hi),
  // against the docids expected.
  void ExpectRange(const std::string& term, Xapian::docid lo, Xapian::docid hi,
                   Xapian::docid stride = 1) const {
    SCOPED_TRACE(term + " in [" + std::to_string(lo) + ", " + std::to_string(hi) + ") every " +
                 std::to_string(stride));
    std::vector<Xapian::docid> want;
    for (Xapian::docid docid = lo; docid < hi && docid <= kDocs; ++docid) {
      if (docid % stride == 0 && !Deleted(docid) && (term == "all" || docid % 2 == 0))
        want.push_back(docid);
    }
    const Query source((new DocidRangeSource(lo, hi, stride))->release());
    try {
      EXPECT_EQ(want, Matches(Query(Query::OP_FILTER, Query(term), source)));
      // Alone, the matcher steps through it with next() only.
      if (term == "all") {
        EXPECT_EQ(want, Matches(source));
      }
    } catch (const Xapian::Error& error) {  // not a std::exception: gtest would not say
      ADD_FAILURE() << error.get_description();
    }
  }

  test::TempDir dir_;
  std::unique_ptr<Xapian::Database> db_;
};

TEST_P(DocidRangeSourceTest, MatchesTheSubquerysMatchesInTheRangeOnly) {
  ExpectRange("all", 1, kDocs + 1);
  ExpectRange("all", 1, 2);
  ExpectRange("even", 1, 2);  // none
  ExpectRange("all", 11, 31);
  ExpectRange("even", 11, 31);
  ExpectRange("all", 10, 11);                  // a deleted docid only, with deletions
  ExpectRange("all", 500, 500);                // empty
  ExpectRange("all", kDocs - 5, kDocs + 100);  // past the last docid
  ExpectRange("all", kDocs + 1, kDocs + 100);  // wholly past it
}

// A stride keeps the multiples of it only, deleted documents still left out (with
// deletions every multiple of 10 is deleted: a stride of 5 meets one every other step).
TEST_P(DocidRangeSourceTest, AStrideMatchesItsMultiplesOnly) {
  for (Xapian::docid stride : {2u, 3u, 5u, 7u, 10u, 64u, kDocs, kDocs + 1}) {
    ExpectRange("all", 1, kDocs + 1, stride);
    ExpectRange("even", 1, kDocs + 1, stride);
    ExpectRange("all", 11, 131, stride);
    ExpectRange("even", 999, 1003, stride);
    ExpectRange("all", kDocs - 5, kDocs + 100, stride);
  }
}

TEST_P(DocidRangeSourceTest, PartsTogetherMatchWhatTheWholeMatches) {
  const std::vector<Xapian::docid> whole = Matches(Query("even"));
  for (Xapian::docid split : {1u, 2u, 999u, 1000u, kDocs, kDocs + 1}) {
    std::vector<Xapian::docid> parts = Matches(
        Query(Query::OP_FILTER, Query("even"), Query((new DocidRangeSource(1, split))->release())));
    const std::vector<Xapian::docid> upper =
        Matches(Query(Query::OP_FILTER, Query("even"),
                      Query((new DocidRangeSource(split, kDocs + 1))->release())));
    parts.insert(parts.end(), upper.begin(), upper.end());
    EXPECT_EQ(whole, parts) << "split at " << split;
  }
}

// Counts how often the matcher moves it (the matcher moves a clone: they share counts).
class CountingSource : public DocidRangeSource {
 public:
  CountingSource(Xapian::docid lo, Xapian::docid hi, std::shared_ptr<int> moves)
      : DocidRangeSource(lo, hi), moves_(std::move(moves)) {}
  void next(double min_wt) override {
    ++*moves_;
    DocidRangeSource::next(min_wt);
  }
  void skip_to(Xapian::docid did, double min_wt) override {
    ++*moves_;
    DocidRangeSource::skip_to(did, min_wt);
  }
  CountingSource* clone() const override { return new CountingSource(lo(), hi(), moves_); }

 private:
  std::shared_ptr<int> moves_;
};

TEST_P(DocidRangeSourceTest, TheMatcherSkipsToTheRangeAndStopsAtItsEnd) {
  auto moves = std::make_shared<int>(0);
  const Query source((new CountingSource(1500, 1520, moves))->release());
  const std::vector<Xapian::docid> matches = Matches(Query(Query::OP_FILTER, Query("all"), source));
  EXPECT_EQ(GetParam() ? 18u : 20u, matches.size());  // with deletions, 1500 and 1510 are gone
  // About one move per docid in the range; stepping from docid 1 would take 1,500.
  EXPECT_GT(*moves, 0);
  EXPECT_LT(*moves, 100);
}

INSTANTIATE_TEST_SUITE_P(WithAndWithoutDeletions, DocidRangeSourceTest, ::testing::Bool());

}  // namespace
}  // namespace archive::query
