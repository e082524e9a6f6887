// ActionSystem's internal records, shared by action_system.cpp (definitions, bindings,
// attachment) and action_state.cpp (sync, state queries, haptics, names).
#pragma once

#include <openxr/openxr.h>

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "interaction_profiles.h"

namespace praxis::xrsim {

struct ActionData;

struct ActionSetData {
  std::string name;
  std::string localizedName;
  std::uint32_t priority = 0;
  bool attached = false;  // to any session: then its actions are fixed (spec)
  std::vector<std::unique_ptr<ActionData>> actions;
};

struct ActionData {
  ActionSetData* set = nullptr;
  std::string name;
  std::string localizedName;
  XrActionType type = XR_ACTION_TYPE_BOOLEAN_INPUT;
  std::vector<XrPath> subactionPaths;
};

/// One input or output an action reads in a session: a profile component under a user path.
struct Binding {
  XrPath userPath = XR_NULL_PATH;
  std::string userPathString;
  const InteractionProfile* profile = nullptr;
  const ProfileComponent* component = nullptr;
  XrPath source = XR_NULL_PATH;  // the full path, e.g. /user/hand/left/input/trigger/value
};

/// An action's state as of the last sync, for all its sources (slot 0) and for each of its
/// subaction paths (slot i + 1 for subactionPaths[i]).
struct ActionSlot {
  bool active = false;
  float x = 0.0F;  // boolean (0/1) and float value, vector2f x
  float y = 0.0F;
  bool changed = false;
  XrTime lastChange = 0;
};

struct SessionActions {
  std::vector<ActionSetData*> attached;
  // top-level user path -> its current interaction profile (nullptr: none)
  std::unordered_map<XrPath, const InteractionProfile*> profiles;
  std::unordered_map<const ActionData*, std::vector<Binding>> bindings;
  std::unordered_map<const ActionData*, std::vector<ActionSlot>> state;
  std::vector<HapticRecord> haptics;

  [[nodiscard]] bool isAttached(const ActionSetData* set) const {
    for (const auto* s : attached) {
      if (s == set) return true;
    }
    return false;
  }
};

/// An action set named in xrSyncActions, with the subaction paths it was named with
/// (XR_NULL_PATH among them: all).
struct ActiveSet {
  const ActionSetData* set = nullptr;
  std::vector<XrPath> filter;
};

/// The top-level user paths actions may name as subaction paths (spec "Reserved Paths").
inline constexpr std::string_view kTopLevelPaths[] = {
    "/user/hand/left", "/user/hand/right", "/user/head", "/user/gamepad", "/user/treadmill"};

}  // namespace praxis::xrsim
