// Every shipped scenario's reference solution, played through the desktop controls by the
// desktop autopilot (synthesised mouse and keyboard events), reaches the same result as the
// headless scripted trainee: the runner cannot tell a desktop attempt from any other.
#include "app/desktop_autopilot.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "app/desktop_tick_input.h"
#include "scenario/loader.h"
#include "shipped_packages.h"

namespace praxis::app {
namespace {

namespace fs = std::filesystem;

using DesktopAutopilotOnShipped = testsupport::ShippedPackageTest;

TEST_P(DesktopAutopilotOnShipped, ReferenceSolutionPassesWithTheHeadlessSteps) {
  const auto headless = runScript(*package_.scenario, *reference_);
  ASSERT_TRUE(headless.has_value()) << headless.error().message;
  const auto desktop = runDesktopAutopilot(*package_.scenario, *reference_);
  ASSERT_TRUE(desktop.has_value()) << desktop.error().message;
  EXPECT_FALSE(desktop->scriptError) << desktop->scriptError->message;
  EXPECT_EQ(desktop->outcome, scenario::Outcome::Passed) << toString(desktop->endReason);
  EXPECT_EQ(desktop->stepsCompleted, headless->stepsCompleted);
  EXPECT_EQ(desktop->faults, headless->faults);
  EXPECT_EQ(desktop->score, headless->score);
  EXPECT_TRUE(checkExpectations(reference_->expect, *desktop).empty());
}

TEST_P(DesktopAutopilotOnShipped, FasterAutopilotReachesTheSameStepsSooner) {
  const auto human = runDesktopAutopilot(*package_.scenario, *reference_);
  AutopilotOptions quick;
  quick.speed = 4.0;
  const auto fast = runDesktopAutopilot(*package_.scenario, *reference_, {}, quick);
  ASSERT_TRUE(human.has_value() && fast.has_value());
  EXPECT_EQ(fast->outcome, scenario::Outcome::Passed)
      << toString(fast->endReason) << " " << (fast->scriptError ? fast->scriptError->message : "")
      << " " << (fast->faults.empty() ? "" : fast->faults.front());
  EXPECT_EQ(fast->stepsCompleted, human->stepsCompleted);
  EXPECT_LT(fast->ticks, human->ticks);
}

TEST_P(DesktopAutopilotOnShipped, SameEventsGiveTheSameEventLogHash) {
  const auto a = runDesktopAutopilot(*package_.scenario, *reference_);
  const auto b = runDesktopAutopilot(*package_.scenario, *reference_);
  ASSERT_TRUE(a.has_value() && b.has_value());
  EXPECT_EQ(a->eventLogHash, b->eventLogHash);
}

TEST_P(DesktopAutopilotOnShipped, ARecordedDesktopAttemptReplaysHeadlessWithTheSameHash) {
  std::vector<interaction::TraineeInput> inputs;
  RunOptions options;
  options.record = &inputs;
  const auto desktop = runDesktopAutopilot(*package_.scenario, *reference_, options);
  ASSERT_TRUE(desktop.has_value());
  RunOptions replay;
  replay.attempt.session.seed = reference_->seed;
  replay.attempt.session.language = reference_->language;
  const auto replayed = runInputs(*package_.scenario, inputs, replay);
  ASSERT_TRUE(replayed.has_value());
  EXPECT_EQ(replayed->eventLogHash, desktop->eventLogHash);
  EXPECT_EQ(replayed->stepsCompleted, desktop->stepsCompleted);
}

INSTANTIATE_TEST_SUITE_P(Shipped, DesktopAutopilotOnShipped,
                         ::testing::ValuesIn(testsupport::shippedPackages()),
                         testsupport::packageTestName);

}  // namespace
}  // namespace praxis::app

namespace praxis::app {
namespace {

// What the shipped scenarios do not use: a lever set to a detent, a dial dragged to a value
// and a bare-hand touch, on a panel in front of the trainee.
constexpr const char* kControlPanel = R"(praxis: 1
id: control-panel
version: 1.0.0
title: {en: Control panel}
minutes: 2
languages: [en]
trainee: {position: [0, 0, 0.8], facing: 0}
objects:
  - {id: floor, shape: plane, size: [6, 6], collider: true}
  - {id: panel, shape: box, size: [0.8, 0.8, 0.2], pos: [0, 1.3, -0.3], collider: true}
  - id: handle
    parent: panel
    shape: capsule
    size: [0.03, 0.12]
    pos: [0.2, 0, 0.15]
    lever: {kind: lever, min: 0, max: 1, initial: 0, axis: [0, 1, 0], travel: 0.15, detents: {closed: 0, open: 1}}
  - id: dial
    parent: panel
    shape: cylinder
    size: [0.06, 0.03]
    pos: [-0.2, 0, 0.12]
    rot: [90, 0, 0]
    lever: {kind: dial, min: 0, max: 1, initial: 0.1, axis: [0, 1, 0], travel: 270}
  - {id: lamp, parent: panel, shape: sphere, size: 0.04, pos: [0, 0.25, 0.12], target: true}
steps:
  - {id: open, instruction: {en: Open the valve.}, done_when: {state: {object: handle, is: open}}, points: 10}
  - {id: dose, instruction: {en: Set the dose to half.}, done_when: {value: {object: dial, min: 0.45, max: 0.55}}, points: 10}
  - {id: check, instruction: {en: Touch the lamp.}, done_when: {touched: {target: lamp, by: hand}}, points: 10}
scoring: {pass: 30}
)";

constexpr const char* kControlPanelReference = R"(name: reference solution
reference: true
language: en
max_seconds: 60
actions:
  - set: {object: handle, to: open}
  - set: {object: dial, value: 0.5, hand: left}
  - touch: {target: lamp, seconds: 0.5}
expect: {outcome: passed, steps: [open, dose, check]}
)";

/// Writes a package of `scenario` and its `reference` test, plays the reference headless and
/// through the desktop autopilot, and expects both to complete `steps` and pass.
void expectTheDesktopPlaysItAsHeadless(const char* name, const char* scenario,
                                       const char* reference,
                                       const std::vector<std::string>& steps) {
  const fs::path dir = fs::path(PRAXIS_BINARY_DIR) / "test-output" / name;
  fs::create_directories(dir / "tests");
  std::ofstream(dir / "scenario.yaml") << scenario;
  std::ofstream(dir / "tests" / "reference.yaml") << reference;
  const auto package = scenario::loadScenarioPackage(dir);
  ASSERT_TRUE(package.ok()) << package.diagnostics.format();
  ASSERT_EQ(package.tests.size(), 1U);
  const auto headless = runScript(*package.scenario, package.tests[0]);
  const auto desktop = runDesktopAutopilot(*package.scenario, package.tests[0]);
  ASSERT_TRUE(headless.has_value() && desktop.has_value());
  EXPECT_FALSE(desktop->scriptError) << desktop->scriptError->message;
  EXPECT_EQ(headless->stepsCompleted, steps);
  EXPECT_EQ(desktop->stepsCompleted, headless->stepsCompleted);
  EXPECT_EQ(desktop->outcome, scenario::Outcome::Passed);
}

TEST(DesktopAutopilot, DragsALeverToADetentAndADialToAValueAndTouches) {
  expectTheDesktopPlaysItAsHeadless("control-panel", kControlPanel, kControlPanelReference,
                                    {"open", "dose", "check"});
}

// Format 2's speech and posture through the desktop keys: crouch (C), say a phrase to the
// person faced (T, then its number key), stand up (X).
constexpr const char* kSpeech = R"(praxis: 2
id: speech
version: 1.0.0
title: {en: Speech}
minutes: 2
languages: [en]
trainee: {position: [0, 0, 0], facing: 0}
objects:
  - {id: floor, shape: plane, size: [12, 12], collider: true}
people:
  - {id: colleague, label: {en: Colleague}, pos: [0, 0, -3], facing: 180}
phrases:
  - {id: call_help, text: {en: Call for help!}}
  - {id: stand_clear, text: {en: Stand clear!}}
steps:
  - {id: kneel, instruction: {en: Kneel down.}, done_when: {posture: kneeling}, points: 10}
  - {id: warn, instruction: {en: Tell your colleague to stand clear.}, done_when: {said: {phrase: stand_clear, to: colleague}}, points: 10}
  - {id: rise, instruction: {en: Stand up.}, done_when: {posture: standing}, fresh: true, points: 10}
scoring: {pass: 30}
)";

constexpr const char* kSpeechReference = R"(name: reference solution
reference: true
language: en
max_seconds: 60
actions:
  - posture: kneeling
  - say: {phrase: stand_clear, to: colleague}
  - posture: standing
expect: {outcome: passed, steps: [kneel, warn, rise]}
)";

TEST(DesktopAutopilot, CrouchesSaysAPhraseToThePersonFacedAndStandsUp) {
  expectTheDesktopPlaysItAsHeadless("speech", kSpeech, kSpeechReference, {"kneel", "warn", "rise"});
}

}  // namespace
}  // namespace praxis::app

namespace praxis::app {
namespace {

// The person's path in the desktop loop: window events through DesktopTickInput.
TEST(DesktopTickInput, WindowEventsReachTheControls) {
  const auto package = scenario::loadScenarioPackage(fs::path(PRAXIS_SOURCE_DIR) / "scenarios" /
                                                     "fire-extinguisher");
  ASSERT_TRUE(package.ok()) << package.diagnostics.format();
  auto session = Session::create(*package.scenario, {});
  ASSERT_TRUE(session.has_value()) << session.error().message;
  DesktopTickInput person(*package.scenario);
  const float start = (*session)->initialInput().head.position.z;
  person.handle(KeyDown{Key::W});
  for (int i = 0; i < core::kTicksPerSecond; ++i) {
    const auto input = person.tick(**session);
    ASSERT_TRUE(input.has_value());
    (*session)->step(*input);
  }
  EXPECT_NEAR((*session)->lastInput().head.position.z, start - 1.4F, 0.03F);
  EXPECT_EQ(person.controls().head(), (*session)->lastInput().head);
}

}  // namespace
}  // namespace praxis::app
