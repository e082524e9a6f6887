// libFuzzer target for the scenario loader: every input goes through both readers,
// loadScenarioText (YAML → ScenarioDef + validator) and loadTraineeScriptText (+ validateScript
// against a fixed scenario), and must come back as diagnostics with sane spans, never as a
// crash, a hang, a leak or undefined behaviour. A scenario that loads then goes through the
// editor model (engine/edit): load → edit → save → load, each edit undone byte for byte.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>
#include <string_view>

#include "edit/edit_session.h"
#include "scenario/loader.h"
#include "scenario/validator.h"
#include "scenario/yaml_tree.h"

namespace {

using praxis::scenario::Diagnostics;

// A small scenario with one object per component, a person and a phrase, for checking fuzzed
// scripts' references (format 2, so `say:` and `posture:` reach the validator).
constexpr std::string_view kScenario = R"(praxis: 2
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
people:
  - {id: colleague, pos: [0, 0, -2]}
phrases:
  - {id: stand_clear, text: {en: Stand clear!}}
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

/// Every node of the tree lies inside the text, in order.
void checkTree(const praxis::scenario::YamlNode& node, std::size_t textSize, int depth) {
  if (depth > 200) return;
  if (node.span.begin > node.span.end || node.span.end > textSize) __builtin_trap();
  for (const auto& e : node.items) {
    if (e.keySpan.known() && (e.keySpan.begin > e.keySpan.end || e.keySpan.end > textSize)) __builtin_trap();
    checkTree(e.value, textSize, depth + 1);
  }
}

/// The editor's commands on a scenario that loaded: each one applies or says why not; an
/// applied one leaves text that parses and undoes to the exact bytes before it.
void fuzzEdits(std::string_view text, const praxis::scenario::ScenarioDef& def) {
  using praxis::edit::Command;
  using praxis::edit::Value;
  auto session = praxis::edit::EditSession::fromText(std::string(text), "fuzz.yaml");
  const std::string& first = def.objects.empty() ? std::string("none") : def.objects.front().id;
  const std::string& step = def.steps.empty() ? std::string("none") : def.steps.front().id;
  const std::vector<Command> commands = {
      Command::set("objects/" + first, "pos", Value::array({0.5, 0.9, 0})),
      Command::setText("steps/" + step, "instruction", "en", "Edited \"text\": with # and\nbreaks"),
      Command::add("object", Value::object({{"id", "fuzz_added"}, {"shape", "box"}, {"size", Value::array({1, 1, 1})}})),
      Command::add("hint", Value::object({{"after", 5}, {"text", Value::object({{"en", "Hint"}})}}), "steps/" + step),
      Command::add("component", Value::object({{"size", Value::array({1, 2, 3})}}), "objects/" + first, "zone"),
      Command::moveStep(step, def.steps.empty() ? 0 : def.steps.size() - 1),
      Command::rename("object", first, "fuzz_renamed"),
      Command::remove("objects/fuzz_added"),
      Command::set("scoring", "penalties.minor", 3),
  };
  std::size_t applied = 0;
  for (const auto& c : commands) {
    const std::string before = session.text();
    if (!session.apply(c)) {
      if (session.text() != before) __builtin_trap();  // a failed command changed the text
      continue;
    }
    const std::string after = session.text();
    if (after == before) continue;  // nothing to change, so no undo step either
    ++applied;
    auto tree = praxis::scenario::parseYamlTree(after, "fuzz.yaml");
    if (!tree) __builtin_trap();  // an edit wrote YAML that does not parse
    session.undo();
    if (session.text() != before) __builtin_trap();
    session.redo();
    if (session.text() != after) __builtin_trap();
  }
  // Save, then load what was saved: the same diagnostics as the session's own.
  (void)session.save();
  const auto reloaded = praxis::scenario::loadScenarioText(session.text(), "fuzz.yaml", {});
  checkDiagnostics(reloaded.diagnostics, session.text().size());
  while (session.undo()) {
  }
  if (applied > 0 && session.text() != text) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);

  const auto scenario = praxis::scenario::loadScenarioText(text, "fuzz.yaml", {});
  checkDiagnostics(scenario.diagnostics, size);
  if (scenario.ok() == scenario.diagnostics.hasErrors()) __builtin_trap();
  if (auto tree = praxis::scenario::parseYamlTree(text, "fuzz.yaml")) checkTree(*tree, size, 0);
  if (scenario.ok()) fuzzEdits(text, *scenario.scenario);

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
