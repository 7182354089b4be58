// CheckSchema: validates a JSON value against the subset of JSON Schema that
// server/openapi.json uses: type, properties, required, items, additionalProperties (a
// schema), nullable and enum (OpenAPI 3.0), oneOf, and local $ref ("#/components/...").
// Keywords outside the subset are ignored, so a schema that relies on them checks less,
// not wrongly.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace archive::server::test {

using Problems = std::vector<std::string>;

inline const nlohmann::json& ResolveRef(const nlohmann::json& schema, const nlohmann::json& root) {
  if (!schema.contains("$ref")) return schema;
  const std::string ref = schema["$ref"];
  // "#/a/b" is a JSON pointer into the document.
  return root.at(nlohmann::json::json_pointer(ref.substr(1)));
}

inline bool HasType(const nlohmann::json& value, const std::string& type) {
  if (type == "object") return value.is_object();
  if (type == "array") return value.is_array();
  if (type == "string") return value.is_string();
  if (type == "integer") return value.is_number_integer();
  if (type == "number") return value.is_number();
  if (type == "boolean") return value.is_boolean();
  return false;
}

inline void CheckSchema(const nlohmann::json& value, const nlohmann::json& schema_or_ref,
                        const nlohmann::json& root, const std::string& path, Problems& problems);

inline void CheckObject(const nlohmann::json& value, const nlohmann::json& schema,
                        const nlohmann::json& root, const std::string& path, Problems& problems) {
  for (const auto& name : schema.value("required", nlohmann::json::array())) {
    if (!value.contains(name)) problems.push_back(path + ": missing " + name.get<std::string>());
  }
  const nlohmann::json properties = schema.value("properties", nlohmann::json::object());
  for (const auto& [name, member] : value.items()) {
    if (properties.contains(name)) {
      CheckSchema(member, properties[name], root, path + "." + name, problems);
    } else if (schema.contains("additionalProperties")) {
      const nlohmann::json& extra = schema["additionalProperties"];
      if (extra.is_boolean() && !extra.get<bool>())
        problems.push_back(path + ": unexpected " + name);
      else if (extra.is_object())
        CheckSchema(member, extra, root, path + "." + name, problems);
    }
  }
}

inline void CheckOneOf(const nlohmann::json& value, const nlohmann::json& choices,
                       const nlohmann::json& root, const std::string& path, Problems& problems) {
  int matches = 0;
  for (const nlohmann::json& choice : choices) {
    Problems scratch;
    CheckSchema(value, choice, root, path, scratch);
    if (scratch.empty()) ++matches;
  }
  if (matches != 1)
    problems.push_back(path + ": matches " + std::to_string(matches) + " of oneOf, not 1");
}

inline void CheckSchema(const nlohmann::json& value, const nlohmann::json& schema_or_ref,
                        const nlohmann::json& root, const std::string& path, Problems& problems) {
  const nlohmann::json& schema = ResolveRef(schema_or_ref, root);
  if (value.is_null()) {
    if (!schema.value("nullable", false)) problems.push_back(path + ": null, not nullable");
    return;
  }
  if (schema.contains("oneOf")) return CheckOneOf(value, schema["oneOf"], root, path, problems);
  if (schema.contains("type") && !HasType(value, schema["type"])) {
    problems.push_back(path + ": " + value.dump() + " is not " + schema["type"].dump());
    return;
  }
  if (schema.contains("enum")) {
    const nlohmann::json& options = schema["enum"];
    if (std::find(options.begin(), options.end(), value) == options.end())
      problems.push_back(path + ": " + value.dump() + " not in " + options.dump());
  }
  if (value.is_object()) CheckObject(value, schema, root, path, problems);
  if (value.is_array() && schema.contains("items")) {
    for (size_t i = 0; i < value.size(); ++i)
      CheckSchema(value[i], schema["items"], root, path + "[" + std::to_string(i) + "]", problems);
  }
}

// Problems with `value` against `schema` (which may be a $ref into `root`); empty if valid.
inline Problems CheckSchema(const nlohmann::json& value, const nlohmann::json& schema,
                            const nlohmann::json& root) {
  Problems problems;
  CheckSchema(value, schema, root, "$", problems);
  return problems;
}

}  // namespace archive::server::test
