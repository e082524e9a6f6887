// The interaction world: hands grab, release, snap, press, turn and touch; tools act on
// targets; zones notice who enters. Each fixed tick turns one TraineeInput into events.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "core/sim_time.h"
#include "interaction/events.h"
#include "interaction/physics.h"
#include "interaction/trainee_input.h"
#include "scene/scene.h"

namespace praxis::interaction {

/// Interaction distances, in metres. A hand's pose origin is its contact point.
struct InteractionTuning {
  float grabRadius = 0.06F;        // a closing hand grabs what is this close
  float touchRadius = 0.015F;      // fingertip / tool tip contact
  float gripClose = 0.6F;          // hysteresis: closes above, opens below gripOpen
  float gripOpen = 0.4F;
  float triggerOn = 0.6F;
  float triggerOff = 0.4F;
  float detentSnapFraction = 0.1F; // a released lever snaps to a detent this close (of range)
};

/// Names of the pseudo-entities the world adds for the trainee's body.
inline constexpr const char* kHeadId = "head";
inline constexpr const char* kLeftHandId = "left_hand";
inline constexpr const char* kRightHandId = "right_hand";

class World {
 public:
  /// Takes the scene built from a scenario; adds the head and hand entities and the physics
  /// bodies. Entities must already have their world poses.
  explicit World(scene::Scene scene, InteractionTuning tuning = {});
  ~World();
  /// A copy that goes on independently (what `praxis explore` expands states from); see
  /// Physics's copy for how close it stays to the original.
  World(const World&) = default;
  World& operator=(const World&) = delete;

  /// Applies one tick of input and appends what happened to `events`, in a fixed order.
  void step(core::Tick tick, const TraineeInput& input, std::vector<WorldEvent>& events);

  [[nodiscard]] const scene::Scene& scene() const { return scene_; }
  [[nodiscard]] scene::EntityId headEntity() const { return head_; }
  [[nodiscard]] scene::EntityId handEntity(HandSide side) const {
    return hands_[static_cast<std::size_t>(side)].entity;
  }
  /// What a hand holds (an object or a lever), or kNoEntity.
  [[nodiscard]] scene::EntityId held(HandSide side) const {
    return hands_[static_cast<std::size_t>(side)].held;
  }
  [[nodiscard]] const InteractionTuning& tuning() const { return tuning_; }
  /// The phrases a trainee can say (TraineeInput::say indexes them) and the people who can
  /// be spoken to (speech.cpp).
  void setSpeech(std::vector<std::string> phrases, std::vector<scene::EntityId> people) {
    phrases_ = std::move(phrases);
    people_ = std::move(people);
  }
  /// The person a phrase said with the eyes at `head` is addressed to: the one faced (within
  /// 30 degrees, 6 m), kNoEntity for nobody in particular. The desktop's phrase menu names them.
  [[nodiscard]] scene::EntityId addressee(const core::Pose& head) const;
  [[nodiscard]] const std::vector<std::string>& phrases() const { return phrases_; }

  // What a scenario's device actions change (world_devices.cpp). Each appends the world
  // event it causes, none when nothing changes, so the log shows them like any other change.
  /// A switch to one of its states, or a behaviour object to its new state.
  void setState(core::Tick tick, scene::EntityId id, const std::string& state, std::vector<WorldEvent>& out);
  void setVisible(core::Tick tick, scene::EntityId id, bool visible, std::vector<WorldEvent>& out);
  void setEnabled(core::Tick tick, scene::EntityId id, bool enabled, std::vector<WorldEvent>& out);
  void setDisplay(core::Tick tick, scene::EntityId id, std::string text, std::vector<WorldEvent>& out);
  /// A sound or a spoken text at `id` (kNoEntity: everywhere); always an event.
  void cue(core::Tick tick, scene::EntityId id, std::string what, std::vector<WorldEvent>& out);

 private:
  struct HandState {
    scene::EntityId entity = scene::kNoEntity;
    bool closed = false;
    bool triggered = false;
    scene::EntityId held = scene::kNoEntity;
    core::Pose heldOffset;          // object pose in the hand's frame
    bool holdingLever = false;
    core::Pose grabHandPose;        // hand pose when the lever was grabbed
    float grabLeverValue = 0.0F;
    std::vector<scene::EntityId> touching;  // targets in contact, sorted
  };
  struct ToolContact {
    scene::EntityId tool;
    scene::EntityId target;
    HandSide hand = HandSide::Right;  // the hand holding the tool (touch events carry it)
    bool operator==(const ToolContact&) const = default;
  };

  void updateHand(core::Tick tick, HandSide side, const HandInput& input, std::vector<WorldEvent>& out);
  void grab(core::Tick tick, HandSide side, std::vector<WorldEvent>& out);
  void release(core::Tick tick, HandSide side, std::vector<WorldEvent>& out);
  void moveHeld(core::Tick tick, HandSide side, std::vector<WorldEvent>& out);
  void press(core::Tick tick, HandSide side, std::vector<WorldEvent>& out);
  void updateHandTouches(core::Tick tick, HandSide side, std::vector<WorldEvent>& out);
  void updateSnapped();
  void updateTools(core::Tick tick, std::vector<WorldEvent>& out);
  void updateZones(core::Tick tick, std::vector<WorldEvent>& out);
  void say(core::Tick tick, const TraineeInput& input, std::vector<WorldEvent>& out) const;
  /// Indices into zoneSubjects_ of the subjects whose position changed since the last call.
  [[nodiscard]] std::vector<std::size_t> movedZoneSubjects();
  void setLeverValue(core::Tick tick, scene::EntityId id, float value, std::vector<WorldEvent>& out);

  [[nodiscard]] float distanceTo(scene::EntityId id, const core::Vec3& worldPoint) const;
  [[nodiscard]] scene::EntityId aimedTarget(const core::Vec3& origin, const core::Vec3& direction,
                                            float range) const;
  [[nodiscard]] bool heldByOtherHand(HandSide side, scene::EntityId id) const;

  scene::Scene scene_;
  InteractionTuning tuning_;
  Physics physics_;
  scene::EntityId head_ = scene::kNoEntity;
  std::array<HandState, 2> hands_;
  // Entity lists by component, in id order (iteration order is part of determinism).
  std::vector<scene::EntityId> grabbables_, sockets_, pressables_, levers_, tools_, targets_, zones_;
  std::vector<scene::EntityId> zoneSubjects_;
  std::vector<std::vector<scene::EntityId>> zoneMembers_;  // per zone, sorted
  // Where each zone subject and zone was at the last tick, to test only what moved.
  std::vector<core::Vec3> zoneSubjectPos_;
  std::vector<core::Vec3> zonePositions_;
  std::vector<core::Quat> zoneOrientations_;
  std::vector<ToolContact> toolContacts_;                 // sorted by (tool, target)
  std::vector<std::string> phrases_;
  std::vector<scene::EntityId> people_;
};

}  // namespace praxis::interaction
