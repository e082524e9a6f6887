// Turning one command into new file texts: internal to the edit module (edit_session.cpp
// owns the state, this computes what a command would change without changing anything).
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "edit/command.h"
#include "scenario/loader.h"
#include "scenario/yaml_tree.h"

namespace praxis::edit::detail {

/// One file of the package as the session holds it.
struct DocFile {
  std::string name;  // as diagnostics print it
  std::string text;  // edited
  std::string saved; // on disk
  std::optional<scenario::YamlNode> tree;  // of `text`, when it parses
};

/// The new text of each file the command changes (by index into `files`); file 0 is
/// scenario.yaml. `draft` is the package as the current texts read (rename uses its spans).
using TextChanges = std::map<std::size_t, std::string>;
[[nodiscard]] core::Result<TextChanges> execute(const Command& command, const std::vector<DocFile>& files,
                                                const scenario::PackageDraft& draft);

}  // namespace praxis::edit::detail
