// Fuzz targets for the readers of archive files: whatever the bytes, each record becomes an
// Article or a rejection, and the call returns. Metadata derivation is on, as in
// archive-index, so derived topics and cities are exercised too.
#include <sstream>
#include <string>

#include "core/html_text.h"
#include "corpus/jsonl_reader.h"
#include "corpus/wp_rest_reader.h"
#include "corpus/wxr_reader.h"
#include "tests/fuzz/fuzz_targets.h"

namespace archive::fuzz {
namespace {

corpus::SourceCallbacks Discarding() {
  return {[](Article&& article) { (void)article; }, [](const corpus::Rejection&) {},
          [](const corpus::Rejection&) {}};
}

}  // namespace

int FuzzJsonLines(const uint8_t* data, size_t size) {
  std::istringstream in{std::string(AsText(data, size))};
  corpus::ReadJsonLines(
      in, "fuzz.jsonl", [](Article&& article) { (void)article; }, [](const corpus::Rejection&) {});
  return 0;
}

int FuzzWxr(const uint8_t* data, size_t size) {
  (void)corpus::ReadWxr(AsText(data, size), "fuzz.xml", {}, Discarding());
  return 0;
}

int FuzzWpRest(const uint8_t* data, size_t size) {
  (void)corpus::ReadWordPressRest(AsText(data, size), "fuzz.json", {}, Discarding());
  return 0;
}

int FuzzHtmlText(const uint8_t* data, size_t size) {
  std::string_view html = AsText(data, size);
  (void)LooksLikeHtml(html);
  (void)HtmlToText(html);
  return 0;
}

}  // namespace archive::fuzz
