// Every planted mistake in fixtures/broken/ is reported, exactly, as file:line:col: message,
// all of them in one run, and nothing else is.
#include <gtest/gtest.h>

#include "fixture_paths.h"
#include "scenario/loader.h"

namespace praxis::scenario {
namespace {

using testing::fixtures;
using testing::relativeLines;
using Lines = std::vector<std::string>;

Lines load(std::string_view name) {
  const auto result = loadScenarioPackage(fixtures() / "broken" / std::string(name));
  EXPECT_FALSE(result.ok() && result.diagnostics.hasErrors());
  return relativeLines(result.diagnostics);
}

TEST(BrokenFixtures, YamlSyntaxErrorPointsAtTheUnclosedBracket) {
  EXPECT_EQ(load("syntax"),
            Lines{"broken/syntax/scenario.yaml:8:10: error: YAML syntax error: end of sequence flow not found "
                  "(this '[' is never closed)"});
}

TEST(BrokenFixtures, UnknownKeysWrongTypesMissingKeysBadEnumsAndKinds) {
  const std::string s = "broken/keys/scenario.yaml:";
  const std::string t = "broken/keys/tests/reference.yaml:";
  EXPECT_EQ(load("keys"),
            (Lines{
                s + "9:12: error: shape: 'cube' is not one of box, cylinder, sphere, capsule, plane",
                s + "10:5: error: unknown key 'colr' in object; did you mean 'colour'?",
                s + "11:14: error: pos[1]: expected a number, got a string",
                s + "12:16: error: grabbable: expected true or false, got a string",
                s + "13:9: error: id: 'Lamp' is not a valid id (use lower-case letters, digits and '_')",
                s + "14:5: error: colour: expected a colour, got an empty value (quote hex colours: \"#ff8800\")",
                s + "16:42: error: initial: 'of' is not one of the states on, off",
                s + "18:5: error: duplicate key 'pos' (first at line 17)",
                s + "22:17: error: unknown condition 'grabed'; did you mean 'grabbed'?",
                s + "23:13: error: points: expected a number, got a string",
                s + "25:19: error: instruction: 'english' is not a language tag (e.g. nl-BE, fr-BE, en)",
                s + "26:16: error: a condition has exactly one key (its kind), found 'elapsed', 'grabbed'; "
                    "combine several with all: […]",
                s + "27:5: error: missing required key 'instruction' in step",
                s + "28:50: error: unknown key 'extra' in condition 'state'",
                s + "32:15: error: severity: 'fatal' is not one of minor, major, critical",
                s + "33:21: error: unknown key 'time_limt' in scoring; did you mean 'time_limit'?",
                t + "4:5: error: unknown action 'grap'; did you mean 'grab'?",
                t + "5:11: error: wait: expected a number, got a string",
                t + "6:10: error: action 'set' needs exactly one of 'to' (a state) and 'value' (a number)",
                t + "8:12: error: outcome: 'passd' is not one of passed, failed; did you mean 'passed'?",
            }));
}

TEST(BrokenFixtures, UnresolvedReferencesAndComponentsThatDoNotFit) {
  const std::string s = "broken/references/scenario.yaml:";
  EXPECT_EQ(load("references"),
            (Lines{
                s + "8:13: error: parent: 'box' must be declared before 'lid' (it is at line 9)",
                s + "10:13: error: parent: unknown object 'shelf'",
                s + "14:33: error: socket.accepts: 'box' is not grabbable, so it can never be snapped",
                s + "14:38: error: socket.accepts: unknown object 'padlok'; did you mean 'padlock'?",
                s + "17:9: error: id: 'head' is reserved for the trainee's body (head, left_hand, right_hand)",
                s + "20:9: error: duplicate object id 'padlock' (first declared at line 11)",
                s + "24:26: error: highlight: unknown object 'braker'; did you mean 'breaker'?",
                s + "25:46: error: condition 'state': 'breaker' has no state 'of' (its states: on, off); "
                    "did you mean 'off'?",
                s + "30:44: error: condition 'snapped': 'breaker' is not a socket",
                s + "31:27: error: condition 'tool_on': 'tester' is not a tool",
                s + "31:43: error: condition 'tool_on': 'box' is not a touch target (add `target: true`)",
                s + "32:20: error: condition 'grabbed': unknown object 'padlok'; did you mean 'padlock'?",
                s + "33:22: error: condition 'step_done': unknown step 'switch_of'; did you mean 'switch_off'?",
                s + "36:15: error: goto: unknown step 'verfy'; did you mean 'verify'?",
                s + "37:11: error: next: unknown step 'finish'",
                s + "38:9: error: step 'verify' is unreachable: no path from the first step 'switch_off' leads to "
                    "it (check the `next` and `goto` of the steps before it)",
                s + "40:51: error: condition 'inside': 'box' is not a zone",
                s + "41:17: error: pass: 50 points can never be reached: the steps give 30 at most",
            }));
}

TEST(BrokenFixtures, UnreachableStepAndCycle) {
  const std::string s = "broken/flow/scenario.yaml:";
  EXPECT_EQ(load("flow"),
            (Lines{
                s + "14:9: error: step 'orphan' is unreachable: no path from the first step 'start' leads to it "
                    "(check the `next` and `goto` of the steps before it)",
                s + "28:11: error: steps form a cycle (inspect -> repair -> inspect); every path must reach the "
                    "end, so a scenario always terminates",
            }));
}

TEST(BrokenFixtures, MissingModelFileNamesThePath) {
  const std::string s = "broken/assets/scenario.yaml:";
  EXPECT_EQ(load("assets"),
            (Lines{
                s + "10:12: error: model: file not found: broken/assets/assets/panel.glb",
                s + "12:12: error: model: '../outside/panel.glb' must be a path inside the scenario package "
                    "(e.g. assets/panel.glb)",
            }));
}

TEST(BrokenFixtures, MissingTranslationsAreWarningsNamingTheLanguage) {
  const auto result = loadScenarioPackage(fixtures() / "broken" / "translations");
  EXPECT_TRUE(result.ok()) << "warnings alone do not fail a package";
  const std::string s = "broken/translations/scenario.yaml:";
  EXPECT_EQ(relativeLines(result.diagnostics),
            (Lines{
                s + "5:8: warning: missing fr-BE translation of title",
                s + "12:18: warning: missing en translation of step 'look' instruction",
                s + "21:14: warning: missing nl-BE translation of fault 'slow' message",
                s + "21:14: warning: missing fr-BE translation of fault 'slow' message",
            }));
}

TEST(BrokenFixtures, TestScriptsAreCheckedAgainstTheirScenario) {
  const std::string a = "broken/tests/tests/a-reference.yaml:";
  EXPECT_EQ(load("tests"),
            (Lines{
                a + "3:11: warning: language: the scenario does not provide 'de' (it has: en)",
                a + "5:11: error: action 'grab': 'panel' is not grabbable",
                a + "6:35: error: action 'snap': 'breaker' is not a socket",
                a + "7:32: error: action 'set': 'breaker' has no state 'of' (its states: on, off); did you mean 'off'?",
                a + "8:12: error: action 'press': unknown object 'padlok'; did you mean 'padlock'?",
                a + "9:17: error: action 'use': 'padlock' is not a tool",
                a + "11:12: error: expect.faults: unknown fault 'touched_panl'; did you mean 'touched_panel'?",
                a + "12:23: error: expect.steps: unknown step 'lock_out'",
                a + "13:10: error: expect.score: the scenario gives 10 points at most",
                "broken/tests/tests/b-reference.yaml:2:12: error: reference: only one test may be the reference "
                "solution; broken/tests/tests/a-reference.yaml already is",
            }));
}

TEST(BrokenFixtures, APackageWithoutAReferenceTestIsAnError) {
  const auto lines = relativeLines(loadScenarioPackage(fixtures() / "valid").diagnostics);
  ASSERT_EQ(lines.size(), 2U);
  EXPECT_EQ(lines[0], "valid/scenario.yaml: error: file not found");
  EXPECT_EQ(lines[1], "valid/scenario.yaml: error: the package has no reference test: mark one tests/*.yaml "
                      "with `reference: true`");
}

TEST(BrokenFixtures, LoadScenarioAloneChecksTheScenarioButNotTheTests) {
  const auto result = loadScenario(fixtures() / "broken" / "flow");
  EXPECT_FALSE(result.ok());
  EXPECT_EQ(result.diagnostics.errorCount(), 2U);
  const auto script = loadTraineeScript(fixtures() / "broken" / "keys" / "tests" / "reference.yaml");
  EXPECT_FALSE(script.ok());
  EXPECT_EQ(script.diagnostics.errorCount(), 4U);
  EXPECT_TRUE(loadScenario(fixtures() / "valid" / "full-featured").ok());
}

}  // namespace
}  // namespace praxis::scenario
