// A scripted trainee: plays a test script's semantic actions (grab, snap, press, touch, use…)
// by moving a simulated head and hands at human speeds, producing one TraineeInput per tick.
// It looks at the scene the way a trainee looks at the world; it never reaches into the
// simulation's internals.
#pragma once

#include <array>
#include <deque>
#include <functional>
#include <optional>
#include <string>

#include "core/result.h"
#include "core/sim_time.h"
#include "interaction/trainee_input.h"
#include "scenario/trainee_script.h"
#include "scene/scene.h"

namespace praxis::scenario {

/// Human-like motion limits. Durations in a test follow from these.
struct TraineeMotion {
  float handSpeed = 0.7F;        // m/s, a deliberate reach
  float walkSpeed = 1.0F;        // m/s
  float turnSpeed = 120.0F;      // degrees/s, head and hand turns
  double gripSeconds = 0.2;      // to close or open a hand
  double pressSeconds = 0.15;    // to squeeze or let go of a trigger
  float reach = 0.65F;           // beyond this (horizontal, from the body) the trainee walks
  float standOff = 0.45F;        // where the trainee stops in front of an object
  float approach = 0.12F;        // hands come in from this far in front of a target
};

class ScriptedTrainee {
 public:
  ScriptedTrainee(const TraineeScript& script, interaction::TraineeInput start,
                  TraineeMotion motion = {});

  /// Starts believing `side` holds `object` (a trainee that continues another's attempt).
  void assumeHolding(interaction::HandSide side, std::string object) {
    holding_[static_cast<std::size_t>(side)] = std::move(object);
  }
  /// What the trainee believes `side` holds ("" for nothing).
  [[nodiscard]] const std::string& holding(interaction::HandSide side) const {
    return holding_[static_cast<std::size_t>(side)];
  }

  /// The input for the next tick, planned from the scene as it is now.
  [[nodiscard]] interaction::TraineeInput next(const scene::Scene& scene);
  /// All actions played (the trainee then stands still).
  [[nodiscard]] bool done() const { return done_; }
  /// Set when an action cannot be played (unknown object, nothing held); playing stops.
  [[nodiscard]] const std::optional<core::Error>& error() const { return error_; }
  /// Index of the action being played (actions().size() once done).
  [[nodiscard]] std::size_t actionIndex() const { return action_; }

 private:
  struct Segment;
  using Prepare = std::function<bool(Segment&, const scene::Scene&)>;
  struct Segment {
    enum class Kind { Hand, Walk, Head, Grip, Trigger, Hold } kind = Kind::Hold;
    interaction::HandSide side = interaction::HandSide::Right;
    Prepare prepare;                 // fills the targets when the segment starts; false: error
    core::Vec3 position{0.0F};
    std::optional<core::Quat> orientation;
    float value = 0.0F;
    double seconds = 0.0;
    // Filled at start:
    bool started = false;
    core::Tick total = 1;
    core::Tick elapsed = 0;
    core::Vec3 fromPosition{0.0F};
    core::Quat fromOrientation{1.0F, 0.0F, 0.0F, 0.0F};
    float fromValue = 0.0F;
    // Hold only: ends early once `untilObject` is in `untilState`.
    std::string untilObject;
    std::string untilState;
  };

  // Planning, one function per action kind (scripted_trainee_actions.cpp): each appends the
  // action's segments, or records an error and returns false.
  bool plan(const Action& action, const scene::Scene& scene);
  bool planGrab(const Action& action, const scene::Scene& scene);
  bool planMove(const Action& action, const scene::Scene& scene);
  bool planSnap(const Action& action, const scene::Scene& scene);
  bool planPress(const Action& action, const scene::Scene& scene);
  bool planSet(const Action& action, const scene::Scene& scene);
  bool planTouchOrUse(const Action& action, const scene::Scene& scene);
  bool planWalkTo(const Action& action, const scene::Scene& scene);
  /// True (with the error recorded) when the action's hand holds something.
  bool handBusy(const Action& action, const char* verb);
  /// The hand holding `id` as far as the trainee knows, `preferred` first.
  [[nodiscard]] std::optional<interaction::HandSide> holderOf(const std::string& id,
                                                              interaction::HandSide preferred) const;
  void start(Segment& s);
  void advance(Segment& s);
  bool failWith(const Action& action, std::string message);

  // Planning helpers: each appends segments.
  void walkNear(const std::string& object, const std::optional<core::Vec3>& point);
  void reach(interaction::HandSide side, std::function<std::optional<core::Vec3>(const scene::Scene&)> where);
  void retract(interaction::HandSide side);
  void grip(interaction::HandSide side, float value);
  void trigger(interaction::HandSide side, float value);
  void hold(double seconds);
  void holdUntil(const std::string& object, const std::string& state, double seconds);
  void faceTowards(std::function<std::optional<core::Vec3>(const scene::Scene&)> where);
  void pressOnce(interaction::HandSide side, const std::string& object);
  void planAim(interaction::HandSide side, const std::string& tool, const std::string& target);

  [[nodiscard]] core::Vec3 feet() const;
  [[nodiscard]] float yawDegrees() const;

  const TraineeScript& script_;
  TraineeMotion motion_;
  interaction::TraineeInput input_;
  float eyeHeight_ = 1.7F;
  std::array<std::string, 2> holding_;  // object id per hand, as far as the trainee knows
  std::deque<Segment> segments_;
  std::size_t action_ = 0;
  bool done_ = false;
  std::optional<core::Error> error_;
};

/// Resolves the script's hand for an action; Either means "right".
[[nodiscard]] interaction::HandSide sideOf(Hand hand);

}  // namespace praxis::scenario
