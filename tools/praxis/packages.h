// Finding and loading scenario packages for the subcommands: one package folder, or a
// folder of packages (e.g. scenarios/).
#pragma once

#include <filesystem>
#include <vector>

#include "args.h"
#include "core/result.h"
#include "scenario/loader.h"

namespace praxis::cli {

/// `path` itself when it is a package, else its sub-folders that are, sorted by name.
/// Fails when the path does not exist or holds no package.
[[nodiscard]] core::Result<std::vector<std::filesystem::path>> findPackages(
    const std::filesystem::path& path);

/// The one exit code of every command for a package with errors (file:line:col printed):
/// a failed check (1), as in `praxis validate` and `praxis test`. 2 stays for what is not the
/// package's content: usage, a path that is not a package, the environment.
inline constexpr int kExitBrokenPackage = kExitFailed;

/// Loads a package and prints its diagnostics to stderr. Returns nothing when it has errors.
[[nodiscard]] std::optional<scenario::PackageLoadResult> loadPackageReporting(
    const std::filesystem::path& dir);

/// The package's reference test, or null.
[[nodiscard]] const scenario::TraineeScript* referenceTest(const scenario::PackageLoadResult& package);

}  // namespace praxis::cli
