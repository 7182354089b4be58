# The sample archive generator (included from corpus/CMakeLists.txt): its sources join
# archive_corpus, and archive-corpus is the thin executable around them.
target_sources(archive_corpus PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/sample_generator.cc
  ${CMAKE_CURRENT_LIST_DIR}/sample_json_writer.cc
  ${CMAKE_CURRENT_LIST_DIR}/sample_slug.cc
  ${CMAKE_CURRENT_LIST_DIR}/sample_text_writer.cc
  ${CMAKE_CURRENT_LIST_DIR}/sample_topics_movements.cc
  ${CMAKE_CURRENT_LIST_DIR}/sample_topics_spanish.cc
  ${CMAKE_CURRENT_LIST_DIR}/sample_topics_workplace.cc
  ${CMAKE_CURRENT_LIST_DIR}/sample_vocabulary.cc)

add_executable(archive-corpus ${CMAKE_CURRENT_LIST_DIR}/generator_main.cc)
target_link_libraries(archive-corpus PRIVATE archive::corpus CLI11::CLI11)
archive_set_warnings(archive-corpus)

if(ARCHIVE_BUILD_TESTS)
  archive_add_test(${CMAKE_CURRENT_LIST_DIR}/sample_generator_test.cc
    LIBS archive::corpus nlohmann_json::nlohmann_json)
endif()

if(ARCHIVE_BUILD_TESTS)
  # Derivation measured end to end on a generated archive, so it needs the generator.
  archive_add_test(${CMAKE_CURRENT_LIST_DIR}/derivation_quality_test.cc
    LIBS archive::corpus nlohmann_json::nlohmann_json)
endif()
