// The JSON Schemas in scenarios/schema/ describe exactly the keys the loader accepts (and
// requires), node by node, so editors never suggest a key the loader rejects or miss one.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <set>

#include "scenario/keys.h"

namespace praxis::scenario {
namespace {

using nlohmann::json;

json readSchema(std::string_view name) {
  const auto path = std::filesystem::path(PRAXIS_SOURCE_DIR) / "scenarios" / "schema" / (std::string(name) + ".schema.json");
  std::ifstream in(path);
  EXPECT_TRUE(in) << path;
  return json::parse(in);
}

const json& schemaFor(std::string_view name) {
  static const json kScenario = readSchema("scenario");
  static const json kTest = readSchema("trainee-test");
  return name == "scenario" ? kScenario : kTest;
}

/// The schema object for a node kind: the root for "scenario"/"test", else `$defs/<node>`.
const json& nodeSchema(const NodeKeys& entry) {
  const json& schema = schemaFor(entry.schema);
  if (entry.node == "scenario" || entry.node == "test") return schema;
  return schema.at("$defs").at(std::string(entry.node));
}

std::set<std::string> keysOf(const json& object) {
  std::set<std::string> out;
  for (const auto& [key, value] : object.items()) out.insert(key);
  return out;
}

template <typename Range>
std::set<std::string> toSet(const Range& r) {
  return std::set<std::string>(r.begin(), r.end());
}

TEST(SchemaSync, EveryLoaderNodeHasTheSameKeysAndRequiredKeysInTheSchema) {
  for (const auto& entry : nodeKeyTable()) {
    SCOPED_TRACE(std::string(entry.schema) + " node " + std::string(entry.node));
    const auto& schema = schemaFor(entry.schema);
    if (entry.node != "scenario" && entry.node != "test") {
      ASSERT_TRUE(schema.at("$defs").contains(std::string(entry.node))) << "missing $defs entry";
    }
    const json& node = nodeSchema(entry);
    ASSERT_TRUE(node.contains("properties"));
    EXPECT_EQ(keysOf(node.at("properties")), toSet(entry.keys));
    const std::set<std::string> required =
        node.contains("required") ? node.at("required").get<std::set<std::string>>() : std::set<std::string>{};
    EXPECT_EQ(required, toSet(entry.required));
    EXPECT_EQ(node.value("additionalProperties", true), false) << "unknown keys must be flagged by editors too";
  }
}

TEST(SchemaSync, EverySchemaNodeWithPropertiesIsALoaderNode) {
  for (const std::string_view file : {"scenario", "trainee-test"}) {
    for (const auto& [name, def] : schemaFor(file).at("$defs").items()) {
      if (!def.contains("properties")) continue;
      bool known = false;
      for (const auto& entry : nodeKeyTable()) known = known || (entry.node == name && entry.schema == file);
      EXPECT_TRUE(known) << file << " $defs/" << name << " has properties the loader does not know";
    }
  }
}

/// Every property says what it is for (editors show it on hover), directly or via its $ref.
void expectDescribed(const json& schema, const json& node, const std::string& where) {
  for (const auto& [key, prop] : node.at("properties").items()) {
    bool described = prop.contains("description");
    if (!described && prop.contains("$ref")) {
      const std::string ref = prop.at("$ref").get<std::string>();
      ASSERT_TRUE(ref.starts_with("#/$defs/")) << ref;
      const json& target = schema.at("$defs").at(ref.substr(8));
      described = target.contains("description");
    }
    EXPECT_TRUE(described) << where << "." << key << " has no description";
  }
}

TEST(SchemaSync, PropertiesHaveDescriptionsAndReferencesResolve) {
  for (const std::string_view file : {"scenario", "trainee-test"}) {
    const json& schema = schemaFor(file);
    EXPECT_EQ(schema.at("$schema"), "https://json-schema.org/draft/2020-12/schema");
    expectDescribed(schema, schema, std::string(file));
    for (const auto& [name, def] : schema.at("$defs").items()) {
      if (def.contains("properties")) expectDescribed(schema, def, std::string(file) + " " + name);
    }
    // Every "$ref" anywhere points at an existing $defs entry.
    std::vector<const json*> todo{&schema};
    while (!todo.empty()) {
      const json* j = todo.back();
      todo.pop_back();
      if (j->is_object()) {
        if (j->contains("$ref")) {
          const std::string ref = j->at("$ref").get<std::string>();
          EXPECT_TRUE(ref.starts_with("#/$defs/") && schema.at("$defs").contains(ref.substr(8))) << file << ": " << ref;
        }
      }
      if (j->is_structured()) {
        for (auto it = j->begin(); it != j->end(); ++it) todo.push_back(&*it);
      }
    }
  }
}

}  // namespace
}  // namespace praxis::scenario
