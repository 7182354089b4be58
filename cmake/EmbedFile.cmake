# cmake -DINPUT=file -DOUTPUT=file.cc -DSYMBOL=name [-DNAMESPACE=a::b] -P EmbedFile.cmake
# Writes a C++ source defining `extern const std::string_view NAMESPACE::SYMBOL` with the
# file's bytes, so that a binary carries its data files and needs nothing installed beside it.
if(NOT NAMESPACE)
  set(NAMESPACE archive::server::assets)
endif()
file(READ "${INPUT}" content HEX)
string(LENGTH "${content}" hex_length)
math(EXPR byte_count "${hex_length} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${content}")
string(REGEX REPLACE "(0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,)" "\\1\n" bytes "${bytes}")
file(WRITE "${OUTPUT}.tmp"
  "// Generated from ${INPUT} by cmake/EmbedFile.cmake. Do not edit.\n"
  "#include <string_view>\n"
  "namespace ${NAMESPACE} {\n"
  "namespace {\nconst unsigned char kBytes[] = {\n${bytes}\n0};\n}  // namespace\n"
  "extern const std::string_view ${SYMBOL}(reinterpret_cast<const char*>(kBytes), ${byte_count});\n"
  "}  // namespace ${NAMESPACE}\n")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
