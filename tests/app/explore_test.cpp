// praxis explore's search: the planted problems of a fixture are each found with the
// shortest sequence, the written test replays the finding, the shipped scenarios show none.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "app/explore.h"
#include "app/explore_detail.h"
#include "app/headless.h"
#include "scenario/loader.h"

namespace praxis::app {
namespace {

namespace fs = std::filesystem;

fs::path planted() { return fs::path(PRAXIS_SOURCE_DIR) / "tests/app/fixtures/explore-planted"; }

scenario::PackageLoadResult load(const fs::path& dir) {
  auto package = scenario::loadScenarioPackage(dir);
  EXPECT_TRUE(package.ok()) << package.diagnostics.format();
  return package;
}

std::vector<std::string> lines(const Finding& f) {
  std::vector<std::string> out;
  for (const auto& a : f.actions) out.push_back(detail::actionYaml(a));
  return out;
}

const Finding* find(const ExploreResult& r, FindingKind kind, const std::string& id) {
  const auto it = std::find_if(r.findings.begin(), r.findings.end(),
                               [&](const Finding& f) { return f.kind == kind && f.id == id; });
  return it == r.findings.end() ? nullptr : &*it;
}

class PlantedProblems : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    package_ = new scenario::PackageLoadResult(load(planted()));
    auto explored = explore(*package_->scenario);
    ASSERT_TRUE(explored) << explored.error().message;
    result_ = new ExploreResult(std::move(*explored));
  }
  static void TearDownTestSuite() {
    delete result_;
    delete package_;
  }
  static inline scenario::PackageLoadResult* package_ = nullptr;
  static inline ExploreResult* result_ = nullptr;
};

TEST_F(PlantedProblems, TheSearchIsCompleteAndFindsTheShortestCompletion) {
  EXPECT_TRUE(result_->complete) << result_->cutBy;
  EXPECT_EQ(result_->completionDepth, 2);  // grab the key, snap it: the reference solution
  EXPECT_TRUE(result_->notReached.empty());
  EXPECT_EQ(result_->findings.size(), 4U);
}

TEST_F(PlantedProblems, TheStepThatCanNeverBeCompletedComesWithTheShortestWayToIt) {
  const Finding* f = find(*result_, FindingKind::StepNeverCompleted, "calibrate");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->span.line, 81);
  ASSERT_TRUE(f->hasSequence);
  EXPECT_EQ(lines(*f), (std::vector<std::string>{"grab: key", "set: {object: lamp, to: on, hand: left}",
                                                  "snap: {object: key, into: slot}"}));
}

TEST_F(PlantedProblems, TheFaultThatCanNeverFireIsFoundWithoutASequence) {
  const Finding* f = find(*result_, FindingKind::FaultNeverRaised, "lamp_flicker");
  ASSERT_NE(f, nullptr);
  EXPECT_FALSE(f->hasSequence);
  EXPECT_EQ(f->span.line, 90);
}

TEST_F(PlantedProblems, TheDeadEndComesWithTheShortestWayIntoIt) {
  const Finding* f = find(*result_, FindingKind::DeadEnd, "insert");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(lines(*f), (std::vector<std::string>{"set: {object: mode, to: detour}", "grab: key"}));
  EXPECT_EQ(f->stepsCompleted, (std::vector<std::string>{"take_key", "detour"}));
  EXPECT_NE(f->message.find("nothing but the time limit"), std::string::npos) << f->message;
  // Every branch was taken somewhere, so none is reported.
  for (const auto& finding : result_->findings) EXPECT_NE(finding.kind, FindingKind::BranchNeverTaken);
}

TEST_F(PlantedProblems, TheWrittenTestReplaysTheDeadEnd) {
  const Finding* f = find(*result_, FindingKind::DeadEnd, "insert");
  ASSERT_NE(f, nullptr);
  const std::string yaml = findingTestYaml(*f, *package_->scenario, "dead end");
  auto script = scenario::loadTraineeScriptText(yaml, "found.yaml");
  ASSERT_TRUE(script.script) << script.diagnostics.format() << yaml;
  auto run = runScript(*package_->scenario, *script.script);
  ASSERT_TRUE(run);
  EXPECT_TRUE(checkExpectations(script.script->expect, *run).empty()) << yaml;
  EXPECT_EQ(run->endReason, scenario::EndReason::Aborted);
  EXPECT_EQ(run->stepsCompleted, (std::vector<std::string>{"take_key", "detour"}));
}

TEST(Explore, TheShippedScenariosShowNoProblemWithinABudget) {
  for (const char* name : {"safe-isolation", "fire-extinguisher"}) {
    const auto package = load(fs::path(PRAXIS_SOURCE_DIR) / "scenarios" / name);
    ExploreOptions options;
    options.maxStates = 150;
    auto result = explore(*package.scenario, options);
    ASSERT_TRUE(result) << result.error().message;
    EXPECT_FALSE(result->complete) << name;  // these spaces are larger than 150 states
    EXPECT_EQ(result->cutBy, "--max-states");
    for (const auto& f : result->findings) ADD_FAILURE() << name << ": " << f.message;
  }
}

// Format 2: a scenario whose steps wait for a posture and a phrase said to someone is
// explored with the posture changes and the phrases its conditions name, and completes.
TEST(Explore, PostureChangesAndThePhrasesConditionsListenForAreTried) {
  const auto package = load(fs::path(PRAXIS_SOURCE_DIR) / "tests/app/fixtures/desktop-speech");
  auto result = explore(*package.scenario);
  ASSERT_TRUE(result) << result.error().message;
  EXPECT_TRUE(result->complete) << result->cutBy;
  for (const auto& f : result->findings) ADD_FAILURE() << f.message;
  // Kneel, say "Stand clear!" to the colleague, stand up: three actions; the search sees the
  // attempt's end with the move after the last one that completes a step.
  EXPECT_GE(result->completionDepth, 3);
  EXPECT_LE(result->completionDepth, 4);
}

// Dead ends the first full searches reported: an object let go of fell through the 1 cm floor
// (the tester dropped at L1) or rolled away for ever (the extinguisher dropped near the fire),
// and the trainee's later grab closed on nothing. Each sequence, continued, now completes the
// step it had blocked (tests/interaction's WorldGround tests show the physics underneath).
TEST(Explore, AnObjectLetGoOfInAShippedScenarioCanBePickedUpAgain) {
  struct Case {
    const char* scenario;
    std::vector<const char*> actions;
    const char* blockedStep;
  };
  const std::vector<Case> cases = {
      {"safe-isolation",
       {"grab: padlock", "grab: {object: tag, hand: left}", "snap: {object: padlock, into: lock_point}",
        "grab: tester", "snap: {object: tag, into: tag_point}", "set: {object: breaker_q1, to: off, hand: left}",
        "touch: {target: proving_unit, with: tester, seconds: 1.3}", "touch: {target: l1, with: tester, seconds: 1.3}",
        "release: right", "wait: 0.5", "grab: tester", "touch: {target: l2, with: tester, seconds: 1.3}",
        "touch: {target: l3, with: tester, seconds: 1.3}", "touch: {target: n, with: tester, seconds: 1.3}"},
       "verify_absence"},
      {"fire-extinguisher",
       {"grab: co2_pin", "walk_to: attack_zone", "release: right", "wait: 0.5", "grab: co2_ext",
        "walk_to: too_close", "release: right", "wait: 0.5", "grab: co2_ext", "walk_to: attack_zone",
        "use: {tool: co2_ext, on: fire_base, seconds: 2.3}"},
       "aim_base"},
  };
  for (const Case& c : cases) {
    const auto package = load(fs::path(PRAXIS_SOURCE_DIR) / "scenarios" / c.scenario);
    std::string yaml = "name: dropped and picked up again\nlanguage: en\nactions:\n";
    for (const char* a : c.actions) yaml += std::string("  - ") + a + "\n";
    auto script = scenario::loadTraineeScriptText(yaml, "dropped.yaml");
    ASSERT_TRUE(script.script) << script.diagnostics.format() << yaml;
    auto run = runScript(*package.scenario, *script.script);
    ASSERT_TRUE(run);
    EXPECT_FALSE(run->scriptError) << c.scenario << ": " << run->scriptError->message;
    EXPECT_NE(std::find(run->stepsCompleted.begin(), run->stepsCompleted.end(), c.blockedStep),
              run->stepsCompleted.end())
        << c.scenario << ": '" << c.blockedStep << "' was not completed";
  }
}

// The dead end a long search of fire-extinguisher found 17 actions deep (`praxis explore
// scenarios/fire-extinguisher --seconds 840`): the extinguisher, taken from the floor by its
// handle and aimed, hung through the floor from the hand; let go of after the pin went back
// in, it fell through the ground for ever and the attempt could not end. The same sequence,
// continued as the reference goes on, now ends completed with every step done.
TEST(Explore, AnExtinguisherLetGoOfWhileReachingThroughTheFloorCanBeTakenUpAndTheAttemptFinished) {
  const auto package = load(fs::path(PRAXIS_SOURCE_DIR) / "scenarios/fire-extinguisher");
  const char* yaml = R"(name: dead end at aim_base, continued
language: nl-BE
seed: 1
actions:
  - grab: foam_ext
  - grab: {object: co2_ext, hand: left}
  - release: left
  - wait: 0.5
  - grab: {object: co2_pin, hand: left}
  - walk_to: attack_zone
  - release: left
  - wait: 0.5
  - grab: {object: co2_ext, hand: left}
  - release: right
  - wait: 0.5
  - use: {tool: co2_ext, on: fire_left, seconds: 2.3}
  - grab: co2_pin
  - snap: {object: co2_pin, into: co2_pin_socket}
  - release: left
  - wait: 0.5
  - walk_to: too_close
  - grab: co2_ext
  - grab: {object: co2_pin, hand: left}
  - release: left
  - walk_to: [0, 0, -0.5]
  - use: {tool: co2_ext, on: fire_base, seconds: 2.5}
  - use: {tool: co2_ext, on: fire_left, seconds: 0.7}
  - use: {tool: co2_ext, on: fire_right, seconds: 0.7}
  - use: {tool: co2_ext, on: fire_left, seconds: 0.7}
  - walk_to: [0, 0, 1.2]
  - look_at: fire_base
)";
  auto script = scenario::loadTraineeScriptText(yaml, "dead-end-aim_base.yaml");
  ASSERT_TRUE(script.script) << script.diagnostics.format();
  auto run = runScript(*package.scenario, *script.script);
  ASSERT_TRUE(run);
  EXPECT_FALSE(run->scriptError) << run->scriptError->message;
  EXPECT_EQ(run->endReason, scenario::EndReason::Completed);
  EXPECT_EQ(run->stepsCompleted,
            (std::vector<std::string>{"choose", "pull_pin", "approach", "aim_base", "sweep", "back_off"}));
}

TEST(Explore, ACopiedSessionGoesOnExactlyAsTheOriginal) {
  const auto package = load(fs::path(PRAXIS_SOURCE_DIR) / "scenarios/safe-isolation");
  const auto* reference = &*std::find_if(package.tests.begin(), package.tests.end(),
                                         [](const auto& t) { return t.reference; });
  std::vector<interaction::TraineeInput> inputs;
  RunOptions options;
  options.record = &inputs;
  ASSERT_TRUE(runScript(*package.scenario, *reference, options));
  auto original = Session::create(*package.scenario, {});
  ASSERT_TRUE(original);
  const std::size_t half = inputs.size() / 2;
  for (std::size_t i = 0; i < half; ++i) (*original)->step(inputs[i]);
  const auto copy = (*original)->clone();
  for (std::size_t i = half; i < inputs.size(); ++i) {
    (*original)->step(inputs[i]);
    copy->step(inputs[i]);
  }
  EXPECT_TRUE(copy->ended());
  EXPECT_EQ(copy->eventLogHash(), (*original)->eventLogHash());
  EXPECT_EQ(copy->attemptEvents().size(), (*original)->attemptEvents().size());
  EXPECT_EQ(detail::discreteState(*copy, false), detail::discreteState(**original, false));
}

TEST(Explore, StatesIgnoreWhichHandHoldsWhenNoConditionNamesAHand) {
  const auto package = load(planted());
  const auto vocabulary = detail::vocabularyOf(*package.scenario);
  EXPECT_FALSE(vocabulary.handsMatter);
  scenario::TraineeScript right;
  right.actions.resize(1);
  right.actions[0].kind = scenario::ActionKind::Grab;
  right.actions[0].object = "key";
  scenario::TraineeScript left = right;
  left.actions[0].hand = scenario::Hand::Left;
  std::uint64_t states[2] = {0, 0};
  int i = 0;
  for (const auto* script : {&right, &left}) {
    RunOptions options;
    options.onFinished = [&](const Session& s) { states[i] = detail::discreteState(s, false); };
    ASSERT_TRUE(runScript(*package.scenario, *script, options));
    ++i;
  }
  EXPECT_EQ(states[0], states[1]);
}

}  // namespace
}  // namespace praxis::app
