// The subcommands of archive-index: each runs one operation of the indexer library and
// prints its outcome (a text line on standard error, or one JSON object on standard
// output), returning the exit status.
#pragma once

#include <string>
#include <vector>

namespace archive::indexer {

inline constexpr int kExitOk = 0;
inline constexpr int kExitSomeRejected = 1;
inline constexpr int kExitNothingChanged = 2;
inline constexpr int kExitCheckFailed = 3;  // check: the index has problems

struct CommandArgs {
  std::string index_dir;
  bool json = false;
  std::vector<std::string> sources;  // update, rebuild
  std::vector<std::string> ids;      // delete
  std::string rejects_path;          // update, rebuild
  std::string format = "auto";       // update, rebuild: corpus::SourceFormatName, or auto
  bool prune = false;                // update
  size_t threads = 0;                // update, rebuild: analysing workers; 0: one per core
  size_t part_size = 1000;           // update, rebuild: articles per part merged at the end
  bool list = false;                 // check: print each served id and content hash
  size_t shards = 0;                 // rebuild: 0: one index; N: INDEX/shard-1..N and INDEX/SHARDS
  std::string shard_by = "hash";     // rebuild with shards: "hash" (of the id) or "issue" (ranges)
};

int RunUpdate(const CommandArgs& args);
int RunRebuild(const CommandArgs& args);
int RunShardedRebuild(const CommandArgs& args);  // shard_rebuild_command.cc
int RunDelete(const CommandArgs& args);
int RunRollback(const CommandArgs& args);
int RunStatus(const CommandArgs& args);
int RunCheck(const CommandArgs& args);

}  // namespace archive::indexer
