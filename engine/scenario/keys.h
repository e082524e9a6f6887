// The keys the loader accepts for each kind of YAML node. One table drives the loader's
// unknown-key and missing-key checks, and a unit test holds the JSON Schemas to it.
#pragma once

#include <string_view>
#include <vector>

namespace praxis::scenario {

/// One kind of map node. `node` is also its name under `$defs` in the JSON Schema
/// (the roots are "scenario" and "test"), `schema` the schema file that describes it.
struct NodeKeys {
  std::string_view node;
  std::string_view schema;  // "scenario" or "trainee-test"
  std::vector<std::string_view> keys;
  std::vector<std::string_view> required;
};

/// Every node kind, scenario.yaml's first, then the trainee tests'.
[[nodiscard]] const std::vector<NodeKeys>& nodeKeyTable();

/// The entry for `node`; asserts that it exists (node kinds are compile-time names).
[[nodiscard]] const NodeKeys& keysOf(std::string_view node);

}  // namespace praxis::scenario
