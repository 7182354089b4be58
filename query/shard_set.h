// Shards: several index directories searched as one index (docs/shards.md). Each shard is
// a local index directory, or a remote Xapian database served by stock xapian-tcpsrv
// whose article store sits beside the front end:
//   /srv/archive/shard-1                  local: CURRENT, gen-NNNNNN/{xapian,store}
//   tcp://10.0.0.7:7001=/srv/copy/shard-2 remote: the Xapian part from xapian-tcpsrv, the
//                                         store from the live generation of the local
//                                         index directory after "="
// A shards file lists one shard per line ('#' comments, blank lines ignored; relative
// paths are relative to the file's directory). `archive-index rebuild --shards N` writes
// INDEX/shard-1..N and INDEX/SHARDS, so that --index INDEX opens them all.
#pragma once

#include <string>
#include <vector>

#include "core/status_or.h"

namespace archive::query {

inline constexpr char kShardsFileName[] = "SHARDS";

struct ShardSpec {
  std::string text;       // as written, for messages
  std::string index_dir;  // local: the whole index; remote: where its store lives
  std::string host;       // empty for a local shard
  unsigned port = 0;

  bool remote() const { return !host.empty(); }
};

// One shard from its text; `base_dir` resolves relative paths ("" keeps them as given).
StatusOr<ShardSpec> ParseShardSpec(const std::string& text, const std::string& base_dir = "");

// The shards listed in `path` (a shards file). kInvalidArgument for a malformed line or
// an empty list.
StatusOr<std::vector<ShardSpec>> ReadShardsFile(const std::string& path);

// What to open for `index_dirs` (archive-search --index, repeatable): one entry naming an
// index directory without a SHARDS file gives an empty list (one plain index, the fast
// local path); a directory with INDEX/SHARDS, a shards file, several entries or a
// tcp:// entry give the shards.
StatusOr<std::vector<ShardSpec>> ResolveShards(const std::vector<std::string>& index_dirs);

}  // namespace archive::query
