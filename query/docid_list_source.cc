#include "query/docid_list_source.h"

#include <algorithm>

namespace archive::query {

void DocidListSource::init(const Xapian::Database& db) {
  at_ = 0;
  started_ = false;
  // Below the document count, as DocidRangeSource's (Xapian 1.4's AND misreads the other
  // list when a source claims every document).
  estimate_ = std::min(size(), db.get_doccount() > 0 ? db.get_doccount() - 1 : 0);
}

void DocidListSource::next(double /*min_wt*/) {
  if (started_) ++at_;
  started_ = true;
}

void DocidListSource::skip_to(Xapian::docid did, double /*min_wt*/) {
  started_ = true;
  const auto from = docids_.begin() + static_cast<ptrdiff_t>(std::min(at_, docids_.size()));
  at_ = static_cast<size_t>(std::lower_bound(from, docids_.end(), did) - docids_.begin());
}

std::string DocidListSource::get_description() const {
  return "DocidListSource(" + std::to_string(docids_.size()) + " documents)";
}

Xapian::Query InDocidList(const Xapian::Query& query, std::vector<Xapian::docid> docids) {
  return Xapian::Query(Xapian::Query::OP_FILTER, query,
                       Xapian::Query((new DocidListSource(std::move(docids)))->release()));
}

}  // namespace archive::query
