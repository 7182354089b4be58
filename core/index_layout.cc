#include "core/index_layout.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace archive::index_layout {
namespace {

constexpr std::string_view kCurrentFile = "CURRENT";
constexpr std::string_view kGenerationPrefix = "gen-";

Status SyncPath(const std::string& path, int flags) {
  int fd = ::open(path.c_str(), flags);
  if (fd < 0) return Status::IOError("opening " + path + ": " + std::strerror(errno));
  int rc = ::fsync(fd);
  ::close(fd);
  if (rc != 0) return Status::IOError("syncing " + path + ": " + std::strerror(errno));
  return Status::Ok();
}

}  // namespace

std::string GenerationName(uint64_t generation) {
  char name[32];
  std::snprintf(name, sizeof(name), "gen-%06llu", static_cast<unsigned long long>(generation));
  return name;
}

std::string GenerationPath(const std::string& index_dir, uint64_t generation) {
  return (std::filesystem::path(index_dir) / GenerationName(generation)).string();
}

std::string XapianPath(const std::string& index_dir, uint64_t generation) {
  return GenerationPath(index_dir, generation) + "/xapian";
}

std::string StorePath(const std::string& index_dir, uint64_t generation) {
  return GenerationPath(index_dir, generation) + "/store";
}

StatusOr<std::optional<uint64_t>> ReadCurrent(const std::string& index_dir) {
  std::error_code error;
  if (!std::filesystem::is_directory(index_dir, error))
    return Status::NotFound("no index directory at " + index_dir);
  std::string path = (std::filesystem::path(index_dir) / kCurrentFile).string();
  std::ifstream in(path);
  if (!in) return std::optional<uint64_t>();
  std::string name;
  std::getline(in, name);
  if (!name.starts_with(kGenerationPrefix))
    return Status::Corruption(path + " does not name a generation: \"" + name + "\"");
  try {
    size_t used = 0;
    uint64_t generation = std::stoull(name.substr(kGenerationPrefix.size()), &used);
    if (used + kGenerationPrefix.size() != name.size() || generation == 0) throw std::exception();
    return std::optional<uint64_t>(generation);
  } catch (const std::exception&) {
    return Status::Corruption(path + " does not name a generation: \"" + name + "\"");
  }
}

Status WriteCurrent(const std::string& index_dir, uint64_t generation) {
  std::string path = (std::filesystem::path(index_dir) / kCurrentFile).string();
  std::string temp = path + ".tmp";
  {
    std::ofstream out(temp, std::ios::trunc);
    out << GenerationName(generation) << '\n';
    out.flush();
    if (!out) return Status::IOError("writing " + temp);
  }
  ARCHIVE_RETURN_IF_ERROR(SyncPath(temp, O_RDONLY));
  if (std::rename(temp.c_str(), path.c_str()) != 0)
    return Status::IOError("renaming " + temp + ": " + std::strerror(errno));
  return SyncDirectory(index_dir);
}

StatusOr<std::vector<uint64_t>> ListGenerations(const std::string& index_dir) {
  std::error_code error;
  std::filesystem::directory_iterator it(index_dir, error);
  if (error) return Status::NotFound("no index directory at " + index_dir + ": " + error.message());
  std::vector<uint64_t> generations;
  for (const auto& entry : it) {
    std::string name = entry.path().filename().string();
    if (!name.starts_with(kGenerationPrefix) || !entry.is_directory(error)) continue;
    std::string digits = name.substr(kGenerationPrefix.size());
    if (digits.empty() || digits.find_first_not_of("0123456789") != std::string::npos) continue;
    uint64_t generation = std::stoull(digits);
    // Only names this module writes count: "gen-7" or "gen-000007.tmp" are not ours.
    if (generation > 0 && GenerationName(generation) == name) generations.push_back(generation);
  }
  std::sort(generations.begin(), generations.end());
  return generations;
}

Status SyncDirectory(const std::string& path) { return SyncPath(path, O_RDONLY | O_DIRECTORY); }

}  // namespace archive::index_layout
