#include "query/docid_range_source.h"

#include <algorithm>

namespace archive::query {

void DocidRangeSource::init(const Xapian::Database& db) {
  started_ = false;
  // No docid deleted: every docid of the range is a document, and the range is walked by
  // counting instead of by Xapian's list of every document (a skip_to a candidate).
  last_ = db.get_lastdocid();
  dense_ = db.get_doccount() == last_;
  if (dense_) {
    current_ = 0;
  } else {
    all_ = db.postlist_begin("");  // Xapian's list of every document
  }
  // The termfreq bounds must not exceed the database's document count.
  const Xapian::docid end = std::max(lo_, std::min(hi_, db.get_lastdocid() + 1));
  size_ = std::min<Xapian::doccount>((end - lo_ + stride_ - 1) / stride_, db.get_doccount());
  // An estimate equal to the document count makes Xapian 1.4's AND misread the other
  // list ("Unexpected end of posting list", seen under OP_FILTER with a term every
  // document has): one less, which only orders the AND's lists.
  estimate_ = std::min<Xapian::doccount>(size_, db.get_doccount() - 1);
}

void DocidRangeSource::next(double min_wt) {
  if (!started_) {
    skip_to(lo_, min_wt);
  } else if (!at_end()) {
    if (dense_) {
      current_ += stride_;
      return;
    }
    ++all_;
    SkipToStride();
  }
}

void DocidRangeSource::skip_to(Xapian::docid did, double /*min_wt*/) {
  const bool first = !started_;
  started_ = true;
  if (at_end()) return;
  if (dense_) {
    const Xapian::docid to = std::max({did, lo_, current_});
    current_ = (to + stride_ - 1) / stride_ * stride_;
    return;
  }
  if (first || did > *all_) all_.skip_to(std::max(did, lo_));
  SkipToStride();
}

bool DocidRangeSource::at_end() const {
  if (dense_) return current_ >= hi_ || current_ > last_;
  return all_ == Xapian::PostingIterator() || *all_ >= hi_;
}

Xapian::docid DocidRangeSource::get_docid() const { return dense_ ? current_ : *all_; }

void DocidRangeSource::SkipToStride() {
  while (!at_end() && *all_ % stride_ != 0) all_.skip_to((*all_ / stride_ + 1) * stride_);
}

std::string DocidRangeSource::get_description() const {
  return "DocidRangeSource(" + std::to_string(lo_) + ", " + std::to_string(hi_) + ", " +
         std::to_string(stride_) + ")";
}

}  // namespace archive::query
