// The interaction profiles of OpenXR 1.0 core ("Interaction Profile Paths" in the spec) as
// data, and how the simulated controllers drive each input.
#pragma once

#include <openxr/openxr.h>

#include <span>
#include <string_view>

#include "sim_input_stream.h"

namespace praxis::xrsim {

/// One input or output of a profile: a subpath below a top-level user path.
struct ProfileComponent {
  std::string_view subpath;  ///< e.g. "/input/trigger/value"
  XrActionType type;
  std::string_view onlyFor = {};  ///< a user path when only one hand has it (Touch's a/b/x/y)
};

struct InteractionProfile {
  std::string_view path;   ///< e.g. "/interaction_profiles/oculus/touch_controller"
  std::string_view title;  ///< the spec's name, used for localized names
  std::span<const std::string_view> userPaths;
  std::span<const ProfileComponent> components;
  /// The extension that must be enabled for the profile; empty for the core 1.0 profiles.
  std::string_view extension = {};
  /// Components a later version adds to `components` (OpenXR 1.1's grip_surface/pose, …).
  std::span<const ProfileComponent> additions = {};
};

/// All core 1.0 profiles and XR_EXT_eye_gaze_interaction's. Profiles of other extensions or of
/// OpenXR 1.1 are not listed: suggesting bindings for them, or for an extension's profile
/// while the extension is not enabled, gives XR_ERROR_PATH_UNSUPPORTED, as the spec asks for
/// profiles a runtime does not offer with the enabled extensions and API version.
[[nodiscard]] std::span<const InteractionProfile> interactionProfiles();
/// The profiles of an OpenXR 1.1 instance, each with `extension` "XR_VERSION_1_1": those built
/// on a 1.0 profile's components (the core hand profiles, the Meta Touch variants), and the
/// other profiles 1.1 promoted (interaction_profiles_1_1.cpp).
[[nodiscard]] std::span<const InteractionProfile> derivedProfiles11();
[[nodiscard]] std::span<const InteractionProfile> promotedProfiles11();
/// The first component of the profile (its `components`, then its `additions`) that `pred` takes.
template <typename Pred>
const ProfileComponent* findIn(const InteractionProfile& profile, Pred pred) {
  for (auto list : {profile.components, profile.additions}) {
    for (const auto& c : list) {
      if (pred(c)) return &c;
    }
  }
  return nullptr;
}
/// The profile at `path` for an instance of OpenXR 1.1 (`version11`) or 1.0.
[[nodiscard]] const InteractionProfile* findProfile(std::string_view path, bool version11 = false);

/// The component `subpath` (full, e.g. "/input/trigger/value") of `profile` under `userPath`.
[[nodiscard]] const ProfileComponent* findComponent(const InteractionProfile& profile,
                                                    std::string_view userPath,
                                                    std::string_view subpath);

/// Resolves a binding path's input below `userPath`: a full component path, or the spec's
/// short form without the component ("/input/trigger") which picks, by action type, the
/// component a runtime must choose (value or click for boolean and float, the 2D parent for
/// vector2f, pose for pose). Nothing when the profile has no such input.
/// With `dpad` (XR_EXT_dpad_binding enabled) the dpad components of the profile's thumbstick
/// (up, down, left, right) and trackpad (and center) resolve as well.
[[nodiscard]] const ProfileComponent* resolveBinding(const InteractionProfile& profile,
                                                     std::string_view userPath,
                                                     std::string_view subpath,
                                                     XrActionType actionType, bool dpad = false);
/// Whether `subpath` names an input or output of the profile under `userPath`, in full or in
/// the short form (whatever action type binds it).
[[nodiscard]] bool isBindablePath(const InteractionProfile& profile, std::string_view userPath,
                                  std::string_view subpath, bool dpad = false);
/// Whether `identifier` ("/input/thumbstick", "/input/trackpad") is a 2D input of the profile
/// that XR_EXT_dpad_binding can turn into a dpad.
[[nodiscard]] bool hasDpadSource(const InteractionProfile& profile, std::string_view identifier);

/// The current value of a boolean/float/vector2f component driven by a simulated controller
/// (docs/xr-sim.md, "Device stream"). Booleans read as 0 or 1; vector2f fills both.
struct InputValue {
  float x = 0.0F;
  float y = 0.0F;
};
[[nodiscard]] InputValue inputValue(const InteractionProfile& profile, std::string_view subpath,
                                    const HandState& hand);

/// The threshold at which the simulated analogue inputs (squeeze, trigger) read as clicked.
inline constexpr float kClickThreshold = 0.5F;

}  // namespace praxis::xrsim
