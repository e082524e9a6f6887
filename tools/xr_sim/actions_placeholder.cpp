// PLACEHOLDER for the runtime's input side (paths, action system, hand tracking) until
// path_table / action_system / hand_tracking land: just enough that an application such as
// hello_xr runs (every action inactive, every action space untracked). Deleted when the real
// ones are wired into the dispatch (the functions below are the seam).
#include <cstdio>
#include <cstring>
#include <string>
#include <unordered_map>
#include <vector>

#include "entry_points.h"
#include "system_info.h"

namespace praxis::xrsim {

class InputBridge {
 public:
  XrPath intern(const std::string& path) {
    auto it = ids_.find(path);
    if (it != ids_.end()) {
      return it->second;
    }
    names_.push_back(path);
    XrPath id = names_.size();
    ids_[path] = id;
    return id;
  }
  [[nodiscard]] const std::string* name(XrPath path) const {
    return path == XR_NULL_PATH || path > names_.size() ? nullptr : &names_[path - 1];
  }
  std::map<std::uint64_t, std::unique_ptr<Object>> objects;

 private:
  std::unordered_map<std::string, XrPath> ids_;
  std::vector<std::string> names_;
};

namespace {

struct PlaceholderActionSet : Object {
  static constexpr ObjectType kType = ObjectType::ActionSet;
  using Object::Object;
  Instance* owner = nullptr;
};

struct PlaceholderAction : Object {
  static constexpr ObjectType kType = ObjectType::Action;
  using Object::Object;
  Instance* owner = nullptr;
  XrActionType actionType = XR_ACTION_TYPE_BOOLEAN_INPUT;
};

template <typename T>
XrResult sessionCall(XrSession session, T&& body) {
  return guarded([&]() -> XrResult {
    Session* s = nullptr;
    if (XrResult r = lookup(session, s); XR_FAILED(r)) {
      return r;
    }
    return body(*s);
  });
}

XrResult XRAPI_CALL stringToPath(XrInstance instance, const char* pathString, XrPath* path) {
  return guarded([&]() -> XrResult {
    Instance* owner = nullptr;
    if (XrResult r = lookup(instance, owner); XR_FAILED(r)) {
      return r;
    }
    if (pathString == nullptr || path == nullptr) {
      return XR_ERROR_VALIDATION_FAILURE;
    }
    if (pathString[0] != '/' || std::strstr(pathString, "//") != nullptr) {
      return XR_ERROR_PATH_FORMAT_INVALID;
    }
    *path = owner->input->intern(pathString);
    return XR_SUCCESS;
  });
}

XrResult XRAPI_CALL pathToString(XrInstance instance, XrPath path, std::uint32_t capacity, std::uint32_t* countOutput,
                                 char* buffer) {
  return guarded([&]() -> XrResult {
    Instance* owner = nullptr;
    if (XrResult r = lookup(instance, owner); XR_FAILED(r)) {
      return r;
    }
    const std::string* name = owner->input->name(path);
    if (name == nullptr) {
      return XR_ERROR_PATH_INVALID;
    }
    return twoCall(capacity, countOutput, buffer, static_cast<std::uint32_t>(name->size() + 1),
                   [&](char& c, std::uint32_t i) {
                     c = i < name->size() ? (*name)[i] : '\0';
                     return XR_SUCCESS;
                   });
  });
}

XrResult XRAPI_CALL createActionSet(XrInstance instance, const XrActionSetCreateInfo* info, XrActionSet* actionSet) {
  return guarded([&]() -> XrResult {
    Instance* owner = nullptr;
    if (XrResult r = lookup(instance, owner); XR_FAILED(r)) {
      return r;
    }
    if (badStruct(info, XR_TYPE_ACTION_SET_CREATE_INFO) || actionSet == nullptr) {
      return XR_ERROR_VALIDATION_FAILURE;
    }
    auto created = std::make_unique<PlaceholderActionSet>(ObjectType::ActionSet, Registry::get().newHandle());
    created->owner = owner;
    Registry::get().add(*created);
    *actionSet = fromRaw<XrActionSet>(created->handle);
    owner->input->objects[created->handle] = std::move(created);
    return XR_SUCCESS;
  });
}

XrResult XRAPI_CALL createAction(XrActionSet actionSet, const XrActionCreateInfo* info, XrAction* action) {
  return guarded([&]() -> XrResult {
    auto* set = Registry::get().find<PlaceholderActionSet>(toRaw(actionSet));
    if (set == nullptr) {
      return XR_ERROR_HANDLE_INVALID;
    }
    if (badStruct(info, XR_TYPE_ACTION_CREATE_INFO) || action == nullptr) {
      return XR_ERROR_VALIDATION_FAILURE;
    }
    auto created = std::make_unique<PlaceholderAction>(ObjectType::Action, Registry::get().newHandle());
    created->owner = set->owner;
    created->actionType = info->actionType;
    Registry::get().add(*created);
    *action = fromRaw<XrAction>(created->handle);
    set->owner->input->objects[created->handle] = std::move(created);
    return XR_SUCCESS;
  });
}

template <typename T>
XrResult destroyObject(std::uint64_t handle) {
  return guarded([&]() -> XrResult {
    auto* object = Registry::get().find<T>(handle);
    if (object == nullptr) {
      return XR_ERROR_HANDLE_INVALID;
    }
    object->owner->input->objects.erase(handle);
    return XR_SUCCESS;
  });
}

XrResult XRAPI_CALL destroyActionSet(XrActionSet set) { return destroyObject<PlaceholderActionSet>(toRaw(set)); }
XrResult XRAPI_CALL destroyAction(XrAction action) { return destroyObject<PlaceholderAction>(toRaw(action)); }

XrResult XRAPI_CALL suggestBindings(XrInstance instance, const XrInteractionProfileSuggestedBinding* suggested) {
  return guarded([&]() -> XrResult {
    Instance* owner = nullptr;
    if (XrResult r = lookup(instance, owner); XR_FAILED(r)) {
      return r;
    }
    return badStruct(suggested, XR_TYPE_INTERACTION_PROFILE_SUGGESTED_BINDING) ? XR_ERROR_VALIDATION_FAILURE
                                                                               : XR_SUCCESS;
  });
}

XrResult XRAPI_CALL attachActionSets(XrSession session, const XrSessionActionSetsAttachInfo* info) {
  return sessionCall(session, [&](Session&) {
    return badStruct(info, XR_TYPE_SESSION_ACTION_SETS_ATTACH_INFO) ? XR_ERROR_VALIDATION_FAILURE : XR_SUCCESS;
  });
}

XrResult XRAPI_CALL currentProfile(XrSession session, XrPath, XrInteractionProfileState* state) {
  return sessionCall(session, [&](Session&) {
    if (badStruct(state, XR_TYPE_INTERACTION_PROFILE_STATE)) {
      return XR_ERROR_VALIDATION_FAILURE;
    }
    state->interactionProfile = XR_NULL_PATH;
    return XR_SUCCESS;
  });
}

template <typename State>
XrResult inactiveState(XrSession session, const XrActionStateGetInfo* info, State* state, XrStructureType type) {
  return sessionCall(session, [&](Session&) {
    if (badStruct(info, XR_TYPE_ACTION_STATE_GET_INFO) || badStruct(state, type)) {
      return XR_ERROR_VALIDATION_FAILURE;
    }
    void* next = state->next;
    std::memset(state, 0, sizeof(State));
    state->type = type;
    state->next = next;
    return XR_SUCCESS;
  });
}

XrResult XRAPI_CALL stateBoolean(XrSession s, const XrActionStateGetInfo* i, XrActionStateBoolean* st) {
  return inactiveState(s, i, st, XR_TYPE_ACTION_STATE_BOOLEAN);
}
XrResult XRAPI_CALL stateFloat(XrSession s, const XrActionStateGetInfo* i, XrActionStateFloat* st) {
  return inactiveState(s, i, st, XR_TYPE_ACTION_STATE_FLOAT);
}
XrResult XRAPI_CALL stateVector2f(XrSession s, const XrActionStateGetInfo* i, XrActionStateVector2f* st) {
  return inactiveState(s, i, st, XR_TYPE_ACTION_STATE_VECTOR2F);
}
XrResult XRAPI_CALL statePose(XrSession s, const XrActionStateGetInfo* i, XrActionStatePose* st) {
  return inactiveState(s, i, st, XR_TYPE_ACTION_STATE_POSE);
}

XrResult XRAPI_CALL syncActions(XrSession session, const XrActionsSyncInfo* info) {
  return sessionCall(session, [&](Session& s) {
    if (badStruct(info, XR_TYPE_ACTIONS_SYNC_INFO)) {
      return XR_ERROR_VALIDATION_FAILURE;
    }
    return s.state == XR_SESSION_STATE_FOCUSED ? XR_SUCCESS : XR_SESSION_NOT_FOCUSED;
  });
}

XrResult XRAPI_CALL boundSources(XrSession session, const XrBoundSourcesForActionEnumerateInfo* info,
                                 std::uint32_t capacity, std::uint32_t* countOutput, XrPath* sources) {
  return sessionCall(session, [&](Session&) {
    if (badStruct(info, XR_TYPE_BOUND_SOURCES_FOR_ACTION_ENUMERATE_INFO)) {
      return XR_ERROR_VALIDATION_FAILURE;
    }
    return twoCall(capacity, countOutput, sources, 0, [](XrPath&, std::uint32_t) { return XR_SUCCESS; });
  });
}

XrResult XRAPI_CALL localizedName(XrSession session, const XrInputSourceLocalizedNameGetInfo* info,
                                  std::uint32_t capacity, std::uint32_t* countOutput, char* buffer) {
  return sessionCall(session, [&](Session&) {
    if (badStruct(info, XR_TYPE_INPUT_SOURCE_LOCALIZED_NAME_GET_INFO)) {
      return XR_ERROR_VALIDATION_FAILURE;
    }
    return twoCall(capacity, countOutput, buffer, 1, [](char& c, std::uint32_t) {
      c = '\0';
      return XR_SUCCESS;
    });
  });
}

XrResult XRAPI_CALL applyHaptic(XrSession session, const XrHapticActionInfo* info, const XrHapticBaseHeader*) {
  return sessionCall(session, [&](Session&) {
    return badStruct(info, XR_TYPE_HAPTIC_ACTION_INFO) ? XR_ERROR_VALIDATION_FAILURE : XR_SUCCESS;
  });
}

XrResult XRAPI_CALL stopHaptic(XrSession session, const XrHapticActionInfo* info) {
  return sessionCall(session, [&](Session&) {
    return badStruct(info, XR_TYPE_HAPTIC_ACTION_INFO) ? XR_ERROR_VALIDATION_FAILURE : XR_SUCCESS;
  });
}

template <typename F>
PFN_xrVoidFunction voidFn(F* f) {
  return reinterpret_cast<PFN_xrVoidFunction>(f);  // NOLINT(cppcoreguidelines-pro-type-reinterpret-cast)
}

}  // namespace

PFN_xrVoidFunction inputProcAddr(const Instance* /*instance*/, const char* name) {
  static const std::unordered_map<std::string, PFN_xrVoidFunction> table{
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
  auto it = table.find(name);
  return it == table.end() ? nullptr : it->second;
}

std::vector<ExtensionInfo> inputExtensions() { return {}; }

std::optional<Pose> actionSpacePose(const Session&, std::uint64_t, XrPath, XrTime) { return std::nullopt; }

XrResult checkActionSpace(const Session& session, XrAction action, XrPath) {
  auto* a = Registry::get().find<PlaceholderAction>(toRaw(action));
  if (a == nullptr) {
    return XR_ERROR_HANDLE_INVALID;
  }
  if (a->owner != &session.instance || a->actionType != XR_ACTION_TYPE_POSE_INPUT) {
    return XR_ERROR_ACTION_TYPE_MISMATCH;
  }
  return XR_SUCCESS;
}

InputBridgePtr makeInputBridge(Instance&) { return InputBridgePtr(new InputBridge()); }

void InputBridgeDeleter::operator()(InputBridge* bridge) const { delete bridge; }  // NOLINT(cppcoreguidelines-owning-memory)

void fillSystemPropertiesChain(const Instance&, XrSystemId, XrSystemProperties*) {}

}  // namespace praxis::xrsim
