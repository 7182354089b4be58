# Every dependency comes from Debian's packages (scripts/setup installs them).
find_package(PkgConfig REQUIRED)

# Xapian ships a pkg-config module; wrap it as Xapian::Xapian.
pkg_check_modules(XAPIAN REQUIRED IMPORTED_TARGET xapian-core)
add_library(Xapian::Xapian ALIAS PkgConfig::XAPIAN)

# Debian's cpp-httplib is a compiled library with only a .pc file; its -D flags must
# reach every translation unit that includes httplib.h, which the imported target does.
pkg_check_modules(HTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib)
add_library(httplib::httplib ALIAS PkgConfig::HTTPLIB)

pkg_check_modules(LIBXML2 REQUIRED IMPORTED_TARGET libxml-2.0)
add_library(LibXml2::LibXml2 ALIAS PkgConfig::LIBXML2)

# Printed issues are PDFs; poppler's C++ wrapper reads their text.
pkg_check_modules(POPPLER REQUIRED IMPORTED_TARGET poppler-cpp)

find_package(ICU REQUIRED COMPONENTS uc i18n)
find_package(RocksDB CONFIG REQUIRED)  # RocksDB::rocksdb-shared (RocksDB::rocksdb is static)
find_package(nlohmann_json CONFIG REQUIRED)
find_package(CLI11 CONFIG REQUIRED)
find_package(fmt CONFIG REQUIRED)
find_package(Threads REQUIRED)

if(ARCHIVE_BUILD_TESTS)
  find_package(GTest CONFIG REQUIRED)
  include(GoogleTest)
  enable_testing()
endif()
if(ARCHIVE_BUILD_BENCHMARKS)
  find_package(benchmark CONFIG REQUIRED)
endif()
