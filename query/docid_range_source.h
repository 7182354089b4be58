// DocidRangeSource: a Xapian posting source that matches every document in [lo, hi)
// whose docid is a multiple of `stride`, with no weight. Only documents that exist: the matcher
// hands the docid it is on to the other lists of an AND (PostingSource::check's contract), and a
// deleted one breaks them. The facet pass filters an expensive subquery by it (OP_FILTER) to run
// Xapian's matcher over one part of the docid space per thread (query/match_set.h): the matcher
// skips to lo and stops at hi, so the parts' matches are exactly the whole's. With a stride, Xapian
// checks the positions of a phrase's candidates at those docids only (a sampled count's).
// Module-internal; one object per query and thread (it holds a position).
#pragma once

#include <xapian.h>

#include <string>

namespace archive::query {

class DocidRangeSource : public Xapian::PostingSource {
 public:
  // REQUIRES: stride >= 1.
  DocidRangeSource(Xapian::docid lo, Xapian::docid hi, Xapian::docid stride = 1)
      : lo_(lo), hi_(hi), stride_(stride) {}
  Xapian::docid lo() const { return lo_; }
  Xapian::docid hi() const { return hi_; }

  void init(const Xapian::Database& db) override;
  // Docids of the range may be deleted: at least none, at most the range's size.
  Xapian::doccount get_termfreq_min() const override { return 0; }
  Xapian::doccount get_termfreq_est() const override { return estimate_; }
  Xapian::doccount get_termfreq_max() const override { return size_; }

  void next(double min_wt) override;
  void skip_to(Xapian::docid did, double min_wt) override;
  bool at_end() const override;
  Xapian::docid get_docid() const override;

  DocidRangeSource* clone() const override { return new DocidRangeSource(lo_, hi_, stride_); }
  std::string get_description() const override;

 private:
  void SkipToStride();  // from the current document to the first one at a multiple of stride_

  const Xapian::docid lo_;
  const Xapian::docid hi_;
  const Xapian::docid stride_;
  Xapian::PostingIterator all_;  // every document of the database init() was given
  bool dense_ = false;           // no docid up to the last is deleted: all_ is not needed
  Xapian::docid current_ = 0;    // dense_: the docid the source is on
  Xapian::docid last_ = 0;
  bool started_ = false;
  Xapian::doccount size_ = 0;
  Xapian::doccount estimate_ = 0;
};

}  // namespace archive::query
