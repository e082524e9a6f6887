// Runner semantics on small scenarios built in code: step order, branches, faults (edge,
// guard, repeat, critical), hints, time limit and score. Driven through a real Session.
#include <gtest/gtest.h>

#include <algorithm>

#include "app/session.h"

namespace praxis::scenario {
namespace {

using interaction::HandSide;
using interaction::TraineeInput;

Condition stateIs(const char* object, const char* state) {
  Condition c;
  c.kind = ConditionKind::State;
  c.object = object;
  c.state = state;
  return c;
}

Condition touched(const char* target) {
  Condition c;
  c.kind = ConditionKind::Touched;
  c.target = target;
  c.by = ToucherKind::Hand;
  return c;
}

Condition stepDone(const char* step) {
  Condition c;
  c.kind = ConditionKind::StepDone;
  c.state = step;
  return c;
}

Condition notOf(Condition inner) {
  Condition c;
  c.kind = ConditionKind::Not;
  c.children.push_back(std::move(inner));
  return c;
}

ObjectDef switchAt(const char* id, core::Vec3 pos) {
  ObjectDef o;
  o.id = id;
  o.pose.position = pos;
  o.visual.shape = {scene::ShapeKind::Box, core::Vec3(0.05F)};
  o.toggle = scene::Switch{{"on", "off"}, 0};
  return o;
}

// Two switches (a, b) and a target (wire); steps: a off, then b off.
ScenarioDef twoSwitches() {
  ScenarioDef def;
  def.meta.id = "two-switches";
  def.objects.push_back(switchAt("a", {-0.3F, 1.2F, -0.5F}));
  def.objects.push_back(switchAt("b", {0.3F, 1.2F, -0.5F}));
  ObjectDef wire;
  wire.id = "wire";
  wire.pose.position = {0.0F, 1.0F, -0.5F};
  wire.visual.shape = {scene::ShapeKind::Box, core::Vec3(0.05F)};
  wire.touchTarget = scene::TouchTarget{};
  def.objects.push_back(wire);
  StepDef first;
  first.id = "a_off";
  first.doneWhen = stateIs("a", "off");
  first.points = 40;
  StepDef second;
  second.id = "b_off";
  second.doneWhen = stateIs("b", "off");
  second.points = 60;
  def.steps = {first, second};
  def.scoring.passScore = 70;
  return def;
}

// Drives the right hand: poke an object (trigger) or touch one.
class Driver {
 public:
  explicit Driver(const ScenarioDef& def) : session_(*app::Session::create(def, {})) {
    input_ = session_->initialInput();
  }
  app::Session& session() { return *session_; }
  void idle(int ticks) {
    for (int i = 0; i < ticks; ++i) session_->step(input_);
  }
  void poke(const char* id) {
    moveTo(id);
    input_.hand(HandSide::Right).trigger = 1.0F;
    idle(2);
    input_.hand(HandSide::Right).trigger = 0.0F;
    idle(2);
    away();
  }
  void touch(const char* id) {
    moveTo(id);
    idle(2);
    away();
  }
  std::vector<std::string> faults() const {
    std::vector<std::string> out;
    for (const auto& e : session_->attemptEvents()) {
      if (e.kind == AttemptEventKind::FaultRaised) out.push_back(e.faultId);
    }
    return out;
  }
  const AttemptEvent* ended() const {
    for (const auto& e : session_->attemptEvents()) {
      if (e.kind == AttemptEventKind::Ended) return &e;
    }
    return nullptr;
  }

 private:
  void moveTo(const char* id) {
    const auto& scene = session_->scene();
    input_.hand(HandSide::Right).pose.position = scene.at(*scene.find(id)).worldPose.position;
    idle(1);
  }
  void away() {
    input_.hand(HandSide::Right).pose.position = {0.0F, 0.5F, 0.5F};
    idle(1);
  }
  std::unique_ptr<app::Session> session_;
  TraineeInput input_;
};

TEST(Runner, StepsCompleteInOrderAndTheAttemptPassesWithFullScore) {
  const ScenarioDef def = twoSwitches();
  Driver d(def);
  d.poke("b");  // out of order: b's step is not active yet, so nothing completes
  EXPECT_EQ(d.session().feedback().stepId, "a_off");
  d.poke("b");  // back on
  d.poke("a");
  EXPECT_EQ(d.session().feedback().stepId, "b_off");
  d.poke("b");
  ASSERT_NE(d.ended(), nullptr);
  EXPECT_EQ(d.ended()->outcome, Outcome::Passed);
  EXPECT_EQ(d.ended()->reason, EndReason::Completed);
  EXPECT_EQ(d.ended()->score, 100);
}

TEST(Runner, BranchPicksTheNextStepAndSkippedStepsEarnNothing) {
  ScenarioDef def = twoSwitches();
  BranchDef branch;
  branch.when = stateIs("b", "off");  // already done: jump to the end
  branch.next = "end";
  def.steps[0].branches.push_back(branch);
  Driver d(def);
  d.poke("b");
  d.poke("a");
  ASSERT_NE(d.ended(), nullptr);
  EXPECT_EQ(d.ended()->score, 40);
  EXPECT_EQ(d.ended()->outcome, Outcome::Failed);  // 40 < pass 70
}

/// A fault raised by touching the scenario's wire.
FaultDef wireFault(const std::string& id, Severity severity) {
  FaultDef fault;
  fault.id = id;
  fault.when = touched("wire");
  fault.severity = severity;
  return fault;
}

TEST(Runner, FaultIsRaisedOnItsRisingEdgeOnlyWhileItsGuardHolds) {
  ScenarioDef def = twoSwitches();
  FaultDef fault = wireFault("touched_live_wire", Severity::Major);
  fault.guard = notOf(stepDone("a_off"));
  fault.repeat = true;
  def.faults.push_back(fault);
  Driver d(def);
  d.touch("wire");
  d.touch("wire");
  EXPECT_EQ(d.faults().size(), 2U);  // repeat: each new touch
  d.poke("a");                       // guard now false: the wire is dead
  d.touch("wire");
  EXPECT_EQ(d.faults().size(), 2U);
  d.poke("b");
  ASSERT_NE(d.ended(), nullptr);
  EXPECT_EQ(d.ended()->score, 100 - 2 * 20);  // major penalty from scoring defaults
}

TEST(Runner, NonRepeatingFaultIsRaisedOnce) {
  ScenarioDef def = twoSwitches();
  def.faults.push_back(wireFault("touched_wire", Severity::Minor));
  Driver d(def);
  d.touch("wire");
  d.touch("wire");
  EXPECT_EQ(d.faults(), std::vector<std::string>{"touched_wire"});
}

TEST(Runner, CriticalFaultEndsTheAttemptAsFailed) {
  ScenarioDef def = twoSwitches();
  def.faults.push_back(wireFault("electrocuted", Severity::Critical));
  Driver d(def);
  d.poke("a");
  d.touch("wire");
  ASSERT_NE(d.ended(), nullptr);
  EXPECT_EQ(d.ended()->reason, EndReason::CriticalFault);
  EXPECT_EQ(d.ended()->outcome, Outcome::Failed);
  EXPECT_EQ(d.ended()->score, 0);  // a critical fault costs everything; the score never goes below 0
  const auto before = d.session().tick();
  d.poke("b");  // nothing happens after the end
  EXPECT_EQ(d.session().tick(), before);
}

TEST(Runner, HintsAppearAfterIdleTimeAndAfterMistakes) {
  ScenarioDef def = twoSwitches();
  HintDef slow;
  slow.afterSeconds = 2.0;
  slow.text.set("en", "Try the left switch");
  HintDef mistaken;
  mistaken.afterMistakes = 1;
  mistaken.text.set("en", "Not the wire!");
  def.steps[0].hints = {slow, mistaken};
  def.faults.push_back(wireFault("touched_wire", Severity::Minor));
  Driver d(def);
  d.idle(core::secondsToTicks(1.9));
  EXPECT_EQ(d.session().feedback().hint, nullptr);
  d.idle(core::secondsToTicks(0.2));
  ASSERT_NE(d.session().feedback().hint, nullptr);
  EXPECT_EQ(d.session().feedback().hint->in("en"), "Try the left switch");
  d.touch("wire");
  ASSERT_NE(d.session().feedback().hint, nullptr);
  EXPECT_EQ(d.session().feedback().hint->in("en"), "Not the wire!");
  ASSERT_NE(d.session().feedback().faultMessage, nullptr);
}

TEST(Runner, TimeLimitEndsTheAttempt) {
  ScenarioDef def = twoSwitches();
  def.scoring.timeLimitSeconds = 1.0;
  Driver d(def);
  d.idle(core::kTicksPerSecond + 5);
  ASSERT_NE(d.ended(), nullptr);
  EXPECT_EQ(d.ended()->reason, EndReason::TimeLimit);
  EXPECT_EQ(d.ended()->tick, core::kTicksPerSecond);
}

TEST(Runner, SequenceNeedsItsPartsInOrder) {
  ScenarioDef def = twoSwitches();
  Condition seq;
  seq.kind = ConditionKind::Sequence;
  seq.children = {stateIs("a", "off"), stateIs("b", "off")};
  def.steps.resize(1);
  def.steps[0].doneWhen = seq;
  def.steps[0].points = 100;
  {
    Driver d(def);
    d.poke("b");  // b first: the sequence waits for a
    d.poke("a");  // a now; b is still off, so the sequence completes in the same tick
    EXPECT_NE(d.ended(), nullptr);
  }
  {
    Condition strict = seq;
    strict.children[1] = touched("wire");
    def.steps[0].doneWhen = strict;
    Driver d(def);
    d.touch("wire");  // too early
    d.poke("a");
    EXPECT_EQ(d.ended(), nullptr);
    d.touch("wire");
    EXPECT_NE(d.ended(), nullptr);
  }
}

TEST(Runner, AbortEndsAnUnfinishedAttemptAsFailed) {
  const ScenarioDef def = twoSwitches();
  Driver d(def);
  d.poke("a");
  d.session().abort();
  ASSERT_NE(d.ended(), nullptr);
  EXPECT_EQ(d.ended()->reason, EndReason::Aborted);
  EXPECT_EQ(d.ended()->score, 40);
  EXPECT_EQ(d.ended()->outcome, Outcome::Failed);
}

TEST(Runner, UnknownObjectInAConditionIsAnErrorNotACrash) {
  ScenarioDef def = twoSwitches();
  def.steps[0].doneWhen = stateIs("ghost", "off");
  auto session = app::Session::create(def, {});
  ASSERT_FALSE(session.has_value());
  EXPECT_NE(session.error().message.find("unknown object 'ghost'"), std::string::npos);
}

}  // namespace
}  // namespace praxis::scenario
