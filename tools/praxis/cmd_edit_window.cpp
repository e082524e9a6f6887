// `praxis edit DIR` without --apply: the editor window. A seam for the windowed editor
// (issue 10): until it lands, this says so and points at the scripted form.
#include <cstdio>

#include "args.h"
#include "commands.h"

namespace praxis::cli {

const char* const kEditWindowHelp =
    "Without --apply, `praxis edit DIR` opens the editor window (not in this build yet).\n";

int runEditWindow(const CommandArgs& /*args*/) {
  std::fputs("praxis edit: the editor window is not in this build yet; apply scripted edits with\n"
             "  praxis edit DIR --apply EDITS.json [--dry-run]   (see `praxis edit --help`)\n",
             stderr);
  return kExitUsage;
}

}  // namespace praxis::cli
