// TempDir: a fresh directory under the system temp dir, removed with everything in it
// when the object goes out of scope.
#pragma once

#include <filesystem>
#include <string>

namespace archive::test {

class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::string& path() const { return path_; }
  std::string Join(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

}  // namespace archive::test
