#include "edit/executor.h"

namespace praxis::edit::detail {

core::Result<TextChanges> execute(const Command& command, const std::vector<DocFile>&, const scenario::PackageDraft&) {
  return core::fail("'", toString(command.op), "' is not implemented yet");
}

}  // namespace praxis::edit::detail
