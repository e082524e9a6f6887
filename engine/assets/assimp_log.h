// Captures Assimp's warnings and errors for the import running on this thread. Assimp only
// offers a process-wide logger, so one forwarding logger is installed once and every import
// collects its own messages through a thread-local capture (no shared mutable state).
#pragma once

#include <string>
#include <vector>

namespace praxis::assets::detail {

class AssimpLogCapture {
 public:
  AssimpLogCapture();
  ~AssimpLogCapture();
  AssimpLogCapture(const AssimpLogCapture&) = delete;
  AssimpLogCapture& operator=(const AssimpLogCapture&) = delete;

  void add(bool isError, const char* message);

  std::vector<std::string> warnings;
  std::vector<std::string> errors;

 private:
  AssimpLogCapture* previous_ = nullptr;
};

}  // namespace praxis::assets::detail
