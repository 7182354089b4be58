// The layout of an index directory (DESIGN.md):
//   INDEX/CURRENT        names the live generation ("gen-000042"), replaced atomically
//   INDEX/gen-000042/xapian   the Xapian database
//   INDEX/gen-000042/store    the RocksDB document store
// Shared by the writer (indexer) and the readers (query), which must agree on it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/status_or.h"

namespace archive::index_layout {

std::string GenerationName(uint64_t generation);  // "gen-000042"
std::string GenerationPath(const std::string& index_dir, uint64_t generation);
std::string XapianPath(const std::string& index_dir, uint64_t generation);
std::string StorePath(const std::string& index_dir, uint64_t generation);

// The live generation named by INDEX/CURRENT; nullopt when nothing was committed yet.
// kNotFound when `index_dir` does not exist; kCorruption when CURRENT is unreadable.
StatusOr<std::optional<uint64_t>> ReadCurrent(const std::string& index_dir);

// Points INDEX/CURRENT at `generation`: written to a temporary file, synced, then renamed
// over CURRENT, so a reader sees the old name or the new one, never a torn file.
Status WriteCurrent(const std::string& index_dir, uint64_t generation);

// Every generation directory in `index_dir` (live, older, or half-built), ascending.
// kNotFound when `index_dir` does not exist.
StatusOr<std::vector<uint64_t>> ListGenerations(const std::string& index_dir);

// Makes the entries of directory `path` (files created or renamed in it) durable.
Status SyncDirectory(const std::string& path);

}  // namespace archive::index_layout
