// libFuzzer target for the scenario loader: every input goes through both readers,
// loadScenarioText (YAML → ScenarioDef + validator) and loadTraineeScriptText (+ validateScript
// against a fixed scenario), and must come back as diagnostics with sane spans, never as a
// crash, a hang, a leak or undefined behaviour.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "scenario/loader.h"
#include "scenario/validator.h"

namespace {

using praxis::scenario::Diagnostics;

// A small scenario with one object per component, for checking fuzzed scripts' references.
constexpr std::string_view kScenario = R"(praxis: 1
id: fuzz
version: "1"
title: {en: Fuzz}
languages: [en]
objects:
  - {id: breaker, switch: {states: ["on", "off"]}}
  - {id: button, button: true, target: true}
  - {id: handle, lever: {min: 0, max: 1, detents: {open: 1, closed: 0}}}
  - {id: padlock, grabbable: true}
  - {id: lock_point, socket: {accepts: [padlock]}}
  - {id: tester, grabbable: true, tool: {range: 0}}
  - {id: l1, target: true}
  - {id: zone, zone: {size: [1, 1, 1]}}
steps:
  - {id: one, instruction: {en: One}, done_when: {state: {object: breaker, is: "off"}}}
  - {id: two, instruction: {en: Two}, done_when: {snapped: {object: padlock, into: lock_point}}}
faults:
  - {id: touched, when: {touched: l1}}
)";

const praxis::scenario::ScenarioDef& fixedScenario() {
  static const praxis::scenario::ScenarioDef kDef = [] {
    auto loaded = praxis::scenario::loadScenarioText(kScenario, "fixed.yaml", {});
    if (!loaded.ok()) std::abort();  // the harness itself is broken
    return *loaded.scenario;
  }();
  return kDef;
}

/// What every diagnostic must satisfy, whatever the input: a message, and a position that
/// lies inside the text it names.
void checkDiagnostics(const Diagnostics& diagnostics, std::size_t textSize) {
  for (const auto& d : diagnostics.all()) {
    if (d.message.empty() || d.format().empty()) __builtin_trap();
    if (d.span.line < 0 || d.span.column < 0) __builtin_trap();
    if (d.span.begin > d.span.end && d.span.end != 0) __builtin_trap();
    if (d.span.begin > textSize + 3 || d.span.end > textSize + 3) __builtin_trap();  // +3: a BOM
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);

  const auto scenario = praxis::scenario::loadScenarioText(text, "fuzz.yaml", {});
  checkDiagnostics(scenario.diagnostics, size);
  if (scenario.ok() == scenario.diagnostics.hasErrors()) __builtin_trap();

  auto script = praxis::scenario::loadTraineeScriptText(text, "fuzz-test.yaml");
  checkDiagnostics(script.diagnostics, size);
  if (script.ok() == script.diagnostics.hasErrors()) __builtin_trap();
  if (script.ok()) {
    Diagnostics checked;
    praxis::scenario::validateScript(fixedScenario(), *script.script, checked);
    checkDiagnostics(checked, size);
  }
  return 0;
}
