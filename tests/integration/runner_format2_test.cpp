// Format-2 conditions through a real Session on small scenarios written as YAML: count, rate,
// held, active, touching (with hand), posture, said (people and phrases), elapsed since a
// condition, fresh steps, and the hint timer counting from the last progress.
#include <gtest/gtest.h>

#include <algorithm>

#include "app/reporter.h"
#include "app/session.h"
#include "scenario/loader.h"
#include "xapi/vocabulary.h"

namespace praxis::scenario {
namespace {

using interaction::HandSide;

constexpr const char* kWorld = R"(praxis: 2
id: f2
version: "1"
title: {en: F2}
trainee: {position: [0, 0, 0], eye_height: 1.7}
objects:
  - {id: pad, pos: [0, 1.0, -0.5], shape: box, size: [0.05, 0.05, 0.05], target: true}
  - {id: pad2, pos: [-0.3, 1.0, -0.5], shape: box, size: [0.05, 0.05, 0.05], target: true}
  - {id: btn, pos: [0.3, 1.0, -0.5], shape: box, size: [0.05, 0.05, 0.05], button: true}
  - {id: sw, pos: [0.6, 1.0, -0.5], shape: box, size: [0.05, 0.05, 0.05], switch: {states: [on, off]}}
people:
  - {id: colleague, label: {en: Colleague}, pos: [0, 0, -3], facing: 180}
phrases:
  - {id: stand_clear, text: {en: Stand clear!}}
  - {id: call_help, text: {en: Call for help!}}
)";

ScenarioDef load(const std::string& rest) {
  auto r = loadScenarioText(std::string(kWorld) + rest, "f2.yaml", {});
  EXPECT_TRUE(r.ok()) << (r.diagnostics.all().empty() ? "" : r.diagnostics.all().front().message);
  return r.ok() ? *r.scenario : ScenarioDef{};
}

class Driver {
 public:
  explicit Driver(const ScenarioDef& def) : session_(*app::Session::create(def, {})) {
    input_ = session_->initialInput();
  }
  app::Session& session() { return *session_; }
  interaction::TraineeInput& input() { return input_; }
  void idle(double seconds) {
    for (core::Tick i = 0; i < core::secondsToTicks(seconds); ++i) session_->step(input_);
  }
  void handAt(const char* id, HandSide side = HandSide::Right) {
    const auto& scene = session_->scene();
    input_.hand(side).pose.position = scene.at(*scene.find(id)).worldPose.position;
    session_->step(input_);
  }
  void away(HandSide side = HandSide::Right) {
    input_.hand(side).pose.position = {side == HandSide::Left ? -0.4F : 0.4F, 0.5F, 0.5F};
    session_->step(input_);
  }
  void poke(const char* id) {
    handAt(id);
    input_.hand(HandSide::Right).trigger = 1.0F;
    session_->step(input_);
    session_->step(input_);
    input_.hand(HandSide::Right).trigger = 0.0F;
    session_->step(input_);
    away();
  }
  void say(std::int16_t phrase) {
    input_.say = phrase;
    session_->step(input_);
    input_.say = -1;
  }
  [[nodiscard]] bool ended() const { return session_->ended(); }
  [[nodiscard]] std::vector<std::string> completed() const {
    std::vector<std::string> out;
    for (const auto& e : session_->attemptEvents()) {
      if (e.kind == AttemptEventKind::StepCompleted) out.push_back(e.stepId);
    }
    return out;
  }
  [[nodiscard]] std::vector<std::string> faults() const {
    std::vector<std::string> out;
    for (const auto& e : session_->attemptEvents()) {
      if (e.kind == AttemptEventKind::FaultRaised) out.push_back(e.faultId);
    }
    return out;
  }

 private:
  std::unique_ptr<app::Session> session_;
  interaction::TraineeInput input_;
};

TEST(Format2Count, AStepNeedsThatManyPressesAndAFaultSeesTooManyWithinAWindow) {
  const ScenarioDef def = load(R"(steps:
  - {id: three, instruction: {en: x}, done_when: {count: {of: {state: {object: btn, is: pressed}}, min: 3}}}
faults:
  - {id: double_touch, when: {count: {of: {touched: pad}, min: 2, within: 1}}, severity: minor}
)");
  Driver d(def);
  d.poke("btn");
  d.poke("btn");
  EXPECT_FALSE(d.ended());
  d.handAt("pad");
  d.away();
  d.idle(1.2);
  d.handAt("pad");  // 1.2 s after the first: outside the window
  d.away();
  EXPECT_TRUE(d.faults().empty());
  d.handAt("pad");  // a moment after the second: two within 1 s
  d.away();
  EXPECT_EQ(d.faults(), std::vector<std::string>{"double_touch"});
  d.poke("btn");
  EXPECT_TRUE(d.ended());
}

TEST(Format2Rate, ARhythmWithinTheRangeCountsAndATooSlowOneDoesNot) {
  const ScenarioDef def = load(R"(steps:
  - id: rhythm
    instruction: {en: x}
    done_when:
      all:
        - {count: {of: {touched: pad}, min: 6}}
        - {rate: {of: {touched: pad}, min: 100, max: 120, last: 5}}
)");
  const auto touchEvery = [&](Driver& d, double seconds, int times) {
    for (int i = 0; i < times; ++i) {
      d.handAt("pad");
      d.away();
      d.idle(seconds - 2.0 / core::kTicksPerSecond);
    }
  };
  Driver slow(def);
  touchEvery(slow, 1.0, 8);  // 60 a minute
  EXPECT_FALSE(slow.ended());
  Driver good(def);
  touchEvery(good, 0.55, 6);  // about 109 a minute
  EXPECT_TRUE(good.ended());
}

TEST(Format2Held, TouchingMustLastWithoutABreak) {
  const ScenarioDef def = load(R"(steps:
  - {id: hold, instruction: {en: x}, done_when: {held: {of: {touching: pad}, seconds: 2}}}
)");
  Driver d(def);
  d.handAt("pad");
  d.idle(1.5);
  d.away();
  d.handAt("pad");
  d.idle(1.5);
  EXPECT_FALSE(d.ended());
  d.idle(0.6);
  EXPECT_TRUE(d.ended());
}

TEST(Format2Active, AFaultOnlyWhileAStepIsTheCurrentOne) {
  const ScenarioDef def = load(R"(steps:
  - {id: first, instruction: {en: x}, done_when: {state: {object: btn, is: pressed}}}
  - {id: analyse, instruction: {en: x}, done_when: {elapsed: 5}}
faults:
  - {id: hands_on, when: {touching: pad}, while: {active: analyse}, severity: minor, repeat: true}
)");
  Driver d(def);
  d.handAt("pad");
  d.away();
  EXPECT_TRUE(d.faults().empty());
  d.poke("btn");
  d.handAt("pad");
  d.away();
  EXPECT_EQ(d.faults(), std::vector<std::string>{"hands_on"});
}

TEST(Format2Touching, HandTellsLeftFromRightAndContactEndsWhenTheHandLeaves) {
  const ScenarioDef def = load(R"(steps:
  - {id: left, instruction: {en: x}, done_when: {all: [{touching: {target: pad, hand: left}}, {touched: {target: pad2, hand: left}}]}}
)");
  Driver d(def);
  d.handAt("pad2");  // right hand: not counted
  d.away();
  d.handAt("pad");
  EXPECT_FALSE(d.ended());
  d.handAt("pad2", HandSide::Left);
  d.away(HandSide::Left);
  d.handAt("pad", HandSide::Left);
  EXPECT_TRUE(d.ended());
}

TEST(Format2Posture, CrouchingIsTheEyesLowerThanThreeQuartersOfStandingHeight) {
  const ScenarioDef def = load(R"(steps:
  - {id: down, instruction: {en: x}, done_when: {posture: kneeling}}
  - {id: up, instruction: {en: x}, done_when: {posture: standing}}
)");
  Driver d(def);
  d.input().head.position.y = 1.35F;  // a slight stoop: still standing
  d.idle(0.1);
  EXPECT_TRUE(d.completed().empty());
  d.input().head.position.y = interaction::kCrouchEyeHeight;  // desktop's crouch key
  d.idle(0.1);
  EXPECT_EQ(d.completed(), std::vector<std::string>{"down"});
  d.input().head.position.y = 1.7F;
  d.idle(0.1);
  EXPECT_TRUE(d.ended());
}

TEST(Format2Said, APhraseSaidToAPersonIsAnEventAStatementAndNeedsFacingThem) {
  const ScenarioDef def = load(R"(steps:
  - {id: clear, instruction: {en: x}, done_when: {said: stand_clear}}
  - {id: send, instruction: {en: x}, done_when: {said: {phrase: call_help, to: colleague}}}
)");
  Driver d(def);
  d.say(0);
  EXPECT_EQ(d.completed(), std::vector<std::string>{"clear"});
  d.input().head.orientation = core::quatFromEulerDegrees({0.0F, 180.0F, 0.0F});  // back to the colleague
  d.say(1);
  EXPECT_FALSE(d.ended());
  d.input().head.orientation = core::Quat(1.0F, 0.0F, 0.0F, 0.0F);
  d.say(1);
  EXPECT_TRUE(d.ended());
  std::vector<const AttemptEvent*> said;
  for (const auto& e : d.session().attemptEvents()) {
    if (e.kind == AttemptEventKind::Said) said.push_back(&e);
  }
  ASSERT_EQ(said.size(), 3U);
  EXPECT_EQ(said[1]->person, "");
  EXPECT_EQ(said[2]->phrase, "call_help");
  EXPECT_EQ(said[2]->person, "colleague");
  app::ReportContext context;
  context.actor = xapi::makeActor(xapi::ActorPolicy{}, "t");
  const auto statements = app::reportAttempt(def, d.session().attemptEvents(), context);
  const auto saidStatements = std::count_if(statements.begin(), statements.end(),
                                            [](const auto& s) { return s.verb.id == xapi::verbs::kSaid; });
  EXPECT_EQ(saidStatements, 3);
}

TEST(Format2ElapsedSince, TimeCountsFromWhenAnotherStepWasDone) {
  const ScenarioDef def = load(R"(steps:
  - {id: press, instruction: {en: x}, done_when: {state: {object: btn, is: pressed}}}
  - {id: wait, instruction: {en: x}, done_when: {elapsed: {seconds: 1, since: {step_done: press}}}}
)");
  Driver d(def);
  d.idle(2.0);  // time before the press does not count
  d.poke("btn");
  d.idle(0.8);
  EXPECT_FALSE(d.ended());
  d.idle(0.3);
  EXPECT_TRUE(d.ended());
}

TEST(Format2Fresh, AStateReachedBeforeTheStepMustBeReachedAgain) {
  const std::string steps = R"(steps:
  - {id: first, instruction: {en: x}, done_when: {touched: pad}}
  - {id: off, instruction: {en: x}, done_when: {state: {object: sw, is: off}}FRESH}
)";
  std::string lax = steps;
  lax.replace(lax.find("FRESH"), 5, "");
  std::string strict = steps;
  strict.replace(strict.find("FRESH"), 5, ", fresh: true");
  const ScenarioDef laxDef = load(lax);
  const ScenarioDef strictDef = load(strict);
  Driver accepting(laxDef);
  accepting.poke("sw");  // out of order
  accepting.handAt("pad");
  accepting.away();
  EXPECT_TRUE(accepting.ended());
  Driver d(strictDef);
  d.poke("sw");
  d.handAt("pad");
  d.away();
  d.idle(0.2);
  EXPECT_FALSE(d.ended());
  d.poke("sw");  // on again
  d.poke("sw");  // and off, now during the step
  EXPECT_TRUE(d.ended());
}

TEST(Format2Hints, AfterCountsSecondsWithoutProgressNotSinceTheStepBegan) {
  const ScenarioDef def = load(R"(steps:
  - id: both
    instruction: {en: x}
    done_when: {all: [{touched: pad}, {touched: pad2}]}
    hints: [{text: {en: Touch both pads}, after: 2}]
)");
  Driver d(def);
  d.idle(1.5);
  d.handAt("pad");  // progress
  d.away();
  d.idle(1.5);  // 3 s since the step began, 1.5 s without progress
  EXPECT_EQ(d.session().feedback().hint, nullptr);
  d.idle(0.6);
  ASSERT_NE(d.session().feedback().hint, nullptr);
}

TEST(Format2Gate, AFormatOneFileUsingAFormatTwoKeyIsToldWhichVersionItNeeds) {
  std::string text(kWorld);
  text.replace(0, 9, "praxis: 1");
  text = text.substr(0, text.find("people:"));
  text += "steps:\n  - {id: a, instruction: {en: x}, done_when: {count: {of: {touched: pad}, min: 2}}, fresh: true}\n";
  const auto r = loadScenarioText(text, "old.yaml", {});
  ASSERT_FALSE(r.ok());
  std::string all;
  for (const auto& d : r.diagnostics.all()) all += d.span.where() + ": " + d.message + "\n";
  EXPECT_NE(all.find("condition 'count' needs `praxis: 2` (this file says praxis: 1)"), std::string::npos) << all;
  EXPECT_NE(all.find("fresh: needs `praxis: 2`"), std::string::npos) << all;
}

}  // namespace
}  // namespace praxis::scenario
