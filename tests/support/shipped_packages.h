// The shipped scenario packages (scenarios/*) and their reference solutions, for the suites
// that run every one of them. Header-only: it uses the test target's PRAXIS_SOURCE_DIR.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "scenario/loader.h"

namespace praxis::testsupport {

/// Every scenario package under scenarios/, sorted.
inline std::vector<std::filesystem::path> shippedPackages() {
  std::vector<std::filesystem::path> out;
  for (const auto& entry : std::filesystem::directory_iterator(
           std::filesystem::path(PRAXIS_SOURCE_DIR) / "scenarios")) {
    if (scenario::isScenarioPackage(entry.path())) out.push_back(entry.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

/// A test name for a package: its folder name with '-' as '_'.
inline std::string packageTestName(const ::testing::TestParamInfo<std::filesystem::path>& info) {
  std::string name = info.param.filename().string();
  std::replace(name.begin(), name.end(), '-', '_');
  return name;
}

/// Loads the package in `dir` into `package` and points `reference` at its reference
/// solution; the test fails unless it loads cleanly and has one.
inline void loadWithReference(const std::filesystem::path& dir,
                              scenario::PackageLoadResult& package,
                              const scenario::TraineeScript*& reference) {
  package = scenario::loadScenarioPackage(dir);
  ASSERT_TRUE(package.ok()) << package.diagnostics.format();
  for (const auto& t : package.tests) {
    if (t.reference) reference = &t;
  }
  ASSERT_NE(reference, nullptr);
}

/// A parametrised fixture that loads the package (the parameter) and finds its reference.
class ShippedPackageTest : public ::testing::TestWithParam<std::filesystem::path> {
 protected:
  void SetUp() override { loadWithReference(GetParam(), package_, reference_); }
  scenario::PackageLoadResult package_;
  const scenario::TraineeScript* reference_ = nullptr;
};

}  // namespace praxis::testsupport
