// QueryStats: the most frequent queries and the most frequent queries that found nothing,
// for editors deciding what to tag or write. Only normalised query text and counts are
// kept (no addresses, no times), in bounded memory: each list is a space-saving top-k
// (Metwally et al.), whose counts are exact until a list fills and are then upper bounds
// that overestimate by at most the reported `error`. Thread-safe.
#pragma once

#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace archive::server {

struct QueryCount {
  std::string query;
  uint64_t count = 0;  // upper bound
  uint64_t error = 0;  // count - error is a lower bound
};

// One space-saving list of at most `capacity` entries. Not thread-safe on its own.
class TopQueries {
 public:
  explicit TopQueries(size_t capacity) : capacity_(capacity) {}
  void Add(const std::string& query);
  // Most frequent first; ties in query order.
  std::vector<QueryCount> Top(size_t n) const;

 private:
  struct Entry {
    uint64_t count = 0;
    uint64_t error = 0;
  };
  size_t capacity_;
  std::unordered_map<std::string, Entry> entries_;
};

struct QueryStatsSnapshot {
  uint64_t searches = 0;      // searches with non-empty query text
  uint64_t zero_results = 0;  // of those, how many found nothing
  std::vector<QueryCount> popular;
  std::vector<QueryCount> zero_result;
};

class QueryStats {
 public:
  static constexpr size_t kCapacity = 100;
  static constexpr size_t kMaxQueryBytes = 200;  // longer queries are cut, not dropped

  // Empty queries (browsing) are not counted.
  void Record(std::string_view query, bool found_nothing);
  QueryStatsSnapshot Snapshot() const;

  // Trims, collapses runs of spaces and lower-cases ASCII, so that "Rent  Control" and
  // "rent control" count together.
  static std::string Normalize(std::string_view query);

 private:
  mutable std::mutex mutex_;
  uint64_t searches_ = 0;
  uint64_t zero_results_ = 0;
  TopQueries popular_{kCapacity};
  TopQueries zero_result_{kCapacity};
};

}  // namespace archive::server
