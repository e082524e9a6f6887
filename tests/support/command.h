// Running commands from tests: a shell command line, or the praxis CLI as users call it.
#pragma once

#include <string>

namespace praxis::test {

struct CommandResult {
  int exitCode = -1;  // -1: it did not start, or a signal ended it
  std::string output;
};

/// Runs `commandLine` through the shell and collects its standard output. Append "2>&1"
/// to collect the errors too.
[[nodiscard]] CommandResult runCommand(const std::string& commandLine);

/// Runs the built `praxis` with `arguments` (shell words), its errors merged into the output.
/// `environment` is prepended as shell assignments ("XDG_DATA_HOME=/tmp/x").
[[nodiscard]] CommandResult runPraxis(const std::string& arguments,
                                      const std::string& environment = "");

/// The built `praxis` executable.
[[nodiscard]] std::string praxisExecutable();

}  // namespace praxis::test
