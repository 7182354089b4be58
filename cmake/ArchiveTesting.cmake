# archive_add_test(foo_test.cc LIBS ...): one test executable per file, discovered by CTest.
function(archive_add_test source)
  cmake_parse_arguments(ARG "" "" "LIBS;LABELS" ${ARGN})
  get_filename_component(name ${source} NAME_WE)
  add_executable(${name} ${source})
  target_link_libraries(${name} PRIVATE ${ARG_LIBS} GTest::gtest GTest::gmock GTest::gtest_main)
  archive_set_warnings(${name})
  set_target_properties(${name} PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${PROJECT_BINARY_DIR}/tests)
  gtest_discover_tests(${name}
    WORKING_DIRECTORY ${PROJECT_SOURCE_DIR}
    PROPERTIES ENVIRONMENT "ARCHIVE_BIN_DIR=${PROJECT_BINARY_DIR}/bin" LABELS "${ARG_LABELS}"
    DISCOVERY_TIMEOUT 60)
endfunction()

# archive_add_benchmark(foo_bench.cc LIBS ...): one benchmark executable per file.
function(archive_add_benchmark source)
  cmake_parse_arguments(ARG "" "" "LIBS" ${ARGN})
  get_filename_component(name ${source} NAME_WE)
  add_executable(${name} ${source})
  target_link_libraries(${name} PRIVATE ${ARG_LIBS} benchmark::benchmark_main)
  archive_set_warnings(${name})
  set_target_properties(${name} PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${PROJECT_BINARY_DIR}/bench)
  if(NOT TARGET bench)
    add_custom_target(bench)
  endif()
  add_dependencies(bench ${name})
endfunction()
