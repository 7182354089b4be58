// A real index of the generated sample archive, built once per benchmark process in a
// temporary directory (removed at exit).
#pragma once

#include <cstdint>
#include <string>

namespace archive::bench {

// Builds (on first call) an index of `articles` generated articles (seed 1) and returns its
// directory. Aborts with a message if indexing fails: a benchmark cannot run without it.
const std::string& SampleIndexDir(int64_t articles);

}  // namespace archive::bench
