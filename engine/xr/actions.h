// The "praxis" action set (bindings.h) on an instance, and per session its action spaces and
// hand trackers: synced once a frame into a DeviceState, plus haptic output.
#pragma once

#include <openxr/openxr.h>

#include <array>
#include <map>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "core/result.h"
#include "xr/device_state.h"
#include "xr/handle.h"
#include "xr/haptics.h"
#include "xr/instance.h"

namespace praxis::xr {

class Actions {
 public:
  /// Creates the action set and its actions and suggests the bindings of every profile.
  [[nodiscard]] static core::Result<std::unique_ptr<Actions>> create(const Instance& instance);
  ~Actions();

  /// Attaches the set to a (new) session and makes its pose spaces and hand trackers.
  [[nodiscard]] core::Result<void> attach(XrSession session);
  /// Drops what belonged to the session (before it is destroyed or lost).
  void detach();
  /// xrSyncActions and the poses at `time` in `base` (the reference space); `view` is the
  /// VIEW space (the head). Unfocused sessions report nothing tracked and nothing pressed.
  [[nodiscard]] core::Result<DeviceState> sync(XrSpace base, XrSpace view, XrTime time);
  void vibrate(std::span<const HapticPulse> pulses);

 private:
  explicit Actions(const Instance& instance) : instance_(instance) {}
  [[nodiscard]] core::Result<void> createActions();
  [[nodiscard]] core::Result<void> suggestBindings();
  [[nodiscard]] core::Result<void> createHandTrackers();
  [[nodiscard]] XrAction action(std::string_view name) const;
  [[nodiscard]] core::Result<void> readHand(std::size_t hand, XrSpace base, XrTime time,
                                            ControllerState& out);
  void readTrackedHand(std::size_t hand, XrSpace base, XrTime time, ControllerState& out);

  const Instance& instance_;
  std::array<XrPath, 2> handPaths_{};  // /user/hand/left, /user/hand/right
  Handle<XrActionSet> set_;
  std::map<std::string, Handle<XrAction>, std::less<>> actions_;  // after the set: destroyed first
  XrSession session_ = XR_NULL_HANDLE;  // attached to, not owned
  std::array<Handle<XrSpace>, 2> grip_;
  std::array<Handle<XrSpace>, 2> aim_;
  std::array<Handle<XrHandTrackerEXT>, 2> hands_;
  PFN_xrLocateHandJointsEXT locateJoints_ = nullptr;
};

}  // namespace praxis::xr
