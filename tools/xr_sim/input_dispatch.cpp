// The runtime's entry points for paths, actions and hand tracking: each resolves the instance
// or session, checks the pointers, and hands the call to the instance's PathTable /
// ActionSystem (action_system.h) or to the hand-joint model (hand_tracking.h).
#include <algorithm>
#include <cstring>
#include <string>
#include <unordered_map>

#include "action_system.h"
#include "entry_points.h"
#include "xr_compat.h"
#include "hand_tracking.h"
#include "path_table.h"

namespace praxis::xrsim {

/// An instance's input side.
class InputBridge {
 public:
  explicit InputBridge(ActionSystem::Options options) : actions(paths, std::move(options)) {}
  PathTable paths;
  ActionSystem actions;  // holds a reference to `paths`: declared after it
};

void InputBridgeDeleter::operator()(InputBridge* bridge) const { delete bridge; }  // NOLINT(cppcoreguidelines-owning-memory)

namespace {

struct HandTracker : Object {
  static constexpr ObjectType kType = ObjectType::HandTracker;
  HandTracker(std::uint64_t trackerHandle, Session& owner, XrHandEXT which)
      : Object(ObjectType::HandTracker, trackerHandle), session(owner), hand(which) {}
  Session& session;
  XrHandEXT hand;
};

ActionSystem& actionsOf(Instance& instance) { return instance.input->actions; }
ActionSystem& actionsOf(Session& session) { return session.instance.input->actions; }

/// The live instance whose action system minted `owned` (action sets and actions carry no
/// instance, so the dispatch asks each).
template <typename Pred>
Instance* ownerOf(Pred owns) {
  Instance* found = nullptr;
  Registry::get().forEachRoot([&](Object& root) {
    auto& instance = static_cast<Instance&>(root);  // roots are instances
    if (instance.input && owns(instance.input->actions)) {
      found = &instance;
    }
  });
  return found;
}

void announceProfileChanges(Instance& instance) {
  for (XrSession changed : instance.input->actions.takeInteractionProfileChanges()) {
    XrEventDataInteractionProfileChanged event{.type = XR_TYPE_EVENT_DATA_INTERACTION_PROFILE_CHANGED,
                                               .next = nullptr, .session = changed};
    pushEvent(instance, event);
  }
}

template <typename Body>
XrResult withInstance(XrInstance handle, Body&& body) {
  return guarded([&]() -> XrResult {
    Instance* instance = nullptr;
    if (XrResult r = lookup(handle, instance); XR_FAILED(r)) {
      return r;
    }
    return body(*instance);
  });
}

template <typename Body>
XrResult withSession(XrSession handle, Body&& body) {
  return guarded([&]() -> XrResult {
    Session* session = nullptr;
    if (XrResult r = lookup(handle, session); XR_FAILED(r)) {
      return r;
    }
    XrResult r = body(*session);
    return r == XR_SUCCESS && session->lossPending ? XR_SESSION_LOSS_PENDING : r;
  });
}

bool focused(const Session& s) { return s.state == XR_SESSION_STATE_FOCUSED; }

/// The xrWaitFrame index the device stream is at: the last frame waited for.
std::uint64_t currentFrame(const Instance& instance) {
  return instance.streamFrame == 0 ? 0 : instance.streamFrame - 1;
}

/// Reads the stream lines appended since the last look, for the current frame: a writer may
/// append frame N's line after xrWaitFrame N and before xrSyncActions (docs/xr-sim.md).
const DeviceState& refreshDevice(Instance& instance) {
  if (instance.streamFrame > 0) {  // before the first xrWaitFrame the stream has not started
    applyDeviceEvents(instance, instance.feed.advance(currentFrame(instance)));
  }
  return instance.feed.state();
}

// --- paths -----------------------------------------------------------------------------------

XrResult XRAPI_CALL stringToPath(XrInstance instance, const char* pathString, XrPath* path) {
  return withInstance(instance, [&](Instance& owner) {
    if (pathString == nullptr || path == nullptr) {
      return XR_ERROR_VALIDATION_FAILURE;
    }
    return owner.input->paths.intern(pathString, path);
  });
}

XrResult XRAPI_CALL pathToString(XrInstance instance, XrPath path, std::uint32_t capacity, std::uint32_t* countOutput,
                                 char* buffer) {
  return withInstance(instance, [&](Instance& owner) {
    auto name = owner.input->paths.lookup(path);
    if (!name) {
      return XR_ERROR_PATH_INVALID;
    }
    return twoCall(capacity, countOutput, buffer, static_cast<std::uint32_t>(name->size() + 1),
                   [&](char& c, std::uint32_t i) {
                     c = i < name->size() ? (*name)[i] : '\0';
                     return XR_SUCCESS;
                   });
  });
}

// --- action sets and actions -----------------------------------------------------------------

XrResult XRAPI_CALL createActionSet(XrInstance instance, const XrActionSetCreateInfo* info, XrActionSet* actionSet) {
  return withInstance(instance, [&](Instance& owner) {
    if (badStruct(info, XR_TYPE_ACTION_SET_CREATE_INFO) || actionSet == nullptr) {
      return XR_ERROR_VALIDATION_FAILURE;
    }
    return actionsOf(owner).createActionSet(*info, actionSet);
  });
}

XrResult XRAPI_CALL destroyActionSet(XrActionSet actionSet) {
  return guarded([&]() -> XrResult {
    Instance* owner = ownerOf([&](const ActionSystem& a) { return a.ownsActionSet(actionSet); });
    return owner == nullptr ? XR_ERROR_HANDLE_INVALID : actionsOf(*owner).destroyActionSet(actionSet);
  });
}

XrResult XRAPI_CALL createAction(XrActionSet actionSet, const XrActionCreateInfo* info, XrAction* action) {
  return guarded([&]() -> XrResult {
    Instance* owner = ownerOf([&](const ActionSystem& a) { return a.ownsActionSet(actionSet); });
    if (owner == nullptr) {
      return XR_ERROR_HANDLE_INVALID;
    }
    if (owner->lost) {
      return XR_ERROR_INSTANCE_LOST;
    }
    if (badStruct(info, XR_TYPE_ACTION_CREATE_INFO) || action == nullptr) {
      return XR_ERROR_VALIDATION_FAILURE;
    }
    return actionsOf(*owner).createAction(actionSet, *info, action);
  });
}

XrResult XRAPI_CALL destroyAction(XrAction action) {
  return guarded([&]() -> XrResult {
    Instance* owner = ownerOf([&](const ActionSystem& a) { return a.ownsAction(action); });
    return owner == nullptr ? XR_ERROR_HANDLE_INVALID : actionsOf(*owner).destroyAction(action);
  });
}

XrResult XRAPI_CALL suggestBindings(XrInstance instance, const XrInteractionProfileSuggestedBinding* suggested) {
  return withInstance(instance, [&](Instance& owner) {
    if (badStruct(suggested, XR_TYPE_INTERACTION_PROFILE_SUGGESTED_BINDING)) {
      return XR_ERROR_VALIDATION_FAILURE;
    }
    return actionsOf(owner).suggestBindings(*suggested);
  });
}

XrResult XRAPI_CALL attachActionSets(XrSession session, const XrSessionActionSetsAttachInfo* info) {
  return withSession(session, [&](Session& s) {
    if (badStruct(info, XR_TYPE_SESSION_ACTION_SETS_ATTACH_INFO)) {
      return XR_ERROR_VALIDATION_FAILURE;
    }
    // The profile chosen here is announced at the next xrSyncActions: the spec queues
    // XR_TYPE_EVENT_DATA_INTERACTION_PROFILE_CHANGED only during xrSyncActions.
    return actionsOf(s).attach(session, *info);
  });
}

XrResult XRAPI_CALL syncActions(XrSession session, const XrActionsSyncInfo* info) {
  return withSession(session, [&](Session& s) {
    if (badStruct(info, XR_TYPE_ACTIONS_SYNC_INFO)) {
      return XR_ERROR_VALIDATION_FAILURE;
    }
    const DeviceState& device = refreshDevice(s.instance);
    SyncContext context{.focused = focused(s), .time = now(), .device = &device};
    XrResult r = actionsOf(s).sync(session, *info, context);
    announceProfileChanges(s.instance);
    return r;
  });
}

// --- state queries -----------------------------------------------------------------------------

template <typename State, typename Query>
XrResult getState(XrSession session, const XrActionStateGetInfo* info, State* state, XrStructureType type,
                  Query query) {
  return withSession(session, [&](Session& s) {
    if (badStruct(info, XR_TYPE_ACTION_STATE_GET_INFO) || badStruct(state, type)) {
      return XR_ERROR_VALIDATION_FAILURE;
    }
    return (actionsOf(s).*query)(session, *info, state);
  });
}

XrResult XRAPI_CALL stateBoolean(XrSession s, const XrActionStateGetInfo* i, XrActionStateBoolean* st) {
  return getState(s, i, st, XR_TYPE_ACTION_STATE_BOOLEAN, &ActionSystem::getBoolean);
}
XrResult XRAPI_CALL stateFloat(XrSession s, const XrActionStateGetInfo* i, XrActionStateFloat* st) {
  return getState(s, i, st, XR_TYPE_ACTION_STATE_FLOAT, &ActionSystem::getFloat);
}
XrResult XRAPI_CALL stateVector2f(XrSession s, const XrActionStateGetInfo* i, XrActionStateVector2f* st) {
  return getState(s, i, st, XR_TYPE_ACTION_STATE_VECTOR2F, &ActionSystem::getVector2f);
}
XrResult XRAPI_CALL statePose(XrSession s, const XrActionStateGetInfo* i, XrActionStatePose* st) {
  return getState(s, i, st, XR_TYPE_ACTION_STATE_POSE, &ActionSystem::getPose);
}

XrResult XRAPI_CALL currentProfile(XrSession session, XrPath topLevelUserPath, XrInteractionProfileState* state) {
  return withSession(session, [&](Session& s) {
    if (badStruct(state, XR_TYPE_INTERACTION_PROFILE_STATE)) {
      return XR_ERROR_VALIDATION_FAILURE;
    }
    return actionsOf(s).currentInteractionProfile(session, topLevelUserPath, state);
  });
}

XrResult XRAPI_CALL boundSources(XrSession session, const XrBoundSourcesForActionEnumerateInfo* info,
                                 std::uint32_t capacity, std::uint32_t* countOutput, XrPath* sources) {
  return withSession(session, [&](Session& s) {
    if (badStruct(info, XR_TYPE_BOUND_SOURCES_FOR_ACTION_ENUMERATE_INFO) || countOutput == nullptr ||
        (capacity > 0 && sources == nullptr)) {
      return XR_ERROR_VALIDATION_FAILURE;
    }
    return actionsOf(s).enumerateBoundSources(session, *info, capacity, countOutput, sources);
  });
}

XrResult XRAPI_CALL localizedName(XrSession session, const XrInputSourceLocalizedNameGetInfo* info,
                                  std::uint32_t capacity, std::uint32_t* countOutput, char* buffer) {
  return withSession(session, [&](Session& s) {
    if (badStruct(info, XR_TYPE_INPUT_SOURCE_LOCALIZED_NAME_GET_INFO) || countOutput == nullptr ||
        (capacity > 0 && buffer == nullptr)) {
      return XR_ERROR_VALIDATION_FAILURE;
    }
    return actionsOf(s).inputSourceLocalizedName(session, *info, capacity, countOutput, buffer);
  });
}

XrResult XRAPI_CALL applyHaptic(XrSession session, const XrHapticActionInfo* info, const XrHapticBaseHeader* feedback) {
  return withSession(session, [&](Session& s) {
    if (badStruct(info, XR_TYPE_HAPTIC_ACTION_INFO) || feedback == nullptr) {
      return XR_ERROR_VALIDATION_FAILURE;
    }
    return actionsOf(s).applyHaptic(session, *info, feedback, focused(s), currentFrame(s.instance));
  });
}

XrResult XRAPI_CALL stopHaptic(XrSession session, const XrHapticActionInfo* info) {
  return withSession(session, [&](Session& s) {
    if (badStruct(info, XR_TYPE_HAPTIC_ACTION_INFO)) {
      return XR_ERROR_VALIDATION_FAILURE;
    }
    return actionsOf(s).stopHaptic(session, *info, focused(s), currentFrame(s.instance));
  });
}

// --- XR_EXT_hand_tracking ----------------------------------------------------------------------

XrResult XRAPI_CALL createHandTracker(XrSession session, const XrHandTrackerCreateInfoEXT* info,
                                      XrHandTrackerEXT* tracker) {
  return withSession(session, [&](Session& s) {
    if (badStruct(info, XR_TYPE_HAND_TRACKER_CREATE_INFO_EXT) || tracker == nullptr ||
        (info->hand != XR_HAND_LEFT_EXT && info->hand != XR_HAND_RIGHT_EXT) ||
        info->handJointSet != XR_HAND_JOINT_SET_DEFAULT_EXT) {
      return XR_ERROR_VALIDATION_FAILURE;
    }
    auto created = std::make_unique<HandTracker>(Registry::get().newHandle(), s, info->hand);
    Registry::get().add(*created);
    *tracker = fromRaw<XrHandTrackerEXT>(created->handle);
    s.children[created->handle] = std::move(created);
    return XR_SUCCESS;
  });
}

XrResult XRAPI_CALL destroyHandTracker(XrHandTrackerEXT tracker) {
  return guarded([&]() -> XrResult {
    auto* t = Registry::get().find<HandTracker>(toRaw(tracker));
    if (t == nullptr) {
      return XR_ERROR_HANDLE_INVALID;
    }
    t->session.children.erase(t->handle);
    return XR_SUCCESS;
  });
}

XrHandJointVelocitiesEXT* findVelocities(void* next) {
  for (auto* header = static_cast<XrBaseOutStructure*>(next); header != nullptr; header = header->next) {
    if (header->type == XR_TYPE_HAND_JOINT_VELOCITIES_EXT) {
      return reinterpret_cast<XrHandJointVelocitiesEXT*>(header);  // NOLINT
    }
  }
  return nullptr;
}

XrResult checkJointArrays(const XrHandJointLocationsEXT* locations, const XrHandJointVelocitiesEXT* velocities) {
  if (badStruct(locations, XR_TYPE_HAND_JOINT_LOCATIONS_EXT) || locations->jointCount != XR_HAND_JOINT_COUNT_EXT ||
      locations->jointLocations == nullptr) {
    return XR_ERROR_VALIDATION_FAILURE;
  }
  if (velocities != nullptr &&
      (velocities->jointCount != XR_HAND_JOINT_COUNT_EXT || velocities->jointVelocities == nullptr)) {
    return XR_ERROR_VALIDATION_FAILURE;
  }
  return XR_SUCCESS;
}

XrResult XRAPI_CALL locateHandJoints(XrHandTrackerEXT tracker, const XrHandJointsLocateInfoEXT* info,
                                     XrHandJointLocationsEXT* locations) {
  return guarded([&]() -> XrResult {
    auto* t = Registry::get().find<HandTracker>(toRaw(tracker));
    if (t == nullptr) {
      return XR_ERROR_HANDLE_INVALID;
    }
    if (badStruct(info, XR_TYPE_HAND_JOINTS_LOCATE_INFO_EXT)) {
      return XR_ERROR_VALIDATION_FAILURE;
    }
    XrHandJointVelocitiesEXT* velocities = locations != nullptr ? findVelocities(locations->next) : nullptr;
    if (XrResult r = checkJointArrays(locations, velocities); XR_FAILED(r)) {
      return r;
    }
    if (info->time <= 0) {
      return XR_ERROR_TIME_INVALID;
    }
    Space* base = nullptr;
    if (XrResult r = lookup(info->baseSpace, base); XR_FAILED(r)) {
      return r;
    }
    const DeviceState& device = t->session.instance.feed.state();
    const HandState& hand = t->hand == XR_HAND_LEFT_EXT ? device.left : device.right;
    auto basePose = spacePoseInStage(*base, info->time);
    bool active = hand.tracked && focused(t->session) && basePose.has_value();
    locations->isActive = static_cast<XrBool32>(active);
    HandJoints joints = handJoints(hand, t->hand == XR_HAND_LEFT_EXT);
    for (std::uint32_t i = 0; i < XR_HAND_JOINT_COUNT_EXT; ++i) {
      XrHandJointLocationEXT& out = locations->jointLocations[i];
      out.locationFlags = active ? XR_SPACE_LOCATION_ORIENTATION_VALID_BIT | XR_SPACE_LOCATION_POSITION_VALID_BIT |
                                       XR_SPACE_LOCATION_ORIENTATION_TRACKED_BIT | XR_SPACE_LOCATION_POSITION_TRACKED_BIT
                                 : 0;
      out.pose = active ? toXr(compose(inverse(*basePose), fromStream(joints[i].pose))) : toXr(Pose{});
      out.radius = joints[i].radius;
      if (velocities != nullptr) {
        velocities->jointVelocities[i].velocityFlags =
            active ? XR_SPACE_VELOCITY_LINEAR_VALID_BIT | XR_SPACE_VELOCITY_ANGULAR_VALID_BIT : 0;
        velocities->jointVelocities[i].linearVelocity = XrVector3f{.x = 0, .y = 0, .z = 0};
        velocities->jointVelocities[i].angularVelocity = XrVector3f{.x = 0, .y = 0, .z = 0};
      }
    }
    return t->session.lossPending ? XR_SESSION_LOSS_PENDING : XR_SUCCESS;
  });
}

template <typename F>
PFN_xrVoidFunction voidFn(F* f) {
  return reinterpret_cast<PFN_xrVoidFunction>(f);  // NOLINT(cppcoreguidelines-pro-type-reinterpret-cast)
}

}  // namespace

PFN_xrVoidFunction inputProcAddr(const Instance* instance, const char* name) {
  static const std::unordered_map<std::string, PFN_xrVoidFunction> core{
      {"xrStringToPath", voidFn(stringToPath)},
      {"xrPathToString", voidFn(pathToString)},
      {"xrCreateActionSet", voidFn(createActionSet)},
      {"xrDestroyActionSet", voidFn(destroyActionSet)},
      {"xrCreateAction", voidFn(createAction)},
      {"xrDestroyAction", voidFn(destroyAction)},
      {"xrSuggestInteractionProfileBindings", voidFn(suggestBindings)},
      {"xrAttachSessionActionSets", voidFn(attachActionSets)},
      {"xrGetCurrentInteractionProfile", voidFn(currentProfile)},
      {"xrGetActionStateBoolean", voidFn(stateBoolean)},
      {"xrGetActionStateFloat", voidFn(stateFloat)},
      {"xrGetActionStateVector2f", voidFn(stateVector2f)},
      {"xrGetActionStatePose", voidFn(statePose)},
      {"xrSyncActions", voidFn(syncActions)},
      {"xrEnumerateBoundSourcesForAction", voidFn(boundSources)},
      {"xrGetInputSourceLocalizedName", voidFn(localizedName)},
      {"xrApplyHapticFeedback", voidFn(applyHaptic)},
      {"xrStopHapticFeedback", voidFn(stopHaptic)},
  };
  static const std::unordered_map<std::string, PFN_xrVoidFunction> handTracking{
      {"xrCreateHandTrackerEXT", voidFn(createHandTracker)},
      {"xrDestroyHandTrackerEXT", voidFn(destroyHandTracker)},
      {"xrLocateHandJointsEXT", voidFn(locateHandJoints)},
  };
  if (auto it = core.find(name); it != core.end()) {
    return it->second;
  }
  if (auto it = handTracking.find(name); it != handTracking.end()) {
    return instance->enabled(XR_EXT_HAND_TRACKING_EXTENSION_NAME) ? it->second : nullptr;
  }
  return nullptr;
}

XrResult internPath(Instance& instance, std::string_view path, XrPath* out) {
  return instance.input->paths.intern(path, out);
}

std::optional<std::string> pathString(const Instance& instance, XrPath path) {
  auto found = instance.input->paths.lookup(path);
  return found ? std::optional<std::string>(*found) : std::nullopt;
}

std::vector<ExtensionInfo> inputExtensions() {
  return {{XR_EXT_HAND_TRACKING_EXTENSION_NAME, XR_EXT_hand_tracking_SPEC_VERSION},
          {XR_EXT_EYE_GAZE_INTERACTION_EXTENSION_NAME, XR_EXT_eye_gaze_interaction_SPEC_VERSION},
          {XR_KHR_BINDING_MODIFICATION_EXTENSION_NAME, XR_KHR_binding_modification_SPEC_VERSION},
          {XR_EXT_DPAD_BINDING_EXTENSION_NAME, XR_EXT_dpad_binding_SPEC_VERSION}};
}

std::optional<Pose> actionSpacePose(const Session& session, std::uint64_t action, XrPath subactionPath,
                                    XrTime /*time*/) {
  auto pose = session.instance.input->actions.locateAction(fromRaw<XrSession>(session.handle),
                                                            fromRaw<XrAction>(action), subactionPath,
                                                            session.instance.feed.state());
  if (!pose) {
    return std::nullopt;
  }
  return fromStream(*pose);
}

XrResult checkActionSpace(const Session& session, const XrActionSpaceCreateInfo& info) {
  return session.instance.input->actions.validateActionSpace(info);
}

void inputSessionDestroyed(Session& session) {
  session.instance.input->actions.sessionDestroyed(fromRaw<XrSession>(session.handle));
}

InputBridgePtr makeInputBridge(Instance& instance) {
  ActionSystem::Options options = ActionSystem::optionsFromEnvironment();
  options.extensions.insert(instance.extensions.begin(), instance.extensions.end());
  if (XR_VERSION_MINOR(instance.apiVersion) >= 1) {
    options.extensions.insert("XR_VERSION_1_1");  // the 1.1 interaction profiles
  }
  // Action and action-set handles come from the runtime's registry: unique across instances.
  options.newHandle = [] { return Registry::get().newHandle(); };
  return InputBridgePtr(new InputBridge(std::move(options)));  // NOLINT(cppcoreguidelines-owning-memory)
}

void fillSystemPropertiesChain(const Instance& instance, XrSystemId systemId, XrSystemProperties* properties) {
  (void)instance;
  for (auto* header = static_cast<XrBaseOutStructure*>(properties->next); header != nullptr; header = header->next) {
    if (header->type == XR_TYPE_SYSTEM_EYE_GAZE_INTERACTION_PROPERTIES_EXT) {
      // No eye tracker: the spec lets a system offer the extension without supporting it.
      reinterpret_cast<XrSystemEyeGazeInteractionPropertiesEXT*>(header)->supportsEyeGazeInteraction = XR_FALSE;  // NOLINT
    }
    if (header->type == XR_TYPE_SYSTEM_HAND_TRACKING_PROPERTIES_EXT) {
      // The simulated controllers of the HMD come with hands; the handheld device has none.
      reinterpret_cast<XrSystemHandTrackingPropertiesEXT*>(header)->supportsHandTracking =  // NOLINT
          static_cast<XrBool32>(systemId == kHmdSystemId);
    }
  }
}

}  // namespace praxis::xrsim
