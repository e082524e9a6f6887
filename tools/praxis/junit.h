// JUnit XML, the test report format every CI server reads and merges across shards.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "core/result.h"

namespace praxis::cli {

struct JUnitCase {
  std::string suite;    // the scenario id
  std::string name;     // the test file's stem
  double seconds = 0.0; // wall time
  std::vector<std::string> failures;
  std::string output;   // system-out: what happened
};

[[nodiscard]] std::string toJUnitXml(const std::vector<JUnitCase>& cases);
[[nodiscard]] core::Result<void> writeJUnit(const std::filesystem::path& file,
                                            const std::vector<JUnitCase>& cases);

}  // namespace praxis::cli
