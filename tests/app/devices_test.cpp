// Devices that respond (scenario format 2) through a real Session: behaviour states with
// timed and conditional transitions, the actions (set, show/hide, display, enable/disable,
// cue) of states and steps, live displays, and that every change is an ordinary world event
// at the fixed tick, the same on every run and in every clone.
#include <gtest/gtest.h>

#include <algorithm>

#include "app/session.h"
#include "interaction/world.h"
#include "scenario/loader.h"

namespace praxis::app {
namespace {

using interaction::EventKind;
using interaction::HandSide;

// A machine started by a button: idle → (go pressed) starting → (1 s) running; stop → idle.
// Step 1 waits for running; its on_done cues a sound; step 2's on_enter shows a lamp.
constexpr std::string_view kMachine = R"(praxis: 2
id: machine
version: 1.0.0
title: {en: Machine, nl-BE: Machine}
objects:
  - id: go
    shape: box
    size: [0.04, 0.04, 0.04]
    pos: [0.2, 1.2, -0.4]
    button: true
  - id: stop
    shape: box
    size: [0.04, 0.04, 0.04]
    pos: [-0.2, 1.2, -0.4]
    button: true
  - id: lamp
    shape: sphere
    size: 0.03
    pos: [0, 1.5, -0.5]
    visible: false
  - id: speed
    shape: cylinder
    size: [0.05, 0.02]
    pos: [0, 1.0, -0.4]
    lever: {kind: dial, min: 0, max: 100, initial: 40, travel: 270}
  - id: machine
    shape: box
    size: [0.3, 0.3, 0.3]
    pos: [0, 1.3, -0.8]
    display: {pos: [0, 0, 0.151], size: [0.2, 0.05]}
    behaviour:
      initial: idle
      states:
        idle:
          on_enter:
            - display: {text: {en: Ready, nl-BE: Gereed}}
            - enable: go
          transitions:
            - {if: {state: {object: go, is: pressed}}, goto: starting}
        starting:
          on_enter: [disable: go]
          transitions:
            - {after: 1, goto: running}
        running:
          on_enter:
            - display: {value: speed, text: {en: "{value} rpm", nl-BE: "{value} tpm"}}
          transitions:
            - {if: {state: {object: stop, is: pressed}}, goto: idle}
steps:
  - id: start
    instruction: {en: Start it, nl-BE: Start}
    done_when: {state: {object: machine, is: running}}
    on_done:
      - cue: {object: machine, sound: chime, say: {en: Running, nl-BE: Draait}}
  - id: watch
    instruction: {en: Watch, nl-BE: Kijk}
    on_enter: [show: lamp]
    done_when: {state: {object: machine, is: idle}}
)";

const scenario::ScenarioDef& machine() {
  static const auto result = scenario::loadScenarioText(kMachine, "machine.yaml", {});
  EXPECT_TRUE(result.ok()) << result.diagnostics.format();
  return *result.scenario;
}

class Driver {
 public:
  explicit Driver(const scenario::ScenarioDef& def, std::string language = "en")
      : session_(*Session::create(def, SessionOptions{.mode = Mode::Headless, .language = std::move(language), .seed = 1})) {
    input_ = session_->initialInput();
  }
  Session& session() { return *session_; }
  void idle(int ticks) {
    for (int i = 0; i < ticks; ++i) session_->step(input_);
  }
  void poke(const char* id) {
    const auto& scene = session_->scene();
    input_.hand(HandSide::Right).pose.position = scene.at(*scene.find(id)).worldPose.position;
    idle(1);
    input_.hand(HandSide::Right).trigger = 1.0F;
    idle(2);
    input_.hand(HandSide::Right).trigger = 0.0F;
    idle(2);
    input_.hand(HandSide::Right).pose.position = {0.0F, 0.5F, 0.5F};
    idle(1);
  }
  [[nodiscard]] std::vector<interaction::WorldEvent> events(EventKind kind, const char* subject) const {
    const auto id = session_->scene().find(subject);
    std::vector<interaction::WorldEvent> out;
    for (const auto& e : session_->worldEvents()) {
      if (e.kind == kind && id && e.subject == *id) out.push_back(e);
    }
    return out;
  }
  [[nodiscard]] const scene::Entity& entity(const char* id) const { return *session_->scene().findEntity(id); }

 private:
  std::unique_ptr<Session> session_;
  interaction::TraineeInput input_;
};

TEST(Devices, TheInitialStatesOnEnterActionsRunAtTheStartAsWorldEvents) {
  Driver d(machine());
  d.idle(2);
  EXPECT_EQ(d.entity("machine").stateName(), "idle");
  EXPECT_EQ(d.entity("machine").display->text, "Ready");
  const auto shown = d.events(EventKind::Displayed, "machine");
  ASSERT_EQ(shown.size(), 1U);
  EXPECT_EQ(shown[0].tick, 0);
  EXPECT_EQ(shown[0].state, "Ready");
  EXPECT_TRUE(d.events(EventKind::Enabled, "go").empty()) << "enable on an enabled button changes nothing";
}

TEST(Devices, DisplayTextIsInTheTraineesLanguage) {
  Driver d(machine(), "nl-BE");
  d.idle(2);
  EXPECT_EQ(d.entity("machine").display->text, "Gereed");
}

TEST(Devices, AConditionalTransitionFiresAndATimedOneFollowsAfterItsSecondsAtTheFixedTick) {
  Driver d(machine());
  d.idle(5);
  d.poke("go");
  const auto changes = d.events(EventKind::StateChanged, "machine");
  ASSERT_GE(changes.size(), 1U);
  EXPECT_EQ(changes[0].state, "starting");
  d.idle(100);
  const auto later = d.events(EventKind::StateChanged, "machine");
  ASSERT_EQ(later.size(), 2U);
  EXPECT_EQ(later[1].state, "running");
  EXPECT_EQ(later[1].tick - later[0].tick, core::secondsToTicks(1.0)) << "after: 1 is 90 ticks at 90 Hz";
}

TEST(Devices, ADisabledButtonCannotBePressed) {
  Driver d(machine());
  d.idle(5);
  d.poke("go");
  ASSERT_FALSE(d.entity("go").enabled) << "starting disables go";
  EXPECT_EQ(d.events(EventKind::Disabled, "go").size(), 1U);
  const std::size_t presses = d.events(EventKind::StateChanged, "go").size();
  d.poke("go");
  EXPECT_EQ(d.events(EventKind::StateChanged, "go").size(), presses) << "a disabled button does not move";
}

TEST(Devices, ALiveDisplayShowsALeversValueFormattedAndFollowsIt) {
  Driver d(machine());
  d.idle(5);
  d.poke("go");
  d.idle(100);
  EXPECT_EQ(d.entity("machine").display->text, "40 rpm");
}

TEST(Devices, StepActionsRunOnDoneAndOnEnter) {
  Driver d(machine());
  d.idle(5);
  d.poke("go");
  d.idle(100);
  const auto cues = d.events(EventKind::Cued, "machine");
  ASSERT_EQ(cues.size(), 1U);
  EXPECT_EQ(cues[0].state, "chime: Running");
  EXPECT_TRUE(d.entity("lamp").visual.visible) << "step 'watch' shows the lamp";
  EXPECT_EQ(d.events(EventKind::Shown, "lamp").size(), 1U);
  d.poke("stop");
  d.idle(3);
  EXPECT_EQ(d.entity("machine").stateName(), "idle");
  EXPECT_TRUE(d.session().ended());
  EXPECT_TRUE(d.entity("go").enabled) << "idle's on_enter enables go again";
}

TEST(Devices, BehavioursAreDeterministicAndACloneGoesOnTheSameWay) {
  Driver a(machine());
  Driver b(machine());
  for (Driver* d : {&a, &b}) {
    d->idle(5);
    d->poke("go");
    d->idle(30);
  }
  EXPECT_EQ(a.session().eventLogHash(), b.session().eventLogHash());
  auto copy = a.session().clone();
  const auto input = a.session().lastInput();
  for (int i = 0; i < 120; ++i) {
    a.session().step(input);
    copy->step(input);
  }
  EXPECT_EQ(a.session().eventLogHash(), copy->eventLogHash());
  EXPECT_EQ(copy->scene().findEntity("machine")->stateName(), "running");
  core::Hasher ha;
  core::Hasher hb;
  a.session().hashAttemptState(ha);
  copy->hashAttemptState(hb);
  EXPECT_EQ(ha.digest(), hb.digest());
}

TEST(Devices, AFaultRecordsWhatEveryDeviceWasDoing) {
  std::string text(kMachine);
  text += R"(faults:
  - id: stop_while_starting
    when: {state: {object: stop, is: pressed}}
    severity: minor
    message: {en: Wait, nl-BE: Wacht}
)";
  const auto result = scenario::loadScenarioText(text, "machine.yaml", {});
  ASSERT_TRUE(result.ok()) << result.diagnostics.format();
  Driver d(*result.scenario);
  d.idle(5);
  d.poke("stop");
  const auto& events = d.session().attemptEvents();
  const auto fault = std::find_if(events.begin(), events.end(), [](const scenario::AttemptEvent& e) {
    return e.kind == scenario::AttemptEventKind::FaultRaised;
  });
  ASSERT_NE(fault, events.end());
  EXPECT_EQ(fault->deviceStates, std::vector<std::string>{"machine=idle"});
}

}  // namespace
}  // namespace praxis::app
