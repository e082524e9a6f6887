#include "coverage_output.h"

#include <cstdio>
#include <cstdlib>

#include "app/session.h"
#include "core/paths.h"

namespace praxis::cli {

core::Result<CoverageOutput> CoverageOutput::fromArgs(const Args& args) {
  CoverageOutput out;
  out.json_ = args.option("--coverage-json");
  out.html_ = args.option("--coverage-html");
  if (const auto minimum = args.option("--min-coverage")) {
    char* end = nullptr;
    const double value = std::strtod(minimum->c_str(), &end);
    if (minimum->empty() || *end != '\0' || value < 0.0 || value > 100.0) {
      return core::fail("--min-coverage: '", *minimum, "' is not a percentage between 0 and 100");
    }
    out.minimum_ = value;
  }
  out.enabled_ = args.has("--coverage") || out.json_ || out.html_ || out.minimum_;
  return out;
}

std::function<void(const app::Session&)> CoverageOutput::recorder(const scenario::ScenarioDef& def) {
  if (!enabled_) return {};
  app::ScenarioCoverage* coverage = &report_.scenario(app::coverageItems(def));
  const std::string id = coverage->scenario;
  // Look the entry up again on each call: adding scenarios may move the vector's elements.
  return [this, id](const app::Session& session) {
    for (auto& s : report_.scenarios) {
      if (s.scenario == id) app::recordAttempt(s, session);
    }
  };
}

int CoverageOutput::finish(const char* command) const {
  if (!enabled_) return kExitOk;
  std::fputs(app::coverageTable(report_).c_str(), stdout);
  const auto write = [&](const std::optional<std::string>& file, const std::string& text) {
    if (!file) return true;
    if (auto written = core::writeFileAtomic(*file, text); !written) {
      std::fprintf(stderr, "%s: %s\n", command, written.error().message.c_str());
      return false;
    }
    return true;
  };
  if (!write(json_, app::coverageJson(report_)) || !write(html_, app::coverageHtml(report_))) return kExitUsage;
  const double percent = report_.totals().percent();
  if (minimum_ && percent < *minimum_) {
    std::printf("coverage %.1f%% is below --min-coverage %g%%\n", percent, *minimum_);
    return kExitFailed;
  }
  return kExitOk;
}

}  // namespace praxis::cli
