// The actions Praxis asks of a controller and the bindings it suggests for each interaction
// profile it knows (the runtime may rebind them). Plain data: the session turns it into
// xrSuggestInteractionProfileBindings calls, and tests check every profile against the spec's
// paths without a runtime.
#pragma once

#include <openxr/openxr.h>

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace praxis::xr {

enum class ActionKind { Float, Boolean, Vector2, Pose, Haptic };

/// One action of the "praxis" action set, for both hands (subaction paths /user/hand/left
/// and /user/hand/right).
struct ActionSpec {
  std::string_view name;           // action name (lower case, as OpenXR requires)
  std::string_view localizedName;  // what a runtime's rebinding UI shows
  ActionKind kind;
};

/// grab (squeeze), use (trigger), locomotion (thumbstick or trackpad), primary (A/X),
/// secondary (B/Y), menu, grip_pose, aim_pose, haptic.
[[nodiscard]] std::span<const ActionSpec> actionSpecs();

struct Binding {
  std::string_view action;  // an ActionSpec name
  std::string path;         // "/user/hand/left/input/squeeze/value"
};

struct ProfileBindings {
  std::string_view profile;  // "/interaction_profiles/oculus/touch_controller"
  std::vector<Binding> bindings;
};

/// The Khronos simple controller, Oculus Touch, Valve Index, HTC Vive and the Windows Mixed
/// Reality controller. The simple controller has one button: select grabs (no "use").
[[nodiscard]] const std::vector<ProfileBindings>& suggestedBindings();

}  // namespace praxis::xr
