# ARCHIVE_FUZZ=ON: libFuzzer targets (tests/fuzz/), built with clang into their own build
# directory (build-fuzz): every object gets coverage instrumentation, ASan and UBSan; only
# the fuzzer executables link libFuzzer's main.
option(ARCHIVE_FUZZ "Build the libFuzzer targets (clang only)" OFF)
if(ARCHIVE_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "ARCHIVE_FUZZ needs clang: -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_C_COMPILER=clang")
  endif()
  message(STATUS "Building the fuzz targets (libFuzzer, ASan, UBSan)")
  add_compile_options(-fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer
                      -fno-sanitize-recover=all -g)
  add_link_options(-fsanitize=address,undefined)
endif()
