# Warnings are set per target so that third-party headers are left alone.
function(archive_set_warnings target)
  target_compile_options(${target} PRIVATE
    -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Woverloaded-virtual
    -Wimplicit-fallthrough -Wconversion -Wno-sign-conversion
    $<$<BOOL:${ARCHIVE_WERROR}>:-Werror>)
endfunction()
