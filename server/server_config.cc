#include "server/server_config.h"

#include <charconv>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace archive::server {
namespace {

// Where a value came from, lowest precedence first.
enum class Layer { kFile, kEnvironment, kFlag };

struct Loader {
  ServerConfig config;
  std::optional<Layer> cors_layer;  // the layer whose origins are in config.server
};

using Setter = Status (*)(Loader& loader, Layer layer, const std::string& where,
                          const std::string& value);

// One setting, as a flag, an environment variable and a config file key.
struct Setting {
  const char* flag;
  const char* env;  // nullptr: not settable from the environment
  const char* key;  // nullptr: not settable from the file
  const char* help;
  Setter set;
  bool takes_value = true;
};

StatusOr<int> ParseInt(const std::string& where, const std::string& value, int min, int max) {
  int parsed = 0;
  auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), parsed);
  if (value.empty() || error != std::errc() || end != value.data() + value.size() || parsed < min ||
      parsed > max)
    return Status::InvalidArgument(where + ": must be an integer from " + std::to_string(min) +
                                   " to " + std::to_string(max) + ", not \"" + value + "\"");
  return parsed;
}

StatusOr<bool> ParseBool(const std::string& where, const std::string& value) {
  if (value == "1" || value == "true" || value == "yes" || value == "") return true;
  if (value == "0" || value == "false" || value == "no") return false;
  return Status::InvalidArgument(where + ": must be true or false, not \"" + value + "\"");
}

std::string Trim(const std::string& text) {
  const size_t begin = text.find_first_not_of(" \t\r");
  if (begin == std::string::npos) return "";
  return text.substr(begin, text.find_last_not_of(" \t\r") - begin + 1);
}

Status SetIndex(Loader& l, Layer, const std::string&, const std::string& value) {
  l.config.index_dir = value;
  return Status::Ok();
}
Status SetBind(Loader& l, Layer, const std::string&, const std::string& value) {
  l.config.server.bind = value;
  return Status::Ok();
}
Status SetPort(Loader& l, Layer, const std::string& where, const std::string& value) {
  ARCHIVE_ASSIGN_OR_RETURN(l.config.server.port, ParseInt(where, value, 0, 65535));
  return Status::Ok();
}
Status SetThreads(Loader& l, Layer, const std::string& where, const std::string& value) {
  ARCHIVE_ASSIGN_OR_RETURN(l.config.server.threads, ParseInt(where, value, 1, 1024));
  return Status::Ok();
}
Status SetAdminPort(Loader& l, Layer, const std::string& where, const std::string& value) {
  ARCHIVE_ASSIGN_OR_RETURN(l.config.admin_port, ParseInt(where, value, 0, 65535));
  return Status::Ok();
}
Status SetAdminBind(Loader& l, Layer, const std::string&, const std::string& value) {
  l.config.admin_bind = value;
  return Status::Ok();
}
Status SetLogIps(Loader& l, Layer, const std::string& where, const std::string& value) {
  ARCHIVE_ASSIGN_OR_RETURN(l.config.server.log_ips, ParseBool(where, value));
  return Status::Ok();
}
Status SetConfig(Loader& l, Layer, const std::string&, const std::string& value) {
  l.config.config_file = value;
  return Status::Ok();
}

// Origins accumulate within a layer (a repeated flag, several lines) and a higher layer
// replaces a lower one's list rather than adding to it.
Status AddCorsOrigins(Loader& l, Layer layer, const std::string& where, const std::string& value) {
  std::vector<std::string>& origins = l.config.server.cors_origins;
  if (l.cors_layer != layer) origins.clear();
  l.cors_layer = layer;
  std::stringstream list(value);
  for (std::string origin; std::getline(list, origin, ',');) {
    origin = Trim(origin);
    if (origin.empty()) continue;
    if (origin != "*" && !origin.starts_with("http://") && !origin.starts_with("https://"))
      return Status::InvalidArgument(where + ": an origin is * or scheme://host[:port], not \"" +
                                     origin + "\"");
    if (origin.back() == '/') origin.pop_back();  // browsers send origins without one
    origins.push_back(origin);
  }
  return Status::Ok();
}

constexpr Setting kSettings[] = {
    {"--index", "ARCHIVE_INDEX", "index", "index directory (required)", SetIndex},
    {"--bind", "ARCHIVE_BIND", "bind", "address to listen on (127.0.0.1)", SetBind},
    {"--port", "ARCHIVE_PORT", "port", "port, 0 picks a free one (8080)", SetPort},
    {"--threads", "ARCHIVE_THREADS", "threads", "worker threads, one per open connection (16)",
     SetThreads},
    {"--cors-origin", "ARCHIVE_CORS_ORIGINS", "cors_origins",
     "origin allowed to call the API; repeat, or comma-separate (none)", AddCorsOrigins},
    {"--admin-port", "ARCHIVE_ADMIN_PORT", "admin_port",
     "port of the admin listener (/metrics, /api/stats); 0 picks one (off)", SetAdminPort},
    {"--admin-bind", "ARCHIVE_ADMIN_BIND", "admin_bind",
     "address of the admin listener (127.0.0.1)", SetAdminBind},
    {"--log-ips", "ARCHIVE_LOG_IPS", "log_ips", "put client addresses in the access log (off)",
     SetLogIps, false},
    {"--config", "ARCHIVE_CONFIG", nullptr, "config file of key = value lines", SetConfig},
};

const Setting* FindFlag(std::string_view flag) {
  for (const Setting& setting : kSettings) {
    if (flag == setting.flag) return &setting;
  }
  return nullptr;
}

using FlagValues = std::vector<std::pair<const Setting*, std::string>>;

// Splits "--name value" and "--name=value" pairs; settings are applied later, in layers.
StatusOr<FlagValues> ParseFlags(const std::vector<std::string>& args, bool& help) {
  FlagValues values;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "--help" || arg == "-h") {
      help = true;
      continue;
    }
    const size_t equals = arg.find('=');
    const Setting* setting = FindFlag(arg.substr(0, equals));
    if (setting == nullptr) return Status::InvalidArgument("unknown option \"" + arg + "\"");
    if (equals != std::string::npos) {
      values.emplace_back(setting, arg.substr(equals + 1));
    } else if (!setting->takes_value) {
      values.emplace_back(setting, "true");
    } else if (i + 1 < args.size()) {
      values.emplace_back(setting, args[++i]);
    } else {
      return Status::InvalidArgument(std::string(setting->flag) + ": needs a value");
    }
  }
  return values;
}

StatusOr<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound("config file " + path + ": cannot be opened");
  std::stringstream text;
  text << in.rdbuf();
  if (in.bad()) return Status::IOError("config file " + path + ": read failed");
  return text.str();
}

Status ApplyFileLine(Loader& loader, const std::string& where, const std::string& line) {
  const size_t equals = line.find('=');
  if (equals == std::string::npos) return Status::InvalidArgument(where + ": expected key = value");
  const std::string key = Trim(line.substr(0, equals));
  for (const Setting& setting : kSettings) {
    if (setting.key != nullptr && key == setting.key)
      return setting.set(loader, Layer::kFile, where, Trim(line.substr(equals + 1)));
  }
  return Status::InvalidArgument(where + ": unknown setting \"" + key + "\"");
}

Status ApplyFile(Loader& loader, const std::string& path) {
  ARCHIVE_ASSIGN_OR_RETURN(std::string text, ReadFile(path));
  std::stringstream lines(text);
  int number = 0;
  for (std::string line; std::getline(lines, line);) {
    ++number;
    const std::string content = Trim(line);
    if (content.empty() || content.front() == '#') continue;
    ARCHIVE_RETURN_IF_ERROR(ApplyFileLine(loader, path + ":" + std::to_string(number), content));
  }
  return Status::Ok();
}

Status ApplyEnvironment(Loader& loader, const Environment& env) {
  for (const Setting& setting : kSettings) {
    if (setting.env == nullptr || setting.set == SetConfig) continue;
    std::optional<std::string> value = env(setting.env);
    if (value)
      ARCHIVE_RETURN_IF_ERROR(setting.set(loader, Layer::kEnvironment, setting.env, *value));
  }
  if (std::optional<std::string> token = env("ARCHIVE_ADMIN_TOKEN"))
    loader.config.server.admin_token = *token;
  return Status::Ok();
}

}  // namespace

Environment ProcessEnvironment() {
  return [](const std::string& name) -> std::optional<std::string> {
    const char* value = std::getenv(name.c_str());
    if (value == nullptr) return std::nullopt;
    return std::string(value);
  };
}

StatusOr<ServerConfig> LoadServerConfig(const std::vector<std::string>& args,
                                        const Environment& env) {
  Loader loader;
  ARCHIVE_ASSIGN_OR_RETURN(FlagValues flags, ParseFlags(args, loader.config.help));
  if (loader.config.help) return loader.config;
  std::string file = env("ARCHIVE_CONFIG").value_or("");
  for (const auto& [setting, value] : flags) {
    if (setting->set == SetConfig) file = value;
  }
  loader.config.config_file = file;
  if (!file.empty()) ARCHIVE_RETURN_IF_ERROR(ApplyFile(loader, file));
  ARCHIVE_RETURN_IF_ERROR(ApplyEnvironment(loader, env));
  for (const auto& [setting, value] : flags)
    ARCHIVE_RETURN_IF_ERROR(setting->set(loader, Layer::kFlag, setting->flag, value));
  if (loader.config.index_dir.empty())
    return Status::InvalidArgument(
        "--index is required (or ARCHIVE_INDEX, or index = DIR in the config file)");
  return loader.config;
}

std::string ServerUsage() {
  std::string usage =
      "Usage: archive-server --index DIR [--bind ADDR] [--port P] [--threads N]\n"
      "                      [--cors-origin URL]... [--admin-port P] [--config FILE]\n"
      "Precedence: flags > environment > config file > defaults.\n"
      "ARCHIVE_ADMIN_TOKEN (environment only) also serves /metrics and /api/stats on the\n"
      "public port to requests with \"Authorization: Bearer <token>\".\n\n";
  for (const Setting& setting : kSettings) {
    usage += "  " + std::string(setting.flag) + (setting.takes_value ? " VALUE" : "") + "\n      " +
             setting.help + "\n      environment " + setting.env +
             (setting.key ? std::string(", file key ") + setting.key : std::string()) + "\n";
  }
  return usage;
}

}  // namespace archive::server
