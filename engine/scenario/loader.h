// Loading scenario packages: scenario.yaml and tests/*.yaml → the definition model, with
// every problem reported as a Diagnostic (file:line:col), never an exception or a crash.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "scenario/definition.h"
#include "scenario/diagnostics.h"
#include "scenario/trainee_script.h"
#include "scenario/yaml_node.h"

namespace praxis::scenario {

/// Bounds that keep hostile or broken files cheap to reject.
struct LoadLimits {
  std::size_t maxBytes = 4U << 20U;   // a real scenario is a few tens of KiB
  int maxDepth = 64;                  // nesting levels (conditions, lists of lists, …)
  std::size_t maxNodes = 200'000;     // YAML nodes visited, aliases expanded
  std::size_t maxDiagnostics = 500;   // per file; after that the loader stops reading it
};

struct LoadResult {
  std::optional<ScenarioDef> scenario;  // present when there are no errors
  Diagnostics diagnostics;              // errors and warnings, in the order found
  [[nodiscard]] bool ok() const { return scenario.has_value(); }
};

struct ScriptLoadResult {
  std::optional<TraineeScript> script;  // present when there are no errors
  Diagnostics diagnostics;
  [[nodiscard]] bool ok() const { return script.has_value(); }
};

struct PackageLoadResult {
  std::optional<ScenarioDef> scenario;  // present when the whole package has no errors
  std::vector<TraineeScript> tests;     // sorted by file name; complete only when ok()
  Diagnostics diagnostics;              // scenario.yaml's and every test's
  [[nodiscard]] bool ok() const { return scenario.has_value(); }
};

/// Reads and validates `dir`/scenario.yaml (references, reachability, assets under `dir`,
/// translations). Diagnostics name the file as `dir / "scenario.yaml"`.
[[nodiscard]] LoadResult loadScenario(const std::filesystem::path& dir, const LoadLimits& limits = {});

/// The same from text already in memory. `fileName` is what diagnostics print; model files
/// are looked up under `folder` (not at all when it is empty).
[[nodiscard]] LoadResult loadScenarioText(std::string_view text, std::string fileName,
                                          std::filesystem::path folder, const LoadLimits& limits = {});

/// Reads one scripted trainee (tests/*.yaml). Checks its own shape only; references to the
/// scenario's objects and steps are checked by validateScript() (loadScenarioPackage does).
[[nodiscard]] ScriptLoadResult loadTraineeScript(const std::filesystem::path& file,
                                                 const LoadLimits& limits = {});
[[nodiscard]] ScriptLoadResult loadTraineeScriptText(std::string_view text, std::string fileName,
                                                     const LoadLimits& limits = {});

/// The scenario plus every tests/*.yaml (sorted by file name), each validated against the
/// scenario, and the package rules (exactly one reference test).
[[nodiscard]] PackageLoadResult loadScenarioPackage(const std::filesystem::path& dir,
                                                    const LoadLimits& limits = {});

/// A package's files as text in memory (the editor's edited files), with the names
/// diagnostics print. Model files are looked up under `folder` (not at all when it is empty).
struct PackageTexts {
  std::filesystem::path folder;
  std::string scenarioFile;
  std::string scenarioText;
  std::vector<std::pair<std::string, std::string>> tests;  // (file name, text), in order
};

/// What a package reads as, errors or not: the editor shows a scenario while it is broken.
struct PackageDraft {
  ScenarioDef scenario;               // as far as it could be read (complete without errors)
  std::vector<TraineeScript> tests;   // likewise, in the order given
  Diagnostics diagnostics;            // the same as loadScenarioPackage's, sorted
  /// scenario.yaml's tree with every span (scenario/yaml_tree.h), from the same parse; absent
  /// when the text does not parse.
  std::optional<YamlNode> scenarioTree;
};

/// loadScenarioPackage's checks on text in memory.
[[nodiscard]] PackageDraft readScenarioPackageTexts(const PackageTexts& package, const LoadLimits& limits = {});

/// Whether `dir` looks like a scenario package (it holds a scenario.yaml).
[[nodiscard]] bool isScenarioPackage(const std::filesystem::path& dir);

/// `dir` itself when it is a package, else its sub-folders that are packages, sorted by name
/// (so `scenarios/` yields every shipped scenario; `schema/` holds no scenario.yaml).
[[nodiscard]] std::vector<std::filesystem::path> findScenarioPackages(const std::filesystem::path& dir);

}  // namespace praxis::scenario
