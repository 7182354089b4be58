// ServerConfig: archive-server's settings from command-line flags, environment variables
// and an optional config file, in that order of precedence (flags > environment > file >
// defaults). The admin token comes from the environment only, so that it shows neither
// in `ps` nor in a file that may be checked in. See docs/api.md, "Running the server".
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/status_or.h"
#include "server/routes.h"

namespace archive::server {

struct ServerConfig {
  std::string index_dir;                 // required
  ServerOptions server;                  // bind, port, threads, cors_origins, log_ips, admin_token
  int admin_port = -1;                   // -1: no admin listener; 0 picks a free port
  std::string admin_bind = "127.0.0.1";  // loopback: metrics are for the operator
  std::string config_file;               // where file settings came from, if anywhere
  bool help = false;                     // --help was given: print ServerUsage() and exit
};

// Looks up an environment variable; nullopt when unset.
using Environment = std::function<std::optional<std::string>(const std::string& name)>;

// The process's real environment.
Environment ProcessEnvironment();

// `args` excludes the program name. The config file is --config FILE, else ARCHIVE_CONFIG.
// kInvalidArgument naming the flag, variable or file:line for an unknown or malformed
// setting; kNotFound / kIOError when the config file cannot be read.
StatusOr<ServerConfig> LoadServerConfig(const std::vector<std::string>& args,
                                        const Environment& env);

// Text for --help: every flag, its variable and its file key.
std::string ServerUsage();

}  // namespace archive::server
