// ServerConfig: archive-server's settings from command-line flags, an optional config file
// and environment variables, in that order of precedence (flags > file > environment >
// defaults; CLI11's order). The admin token comes from the environment only, so that it
// shows neither in `ps` nor in a file that may be checked in. See docs/api.md, "Running
// the server".
#pragma once

#include <string>
#include <vector>

#include "core/status_or.h"
#include "server/routes.h"

namespace archive::server {

struct ServerConfig {
  std::string index_dir;                  // required: an index, or shards (docs/shards.md)
  int shard_timeout_ms = 5000;            // a remote shard's connect and reply timeout
  std::string shard_failure = "partial";  // "partial" or "fail": when a shard is unreachable
  ServerOptions server;                   // bind, port, threads, cors_origins, log_ips, admin_token
  int admin_port = -1;                    // -1: no admin listener; 0 picks a free port
  std::string admin_bind = "127.0.0.1";   // loopback: metrics are for the operator
  std::string config_file;                // where file settings came from, if anywhere
  bool help = false;                      // --help was given: print ServerUsage() and exit
};

// `args` excludes the program name; variables are read from the process environment. The
// config file is --config FILE, else ARCHIVE_CONFIG. kInvalidArgument naming the flag,
// variable or file for an unknown or malformed setting, or a config file that cannot be
// read.
StatusOr<ServerConfig> LoadServerConfig(const std::vector<std::string>& args);

// Text for --help: every flag, its variable and its file key.
std::string ServerUsage();

}  // namespace archive::server
