// Comfort and accessibility in VR: where the tracked space sits in the world (the rig), moved
// by teleport (an arc from the aiming hand onto the floor) and snap turn (a configurable
// angle, never smooth rotation: smooth turning makes many people sick); seated mode; left-
// handed and one-handed modes; the lazily following instruction panel; text size. All pure:
// fed device state and frame time, tested without a runtime.
#pragma once

#include <optional>
#include <vector>

#include "core/math.h"
#include "interaction/trainee_input.h"
#include "xr/device_state.h"

namespace praxis::xr {

struct ComfortOptions {
  /// Degrees per snap turn (thumbstick left/right); 0 turns snap turning off.
  float snapTurnDegrees = 30.0F;
  bool teleport = true;
  /// Seated: the tracked space is raised by `seatedRaise` so a seated trainee's eyes are at a
  /// standing trainee's height and can reach what the scenario puts on benches and walls.
  bool seated = false;
  float seatedRaise = 0.45F;
  /// In a LOCAL reference space (no floor known) y = 0 is the head at the start: it is put
  /// this high above the world's floor, seated or standing.
  float localEyeHeight = 1.65F;
  /// The dominant hand aims teleports and opens the menu (right unless left-handed).
  bool leftHanded = false;
  /// One hand does everything: the other is reported untracked (it never grabs by accident)
  /// and the dominant hand's stick both turns and teleports.
  bool oneHanded = false;
  /// Instruction panel size factor (1, 1.25, 1.5): bigger panels, bigger text.
  float textScale = 1.0F;
};

/// A teleport arc: a thrown point from the aim pose under gravity, sampled every 1/30 s.
struct TeleportArc {
  std::vector<core::Vec3> points;
  /// Where it meets the floor, when it does within reach (kTeleportReach metres).
  std::optional<core::Vec3> landing;
};
inline constexpr float kTeleportReach = 8.0F;

/// The arc from `aim` (world) onto the horizontal floor at `floorY`.
[[nodiscard]] TeleportArc teleportArc(const core::Pose& aim, float floorY);

/// Where the tracked space is in the world and how the sticks move it. World pose of any
/// tracked pose p: rig() * p.
class Locomotion {
 public:
  Locomotion(ComfortOptions options, bool stageSpace);

  /// Places the rig so the tracked head stands at `worldHead` (position on the floor plane
  /// and heading), the first time the head is tracked and after a recentre.
  void recentre(const core::Pose& trackedHead, const core::Pose& worldHead);
  [[nodiscard]] bool placed() const { return placed_; }
  /// Tracked space = world, for good (the autopilot writes world poses into the device
  /// stream, so they must come back unchanged): no recentre, no raise, sticks ignored.
  void pin();

  /// One frame of stick input: snap turns on a stick pushed sideways past 0.7 (re-armed below
  /// 0.3), a teleport aimed while the dominant stick is pushed forward and taken when it is
  /// let go over a valid landing. `floorY` is the world floor.
  void update(const DeviceState& device, float floorY);

  [[nodiscard]] const core::Pose& rig() const { return rig_; }
  /// The arc being aimed, if a teleport is being aimed (drawn by the VR mode).
  [[nodiscard]] const std::optional<TeleportArc>& aiming() const { return aiming_; }
  [[nodiscard]] interaction::HandSide dominant() const;
  [[nodiscard]] const ComfortOptions& options() const { return options_; }

 private:
  void snapTurn(float degrees, const core::Vec3& worldHead);
  [[nodiscard]] core::Vec3 verticalOffset() const;

  ComfortOptions options_;
  bool stageSpace_;
  core::Pose rig_;
  bool placed_ = false;
  bool pinned_ = false;
  std::array<bool, 2> turnArmed_{true, true};
  std::optional<TeleportArc> aiming_;
};

/// The tick's TraineeInput from the device state, placed in the world by `locomotion`: each
/// controller's grip pose, squeeze as grip and trigger as trigger; a tracked hand without a
/// controller pinches thumb and index to grab and thumb and middle finger to press or use (the
/// trigger). One-handed mode reports the other hand untracked.
[[nodiscard]] interaction::TraineeInput toTraineeInput(const DeviceState& device,
                                                       const Locomotion& locomotion,
                                                       const interaction::TraineeInput& previous);

/// The anchor the instruction panel is placed from: it follows the head lazily, so the panel
/// stays put while the trainee looks around it and comes back in front (eased) once the gaze
/// has left a cone of `coneDegrees` or the head moved more than half a metre.
class LazyFollow {
 public:
  explicit LazyFollow(float coneDegrees = 30.0F, float easeSeconds = 0.35F)
      : coneDegrees_(coneDegrees), easeSeconds_(easeSeconds) {}
  [[nodiscard]] core::Pose update(const core::Pose& head, double dtSeconds);

 private:
  float coneDegrees_;
  float easeSeconds_;
  std::optional<core::Pose> anchor_;
  bool catchingUp_ = false;
};

/// Heading only (rotation about +Y) of a pose's orientation.
[[nodiscard]] core::Quat yawOnly(const core::Quat& orientation);

}  // namespace praxis::xr
