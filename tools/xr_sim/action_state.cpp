// ActionSystem, part two: xrSyncActions and the state queries, haptics, bound sources and
// their localized names, action space poses.
#include <algorithm>
#include <cmath>
#include <cstring>
#include <fstream>

#include "action_system.h"
#include "action_system_data.h"
#include "hand_tracking.h"

namespace praxis::xrsim {
namespace {

const HandState* handOf(const Binding& binding, const DeviceState& device) {
  const HandState* hand = nullptr;
  if (binding.userPathString == "/user/hand/left") hand = &device.left;
  if (binding.userPathString == "/user/hand/right") hand = &device.right;
  // The head and a gamepad have no simulated inputs; nor has a controller put down (only its
  // bare hand is seen, by XR_EXT_hand_tracking).
  return hand != nullptr && hand->controller ? hand : nullptr;
}

/// Folds one source into an action's slot the spec's way: booleans OR, floats take the
/// largest magnitude, vector2f the longest vector.
void combine(XrActionType actionType, const ProfileComponent& component, InputValue v,
             ActionSlot& slot) {
  const XrActionType sourceType = component.type;
  if (sourceType == XR_ACTION_TYPE_VECTOR2F_INPUT && actionType != XR_ACTION_TYPE_VECTOR2F_INPUT)
    return;
  if (actionType == XR_ACTION_TYPE_VECTOR2F_INPUT && sourceType != XR_ACTION_TYPE_VECTOR2F_INPUT)
    return;
  slot.active = true;
  if (actionType == XR_ACTION_TYPE_BOOLEAN_INPUT) {
    slot.x = std::max(slot.x, v.x >= kClickThreshold ? 1.0F : 0.0F);
  } else if (actionType == XR_ACTION_TYPE_FLOAT_INPUT) {
    if (std::fabs(v.x) > std::fabs(slot.x)) slot.x = v.x;
  } else if (v.x * v.x + v.y * v.y > slot.x * slot.x + slot.y * slot.y) {
    slot.x = v.x;
    slot.y = v.y;
  }
}

bool sameValue(const ActionSlot& a, const ActionSlot& b) {
  return a.x == b.x && a.y == b.y;
}

const ActiveSet* findActive(const std::vector<ActiveSet>& active, const ActionSetData* set) {
  for (const auto& a : active) {
    if (a.set == set) return &a;
  }
  return nullptr;
}

void appendLine(const std::filesystem::path& path, const std::string& line) {
  if (path.empty()) return;
  std::ofstream out(path, std::ios::app);
  out << line << '\n';
}

}  // namespace

namespace {

bool isPoseOrOutput(XrActionType type) {
  return type == XR_ACTION_TYPE_POSE_INPUT || type == XR_ACTION_TYPE_VIBRATION_OUTPUT;
}

void addSource(const ActionData& action, const Binding& b, const HandState& hand,
               ActionSlot& slot) {
  if (isPoseOrOutput(action.type)) {
    if (b.component->type == action.type) slot.active = true;
  } else {
    combine(action.type, *b.component, inputValue(*b.profile, b.component->subpath, hand), slot);
  }
}

/// Priorities: a source bound in several active sets drives only the highest-priority ones.
std::unordered_map<XrPath, std::uint32_t> topPriorities(const SessionActions& data,
                                                        const std::vector<ActiveSet>& active) {
  std::unordered_map<XrPath, std::uint32_t> top;
  for (const auto& [action, bindings] : data.bindings) {
    if (!findActive(active, action->set)) continue;
    for (const auto& b : bindings) {
      auto [pos, inserted] = top.emplace(b.source, action->set->priority);
      if (!inserted) pos->second = std::max(pos->second, action->set->priority);
    }
  }
  return top;
}

/// The action's slots from the sources active in this sync.
std::vector<ActionSlot> sample(const ActionData& action, const std::vector<Binding>& bindings,
                               const ActiveSet& active, const DeviceState& device,
                               std::unordered_map<XrPath, std::uint32_t>& top) {
  std::vector<ActionSlot> next(action.subactionPaths.size() + 1);
  for (const auto& b : bindings) {
    const bool allowed = std::ranges::find(active.filter, XR_NULL_PATH) != active.filter.end() ||
                         std::ranges::find(active.filter, b.userPath) != active.filter.end();
    const HandState* hand = handOf(b, device);
    if (!allowed || !hand || top[b.source] > action.set->priority) continue;
    addSource(action, b, *hand, next[0]);
    for (std::size_t i = 0; i < action.subactionPaths.size(); ++i) {
      if (action.subactionPaths[i] == b.userPath) addSource(action, b, *hand, next[i + 1]);
    }
  }
  return next;
}

/// Moves the slots on to `next`: changedSinceLastSync and lastChangeTime as the spec defines
/// them (a change between two active syncs; an inactive action reads all zero).
void advance(std::vector<ActionSlot>& slots, std::vector<ActionSlot> next, XrTime time) {
  slots.resize(next.size());
  for (std::size_t i = 0; i < slots.size(); ++i) {
    if (next[i].active) {
      next[i].changed = slots[i].active && !sameValue(slots[i], next[i]);
      next[i].lastChange = next[i].changed || !slots[i].active ? time : slots[i].lastChange;
    }
    slots[i] = next[i];
  }
}

}  // namespace

XrResult ActionSystem::activeSets(const SessionActions* data, const XrActionsSyncInfo& info,
                                  std::vector<ActiveSet>& active) const {
  for (std::uint32_t i = 0; i < info.countActiveActionSets; ++i) {
    const XrActiveActionSet& a = info.activeActionSets[i];
    const ActionSetData* set = findSet(a.actionSet);
    if (!set) return XR_ERROR_HANDLE_INVALID;
    if (!data || !data->isAttached(set)) return XR_ERROR_ACTIONSET_NOT_ATTACHED;
    if (a.subactionPath != XR_NULL_PATH) {
      auto path = paths_.lookup(a.subactionPath);
      if (!path) return XR_ERROR_PATH_INVALID;
      if (std::ranges::find(kTopLevelPaths, *path) == std::end(kTopLevelPaths))
        return XR_ERROR_PATH_UNSUPPORTED;
    }
    auto it = std::ranges::find_if(active, [&](const ActiveSet& x) { return x.set == set; });
    if (it == active.end()) it = active.insert(active.end(), ActiveSet{set, {}});
    it->filter.push_back(a.subactionPath);  // XR_NULL_PATH: all of the set's subaction paths
  }
  return XR_SUCCESS;
}

XrResult ActionSystem::sync(XrSession session, const XrActionsSyncInfo& info,
                            const SyncContext& context) {
  if (info.type != XR_TYPE_ACTIONS_SYNC_INFO ||
      (info.countActiveActionSets > 0 && !info.activeActionSets)) {
    return XR_ERROR_VALIDATION_FAILURE;
  }
  auto it = sessions_.find(session);
  SessionActions* data = it == sessions_.end() ? nullptr : it->second.get();
  std::vector<ActiveSet> active;
  if (XrResult r = activeSets(data, info, active); r != XR_SUCCESS) return r;
  const XrResult result = context.focused ? XR_SUCCESS : XR_SESSION_NOT_FOCUSED;
  if (!data) return result;
  auto top = topPriorities(*data, active);
  for (const auto* set : data->attached) {
    const ActiveSet* a = findActive(active, set);
    for (const auto& action : set->actions) {
      std::vector<ActionSlot> next(action->subactionPaths.size() + 1);
      // Not focused: every action reads inactive (spec, xrSyncActions).
      if (a && context.focused && context.device) {
        next = sample(*action, data->bindings[action.get()], *a, *context.device, top);
      }
      advance(data->state[action.get()], std::move(next), context.time);
    }
  }
  return result;
}

XrResult ActionSystem::checkQuery(XrSession session, XrAction handle, XrPath subactionPath,
                                  XrActionType expected, const SessionActions** out,
                                  ActionData** actionOut, std::size_t* slot) const {
  ActionData* action = findAction(handle);
  if (!action) return XR_ERROR_HANDLE_INVALID;
  const SessionActions* data = findSession(session);
  if (!data || !data->isAttached(action->set)) return XR_ERROR_ACTIONSET_NOT_ATTACHED;
  if (action->type != expected) return XR_ERROR_ACTION_TYPE_MISMATCH;
  *slot = 0;
  if (subactionPath != XR_NULL_PATH) {
    if (!paths_.isValid(subactionPath)) return XR_ERROR_PATH_INVALID;
    auto it = std::ranges::find(action->subactionPaths, subactionPath);
    if (it == action->subactionPaths.end()) return XR_ERROR_PATH_UNSUPPORTED;
    *slot = static_cast<std::size_t>(it - action->subactionPaths.begin()) + 1;
  }
  *out = data;
  *actionOut = action;
  return XR_SUCCESS;
}

namespace {
ActionSlot slotOf(const SessionActions& data, const ActionData* action, std::size_t slot) {
  auto it = data.state.find(action);
  if (it == data.state.end() || slot >= it->second.size()) return {};  // not synced yet
  return it->second[slot];
}
}  // namespace

template <typename State>
void copyChange(const ActionSlot& s, State& state) {
  state.changedSinceLastSync = s.changed ? XR_TRUE : XR_FALSE;
  state.lastChangeTime = s.lastChange;
  state.isActive = s.active ? XR_TRUE : XR_FALSE;
}

XrResult ActionSystem::querySlot(XrSession session, const XrActionStateGetInfo& info, XrStructureType stateType,
                                 XrStructureType expectedStateType, XrActionType expected, ActionSlot& out) const {
  if (info.type != XR_TYPE_ACTION_STATE_GET_INFO || stateType != expectedStateType) {
    return XR_ERROR_VALIDATION_FAILURE;
  }
  const SessionActions* data = nullptr;
  ActionData* action = nullptr;
  std::size_t slot = 0;
  if (XrResult r = checkQuery(session, info.action, info.subactionPath, expected, &data, &action, &slot);
      r != XR_SUCCESS) {
    return r;
  }
  out = slotOf(*data, action, slot);
  return XR_SUCCESS;
}

XrResult ActionSystem::getBoolean(XrSession session, const XrActionStateGetInfo& info,
                                  XrActionStateBoolean* state) const {
  ActionSlot s;
  if (XrResult r = querySlot(session, info, state->type, XR_TYPE_ACTION_STATE_BOOLEAN, XR_ACTION_TYPE_BOOLEAN_INPUT, s);
      r != XR_SUCCESS) {
    return r;
  }
  state->currentState = s.x != 0.0F ? XR_TRUE : XR_FALSE;
  copyChange(s, *state);
  return XR_SUCCESS;
}

XrResult ActionSystem::getFloat(XrSession session, const XrActionStateGetInfo& info,
                                XrActionStateFloat* state) const {
  ActionSlot s;
  if (XrResult r = querySlot(session, info, state->type, XR_TYPE_ACTION_STATE_FLOAT, XR_ACTION_TYPE_FLOAT_INPUT, s);
      r != XR_SUCCESS) {
    return r;
  }
  state->currentState = s.x;
  copyChange(s, *state);
  return XR_SUCCESS;
}

XrResult ActionSystem::getVector2f(XrSession session, const XrActionStateGetInfo& info,
                                   XrActionStateVector2f* state) const {
  ActionSlot s;
  if (XrResult r =
          querySlot(session, info, state->type, XR_TYPE_ACTION_STATE_VECTOR2F, XR_ACTION_TYPE_VECTOR2F_INPUT, s);
      r != XR_SUCCESS) {
    return r;
  }
  state->currentState = XrVector2f{s.x, s.y};
  copyChange(s, *state);
  return XR_SUCCESS;
}

XrResult ActionSystem::getPose(XrSession session, const XrActionStateGetInfo& info,
                               XrActionStatePose* state) const {
  ActionSlot s;
  if (XrResult r = querySlot(session, info, state->type, XR_TYPE_ACTION_STATE_POSE, XR_ACTION_TYPE_POSE_INPUT, s);
      r != XR_SUCCESS) {
    return r;
  }
  state->isActive = s.active ? XR_TRUE : XR_FALSE;
  return XR_SUCCESS;
}

XrResult ActionSystem::haptic(XrSession session, const XrHapticActionInfo& info,
                              const HapticRecord& record, bool focused) {
  if (info.type != XR_TYPE_HAPTIC_ACTION_INFO) return XR_ERROR_VALIDATION_FAILURE;
  const SessionActions* data = nullptr;
  ActionData* action = nullptr;
  std::size_t slot = 0;
  if (XrResult r = checkQuery(session, info.action, info.subactionPath,
                              XR_ACTION_TYPE_VIBRATION_OUTPUT, &data, &action, &slot);
      r != XR_SUCCESS) {
    return r;
  }
  if (!focused) return XR_SESSION_NOT_FOCUSED;
  auto& mutableData = *sessions_.at(session);
  auto it = mutableData.bindings.find(action);
  if (it == mutableData.bindings.end()) return XR_SUCCESS;  // unbound: nothing vibrates
  for (const auto& b : it->second) {
    if (b.component->type != XR_ACTION_TYPE_VIBRATION_OUTPUT) continue;
    if (slot > 0 && action->subactionPaths[slot - 1] != b.userPath) continue;
    HapticRecord r = record;
    r.action = action->name;
    r.source = std::string(*paths_.lookup(b.source));
    mutableData.haptics.push_back(r);
    appendLine(options_.hapticsLog, toJsonLine(r));
  }
  return XR_SUCCESS;
}

XrResult ActionSystem::applyHaptic(XrSession session, const XrHapticActionInfo& info,
                                   const XrHapticBaseHeader* feedback, bool focused,
                                   std::uint64_t frame) {
  if (!feedback || feedback->type != XR_TYPE_HAPTIC_VIBRATION) return XR_ERROR_VALIDATION_FAILURE;
  const auto* vibration = reinterpret_cast<const XrHapticVibration*>(feedback);
  HapticRecord record;
  record.frame = frame;
  record.amplitude = std::clamp(vibration->amplitude, 0.0F, 1.0F);
  record.durationNs = vibration->duration;
  record.frequency = vibration->frequency;
  return haptic(session, info, record, focused);
}

XrResult ActionSystem::stopHaptic(XrSession session, const XrHapticActionInfo& info, bool focused,
                                  std::uint64_t frame) {
  HapticRecord record;
  record.frame = frame;
  record.stop = true;
  return haptic(session, info, record, focused);
}

std::vector<HapticRecord> ActionSystem::haptics(XrSession session) const {
  const SessionActions* data = findSession(session);
  return data ? data->haptics : std::vector<HapticRecord>{};
}

namespace {

/// "/input/trigger/value" -> "Trigger Value": the component words as a user reads them.
std::string componentName(std::string_view subpath) {
  std::string name;
  bool upper = true;
  for (char c : subpath.substr(subpath.find('/', 1) + 1)) {
    if (c == '/' || c == '_') {
      name += ' ';
      upper = true;
    } else {
      name += upper ? static_cast<char>(c - 'a' + 'A') : c;
      upper = false;
    }
  }
  return name;
}

std::string userPathName(std::string_view userPath) {
  if (userPath == "/user/hand/left") return "Left Hand";
  if (userPath == "/user/hand/right") return "Right Hand";
  if (userPath == "/user/head") return "Head";
  if (userPath == "/user/gamepad") return "Gamepad";
  return "Treadmill";
}

}  // namespace

XrResult ActionSystem::enumerateBoundSources(XrSession session,
                                             const XrBoundSourcesForActionEnumerateInfo& info,
                                             std::uint32_t capacity, std::uint32_t* count,
                                             XrPath* sources) const {
  if (info.type != XR_TYPE_BOUND_SOURCES_FOR_ACTION_ENUMERATE_INFO)
    return XR_ERROR_VALIDATION_FAILURE;
  const ActionData* action = findAction(info.action);
  if (!action) return XR_ERROR_HANDLE_INVALID;
  const SessionActions* data = findSession(session);
  if (!data || !data->isAttached(action->set)) return XR_ERROR_ACTIONSET_NOT_ATTACHED;
  std::vector<XrPath> bound;
  if (auto it = data->bindings.find(action); it != data->bindings.end()) {
    for (const auto& b : it->second) bound.push_back(b.source);
  }
  *count = static_cast<std::uint32_t>(bound.size());
  if (capacity == 0) return XR_SUCCESS;
  if (capacity < bound.size()) return XR_ERROR_SIZE_INSUFFICIENT;
  std::ranges::copy(bound, sources);
  return XR_SUCCESS;
}

XrResult ActionSystem::inputSourceLocalizedName(XrSession session,
                                                const XrInputSourceLocalizedNameGetInfo& info,
                                                std::uint32_t capacity, std::uint32_t* count,
                                                char* buffer) const {
  if (info.type != XR_TYPE_INPUT_SOURCE_LOCALIZED_NAME_GET_INFO || info.whichComponents == 0) {
    return XR_ERROR_VALIDATION_FAILURE;
  }
  const SessionActions* data = findSession(session);
  if (!data || data->attached.empty()) return XR_ERROR_ACTIONSET_NOT_ATTACHED;
  auto path = paths_.lookup(info.sourcePath);
  if (!path) return XR_ERROR_PATH_INVALID;
  auto top = std::ranges::find_if(kTopLevelPaths, [&](std::string_view t) {
    return path->starts_with(t) && (path->size() == t.size() || (*path)[t.size()] == '/');
  });
  if (top == std::end(kTopLevelPaths)) return XR_ERROR_PATH_UNSUPPORTED;
  std::vector<std::string> parts;
  if (info.whichComponents & XR_INPUT_SOURCE_LOCALIZED_NAME_USER_PATH_BIT)
    parts.push_back(userPathName(*top));
  if (info.whichComponents & XR_INPUT_SOURCE_LOCALIZED_NAME_INTERACTION_PROFILE_BIT) {
    auto it = data->profiles.find(paths_.find(*top));
    if (it != data->profiles.end() && it->second) parts.emplace_back(it->second->title);
  }
  if ((info.whichComponents & XR_INPUT_SOURCE_LOCALIZED_NAME_COMPONENT_BIT) &&
      path->size() > top->size()) {
    parts.push_back(componentName(path->substr(top->size())));
  }
  std::string name;
  for (const auto& p : parts) name += (name.empty() ? "" : " ") + p;
  *count = static_cast<std::uint32_t>(name.size() + 1);
  if (capacity == 0) return XR_SUCCESS;
  if (capacity < *count) return XR_ERROR_SIZE_INSUFFICIENT;
  std::memcpy(buffer, name.c_str(), name.size() + 1);
  return XR_SUCCESS;
}

std::optional<StreamPose> ActionSystem::locateAction(XrSession session, XrAction handle,
                                                     XrPath subactionPath,
                                                     const DeviceState& device) const {
  const ActionData* action = findAction(handle);
  const SessionActions* data = findSession(session);
  if (!action || !data) return std::nullopt;
  auto it = data->bindings.find(action);
  if (it == data->bindings.end()) return std::nullopt;
  // The binding the last sync made active (state), in binding order: the spec lets the
  // runtime pick one when several sources are bound without a subaction path.
  std::size_t slot = 0;
  if (subactionPath != XR_NULL_PATH) {
    auto sp = std::ranges::find(action->subactionPaths, subactionPath);
    if (sp == action->subactionPaths.end()) return std::nullopt;
    slot = static_cast<std::size_t>(sp - action->subactionPaths.begin()) + 1;
  }
  if (!slotOf(*data, action, slot).active) return std::nullopt;
  for (const auto& b : it->second) {
    if (b.component->type != XR_ACTION_TYPE_POSE_INPUT) continue;
    if (subactionPath != XR_NULL_PATH && b.userPath != subactionPath) continue;
    const HandState* hand = handOf(b, device);
    if (!hand || !hand->tracked) continue;
    if (b.component->subpath == "/input/aim/pose") return aimPose(hand->grip);
    return hand->grip;
  }
  return std::nullopt;
}

}  // namespace praxis::xrsim
