// A YAML document's structure with the source span of every key and value: what the editor
// (engine/edit) needs to rewrite one node in place and leave every other byte alone. Built
// with the loader's own span logic, so the editor and the error messages agree on positions.
#pragma once

#include <string>
#include <string_view>

#include "core/result.h"
#include "scenario/loader.h"
#include "scenario/yaml_node.h"

namespace praxis::scenario {

/// The document's tree, or the syntax error (file:line:col) when it does not parse. Applies
/// the loader's limits (size, nesting, one document, UTF-8).
[[nodiscard]] core::Result<YamlNode> parseYamlTree(std::string_view text, const std::string& file,
                                                   const LoadLimits& limits = {});

}  // namespace praxis::scenario
