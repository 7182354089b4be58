#include "server/server_config.h"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdlib>
#include <memory>

namespace archive::server {
namespace {

std::string GetEnv(const char* name) {
  const char* value = std::getenv(name);
  return value == nullptr ? std::string() : std::string(value);
}

// "  https://a.example/ " -> "https://a.example": browsers send origins without the slash.
std::string NormaliseOrigin(std::string origin) {
  const size_t begin = origin.find_first_not_of(" \t");
  if (begin == std::string::npos) return "";
  origin = origin.substr(begin, origin.find_last_not_of(" \t") - begin + 1);
  if (origin.size() > 1 && origin.back() == '/') origin.pop_back();
  return origin;
}

std::string CheckOrigin(const std::string& origin) {
  if (origin.empty() || origin == "*" || origin.starts_with("http://") ||
      origin.starts_with("https://"))
    return "";
  return "an origin is * or scheme://host[:port], not \"" + origin + "\"";
}

// Every setting is a long flag; its config file key is the flag without "--".
std::unique_ptr<CLI::App> MakeApp(ServerConfig& config) {
  auto app = std::make_unique<CLI::App>(
      "Serves the search page and the JSON API over an index directory.", "archive-server");
  app->footer(
      "Precedence: flags > config file > environment > defaults.\n"
      "Config file: key = value lines; a key is the long flag without --, e.g. admin-port = 9100.\n"
      "ARCHIVE_ADMIN_TOKEN (environment only) also serves /metrics and /api/stats on the\n"
      "public port to requests with \"Authorization: Bearer <token>\".");
  app->allow_config_extras(CLI::config_extras_mode::error);  // a misspelt key is an error
  ServerOptions& server = config.server;
  app->add_option("--index", config.index_dir,
                  "Index directory, or a shards file / a directory with a SHARDS file")
      ->type_name("DIR")
      ->envname("ARCHIVE_INDEX")
      ->required();
  app->add_option("--shard-timeout-ms", config.shard_timeout_ms,
                  "Milliseconds a remote shard may take to connect or reply")
      ->envname("ARCHIVE_SHARD_TIMEOUT_MS")
      ->check(CLI::Range(1, 600000))
      ->capture_default_str();
  app->add_option("--shard-failure", config.shard_failure,
                  "partial: answer without an unreachable shard and say so; fail: a 503")
      ->envname("ARCHIVE_SHARD_FAILURE")
      ->check(CLI::IsMember({"partial", "fail"}))
      ->capture_default_str();
  app->add_option("--bind", server.bind, "Address to listen on")
      ->type_name("ADDR")
      ->envname("ARCHIVE_BIND")
      ->capture_default_str();
  app->add_option("--port", server.port, "Port; 0 picks a free one")
      ->envname("ARCHIVE_PORT")
      ->check(CLI::Range(0, 65535))
      ->capture_default_str();
  app->add_option("--threads", server.threads, "Worker threads; an open connection holds one")
      ->envname("ARCHIVE_THREADS")
      ->check(CLI::Range(1, 1024))
      ->capture_default_str();
  app->add_option("--search-slots", server.search_slots,
                  "Searches running at once; 0: the number of cores (at least 2)")
      ->envname("ARCHIVE_SEARCH_SLOTS")
      ->check(CLI::Range(0, 1024))
      ->capture_default_str();
  app->add_option("--search-wait-ms", server.search_wait_ms,
                  "How long a request waits for a search slot before a 503")
      ->envname("ARCHIVE_SEARCH_WAIT_MS")
      ->check(CLI::Range(0, 60000))
      ->capture_default_str();
  app->add_option("--read-timeout", server.read_timeout_s,
                  "Seconds a read from a client may wait for data")
      ->envname("ARCHIVE_READ_TIMEOUT")
      ->check(CLI::Range(1, 300))
      ->capture_default_str();
  app->add_option("--keep-alive-timeout", server.keep_alive_timeout_s,
                  "Seconds an idle keep-alive connection is kept")
      ->envname("ARCHIVE_KEEP_ALIVE_TIMEOUT")
      ->check(CLI::Range(1, 300))
      ->capture_default_str();
  app->add_option("--keep-alive-max", server.keep_alive_max_requests,
                  "Requests served on one connection before it is closed")
      ->envname("ARCHIVE_KEEP_ALIVE_MAX")
      ->check(CLI::Range(1, 100000))
      ->capture_default_str();
  app->add_option("--max-body", server.max_body_bytes, "Largest request body, in bytes")
      ->envname("ARCHIVE_MAX_BODY")
      ->check(CLI::Range(0, 64 * 1024 * 1024))
      ->capture_default_str();
  app->add_option("--cors-origin", server.cors_origins,
                  "Origin allowed to call the API (* for any); repeat, or comma-separate")
      ->type_name("URL")
      ->envname("ARCHIVE_CORS_ORIGINS")
      ->delimiter(',')
      ->allow_extra_args(false)
      ->transform(NormaliseOrigin)
      ->check(CheckOrigin);
  app->add_option("--admin-port", config.admin_port,
                  "Port of the admin listener (/metrics, /api/stats); 0 picks one; off if unset")
      ->envname("ARCHIVE_ADMIN_PORT")
      ->check(CLI::Range(0, 65535));
  app->add_option("--admin-bind", config.admin_bind, "Address of the admin listener")
      ->type_name("ADDR")
      ->envname("ARCHIVE_ADMIN_BIND")
      ->capture_default_str();
  app->add_flag("--log-ips", server.log_ips, "Put client addresses in the access log")
      ->envname("ARCHIVE_LOG_IPS");
  // CLI11 2.1 reads the config file before the environment, so ARCHIVE_CONFIG becomes the
  // default file name; set, it must exist. The envname is for --help and does no harm.
  const std::string env_file = GetEnv("ARCHIVE_CONFIG");
  app->set_config("--config", env_file, "Config file of key = value lines", !env_file.empty())
      ->type_name("FILE")
      ->envname("ARCHIVE_CONFIG");
  return app;
}

bool OnCommandLine(const std::vector<std::string>& args, const std::string& flag) {
  return std::any_of(args.begin(), args.end(), [&flag](const std::string& arg) {
    return arg == flag || arg.starts_with(flag + "=");
  });
}

bool FileSets(const std::string& file, const CLI::Option& option) {
  try {
    for (const CLI::ConfigItem& item : CLI::ConfigTOML().from_file(file)) {
      if (item.parents.empty() &&
          (option.check_name("--" + item.name) || option.check_name(item.name)))
        return true;
    }
  } catch (const CLI::Error&) {
  }
  return false;
}

// Where CLI11's message names `flag` as a whole word ("--port: ...", "... --port = x"), or npos.
size_t FindFlag(const std::string& message, const std::string& flag) {
  for (size_t at = message.find(flag); at != std::string::npos; at = message.find(flag, at + 1)) {
    const size_t end = at + flag.size();
    if ((at == 0 || message[at - 1] == ' ') &&
        (end == message.size() || message[end] == ':' || message[end] == ' '))
      return at;
  }
  return std::string::npos;
}

// CLI11 names the option ("--port: Value x not in range ..."), whichever layer the value
// came from; name the flag, the variable or the file and key that actually held it.
std::string Describe(const CLI::App& app, const std::vector<std::string>& args,
                     const CLI::Error& error) {
  std::string message = error.what();
  const CLI::Option& config = *app.get_config_ptr();  // the file read last, if any
  const std::string file =
      config.results().empty() ? config.get_default_str() : config.results().back();
  if (error.get_name() == "FileError") return "config file " + message;
  if (error.get_name() == "ConfigError") {
    const std::string unknown = "INI was not able to parse ";
    if (message.starts_with(unknown))
      return file + ": unknown setting \"" + message.substr(unknown.size()) + "\"";
    return file + ": " + message;
  }
  for (const CLI::Option* option : app.get_options()) {
    const std::string flag = option->get_name();
    const size_t at = flag.empty() ? std::string::npos : FindFlag(message, flag);
    if (at == std::string::npos || OnCommandLine(args, flag)) continue;
    if (!file.empty() && FileSets(file, *option))
      return file + ": " + message.replace(at, flag.size(), flag.substr(2));
    const std::string variable = option->get_envname();
    if (!variable.empty() && !GetEnv(variable.c_str()).empty())
      return message.replace(at, flag.size(), variable);
  }
  if (error.get_name() == "RequiredError" && message.starts_with("--index"))
    return message + " (or ARCHIVE_INDEX, or index = DIR in the config file)";
  return message;
}

}  // namespace

StatusOr<ServerConfig> LoadServerConfig(const std::vector<std::string>& args) {
  ServerConfig config;
  std::unique_ptr<CLI::App> app = MakeApp(config);
  try {
    app->parse(std::vector<std::string>(args.rbegin(), args.rend()));  // CLI11 wants it reversed
    config.config_file = app->get_config_ptr()->as<std::string>();     // throws if repeated
  } catch (const CLI::CallForHelp&) {
    config.help = true;
    return config;
  } catch (const CLI::Error& error) {
    return Status::InvalidArgument(Describe(*app, args, error));
  }
  std::erase(config.server.cors_origins, "");  // from "a,,b" or a trailing comma
  config.server.admin_token = GetEnv("ARCHIVE_ADMIN_TOKEN");
  return config;
}

std::string ServerUsage() {
  ServerConfig config;
  return MakeApp(config)->help() + "\n";  // CLI11 ends with the footer's last line
}

}  // namespace archive::server
