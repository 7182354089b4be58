#include "output/json_writer.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>
#include <random>

namespace archive::output {
namespace {

using nlohmann::json;

std::string NlohmannDump(const json& value) {
  return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string Written(std::string_view text) {
  std::string out;
  AppendJsonString(text, out);
  return out;
}

TEST(JsonWriterTest, StringsAreNlohmannsBytes) {
  const std::string cases[] = {
      "",
      "plain",
      "quote \" backslash \\ slash /",
      std::string("nul \0 bell \a bs \b ff \f nl \n cr \r tab \t esc \x1b", 42),
      "del \x7f",
      "caf\xc3\xa9 \xe2\x80\xa6 \xe2\x80\x9cquoted\xe2\x80\x9d \xf0\x9f\x93\xb0",
      "lone \xff byte",
      "cut \xe2\x80",
      "overlong \xc0\xaf and \xe0\x80\xaf",
      "surrogate \xed\xa0\x80",
      "too high \xf4\x90\x80\x80",
      "max \xf4\x8f\xbf\xbf",
      "continuation alone \x80 x"};
  for (const std::string& text : cases) EXPECT_EQ(NlohmannDump(json(text)), Written(text)) << text;
}

TEST(JsonWriterTest, RandomBytesAreNlohmannsBytes) {
  std::mt19937 random(7);
  // Bytes biased towards the interesting ones: controls, quotes, UTF-8 leads and tails.
  const std::string alphabet = std::string("\x00\x01\x1f \"\\/aZ\x7f", 11) +
                               "\x80\xbf\xc2\xdf\xe0\xed\xef\xf0\xf4\xf5\xa0\x9f\x90\x8f";
  for (int round = 0; round < 20000; ++round) {
    std::string text(random() % 12, ' ');
    for (char& c : text) c = alphabet[random() % alphabet.size()];
    ASSERT_EQ(NlohmannDump(json(text)), Written(text)) << "round " << round;
  }
}

TEST(JsonWriterTest, NumbersAndStructure) {
  std::string out;
  JsonWriter writer(out);
  writer.BeginObject();
  writer.Key("a");
  writer.BeginArray();
  writer.Double(8.769557224557449);
  writer.Double(0.1);
  writer.Double(1e-7);
  writer.Double(1e21);
  writer.Double(2.0);
  writer.Double(std::numeric_limits<double>::quiet_NaN());
  writer.Uint(std::numeric_limits<uint64_t>::max());
  writer.Int(-3);
  writer.EndArray();
  writer.Key("b");
  writer.BeginObject();
  writer.EndObject();
  writer.Key("c");
  writer.Strings({"x", "y"});
  writer.Key("d");
  writer.StringOrNull("");
  writer.Key("e");
  writer.Bool(false);
  writer.EndObject();
  const json expected = {
      {"a",
       {8.769557224557449, 0.1, 1e-7, 1e21, 2.0, std::numeric_limits<double>::quiet_NaN(),
        std::numeric_limits<uint64_t>::max(), -3}},
      {"b", json::object()},
      {"c", {"x", "y"}},
      {"d", nullptr},
      {"e", false}};
  EXPECT_EQ(NlohmannDump(expected), out);
}

TEST(JsonWriterTest, RawValuesAreCopiedInPlace) {
  std::string hits;
  JsonWriter inner(hits);
  inner.BeginArray();
  inner.Int(1);
  inner.Int(2);
  inner.EndArray();
  std::string out;
  JsonWriter writer(out);
  writer.BeginObject();
  writer.Key("a");
  writer.Raw(hits);
  writer.Key("b");
  writer.Raw("{}");
  writer.EndObject();
  EXPECT_EQ("{\"a\":[1,2],\"b\":{}}", out);
}

}  // namespace
}  // namespace archive::output
