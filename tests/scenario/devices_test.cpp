// Devices that respond (scenario format 2) in the scenario module alone: the loader and the
// validator (file:line:col, did-you-mean), measured values and `value` conditions on them,
// and the scripted trainee's `wait: {until}`.
#include <gtest/gtest.h>

#include <cmath>

#include "scenario/devices.h"
#include "scenario/loader.h"
#include "scenario/scene_builder.h"

namespace praxis::scenario {
namespace {

using Lines = std::vector<std::string>;

Lines messages(std::string_view text) {
  const auto result = loadScenarioText(text, "d.yaml", {});
  Lines out;
  for (const auto& d : result.diagnostics.all()) out.push_back(d.format());
  return out;
}

constexpr std::string_view kTester = R"(praxis: 2
id: tester
version: 1.0.0
title: {en: Tester}
objects:
  - id: tester
    shape: box
    size: [0.04, 0.03, 0.14]
    pos: [0, 1, 0]
    grabbable: true
    tool: {tip: [0, 0, -0.09]}
    measures: voltage
    display: {size: [0.03, 0.015]}
  - id: l1
    shape: box
    size: [0.02, 0.05, 0.02]
    pos: [0, 1.2, -0.4]
    target: {voltage: 230}
  - id: isolator
    shape: box
    size: [0.05, 0.05, 0.05]
    pos: [0.3, 1.2, -0.4]
    switch: {states: ["on", "off"]}
steps:
  - id: isolate
    instruction: {en: Isolate}
    done_when: {state: {object: isolator, is: "off"}}
    on_done:
      - set: {object: l1, value: 0}
  - id: verify
    instruction: {en: Verify}
    on_enter:
      - display: {object: tester, value: tester, text: {en: "{value} V"}, decimals: 1}
    done_when: {value: {object: tester, max: 50}}
)";

TEST(DeviceDefinitions, AFormat2FileWithBehaviourDisplayMeasuresAndVoltageLoads) {
  const auto result = loadScenarioText(kTester, "t.yaml", {});
  ASSERT_TRUE(result.ok()) << result.diagnostics.format();
  const ScenarioDef& def = *result.scenario;
  EXPECT_EQ(def.findObject("tester")->measures, Measure::Voltage);
  EXPECT_EQ(def.findObject("l1")->voltage, 230.0);
  ASSERT_EQ(def.steps[0].onDone.size(), 1U);
  EXPECT_EQ(def.steps[0].onDone[0].kind, DeviceActionKind::Set);
  EXPECT_EQ(def.steps[1].onEnter[0].valueOf, "tester");
  EXPECT_EQ(def.steps[1].onEnter[0].decimals, 1);
}

TEST(DeviceValues, AMeasuringToolReadsTheVoltageItsTipActsOnAndAValueConditionReadsIt) {
  const auto result = loadScenarioText(kTester, "t.yaml", {});
  ASSERT_TRUE(result.ok()) << result.diagnostics.format();
  const ScenarioDef& def = *result.scenario;
  const scene::Scene scene = buildScene(def);
  auto devices = Devices::create(def, scene);
  ASSERT_TRUE(devices.has_value()) << devices.error().message;
  WorldFacts facts;
  devices->measure(facts);
  EXPECT_EQ(devices->values()[0], 0.0F) << "no contact: 0";
  facts.toolOn.emplace(std::pair<scene::EntityId, scene::EntityId>{0, 1}, 0);
  devices->measure(facts);
  EXPECT_EQ(devices->values()[0], 230.0F);

  ConditionTree tree;
  const auto root = tree.addRoot(def.steps[1].doneWhen, def, scene);
  ASSERT_TRUE(root.has_value());
  EvalContext ctx{scene, facts, 0, 0, 0, scene::kNoEntity, false, &devices->values()};
  EXPECT_FALSE(tree.holds(*root, ctx)) << "230 V is not below 50";
  devices->run(def.steps[0].onDone, scene::kNoEntity, 0);  // the circuit was isolated
  devices->measure(facts);
  EXPECT_EQ(devices->values()[0], 0.0F);
  EXPECT_TRUE(tree.holds(*root, ctx));
}

TEST(DeviceValues, ALiveDisplayFormatsTheReadingWithItsDecimalsAndUnitInTheText) {
  const auto result = loadScenarioText(kTester, "t.yaml", {});
  ASSERT_TRUE(result.ok()) << result.diagnostics.format();
  const ScenarioDef& def = *result.scenario;
  const scene::Scene scene = buildScene(def);
  auto devices = Devices::create(def, scene);
  ASSERT_TRUE(devices.has_value());
  WorldFacts facts;
  facts.toolOn.emplace(std::pair<scene::EntityId, scene::EntityId>{0, 1}, 0);
  devices->run(def.steps[1].onEnter, scene::kNoEntity, 0);
  EXPECT_TRUE(devices->takeCommands().empty()) << "a live display is sent on the next refresh";
  devices->measure(facts);
  const EvalContext ctx{scene, facts, 0, 0, 0, scene::kNoEntity, false, &devices->values()};
  devices->update({}, ctx);
  const auto commands = devices->takeCommands();
  ASSERT_EQ(commands.size(), 1U);
  EXPECT_EQ(commands[0].kind, DeviceCommand::Kind::Display);
  EXPECT_EQ(commandText(commands[0], "en"), "230.0 V");
  devices->update({}, ctx);
  EXPECT_TRUE(devices->takeCommands().empty()) << "an unchanged reading sends nothing";
}

TEST(DeviceValidation, MistakesInBehavioursAndActionsAreReportedAtTheirPlaceWithASuggestion) {
  const Lines got = messages(R"(praxis: 2
id: broken
version: 1.0.0
title: {en: Broken}
objects:
  - id: lamp
    shape: sphere
    size: 0.03
  - id: knob
    shape: box
    size: [0.05, 0.05, 0.05]
    switch: {states: [a, b]}
    behaviour: {states: {x: }}
  - id: machine
    shape: box
    size: [0.3, 0.3, 0.3]
    behaviour:
      initial: idel
      states:
        idle:
          on_enter:
            - display: {text: {en: Hi}}
            - enable: lamp
          transitions:
            - {after: 1, goto: runing}
        running:
          transitions:
            - {if: {value: {object: lamp, min: 1}}, goto: idle}
        orphan:
steps:
  - id: s
    instruction: {en: S}
    done_when: {state: {object: machine, is: idle}}
    on_enter:
      - set: {object: machine, state: runnin}
      - hide: lmap
)");
  const Lines want{
      "d.yaml:13:16: error: object 'knob': a behaviour gives the object its state, so it cannot also be a switch, button, "
      "lever or socket (put the behaviour on the machine, the control on its own object)",
      "d.yaml:25:32: error: object 'machine' state 'idle': unknown state 'runing'; did you mean 'running'?",
      "d.yaml:28:37: error: condition 'value': 'lamp' has no value (it is not a lever or dial, a target with a voltage, "
      "a measuring tool or set by a 'set: {value}' action)",
      "d.yaml:18:16: error: object 'machine' initial: unknown state 'idel'; did you mean 'idle'?",
      "d.yaml:22:15: error: object 'machine' state 'idle' display: 'machine' has no display (add `display: {size: [w, h]}` to it)",
      "d.yaml:23:23: error: object 'machine' state 'idle' enable: 'lamp' is not a button, switch, lever or grabbable object: "
      "there is nothing to enable or disable",
      "d.yaml:35:39: error: step 's' on_enter set: 'machine' has no state 'runnin' (its states: idle, running, orphan); "
      "did you mean 'running'?",
      "d.yaml:36:15: error: step 's' on_enter hide: unknown object 'lmap'; did you mean 'lamp'?",
  };
  for (const auto& line : want) {
    EXPECT_NE(std::find(got.begin(), got.end(), line), got.end()) << "missing: " << line;
  }
}

TEST(DeviceValidation, AStateNothingLeadsToIsAWarning) {
  const Lines got = messages(R"(praxis: 2
id: orphan
version: 1.0.0
title: {en: Orphan}
objects:
  - id: machine
    shape: box
    size: [0.3, 0.3, 0.3]
    behaviour:
      states:
        idle:
          transitions: [{after: 1, goto: busy}]
        busy:
        orphan:
steps:
  - id: s
    instruction: {en: S}
    done_when: {state: {object: machine, is: busy}}
)");
  EXPECT_EQ(got, Lines{"d.yaml:14:9: warning: object 'machine' state 'orphan' is never entered: no transition, "
                       "'set' action or 'initial' leads to it"});
}

TEST(DeviceDefinitions, AFormat1FileThatUsesAFormat2KeyGetsAnErrorNamingIt) {
  std::string text(kTester);
  text.replace(text.find("praxis: 2"), 9, "praxis: 1");
  const Lines got = messages(text);
  EXPECT_NE(std::find(got.begin(), got.end(), "d.yaml:12:15: error: 'measures' needs `praxis: 2` (this file says praxis: 1)"),
            got.end());
  EXPECT_NE(std::find(got.begin(), got.end(), "d.yaml:18:13: error: a target with a value needs `praxis: 2` (this file says praxis: 1)"),
            got.end());
}

TEST(DeviceScripts, WaitUntilReadsTheObjectAndStateAndDefaultsToSixtySeconds) {
  const auto result = loadTraineeScriptText(R"(name: waits
actions:
  - wait: {until: {object: drill, is: stopped}}
  - wait: {until: {object: drill, is: ready}, seconds: 5}
)", "w.yaml");
  ASSERT_TRUE(result.ok()) << result.diagnostics.format();
  const auto& actions = result.script->actions;
  ASSERT_EQ(actions.size(), 2U);
  EXPECT_EQ(actions[0].object, "drill");
  EXPECT_EQ(actions[0].state, "stopped");
  EXPECT_EQ(actions[0].seconds, 60.0);
  EXPECT_EQ(actions[1].seconds, 5.0);
}

}  // namespace
}  // namespace praxis::scenario
