#include "indexer/generations.h"

#include <algorithm>
#include <filesystem>
#include <vector>

#include "core/index_layout.h"
#include "indexer/crash_point.h"

namespace archive::indexer {

StatusOr<uint64_t> NextGeneration(const std::string& index_dir, std::optional<uint64_t> live) {
  ARCHIVE_ASSIGN_OR_RETURN(std::vector<uint64_t> generations,
                           index_layout::ListGenerations(index_dir));
  uint64_t highest = live.value_or(0);
  if (!generations.empty()) highest = std::max(highest, generations.back());
  return highest + 1;
}

Status RemoveStaleGenerations(const std::string& index_dir, uint64_t live, uint64_t building) {
  ARCHIVE_ASSIGN_OR_RETURN(std::vector<uint64_t> generations,
                           index_layout::ListGenerations(index_dir));
  size_t older_kept = 0;
  // Newest first, so that the older generations kept are the most recent ones.
  for (auto it = generations.rbegin(); it != generations.rend(); ++it) {
    uint64_t generation = *it;
    if (generation == live || generation == building) continue;
    if (generation < live && older_kept < kKeptOlderGenerations) {
      ++older_kept;
      continue;
    }
    CrashPoint(kCrashRemovingGeneration);
    std::error_code error;
    std::filesystem::remove_all(index_layout::GenerationPath(index_dir, generation), error);
    if (error)
      return Status::IOError("removing " + index_layout::GenerationPath(index_dir, generation) +
                             ": " + error.message());
  }
  return Status::Ok();
}

StatusOr<std::optional<uint64_t>> PreviousGeneration(const std::string& index_dir, uint64_t live) {
  ARCHIVE_ASSIGN_OR_RETURN(std::vector<uint64_t> generations,
                           index_layout::ListGenerations(index_dir));
  std::optional<uint64_t> previous;
  for (uint64_t generation : generations) {
    if (generation < live) previous = generation;
  }
  return previous;
}

uint64_t DiskUsage(const std::string& path) {
  uint64_t total = 0;
  std::error_code error;
  for (std::filesystem::recursive_directory_iterator it(path, error), end; !error && it != end;
       it.increment(error)) {
    std::error_code size_error;
    if (it->is_regular_file(size_error)) {
      uint64_t size = it->file_size(size_error);
      if (!size_error) total += size;
    }
  }
  return total;
}

}  // namespace archive::indexer
