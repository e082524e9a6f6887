#include "packages.h"

#include <algorithm>
#include <cstdio>

namespace praxis::cli {

core::Result<std::vector<std::filesystem::path>> findPackages(const std::filesystem::path& path) {
  std::error_code ec;
  if (!std::filesystem::is_directory(path, ec)) {
    return core::fail(path.string(), ": no such folder");
  }
  if (scenario::isScenarioPackage(path)) return std::vector{path};
  std::vector<std::filesystem::path> packages;
  for (const auto& entry : std::filesystem::directory_iterator(path, ec)) {
    if (entry.is_directory() && scenario::isScenarioPackage(entry.path())) {
      packages.push_back(entry.path());
    }
  }
  if (ec) return core::fail(path.string(), ": ", ec.message());
  if (packages.empty()) {
    return core::fail(path.string(), ": no scenario package here (a package is a folder with a scenario.yaml)");
  }
  std::sort(packages.begin(), packages.end());
  return packages;
}

std::optional<scenario::PackageLoadResult> loadPackageReporting(const std::filesystem::path& dir) {
  scenario::PackageLoadResult result = scenario::loadScenarioPackage(dir);
  result.diagnostics.sort();
  if (!result.diagnostics.empty()) std::fputs(result.diagnostics.format().c_str(), stderr);
  if (!result.ok()) return std::nullopt;
  return result;
}

const scenario::TraineeScript* referenceTest(const scenario::PackageLoadResult& package) {
  for (const auto& t : package.tests) {
    if (t.reference) return &t;
  }
  return nullptr;
}

}  // namespace praxis::cli
