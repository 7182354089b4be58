#include "query/shard_set.h"

#include <charconv>
#include <filesystem>
#include <fstream>

namespace archive::query {
namespace {

namespace fs = std::filesystem;

std::string Trim(const std::string& text) {
  const size_t first = text.find_first_not_of(" \t\r");
  if (first == std::string::npos) return "";
  const size_t last = text.find_last_not_of(" \t\r");
  return text.substr(first, last - first + 1);
}

std::string Resolve(const std::string& path, const std::string& base_dir) {
  if (base_dir.empty() || path.empty() || fs::path(path).is_absolute()) return path;
  return (fs::path(base_dir) / path).lexically_normal().string();
}

}  // namespace

StatusOr<ShardSpec> ParseShardSpec(const std::string& text, const std::string& base_dir) {
  ShardSpec spec;
  spec.text = text;
  constexpr std::string_view kScheme = "tcp://";
  if (!text.starts_with(kScheme)) {
    spec.index_dir = Resolve(text, base_dir);
    if (spec.index_dir.empty()) return Status::InvalidArgument("shard: empty index directory");
    return spec;
  }
  const std::string rest = text.substr(kScheme.size());
  const size_t equals = rest.find('=');
  const size_t colon = rest.rfind(':', equals);
  if (equals == std::string::npos || colon == std::string::npos || colon == 0)
    return Status::InvalidArgument("shard \"" + text +
                                   "\": a remote shard is tcp://HOST:PORT=STORE-INDEX-DIR");
  spec.host = rest.substr(0, colon);
  const std::string port = rest.substr(colon + 1, equals - colon - 1);
  auto [end, error] = std::from_chars(port.data(), port.data() + port.size(), spec.port);
  if (error != std::errc() || end != port.data() + port.size() || spec.port == 0 ||
      spec.port > 65535)
    return Status::InvalidArgument("shard \"" + text + "\": bad port \"" + port + "\"");
  spec.index_dir = Resolve(rest.substr(equals + 1), base_dir);
  if (spec.index_dir.empty())
    return Status::InvalidArgument("shard \"" + text + "\": no store directory after \"=\"");
  return spec;
}

StatusOr<std::vector<ShardSpec>> ReadShardsFile(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Status::NotFound("cannot read shards file " + path);
  const std::string base_dir = fs::path(path).parent_path().string();
  std::vector<ShardSpec> shards;
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    line = Trim(line);
    if (line.empty() || line.starts_with('#')) continue;
    StatusOr<ShardSpec> spec = ParseShardSpec(line, base_dir);
    if (!spec.ok()) return spec.status().WithContext(path + " line " + std::to_string(number));
    shards.push_back(std::move(*spec));
  }
  if (shards.empty()) return Status::InvalidArgument("shards file " + path + " lists no shard");
  return shards;
}

StatusOr<std::vector<ShardSpec>> ResolveShards(const std::vector<std::string>& index_dirs) {
  std::vector<ShardSpec> shards;
  if (index_dirs.size() == 1 && !index_dirs[0].starts_with("tcp://")) {
    const std::string& only = index_dirs[0];
    std::error_code error;
    if (fs::is_regular_file(only, error)) return ReadShardsFile(only);
    const fs::path listed = fs::path(only) / kShardsFileName;
    if (!fs::exists(fs::path(only) / "CURRENT", error) && fs::is_regular_file(listed, error))
      return ReadShardsFile(listed.string());
    return shards;  // one plain index
  }
  for (const std::string& entry : index_dirs) {
    ARCHIVE_ASSIGN_OR_RETURN(ShardSpec spec, ParseShardSpec(entry));
    shards.push_back(std::move(spec));
  }
  return shards;
}

}  // namespace archive::query
