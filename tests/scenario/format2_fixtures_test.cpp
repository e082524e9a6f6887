// Format 2's fixtures: valid/format2 uses every format-2 key (conditions long and short, fresh
// steps, device and step actions, people, phrases, say and posture in a test) and loads
// without a diagnostic; broken/format2 plants a mistake in each, reported exactly as
// file:line:col with a suggestion where a name was misspelt.
#include <gtest/gtest.h>

#include <algorithm>

#include "fixture_paths.h"
#include "scenario/loader.h"

namespace praxis::scenario {
namespace {

using testing::fixtures;
using testing::relativeLines;
using Lines = std::vector<std::string>;

const Condition* find(const Condition& c, ConditionKind kind) {
  if (c.kind == kind) return &c;
  for (const auto& child : c.children) {
    if (const Condition* found = find(child, kind)) return found;
  }
  return nullptr;
}

TEST(Format2Fixtures, EveryFormat2KeyLoadsWithoutADiagnostic) {
  const auto package = loadScenarioPackage(fixtures() / "valid" / "format2");
  EXPECT_TRUE(package.ok());
  EXPECT_EQ(relativeLines(package.diagnostics), Lines{});
  ASSERT_TRUE(package.scenario.has_value());
  const ScenarioDef& def = *package.scenario;
  EXPECT_EQ(def.meta.format, 2);
  ASSERT_EQ(def.steps.size(), 4U);
  EXPECT_EQ(def.people.size(), 1U);
  EXPECT_EQ(def.phrases.size(), 2U);
  EXPECT_TRUE(def.steps[2].fresh);
  for (const ConditionKind kind : {ConditionKind::Count, ConditionKind::Rate}) {
    EXPECT_NE(find(def.steps[2].doneWhen, kind), nullptr) << static_cast<int>(kind);
  }
  for (const ConditionKind kind :
       {ConditionKind::Held, ConditionKind::Active, ConditionKind::Touching, ConditionKind::Elapsed,
        ConditionKind::Posture}) {
    EXPECT_NE(find(def.steps[3].doneWhen, kind), nullptr) << static_cast<int>(kind);
  }
  const Condition* count = find(def.steps[2].doneWhen, ConditionKind::Count);
  ASSERT_NE(count, nullptr);
  EXPECT_EQ(count->atLeast, 2);
  EXPECT_EQ(count->atMost, 40);
  EXPECT_EQ(count->children.at(0).hand, Hand::Left);
  EXPECT_EQ(find(def.steps[0].doneWhen, ConditionKind::Posture)->state, "crouching");  // kneeling
  const Condition* said = find(def.steps[1].doneWhen, ConditionKind::Said);
  ASSERT_NE(said, nullptr);
  EXPECT_EQ(said->state, "stand_clear");
  ASSERT_EQ(package.tests.size(), 1U);
  const auto& actions = package.tests[0].actions;
  ASSERT_EQ(actions.size(), 5U);
  EXPECT_EQ(actions[0].kind, ActionKind::Posture);
  EXPECT_EQ(actions[0].state, "crouching");
  EXPECT_EQ(actions[1].kind, ActionKind::Say);
  EXPECT_EQ(actions[1].state, "call_112");
  EXPECT_EQ(actions[1].target, "colleague");
}

Lines load(std::string_view name) {
  const auto package = loadScenarioPackage(fixtures() / "broken" / std::string(name));
  EXPECT_FALSE(package.ok());
  return relativeLines(package.diagnostics);
}

TEST(Format2Fixtures, WrongValuesOfFormat2KeysAreReportedAtTheirPlace) {
  const std::string s = "broken/format2/scenario.yaml:";
  const std::string t = "broken/format2/tests/reference.yaml:";
  EXPECT_EQ(
      load("format2"),
      (Lines{s + "14:12: error: fresh: expected true or false, got a string",
             s + "17:18: error: condition 'count': 'min' is greater than 'max'",
             s + "18:80: error: condition 'rate': 'tolerance' must leave at least one of the 2 "
                 "intervals "
                 "judged (at most 1)",
             s + "19:49: error: seconds: must be between 0 and 10000000, got -1",
             s + "22:5: error: unknown key 'frseh' in step; did you mean 'fresh'?",
             s + "25:43: error: hand: 'middle' is not one of left, right, either",
             s + "26:20: error: posture: 'sitting' is not one of standing, crouching, kneeling",
             s + "27:11: error: unknown condition 'sayd'; did you mean 'said'?",
             t + "4:14: error: posture: 'sitting' is not one of standing, crouching, kneeling",
             t + "5:32: error: unknown key 'too' in action 'say'; did you mean 'to'?"}));
}

TEST(Format2Fixtures, MisspeltStepsStatesObjectsPeopleAndPhrasesGetASuggestion) {
  const std::string s = "broken/format2-references/scenario.yaml:";
  EXPECT_EQ(
      load("format2-references"),
      (Lines{
          s + "22:58: error: condition 'state': 'machine' has no state 'runing' (its states: idle, "
              "running); did you mean 'running'?",
          s + "26:15: error: step 'check' on_enter show: unknown object 'lmap'; did you mean "
              "'lamp'?",
          s + "29:19: error: condition 'active': unknown step 'compres'; did you mean 'compress'?",
          s + "30:30: error: condition 'touching': unknown object 'chst'; did you mean 'chest'?",
          s + "31:26: error: condition 'said': unknown phrase 'stand_cleer'; did you mean "
              "'stand_clear'?",
          s + "31:43: error: condition 'said': unknown person 'colleage'; did you mean "
              "'colleague'?",
          s + "32:52: error: condition 'step_done': unknown step 'compresss'; did you mean "
              "'compress'?"}));
}

TEST(Format2Fixtures, ATestThatSaysAnUnknownPhraseToAnUnknownPersonIsCheckedAgainstItsScenario) {
  const std::string t = "broken/format2-tests/tests/reference.yaml:";
  EXPECT_EQ(
      load("format2-tests"),
      (Lines{
          t + "5:10: error: action 'say': unknown phrase 'stand_cleer'; did you mean "
              "'stand_clear'?",
          t + "6:36: error: action 'say': unknown person 'colleage'; did you mean 'colleague'?"}));
}

}  // namespace
}  // namespace praxis::scenario
