// Temporary: subcommands whose implementation has not landed yet. Removed as each lands.
#include <cstdio>

#include "args.h"
#include "commands.h"

namespace praxis::cli {
namespace {
int pending(const char* name) {
  std::fprintf(stderr, "praxis %s: not available in this build yet\n", name);
  return kExitUsage;
}
}  // namespace
int runTest(const CommandArgs&) { return pending("test"); }
int runRun(const CommandArgs&) { return pending("run"); }
int runReplay(const CommandArgs&) { return pending("replay"); }
int runBench(const CommandArgs&) { return pending("bench"); }
}  // namespace praxis::cli
