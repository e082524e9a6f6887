// Renaming an object, step or fault id everywhere the package refers to it. Internal to the
// edit module.
#pragma once

#include "edit/executor.h"

namespace praxis::edit::detail {

/// The new text of every file that names `command.from` as an id of `command.kind`: its own
/// `id:`, and parents, socket accepts, highlights, conditions, `next`/`goto`, tests' actions
/// and expectations. Uses the spans of the package as it last loaded, so it needs a package
/// without errors.
[[nodiscard]] core::Result<TextChanges> renameEverywhere(const Command& command, const std::vector<DocFile>& files,
                                                         const scenario::PackageDraft& draft);

}  // namespace praxis::edit::detail
