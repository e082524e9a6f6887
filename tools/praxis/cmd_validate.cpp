// praxis validate: load and check scenario packages; print every problem as file:line:col,
// then one summary line per package (or all of it as JSON with --json).
#include <nlohmann/json.hpp>

#include <cstdio>
#include <filesystem>
#include <string>
#include <system_error>
#include <vector>

#include "args.h"
#include "commands.h"
#include "scenario/loader.h"
#if PRAXIS_HAS_APP
#include "app/instruction_panel.h"
#include "app/scene_models.h"
#endif

namespace praxis::cli {
namespace {

namespace fs = std::filesystem;
using scenario::Diagnostic;
using scenario::Diagnostics;

constexpr const char* kHelp =
    "usage: praxis validate DIR [DIR...] [--json]\n\n"
    "Checks scenario packages: YAML syntax, keys and types (as the JSON Schema in\n"
    "scenarios/schema/ describes them), references between objects, steps and faults,\n"
    "that every step is reachable and no steps form a cycle, that model files exist inside\n"
    "the package (symbolic links included) and import, translations for every declared\n"
    "language, the package's tests/*.yaml, and that step titles and instructions fit the\n"
    "default instruction panel (a warning).\n\n"
    "DIR is a scenario package (a folder with scenario.yaml) or a folder of packages,\n"
    "e.g. scenarios/.\n\n"
    "Prints each problem as `file:line:col: error: message`, sorted by file and line, then\n"
    "a summary line per package.\n\n"
    "options:\n"
    "  --json   print one JSON object instead (packages, diagnostics, totals)\n"
    "  --help   show this text\n\n"
    "Exit codes: 0 no errors (warnings allowed), 1 errors found, 2 usage error or a path\n"
    "that does not exist.\n";

struct PackageReport {
  fs::path dir;
  Diagnostics diagnostics;
};

std::string plural(std::size_t n, const char* word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

std::string summary(const PackageReport& p) {
  const auto& d = p.diagnostics;
  if (d.empty()) return "ok";
  return plural(d.errorCount(), "error") + ", " + plural(d.warningCount(), "warning");
}

void printText(const std::vector<PackageReport>& reports) {
  Diagnostics all;
  for (const auto& r : reports) all.append(r.diagnostics);
  all.sort();
  std::fputs(all.format().c_str(), stdout);
  for (const auto& r : reports) {
    std::printf("%s: %s\n", r.dir.filename().string().c_str(), summary(r).c_str());
  }
}

nlohmann::json toJson(const Diagnostic& d) {
  return {{"file", d.span.file},   {"line", d.span.line},     {"column", d.span.column},
          {"offset", d.span.begin}, {"level", std::string(toString(d.level))}, {"message", d.message}};
}

void printJson(const std::vector<PackageReport>& reports) {
  nlohmann::json packages = nlohmann::json::array();
  std::size_t errors = 0;
  std::size_t warnings = 0;
  for (const auto& r : reports) {
    Diagnostics sorted = r.diagnostics;
    sorted.sort();
    nlohmann::json diagnostics = nlohmann::json::array();
    for (const auto& d : sorted.all()) diagnostics.push_back(toJson(d));
    packages.push_back({{"name", r.dir.filename().string()},
                        {"path", r.dir.generic_string()},
                        {"ok", !sorted.hasErrors()},
                        {"errors", sorted.errorCount()},
                        {"warnings", sorted.warningCount()},
                        {"diagnostics", std::move(diagnostics)}});
    errors += sorted.errorCount();
    warnings += sorted.warningCount();
  }
  const nlohmann::json out = {{"packages", std::move(packages)}, {"errors", errors}, {"warnings", warnings}};
  // Messages quote the user's text, which need not be valid UTF-8: replace, never throw.
  std::puts(out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
}

/// The packages named by the arguments, or a usage message for a path that is not there.
std::optional<std::vector<fs::path>> collectPackages(const std::vector<std::string>& paths) {
  std::vector<fs::path> packages;
  for (const auto& arg : paths) {
    fs::path path(arg);
    std::error_code ec;
    if (fs::is_regular_file(path, ec) && path.filename() == "scenario.yaml") path = path.parent_path();
    if (!fs::is_directory(path, ec)) {
      std::fprintf(stderr, "praxis validate: %s: no such directory\n", arg.c_str());
      return std::nullopt;
    }
    const auto found = scenario::findScenarioPackages(path);
    if (found.empty()) {
      std::fprintf(stderr, "praxis validate: %s: no scenario packages (no scenario.yaml) here\n", arg.c_str());
      return std::nullopt;
    }
    packages.insert(packages.end(), found.begin(), found.end());
  }
  return packages;
}

}  // namespace

int runValidate(const CommandArgs& args) {
  auto parsed = parseCommand(args, {{"--json"}, {}, 1, static_cast<std::size_t>(-1)}, "validate", kHelp);
  if (!parsed.args) return parsed.exitCode;
  const auto packages = collectPackages(parsed.args->positionals);
  if (!packages) return kExitUsage;
  std::vector<PackageReport> reports;
  bool failed = false;
  for (const auto& dir : *packages) {
    auto loaded = scenario::loadScenarioPackage(dir);
#if PRAXIS_HAS_APP
    if (loaded.scenario) {
      app::checkModelsImport(*loaded.scenario, loaded.diagnostics);
      if (auto checked = app::checkPanelText(*loaded.scenario, loaded.diagnostics); !checked) {
        std::fprintf(stderr, "praxis validate: %s\n", checked.error().message.c_str());
        return kExitUsage;
      }
    }
#endif
    failed = failed || loaded.diagnostics.hasErrors();
    reports.push_back(PackageReport{dir, std::move(loaded.diagnostics)});
  }
  if (parsed.args->has("--json")) {
    printJson(reports);
  } else {
    printText(reports);
  }
  return failed ? kExitFailed : kExitOk;
}

}  // namespace praxis::cli
