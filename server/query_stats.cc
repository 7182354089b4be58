#include "server/query_stats.h"

#include <algorithm>

namespace archive::server {

void TopQueries::Add(const std::string& query) {
  auto found = entries_.find(query);
  if (found != entries_.end()) {
    ++found->second.count;
    return;
  }
  if (entries_.size() < capacity_) {
    entries_.emplace(query, Entry{1, 0});
    return;
  }
  // Space-saving: the newcomer takes the place of the least frequent entry and inherits
  // its count as possible overestimate. A linear scan is fine for a hundred entries.
  auto least = std::min_element(entries_.begin(), entries_.end(), [](const auto& a, const auto& b) {
    return a.second.count < b.second.count;
  });
  const uint64_t floor = least->second.count;
  entries_.erase(least);
  entries_.emplace(query, Entry{floor + 1, floor});
}

std::vector<QueryCount> TopQueries::Top(size_t n) const {
  std::vector<QueryCount> top;
  top.reserve(entries_.size());
  for (const auto& [query, entry] : entries_) top.push_back({query, entry.count, entry.error});
  std::sort(top.begin(), top.end(), [](const QueryCount& a, const QueryCount& b) {
    return a.count != b.count ? a.count > b.count : a.query < b.query;
  });
  if (top.size() > n) top.resize(n);
  return top;
}

std::string QueryStats::Normalize(std::string_view query) {
  std::string out;
  bool space = false;
  for (char c : query) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  if (out.size() > kMaxQueryBytes) {
    size_t cut = kMaxQueryBytes;
    // Never split a UTF-8 sequence: back up over continuation bytes.
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
    out.resize(cut);
  }
  return out;
}

void QueryStats::Record(std::string_view query, bool found_nothing) {
  const std::string normalized = Normalize(query);
  if (normalized.empty()) return;
  std::lock_guard<std::mutex> lock(mutex_);
  ++searches_;
  popular_.Add(normalized);
  if (found_nothing) {
    ++zero_results_;
    zero_result_.Add(normalized);
  }
}

QueryStatsSnapshot QueryStats::Snapshot() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return {searches_, zero_results_, popular_.Top(kCapacity), zero_result_.Top(kCapacity)};
}

}  // namespace archive::server
