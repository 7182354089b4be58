#include "query/concurrent_facets.h"

#include <optional>
#include <utility>

#include "query/index_snapshot.h"
#include "query/match_set.h"

namespace archive::query {

std::unique_ptr<ConcurrentFacets> ConcurrentFacets::Start(const SearchContext& context,
                                                          const SearchRequest& request,
                                                          const Xapian::Query& base,
                                                          double time_limit) {
  if (context.snapshot.sharded()) return nullptr;
  std::optional<Xapian::Query> copy = OwnTree(base);
  if (!copy) return nullptr;
  std::unique_ptr<Xapian::Database> db = context.snapshot.BorrowSameRevision();
  if (!db) return nullptr;
  std::unique_ptr<ConcurrentFacets> aside(
      new ConcurrentFacets(context, std::move(db), std::move(*copy)));
  ConcurrentFacets& self = *aside;
  const bool started = self.thread_.Start([&self, &request, time_limit] {
    CountFacets(self.context_, request, self.base_, std::nullopt, time_limit, self.counted_);
  });
  if (!started) return nullptr;  // counted in line
  return aside;
}

ConcurrentFacets::ConcurrentFacets(const SearchContext& context,
                                   std::unique_ptr<Xapian::Database> db, Xapian::Query base)
    : db_(std::move(db)),
      base_(std::move(base)),
      context_{context.analyzer, context.snapshot, *db_, context.options, context.spare_core} {}

void ConcurrentFacets::Finish(SearchResult& result) {
  thread_.Wait();
  context_.snapshot.Return(std::move(db_));
  result.facets = std::move(counted_.facets);
  result.estimated_facets = std::move(counted_.estimated_facets);
  if (counted_.total_is_exact) {
    result.total = counted_.total;
    result.total_is_exact = true;
  }
}

}  // namespace archive::query
