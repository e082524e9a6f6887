#include "xr/actions.h"

#include <vulkan/vulkan_core.h>
// After Vulkan: the XR_KHR_vulkan_enable(2) declarations need its types.
#include <openxr/openxr_platform.h>

#include <cstring>

#include "xr/bindings.h"
#include "xr/check.h"
#include "xr/hand_tracking.h"

namespace praxis::xr {
namespace {

XrActionType typeOf(ActionKind kind) {
  switch (kind) {
    case ActionKind::Float: return XR_ACTION_TYPE_FLOAT_INPUT;
    case ActionKind::Boolean: return XR_ACTION_TYPE_BOOLEAN_INPUT;
    case ActionKind::Vector2: return XR_ACTION_TYPE_VECTOR2F_INPUT;
    case ActionKind::Pose: return XR_ACTION_TYPE_POSE_INPUT;
    case ActionKind::Haptic: return XR_ACTION_TYPE_VIBRATION_OUTPUT;
  }
  return XR_ACTION_TYPE_FLOAT_INPUT;
}

core::Pose toPose(const XrPosef& p) {
  return core::Pose{{p.position.x, p.position.y, p.position.z},
                    core::Quat(p.orientation.w, p.orientation.x, p.orientation.y, p.orientation.z)};
}

bool located(const XrSpaceLocation& l) {
  const XrSpaceLocationFlags both = XR_SPACE_LOCATION_POSITION_VALID_BIT | XR_SPACE_LOCATION_ORIENTATION_VALID_BIT;
  return (l.locationFlags & both) == both;
}

core::Result<XrPath> path(XrInstance instance, const std::string& text) {
  XrPath out = XR_NULL_PATH;
  if (auto ok = check(xrStringToPath(instance, text.c_str(), &out), "xrStringToPath(" + text + ")"); !ok) {
    return std::unexpected(ok.error());
  }
  return out;
}

}  // namespace

Actions::~Actions() { detach(); }

core::Result<std::unique_ptr<Actions>> Actions::create(const Instance& instance) {
  std::unique_ptr<Actions> out(new Actions(instance));
  for (std::size_t h = 0; h < 2; ++h) {
    auto p = path(instance.handle(), h == 0 ? "/user/hand/left" : "/user/hand/right");
    if (!p) return std::unexpected(p.error());
    out->handPaths_[h] = *p;
  }
  if (auto ok = out->createActions(); !ok) return std::unexpected(ok.error());
  if (auto ok = out->suggestBindings(); !ok) return std::unexpected(ok.error());
  return out;
}

core::Result<void> Actions::createActions() {
  auto setInfo = xrStruct<XrActionSetCreateInfo>(XR_TYPE_ACTION_SET_CREATE_INFO);
  std::strcpy(setInfo.actionSetName, "praxis");
  std::strcpy(setInfo.localizedActionSetName, "Praxis training");
  XrActionSet set = XR_NULL_HANDLE;
  if (auto ok = check(xrCreateActionSet(instance_.handle(), &setInfo, &set), "xrCreateActionSet"); !ok) return ok;
  set_ = Handle<XrActionSet>(set, &xrDestroyActionSet);
  for (const ActionSpec& spec : actionSpecs()) {
    auto info = xrStruct<XrActionCreateInfo>(XR_TYPE_ACTION_CREATE_INFO);
    std::strncpy(info.actionName, spec.name.data(), std::min<std::size_t>(spec.name.size(), XR_MAX_ACTION_NAME_SIZE - 1));
    std::strncpy(info.localizedActionName, spec.localizedName.data(),
                 std::min<std::size_t>(spec.localizedName.size(), XR_MAX_LOCALIZED_ACTION_NAME_SIZE - 1));
    info.actionType = typeOf(spec.kind);
    info.countSubactionPaths = 2;
    info.subactionPaths = handPaths_.data();
    XrAction action = XR_NULL_HANDLE;
    if (auto ok = check(xrCreateAction(set, &info, &action), "xrCreateAction"); !ok) return ok;
    actions_.emplace(std::string(spec.name), Handle<XrAction>(action, &xrDestroyAction));
  }
  return {};
}

core::Result<void> Actions::suggestBindings() {
  for (const ProfileBindings& profile : suggestedBindings()) {
    auto profilePath = path(instance_.handle(), std::string(profile.profile));
    if (!profilePath) return std::unexpected(profilePath.error());
    std::vector<XrActionSuggestedBinding> bindings;
    for (const Binding& b : profile.bindings) {
      auto p = path(instance_.handle(), b.path);
      if (!p) return std::unexpected(p.error());
      bindings.push_back({action(b.action), *p});
    }
    auto suggested = xrStruct<XrInteractionProfileSuggestedBinding>(XR_TYPE_INTERACTION_PROFILE_SUGGESTED_BINDING);
    suggested.interactionProfile = *profilePath;
    suggested.countSuggestedBindings = static_cast<std::uint32_t>(bindings.size());
    suggested.suggestedBindings = bindings.data();
    const XrResult r = xrSuggestInteractionProfileBindings(instance_.handle(), &suggested);
    // A runtime may not know a profile (XR_ERROR_PATH_UNSUPPORTED): the others still apply.
    if (r == XR_ERROR_PATH_UNSUPPORTED) continue;
    if (auto ok = check(r, "xrSuggestInteractionProfileBindings(" + std::string(profile.profile) + ")"); !ok) {
      return ok;
    }
  }
  return {};
}

XrAction Actions::action(std::string_view name) const {
  const auto it = actions_.find(name);
  return it == actions_.end() ? XR_NULL_HANDLE : it->second.get();
}

core::Result<void> Actions::attach(XrSession session) {
  detach();
  session_ = session;
  XrActionSet set = set_.get();
  auto info = xrStruct<XrSessionActionSetsAttachInfo>(XR_TYPE_SESSION_ACTION_SETS_ATTACH_INFO);
  info.countActionSets = 1;
  info.actionSets = &set;
  if (auto ok = check(xrAttachSessionActionSets(session, &info), "xrAttachSessionActionSets"); !ok) return ok;
  for (std::size_t h = 0; h < 2; ++h) {
    for (auto [name, slot] : {std::pair{"grip_pose", &grip_}, std::pair{"aim_pose", &aim_}}) {
      auto spaceInfo = xrStruct<XrActionSpaceCreateInfo>(XR_TYPE_ACTION_SPACE_CREATE_INFO);
      spaceInfo.action = action(name);
      spaceInfo.subactionPath = handPaths_[h];
      spaceInfo.poseInActionSpace.orientation.w = 1.0F;
      XrSpace space = XR_NULL_HANDLE;
      if (auto ok = check(xrCreateActionSpace(session, &spaceInfo, &space), "xrCreateActionSpace"); !ok) return ok;
      (*slot)[h] = Handle<XrSpace>(space, &xrDestroySpace);
    }
  }
  return instance_.handTracking() ? createHandTrackers() : core::Result<void>{};
}

core::Result<void> Actions::createHandTrackers() {
  auto create = instance_.function<PFN_xrCreateHandTrackerEXT>("xrCreateHandTrackerEXT");
  auto destroy = instance_.function<PFN_xrDestroyHandTrackerEXT>("xrDestroyHandTrackerEXT");
  auto locate = instance_.function<PFN_xrLocateHandJointsEXT>("xrLocateHandJointsEXT");
  if (!create || !destroy || !locate) return core::fail("XR_EXT_hand_tracking: a function is missing");
  locateJoints_ = *locate;
  for (std::size_t h = 0; h < 2; ++h) {
    auto info = xrStruct<XrHandTrackerCreateInfoEXT>(XR_TYPE_HAND_TRACKER_CREATE_INFO_EXT);
    info.hand = h == 0 ? XR_HAND_LEFT_EXT : XR_HAND_RIGHT_EXT;
    info.handJointSet = XR_HAND_JOINT_SET_DEFAULT_EXT;
    XrHandTrackerEXT tracker = XR_NULL_HANDLE;
    if (auto ok = check((*create)(session_, &info, &tracker), "xrCreateHandTrackerEXT"); !ok) return ok;
    hands_[h] = Handle<XrHandTrackerEXT>(tracker, *destroy);
  }
  return {};
}

void Actions::detach() {
  for (auto& h : hands_) h.reset();
  for (auto& s : grip_) s.reset();
  for (auto& s : aim_) s.reset();
  session_ = XR_NULL_HANDLE;
}

core::Result<void> Actions::readHand(std::size_t hand, XrSpace base, XrTime time, ControllerState& out) {
  auto get = xrStruct<XrActionStateGetInfo>(XR_TYPE_ACTION_STATE_GET_INFO);
  get.subactionPath = handPaths_[hand];
  const auto readFloat = [&](std::string_view name, float& value) -> core::Result<void> {
    get.action = action(name);
    auto state = xrStruct<XrActionStateFloat>(XR_TYPE_ACTION_STATE_FLOAT);
    if (auto ok = check(xrGetActionStateFloat(session_, &get, &state), "xrGetActionStateFloat"); !ok) return ok;
    value = state.isActive == XR_TRUE ? state.currentState : 0.0F;
    return {};
  };
  const auto readBool = [&](std::string_view name, bool& value) -> core::Result<void> {
    get.action = action(name);
    auto state = xrStruct<XrActionStateBoolean>(XR_TYPE_ACTION_STATE_BOOLEAN);
    if (auto ok = check(xrGetActionStateBoolean(session_, &get, &state), "xrGetActionStateBoolean"); !ok) return ok;
    value = state.isActive == XR_TRUE && state.currentState == XR_TRUE;
    return {};
  };
  for (auto r : {readFloat("grab", out.squeeze), readFloat("use", out.trigger),
                 readBool("primary", out.primary), readBool("secondary", out.secondary),
                 readBool("menu", out.menu)}) {
    if (!r) return r;
  }
  get.action = action("locomotion");
  auto stick = xrStruct<XrActionStateVector2f>(XR_TYPE_ACTION_STATE_VECTOR2F);
  if (auto ok = check(xrGetActionStateVector2f(session_, &get, &stick), "xrGetActionStateVector2f"); !ok) return ok;
  if (stick.isActive == XR_TRUE) out.thumbstick = {stick.currentState.x, stick.currentState.y};
  auto grip = xrStruct<XrSpaceLocation>(XR_TYPE_SPACE_LOCATION);
  if (auto ok = check(xrLocateSpace(grip_[hand].get(), base, time, &grip), "xrLocateSpace(grip)"); !ok) return ok;
  auto aim = xrStruct<XrSpaceLocation>(XR_TYPE_SPACE_LOCATION);
  if (auto ok = check(xrLocateSpace(aim_[hand].get(), base, time, &aim), "xrLocateSpace(aim)"); !ok) return ok;
  out.tracked = located(grip);
  out.grip = toPose(grip.pose);
  out.aim = located(aim) ? toPose(aim.pose) : out.grip;
  if (hands_[hand]) readTrackedHand(hand, base, time, out);
  return {};
}

void Actions::readTrackedHand(std::size_t hand, XrSpace base, XrTime time, ControllerState& out) {
  std::array<XrHandJointLocationEXT, XR_HAND_JOINT_COUNT_EXT> joints{};
  auto locations = xrStruct<XrHandJointLocationsEXT>(XR_TYPE_HAND_JOINT_LOCATIONS_EXT);
  locations.jointCount = XR_HAND_JOINT_COUNT_EXT;
  locations.jointLocations = joints.data();
  auto info = xrStruct<XrHandJointsLocateInfoEXT>(XR_TYPE_HAND_JOINTS_LOCATE_INFO_EXT);
  info.baseSpace = base;
  info.time = time;
  if (XR_FAILED(locateJoints_(hands_[hand].get(), &info, &locations)) || locations.isActive != XR_TRUE) return;
  const auto& thumb = joints[XR_HAND_JOINT_THUMB_TIP_EXT];
  const auto& index = joints[XR_HAND_JOINT_INDEX_TIP_EXT];
  const auto& middle = joints[XR_HAND_JOINT_MIDDLE_TIP_EXT];
  const auto& palm = joints[XR_HAND_JOINT_PALM_EXT];
  const auto valid = [](const XrHandJointLocationEXT& j) {
    return (j.locationFlags & XR_SPACE_LOCATION_POSITION_VALID_BIT) != 0;
  };
  if (!valid(thumb) || !valid(index) || !valid(middle) || !valid(palm)) return;
  const core::Vec3 t = toPose(thumb.pose).position;
  const core::Vec3 i = toPose(index.pose).position;
  out.handTracked = true;
  out.pinch = pinchStrength(glm::length(t - i));
  out.pinchPoint = pinchPoint(t, i, toPose(palm.pose).orientation);
  out.middlePinch = pinchStrength(glm::length(t - toPose(middle.pose).position));
}

core::Result<DeviceState> Actions::sync(XrSpace base, XrSpace view, XrTime time) {
  XrActiveActionSet active{set_.get(), XR_NULL_PATH};
  auto info = xrStruct<XrActionsSyncInfo>(XR_TYPE_ACTIONS_SYNC_INFO);
  info.countActiveActionSets = 1;
  info.activeActionSets = &active;
  // XR_SESSION_NOT_FOCUSED is a success code: the states then read inactive.
  const XrResult synced = xrSyncActions(session_, &info);
  if (auto ok = check(synced, "xrSyncActions"); !ok) return std::unexpected(ok.error());
  DeviceState out;
  out.focused = synced != XR_SESSION_NOT_FOCUSED;
  auto head = xrStruct<XrSpaceLocation>(XR_TYPE_SPACE_LOCATION);
  if (auto ok = check(xrLocateSpace(view, base, time, &head), "xrLocateSpace(view)"); !ok) {
    return std::unexpected(ok.error());
  }
  out.headTracked = located(head);
  out.head = toPose(head.pose);
  for (std::size_t h = 0; h < 2; ++h) {
    if (auto ok = readHand(h, base, time, out.hands[h]); !ok) return std::unexpected(ok.error());
  }
  return out;
}

void Actions::vibrate(std::span<const HapticPulse> pulses) {
  for (const HapticPulse& p : pulses) {
    auto info = xrStruct<XrHapticActionInfo>(XR_TYPE_HAPTIC_ACTION_INFO);
    info.action = action("haptic");
    info.subactionPath = handPaths_[static_cast<std::size_t>(p.hand)];
    auto vibration = xrStruct<XrHapticVibration>(XR_TYPE_HAPTIC_VIBRATION);
    vibration.amplitude = p.amplitude;
    vibration.duration = p.durationNs;
    vibration.frequency = XR_FREQUENCY_UNSPECIFIED;
    // A lost or unfocused session ignores haptics; nothing to report to the trainee.
    (void)xrApplyHapticFeedback(session_, &info, reinterpret_cast<const XrHapticBaseHeader*>(&vibration));
  }
}

}  // namespace praxis::xr
