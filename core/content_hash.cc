#include "core/content_hash.h"

#include <cstdint>
#include <string_view>

namespace archive {
namespace {

class Fnv1a {
 public:
  void Add(std::string_view text) {
    AddLength(text.size());
    for (unsigned char c : text) Mix(c);
  }
  void Add(const std::vector<std::string>& list) {
    AddLength(list.size());
    for (const std::string& item : list) Add(item);
  }
  void AddLength(uint64_t n) {
    for (int i = 0; i < 8; ++i) Mix(static_cast<unsigned char>(n >> (8 * i)));
  }
  uint64_t value() const { return hash_; }

 private:
  void Mix(unsigned char c) {
    hash_ ^= c;
    hash_ *= 0x100000001b3ULL;
  }
  uint64_t hash_ = 0xcbf29ce484222325ULL;
};

}  // namespace

std::string ContentHash(const Article& article) {
  Fnv1a fnv;
  fnv.Add(article.id);
  fnv.Add(article.kind);
  fnv.Add(article.title);
  fnv.Add(article.body);
  fnv.Add(article.url);
  fnv.Add(article.date);
  fnv.AddLength(static_cast<uint64_t>(article.issue));
  fnv.Add(article.authors);
  fnv.Add(article.topics);
  fnv.Add(article.cities);
  fnv.Add(article.summary);
  fnv.Add(article.lang);

  static constexpr char kHex[] = "0123456789abcdef";
  std::string out(16, '0');
  uint64_t value = fnv.value();
  for (int i = 15; i >= 0; --i, value >>= 4) out[static_cast<size_t>(i)] = kHex[value & 0xf];
  return out;
}

}  // namespace archive
