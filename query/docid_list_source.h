// DocidListSource: a Xapian posting source that matches the documents of a given docid
// list, with no weight. The ranked page weighs a few documents already found (the
// title phrase's matches, query/search_run_page.cc) by filtering the query by them: the
// matcher visits those documents only. Module-internal; one object per query and thread.
#pragma once

#include <xapian.h>

#include <string>
#include <utility>
#include <vector>

namespace archive::query {

class DocidListSource : public Xapian::PostingSource {
 public:
  // REQUIRES: `docids` ascending, each a document of the database searched.
  explicit DocidListSource(std::vector<Xapian::docid> docids) : docids_(std::move(docids)) {}

  void init(const Xapian::Database& db) override;
  Xapian::doccount get_termfreq_min() const override { return estimate_; }
  Xapian::doccount get_termfreq_est() const override { return estimate_; }
  Xapian::doccount get_termfreq_max() const override { return size(); }

  void next(double min_wt) override;
  void skip_to(Xapian::docid did, double min_wt) override;
  bool at_end() const override { return at_ >= docids_.size(); }
  Xapian::docid get_docid() const override { return docids_[at_]; }

  DocidListSource* clone() const override { return new DocidListSource(docids_); }
  std::string get_description() const override;

 private:
  Xapian::doccount size() const { return static_cast<Xapian::doccount>(docids_.size()); }

  const std::vector<Xapian::docid> docids_;
  size_t at_ = 0;
  bool started_ = false;
  Xapian::doccount estimate_ = 0;
};

// `query` restricted to `docids` (OP_FILTER by a DocidListSource); the weights are the
// unrestricted query's.
Xapian::Query InDocidList(const Xapian::Query& query, std::vector<Xapian::docid> docids);

}  // namespace archive::query
