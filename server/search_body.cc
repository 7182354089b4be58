// ParseSearchBody (declared in json_codec.h): a POST /api/search body becomes the same
// key/value pairs as a query string, so that GET and POST share one validation.
#include <nlohmann/json.hpp>

#include "server/json_codec.h"

namespace archive::server {
namespace {

using nlohmann::json;

enum class FieldKind { kString, kStrings, kInteger, kBoolean };

struct Field {
  const char* name;
  FieldKind kind;
};

constexpr Field kFields[] = {
    {"q", FieldKind::kString},
    {"topic", FieldKind::kStrings},
    {"city", FieldKind::kStrings},
    {"author", FieldKind::kStrings},
    {"lang", FieldKind::kStrings},
    {"issue", FieldKind::kString},
    {"from", FieldKind::kString},
    {"to", FieldKind::kString},
    {"sort", FieldKind::kString},
    {"page", FieldKind::kInteger},
    {"per_page", FieldKind::kInteger},
    {"facets", FieldKind::kStrings},
    {"highlight_pre", FieldKind::kString},
    {"highlight_post", FieldKind::kString},
    {"strict", FieldKind::kBoolean},
    {"format", FieldKind::kString},
};

const Field* FindField(const std::string& name) {
  for (const Field& field : kFields) {
    if (name == field.name) return &field;
  }
  return nullptr;
}

Status WrongType(const std::string& name, const char* expected) {
  return Status::InvalidArgument(name + ": must be " + expected);
}

Status AddStrings(const std::string& name, const json& value, Params& params) {
  if (value.is_string()) {
    params.emplace(name, value.get<std::string>());
    return Status::Ok();
  }
  if (!value.is_array()) return WrongType(name, "a string or an array of strings");
  // A facet list arrives as one comma-separated value, as in a query string.
  std::string joined;
  for (const json& item : value) {
    if (!item.is_string()) return WrongType(name, "a string or an array of strings");
    if (name == "facets")
      joined += item.get<std::string>() + ",";
    else
      params.emplace(name, item.get<std::string>());
  }
  if (name == "facets") params.emplace(name, joined);
  return Status::Ok();
}

Status AddField(const Field& field, const json& value, Params& params) {
  const std::string name = field.name;
  switch (field.kind) {
    case FieldKind::kString:
      if (!value.is_string()) return WrongType(name, "a string");
      params.emplace(name, value.get<std::string>());
      return Status::Ok();
    case FieldKind::kStrings:
      return AddStrings(name, value, params);
    case FieldKind::kInteger:
      // Floats (including numbers too large for 64 bits) are refused, not rounded.
      if (!value.is_number_integer()) return WrongType(name, "an integer");
      params.emplace(name, value.dump());
      return Status::Ok();
    case FieldKind::kBoolean:
      if (!value.is_boolean()) return WrongType(name, "true or false");
      params.emplace(name, value.get<bool>() ? "1" : "0");
      return Status::Ok();
  }
  return Status::Ok();
}

// nlohmann's messages start with "[json.exception.parse_error.101] "; the rest names
// the line, column and problem, which is what a client needs.
std::string ParseProblem(const json::exception& error) {
  std::string_view what = error.what();
  const size_t bracket = what.find("] ");
  if (bracket != std::string_view::npos) what.remove_prefix(bracket + 2);
  return std::string(what.substr(0, 300));
}

}  // namespace

StatusOr<Params> ParseSearchBody(std::string_view body, bool* malformed) {
  *malformed = true;
  json document;
  try {
    document = json::parse(body.begin(), body.end());
  } catch (const json::exception& error) {
    return Status::InvalidArgument("body: " + ParseProblem(error));
  }
  if (!document.is_object()) return Status::InvalidArgument("body: must be a JSON object");
  *malformed = false;
  Params params;
  for (const auto& [name, value] : document.items()) {
    const Field* field = FindField(name);
    if (field == nullptr)
      return Status::InvalidArgument("unknown field \"" + name.substr(0, 40) + "\"");
    if (value.is_null()) continue;  // same as leaving the field out
    ARCHIVE_RETURN_IF_ERROR(AddField(*field, value, params));
  }
  return params;
}

}  // namespace archive::server
