// Where the scenario test fixtures live, and diagnostics printed relative to them.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "scenario/diagnostics.h"

namespace praxis::scenario::testing {

inline std::filesystem::path fixtures() {
  return std::filesystem::path(PRAXIS_SOURCE_DIR) / "tests" / "scenario" / "fixtures";
}

/// Each diagnostic's format(), with the fixtures folder cut from the front of paths.
inline std::vector<std::string> relativeLines(const Diagnostics& diagnostics) {
  const std::string root = fixtures().lexically_normal().generic_string() + "/";
  std::vector<std::string> out;
  for (const auto& d : diagnostics.all()) {
    std::string line = d.format();
    for (std::size_t at = line.find(root); at != std::string::npos; at = line.find(root)) line.erase(at, root.size());
    out.push_back(line);
  }
  return out;
}

}  // namespace praxis::scenario::testing
