// praxis explore: searches what a trainee can do in a scenario and reports steps that can
// never be completed, faults never raised, branches never taken and dead ends.
#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include <nlohmann/json.hpp>

#include "app/explore.h"
#include "app/explore_detail.h"
#include "args.h"
#include "commands.h"
#include "core/paths.h"
#include "packages.h"

namespace praxis::cli {
namespace {

constexpr const char* kHelp =
    "usage: praxis explore DIR... [--max-states N] [--seconds S] [--max-depth N]\n"
    "                             [--write-tests DIR] [--json]\n\n"
    "Explores every sequence of actions the scripted trainee can play (grab, release, snap,\n"
    "set, press, touch, use, walk_to a zone, look_at), breadth first, pruning states the search\n"
    "has seen (docs/explore.md). Reports steps that can never be completed, faults that can\n"
    "never be raised, branches never taken and dead ends (states from which the scenario can no\n"
    "longer be completed), each with the shortest action sequence that shows it.\n\n"
    "  --max-states N     stop after N distinct states (default 100000)\n"
    "  --seconds S        stop after S seconds of wall time per scenario (default 120)\n"
    "  --max-depth N      do not expand states N actions deep (default 64)\n"
    "  --write-tests DIR  write each finding's sequence as a test file into DIR, ready for\n"
    "                     `praxis run SCENARIO --headless --script FILE`\n"
    "  --json             print the results as JSON (no progress lines)\n\n"
    "Prints progress (states, depth, time) on stderr and says whether the search was complete\n"
    "or cut by a budget; only a complete search proves that something can never happen.\n"
    "Exit: 0 no problem found, 1 a problem found, 2 usage error or a package with errors.\n";

struct Budget {
  app::ExploreOptions options;
  std::optional<std::filesystem::path> writeTests;
};

core::Result<Budget> budgetFrom(const Args& args) {
  Budget b;
  const auto number = [&](const char* name, double low, double high) -> core::Result<std::optional<double>> {
    const auto text = args.option(name);
    if (!text) return std::optional<double>();
    char* end = nullptr;
    const double v = std::strtod(text->c_str(), &end);
    if (text->empty() || *end != '\0' || v < low || v > high) {
      return core::fail(name, ": '", *text, "' is not a number in [", std::to_string(low), ", ",
                        std::to_string(high), "]");
    }
    return std::optional<double>(v);
  };
  auto states = number("--max-states", 1, 1e8);
  auto seconds = number("--seconds", 0.001, 1e6);
  auto depth = number("--max-depth", 0, 10000);
  for (const auto* r : {&states, &seconds, &depth}) {
    if (!*r) return std::unexpected(r->error());
  }
  if (*states) b.options.maxStates = static_cast<std::size_t>(**states);
  if (*seconds) b.options.seconds = **seconds;
  if (*depth) b.options.maxDepth = static_cast<int>(**depth);
  if (auto dir = args.option("--write-tests")) b.writeTests = *dir;
  return b;
}

std::string sequenceText(const app::Finding& f) {
  std::string out;
  for (const auto& a : f.actions) out += (out.empty() ? "" : "; ") + app::detail::actionYaml(a);
  return out;
}

std::string testFileName(const app::Finding& f, std::size_t index) {
  std::string id = f.id.empty() ? std::to_string(index + 1) : f.id;
  for (char& c : id) {
    if (c == '#') c = '-';
  }
  std::string kind(toString(f.kind));
  for (char& c : kind) {
    if (c == ' ') c = '-';
  }
  return kind + "-" + id + ".yaml";
}

void printResult(const std::string& name, const app::ExploreResult& r) {
  std::printf("%s: search %s (%zu states, %zu sequences played, %.1f s, %.1f s CPU, %.0f states per CPU second), "
              "deepest %d moves",
              name.c_str(), r.complete ? "complete" : ("cut by " + r.cutBy).c_str(), r.states, r.runs, r.seconds,
              r.cpuSeconds, r.cpuSeconds > 0 ? static_cast<double>(r.states) / r.cpuSeconds : 0.0, r.depth);
  if (r.completionDepth >= 0) std::printf(", shortest completion %d actions", r.completionDepth);
  std::printf("\n");
  for (const auto& item : r.notReached) std::printf("  not reached within the budget: %s\n", item.c_str());
  if (r.findings.empty()) std::printf("  no problem found\n");
}

nlohmann::json resultJson(const std::string& name, const app::ExploreResult& r) {
  nlohmann::json findings = nlohmann::json::array();
  for (const auto& f : r.findings) {
    nlohmann::json actions = nlohmann::json::array();
    for (const auto& a : f.actions) actions.push_back(app::detail::actionYaml(a));
    findings.push_back({{"kind", toString(f.kind)}, {"id", f.id}, {"message", f.message}, {"where", f.span.where()},
                        {"actions", actions}, {"has_sequence", f.hasSequence}});
  }
  return {{"scenario", name},   {"complete", r.complete}, {"cut_by", r.cutBy},         {"states", r.states},
          {"runs", r.runs},     {"seconds", r.seconds}, {"cpu_seconds", r.cpuSeconds},   {"depth", r.depth},          {"completion_depth", r.completionDepth},
          {"findings", findings}, {"not_reached", r.notReached}};
}

// Prints the findings and writes their tests. False when a test file cannot be written.
bool reportFindings(const app::ExploreResult& r, const scenario::ScenarioDef& def, const Budget& budget, bool json) {
  for (std::size_t i = 0; i < r.findings.size(); ++i) {
    const auto& f = r.findings[i];
    if (!json) std::printf("  PROBLEM %s (%s)\n", f.message.c_str(), f.span.where().c_str());
    if (!f.hasSequence) continue;
    if (!json) std::printf("    shortest sequence (%zu actions): %s\n", f.actions.size(), sequenceText(f).c_str());
    if (!budget.writeTests) continue;
    const auto file = *budget.writeTests / ("explore-" + def.meta.id + "-" + testFileName(f, i));
    std::error_code ec;
    std::filesystem::create_directories(*budget.writeTests, ec);
    const std::string name = "explore: " + std::string(toString(f.kind)) + " " + f.id;
    if (auto written = core::writeFileAtomic(file, app::findingTestYaml(f, def, name)); !written) {
      usageError("explore", written.error().message);
      return false;
    }
    if (!json) std::printf("    written to %s\n", file.c_str());
  }
  return true;
}

}  // namespace

int runExplore(const CommandArgs& argv) {
  const auto parsed = parseCommand(
      argv, {{"--json"}, {"--max-states", "--seconds", "--max-depth", "--write-tests"}, 1, 64}, "explore", kHelp);
  if (!parsed.args) return parsed.exitCode;
  const Args* args = &*parsed.args;
  const auto budget = budgetFrom(*args);
  if (!budget) return usageError("explore", budget.error().message);
  const bool json = args->has("--json");
  nlohmann::json all = nlohmann::json::array();
  bool problem = false;
  for (const auto& root : args->positionals) {
    auto packages = findPackages(root);
    if (!packages) {
      return usageError("explore", packages.error().message);
    }
    for (const auto& dir : *packages) {
      auto package = loadPackageReporting(dir);
      if (!package) return kExitUsage;
      const std::string name = dir.filename().string();
      app::ExploreOptions options = budget->options;
      if (!json) {
        options.onProgress = [&name](const app::ExploreProgress& p) {
          std::fprintf(stderr, "  %s: %zu states, depth %d, %zu waiting, %.0f s (%.0f s CPU)\n", name.c_str(),
                       p.states, p.depth, p.frontier, p.seconds, p.cpuSeconds);
        };
      }
      auto result = app::explore(*package->scenario, options);
      if (!result) {
        return usageError("explore", result.error().message);
      }
      if (!json) printResult(name, *result);
      if (!reportFindings(*result, *package->scenario, *budget, json)) return kExitUsage;
      problem = problem || !result->findings.empty();
      all.push_back(resultJson(name, *result));
    }
  }
  if (json) std::printf("%s\n", all.dump(2).c_str());
  return problem ? kExitFailed : kExitOk;
}

}  // namespace praxis::cli
