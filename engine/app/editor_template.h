// New scenario packages from the editor's template: a floor, a table, a button and one step
// in nl-BE, fr-BE and en, with a reference test, valid as written. The instructor starts from
// it instead of an empty file (`praxis edit DIR --new`, File → New scenario).
#pragma once

#include <filesystem>
#include <string>

#include "core/result.h"

namespace praxis::app {

/// Writes `dir`/scenario.yaml and `dir`/tests/reference.yaml with scenario id `id`
/// ([a-z0-9-]+). Fails when `dir` already holds a scenario.yaml or `id` is not an id.
[[nodiscard]] core::Result<void> createFromTemplate(const std::filesystem::path& dir,
                                                    const std::string& id);

/// Copies the model file `source` into `dir`/assets/ (keeping its name; an existing file
/// of that name with other bytes is an error) and returns its package path ("assets/x.glb").
[[nodiscard]] core::Result<std::string> copyModelIntoPackage(const std::filesystem::path& dir,
                                                             const std::filesystem::path& source);

}  // namespace praxis::app
