# Sanitizers are global on purpose (as in RocksDB): every object must be instrumented alike.
if(ARCHIVE_SANITIZE)
  message(STATUS "Building with -fsanitize=${ARCHIVE_SANITIZE}")
  add_compile_options(-fsanitize=${ARCHIVE_SANITIZE} -fno-omit-frame-pointer -fno-sanitize-recover=all)
  add_link_options(-fsanitize=${ARCHIVE_SANITIZE})
endif()
