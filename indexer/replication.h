// Read replicas of an index directory (docs/operations.md, "Read replicas"), built on
// Xapian's own replication. The primary publishes (`archive-index publish`): stock
// xapian-replicate-server serves the live generation's Xapian database (changesets when
// the writer keeps them, a full copy otherwise), and a small HTTP service serves what
// Xapian's replication does not carry: which generation is live, and checkpoints of its
// RocksDB store. A replica follows (`archive-index follow`): it brings a local index
// directory to the primary's state, store first, and makes each complete state live
// atomically, so that `archive-server` serves it unchanged and never shows a hit whose
// document is missing.
#pragma once

#include <cstdint>
#include <string>

#include "core/status_or.h"

namespace archive::replica {

struct PublishOptions {
  std::string index_dir;
  std::string host = "127.0.0.1";  // interface for both services
  int http_port = 0;               // 0: any free port (printed on standard output)
  int xapian_port = 0;             // xapian-replicate-server's; 0: any free port
  std::string replicate_server = "xapian-replicate-server";  // found on PATH
};

// Whether publish has run on `index_dir` (it leaves INDEX/.publish): its writers then
// keep Xapian changesets (XAPIAN_MAX_CHANGESETS) for the replicas.
bool IsPublished(const std::string& index_dir);

// Serves until SIGINT or SIGTERM (or until xapian-replicate-server dies). Prints one line
// on standard output once both services listen:
//   "publishing INDEX on http://HOST:PORT (xapian-replicate-server on port P)".
Status Publish(const PublishOptions& options);

struct FollowOptions {
  std::string index_dir;  // the replica's local index directory
  std::string primary;    // HOST:PORT of the primary's publish service
  double interval_seconds = 5;
  bool once = false;                           // one round, then exit (its status is the round's)
  int timeout_seconds = 60;                    // per HTTP request and per xapian-replicate run
  std::string replicate = "xapian-replicate";  // found on PATH
};

// Rounds, each asking the primary for its live state and, when the replica is behind,
// bringing it there (an error leaves the replica serving what it had): every `interval_seconds` (or
// one with `once`), each reported on standard error; failures are reported and retried. Returns at
// SIGINT/SIGTERM, or after the round with `once`.
Status Follow(const FollowOptions& options);

}  // namespace archive::replica
