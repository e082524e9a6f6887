// The praxis subcommands. Each lives in its own cmd_<name>.cpp and is listed in main.cpp.
#pragma once

#include <string>
#include <vector>

namespace praxis::cli {

using CommandArgs = std::vector<std::string>;  // arguments after the subcommand name

struct Command {
  const char* name;
  const char* summary;
  int (*run)(const CommandArgs& args);
};

int runValidate(const CommandArgs& args);
int runTest(const CommandArgs& args);
int runRun(const CommandArgs& args);
int runReplay(const CommandArgs& args);
int runBench(const CommandArgs& args);
int runXapi(const CommandArgs& args);
int runReport(const CommandArgs& args);
int runSnapshot(const CommandArgs& args);
int runCoverage(const CommandArgs& args);
int runExplore(const CommandArgs& args);
int runEdit(const CommandArgs& args);

/// `praxis edit DIR` without --apply: the editor window (cmd_edit_window.cpp). It gets every
/// argument after `edit` and parses its own options.
int runEditWindow(const CommandArgs& args);
/// The window's part of `praxis edit --help` (cmd_edit_window.cpp).
extern const char* const kEditWindowHelp;

}  // namespace praxis::cli
