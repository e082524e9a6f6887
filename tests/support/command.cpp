#include "command.h"

#include <sys/wait.h>

#include <array>
#include <cstdio>

namespace praxis::test {

CommandResult runCommand(const std::string& commandLine) {
  CommandResult result;
  FILE* pipe = ::popen(commandLine.c_str(), "r");
  if (pipe == nullptr) return result;
  std::array<char, 4096> buffer{};
  std::size_t n = 0;
  while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0) result.output.append(buffer.data(), n);
  const int status = ::pclose(pipe);
  result.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

std::string praxisExecutable() { return std::string(PRAXIS_BINARY_DIR) + "/tools/praxis/praxis"; }

CommandResult runPraxis(const std::string& arguments, const std::string& environment) {
  return runCommand(environment + " '" + praxisExecutable() + "' " + arguments + " 2>&1");
}

}  // namespace praxis::test
