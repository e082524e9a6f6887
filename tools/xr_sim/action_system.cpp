// ActionSystem, part one: action sets and actions, suggested bindings, attachment and the
// choice of the simulated controllers' interaction profile.
#include "action_system.h"
#include "xr_compat.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <utility>

#include "action_system_data.h"

namespace praxis::xrsim {
namespace {

/// The profile the simulated controllers take, among those the application suggested, when
/// Options::preferredProfile is not one of them: the richest controllers first.
constexpr std::string_view kProfilePreference[] = {
    "/interaction_profiles/oculus/touch_controller",
    "/interaction_profiles/valve/index_controller",
    "/interaction_profiles/microsoft/motion_controller",
    "/interaction_profiles/htc/vive_controller",
    "/interaction_profiles/khr/simple_controller",
    "/interaction_profiles/oculus/go_controller",
    "/interaction_profiles/google/daydream_controller",
};
constexpr std::string_view kHandPaths[] = {"/user/hand/left", "/user/hand/right"};

/// A fixed-size name field holds a NUL-terminated string (else the struct is malformed).
bool terminated(const char* field, std::size_t size) {
  return ::strnlen(field, size) < size;
}

XrResult checkNames(const char* name, std::size_t nameSize, const char* localized,
                    std::size_t localizedSize) {
  if (!terminated(name, nameSize) || !terminated(localized, localizedSize)) {
    return XR_ERROR_VALIDATION_FAILURE;
  }
  if (name[0] == '\0') return XR_ERROR_NAME_INVALID;
  if (localized[0] == '\0') return XR_ERROR_LOCALIZED_NAME_INVALID;
  if (!PathTable::isWellFormedComponent(name)) return XR_ERROR_PATH_FORMAT_INVALID;
  return XR_SUCCESS;
}

template <typename Range>
XrResult checkUnique(const Range& existing, std::string_view name, std::string_view localized) {
  for (const auto& e : existing) {
    if (e->name == name) return XR_ERROR_NAME_DUPLICATED;
  }
  for (const auto& e : existing) {
    if (e->localizedName == localized) return XR_ERROR_LOCALIZED_NAME_DUPLICATED;
  }
  return XR_SUCCESS;
}

bool isInputOrOutputType(XrActionType type) {
  switch (type) {
    case XR_ACTION_TYPE_BOOLEAN_INPUT:
    case XR_ACTION_TYPE_FLOAT_INPUT:
    case XR_ACTION_TYPE_VECTOR2F_INPUT:
    case XR_ACTION_TYPE_POSE_INPUT:
    case XR_ACTION_TYPE_VIBRATION_OUTPUT: return true;
    default: return false;
  }
}

}  // namespace

ActionSystem::Options ActionSystem::optionsFromEnvironment() {
  Options options;
  if (const char* profile = std::getenv("PRAXIS_XR_SIM_PROFILE"))
    options.preferredProfile = profile;
  if (const char* log = std::getenv("PRAXIS_XR_SIM_HAPTICS")) options.hapticsLog = log;
  return options;
}

ActionSystem::ActionSystem(PathTable& paths, Options options)
    : paths_(paths), options_(std::move(options)) {}

ActionSystem::~ActionSystem() = default;

template <typename Handle>
Handle ActionSystem::mint(const void* object) const {
  return options_.newHandle ? reinterpret_cast<Handle>(options_.newHandle())
                            : reinterpret_cast<Handle>(const_cast<void*>(object));
}

ActionSetData* ActionSystem::findSet(XrActionSet set) const {
  auto it = sets_.find(set);
  return it == sets_.end() ? nullptr : it->second.get();
}

ActionData* ActionSystem::findAction(XrAction action) const {
  auto it = actions_.find(action);
  return it == actions_.end() ? nullptr : it->second;
}

const SessionActions* ActionSystem::findSession(XrSession session) const {
  auto it = sessions_.find(session);
  return it == sessions_.end() ? nullptr : it->second.get();
}

bool ActionSystem::ownsActionSet(XrActionSet set) const {
  return findSet(set) != nullptr;
}
bool ActionSystem::ownsAction(XrAction action) const {
  return findAction(action) != nullptr;
}

XrResult ActionSystem::createActionSet(const XrActionSetCreateInfo& info, XrActionSet* out) {
  if (info.type != XR_TYPE_ACTION_SET_CREATE_INFO) return XR_ERROR_VALIDATION_FAILURE;
  if (XrResult r = checkNames(info.actionSetName, sizeof info.actionSetName,
                              info.localizedActionSetName, sizeof info.localizedActionSetName);
      r != XR_SUCCESS) {
    return r;
  }
  std::vector<const ActionSetData*> existing;
  for (const auto& [handle, set] : sets_) existing.push_back(set.get());
  if (XrResult r = checkUnique(existing, info.actionSetName, info.localizedActionSetName);
      r != XR_SUCCESS) {
    return r;
  }
  auto set = std::make_unique<ActionSetData>();
  set->name = info.actionSetName;
  set->localizedName = info.localizedActionSetName;
  set->priority = info.priority;
  *out = mint<XrActionSet>(set.get());
  setHandles_.emplace(set.get(), *out);
  sets_.emplace(*out, std::move(set));
  return XR_SUCCESS;
}

XrResult ActionSystem::destroyActionSet(XrActionSet handle,
                                        std::vector<XrAction>* destroyedActions) {
  auto it = sets_.find(handle);
  if (it == sets_.end()) return XR_ERROR_HANDLE_INVALID;
  ActionSetData* set = it->second.get();
  for (auto& action : set->actions) {
    const XrAction actionHandle = actionHandles_.at(action.get());
    if (destroyedActions) destroyedActions->push_back(actionHandle);
    for (auto& [profile, bindings] : suggestions_) {
      std::erase_if(bindings,
                    [&](const XrActionSuggestedBinding& b) { return b.action == actionHandle; });
    }
    actions_.erase(actionHandle);
    actionHandles_.erase(action.get());
    for (auto& [session, data] : sessions_) {
      data->bindings.erase(action.get());
      data->state.erase(action.get());
    }
    destroyedActions_.push_back(std::move(action));
  }
  for (auto& [session, data] : sessions_) std::erase(data->attached, set);
  setHandles_.erase(set);
  destroyedSets_.push_back(std::move(it->second));
  sets_.erase(it);
  return XR_SUCCESS;
}

XrResult ActionSystem::createAction(XrActionSet setHandle, const XrActionCreateInfo& info,
                                    XrAction* out) {
  ActionSetData* set = findSet(setHandle);
  if (!set) return XR_ERROR_HANDLE_INVALID;
  if (info.type != XR_TYPE_ACTION_CREATE_INFO || !isInputOrOutputType(info.actionType) ||
      (info.countSubactionPaths > 0 && !info.subactionPaths)) {
    return XR_ERROR_VALIDATION_FAILURE;
  }
  if (set->attached) return XR_ERROR_ACTIONSETS_ALREADY_ATTACHED;
  if (XrResult r = checkNames(info.actionName, sizeof info.actionName, info.localizedActionName,
                              sizeof info.localizedActionName);
      r != XR_SUCCESS) {
    return r;
  }
  if (XrResult r = checkUnique(set->actions, info.actionName, info.localizedActionName);
      r != XR_SUCCESS) {
    return r;
  }
  std::vector<XrPath> subactionPaths(info.subactionPaths,
                                     info.subactionPaths + info.countSubactionPaths);
  for (std::size_t i = 0; i < subactionPaths.size(); ++i) {
    auto path = paths_.lookup(subactionPaths[i]);
    if (!path) return XR_ERROR_PATH_INVALID;
    if (std::ranges::find(kTopLevelPaths, *path) == std::end(kTopLevelPaths) ||
        std::find(subactionPaths.begin(), subactionPaths.begin() + i, subactionPaths[i]) !=
            subactionPaths.begin() + i) {
      return XR_ERROR_PATH_UNSUPPORTED;
    }
  }
  auto action = std::make_unique<ActionData>();
  action->set = set;
  action->name = info.actionName;
  action->localizedName = info.localizedActionName;
  action->type = info.actionType;
  action->subactionPaths = std::move(subactionPaths);
  *out = mint<XrAction>(action.get());
  actions_.emplace(*out, action.get());
  actionHandles_.emplace(action.get(), *out);
  set->actions.push_back(std::move(action));
  return XR_SUCCESS;
}

XrResult ActionSystem::destroyAction(XrAction handle) {
  ActionData* action = findAction(handle);
  if (!action) return XR_ERROR_HANDLE_INVALID;
  for (auto& [profile, bindings] : suggestions_) {
    std::erase_if(bindings, [&](const XrActionSuggestedBinding& b) { return b.action == handle; });
  }
  for (auto& [session, data] : sessions_) {
    data->bindings.erase(action);
    data->state.erase(action);
  }
  auto& owned = action->set->actions;
  auto it = std::ranges::find_if(owned, [&](const auto& a) { return a.get() == action; });
  destroyedActions_.push_back(std::move(*it));
  owned.erase(it);
  actions_.erase(handle);
  actionHandles_.erase(action);
  return XR_SUCCESS;
}

XrResult ActionSystem::validateBinding(const InteractionProfile& profile,
                                       const XrActionSuggestedBinding& binding) const {
  if (!findAction(binding.action)) return XR_ERROR_HANDLE_INVALID;
  auto path = paths_.lookup(binding.binding);
  if (!path) return XR_ERROR_PATH_INVALID;
  for (auto userPath : profile.userPaths) {
    if (path->starts_with(userPath) && path->size() > userPath.size() &&
        (*path)[userPath.size()] == '/' &&
        isBindablePath(profile, userPath, path->substr(userPath.size()), dpadEnabled())) {
      return XR_SUCCESS;
    }
  }
  return XR_ERROR_PATH_UNSUPPORTED;
}

XrResult ActionSystem::validateDpad(const InteractionProfile& profile,
                                    const XrInteractionProfileDpadBindingEXT& dpad) const {
  auto path = paths_.lookup(dpad.binding);
  if (!path) return XR_ERROR_PATH_INVALID;
  // The binding names a thumbstick or trackpad of the profile under one of its user paths.
  bool known = false;
  for (auto userPath : profile.userPaths) {
    known = known || (path->starts_with(userPath) && hasDpadSource(profile, path->substr(userPath.size())));
  }
  if (!known) return XR_ERROR_PATH_UNSUPPORTED;
  if (!findSet(dpad.actionSet)) return XR_ERROR_HANDLE_INVALID;
  constexpr float kPi = 3.14159265F;
  const bool valid = dpad.forceThreshold > 0.0F && dpad.forceThreshold <= 1.0F &&
                     dpad.forceThresholdReleased > 0.0F && dpad.forceThresholdReleased <= 1.0F &&
                     dpad.forceThresholdReleased <= dpad.forceThreshold && dpad.centerRegion > 0.0F &&
                     dpad.centerRegion < 1.0F && dpad.wedgeAngle >= 0.0F && dpad.wedgeAngle < kPi;
  return valid ? XR_SUCCESS : XR_ERROR_VALIDATION_FAILURE;
}

XrResult ActionSystem::validateModifications(const InteractionProfile& profile, const void* next) const {
  if (!options_.extensions.contains("XR_KHR_binding_modification")) return XR_SUCCESS;
  for (auto* h = static_cast<const XrBaseInStructure*>(next); h; h = h->next) {
    if (h->type != XR_TYPE_BINDING_MODIFICATIONS_KHR) continue;
    const auto& mods = *reinterpret_cast<const XrBindingModificationsKHR*>(h);  // NOLINT
    if (mods.bindingModificationCount > 0 && !mods.bindingModifications) return XR_ERROR_VALIDATION_FAILURE;
    std::vector<std::pair<XrPath, XrActionSet>> seen;
    for (std::uint32_t i = 0; i < mods.bindingModificationCount; ++i) {
      const auto* mod = mods.bindingModifications[i];
      if (!mod || mod->type != XR_TYPE_INTERACTION_PROFILE_DPAD_BINDING_EXT || !dpadEnabled()) continue;
      const auto& dpad = *reinterpret_cast<const XrInteractionProfileDpadBindingEXT*>(mod);  // NOLINT
      if (XrResult r = validateDpad(profile, dpad); r != XR_SUCCESS) return r;
      // One set of dpad parameters per thumbstick or trackpad and action set.
      if (std::ranges::find(seen, std::pair{dpad.binding, dpad.actionSet}) != seen.end())
        return XR_ERROR_VALIDATION_FAILURE;
      seen.emplace_back(dpad.binding, dpad.actionSet);
    }
  }
  return XR_SUCCESS;
}

XrResult ActionSystem::suggestBindings(const XrInteractionProfileSuggestedBinding& info) {
  if (info.type != XR_TYPE_INTERACTION_PROFILE_SUGGESTED_BINDING ||
      info.countSuggestedBindings == 0 || !info.suggestedBindings) {
    return XR_ERROR_VALIDATION_FAILURE;
  }
  auto profilePath = paths_.lookup(info.interactionProfile);
  if (!profilePath) return XR_ERROR_PATH_INVALID;
  const InteractionProfile* profile = findProfile(*profilePath, version11());
  if (!profile || (!profile->extension.empty() && !options_.extensions.contains(profile->extension)))
    return XR_ERROR_PATH_UNSUPPORTED;
  for (std::uint32_t i = 0; i < info.countSuggestedBindings; ++i) {
    if (XrResult r = validateBinding(*profile, info.suggestedBindings[i]); r != XR_SUCCESS)
      return r;
  }
  if (XrResult r = validateModifications(*profile, info.next); r != XR_SUCCESS) return r;
  // Checked last: the spec lists this error after the argument checks, and the CTS expects
  // invalid arguments to be reported first.
  if (anyAttached_) return XR_ERROR_ACTIONSETS_ALREADY_ATTACHED;
  suggestions_[info.interactionProfile].assign(
      info.suggestedBindings, info.suggestedBindings + info.countSuggestedBindings);
  return XR_SUCCESS;
}

XrResult ActionSystem::attach(XrSession session, const XrSessionActionSetsAttachInfo& info) {
  if (info.type != XR_TYPE_SESSION_ACTION_SETS_ATTACH_INFO || info.countActionSets == 0 ||
      !info.actionSets) {
    return XR_ERROR_VALIDATION_FAILURE;
  }
  std::vector<ActionSetData*> sets;
  for (std::uint32_t i = 0; i < info.countActionSets; ++i) {
    ActionSetData* set = findSet(info.actionSets[i]);
    if (!set) return XR_ERROR_HANDLE_INVALID;
    if (std::ranges::find(sets, set) == sets.end()) sets.push_back(set);
  }
  auto& data = sessions_[session];
  if (data && !data->attached.empty()) return XR_ERROR_ACTIONSETS_ALREADY_ATTACHED;
  data = std::make_unique<SessionActions>();
  data->attached = sets;
  for (auto* set : sets) set->attached = true;
  anyAttached_ = true;
  chooseProfiles(*data);
  bindActions(*data);
  for (const auto& [userPath, profile] : data->profiles) {
    if (profile) {
      profileChanges_.push_back(session);
      break;
    }
  }
  return XR_SUCCESS;
}

void ActionSystem::chooseProfiles(SessionActions& session) const {
  auto suggested = [&](std::string_view path) {
    const XrPath atom = paths_.find(path);
    auto it = suggestions_.find(atom);
    return atom != XR_NULL_PATH && it != suggestions_.end() && !it->second.empty();
  };
  const InteractionProfile* chosen = nullptr;
  if (!options_.preferredProfile.empty() && suggested(options_.preferredProfile)) {
    chosen = findProfile(options_.preferredProfile, version11());
  }
  for (auto path : kProfilePreference) {
    if (!chosen && suggested(path)) chosen = findProfile(path, version11());
  }
  // Both simulated controllers are the same hardware; the head and a gamepad have no
  // simulated inputs, so they keep no profile.
  for (auto hand : kHandPaths) session.profiles[paths_.internKnown(hand)] = chosen;
}

void ActionSystem::bindActions(SessionActions& session) const {
  for (const auto& [userPathAtom, profile] : session.profiles) {
    if (!profile) continue;
    const std::string_view userPath = *paths_.lookup(userPathAtom);
    const auto it = suggestions_.find(paths_.find(profile->path));
    if (it == suggestions_.end()) continue;
    for (const auto& suggestion : it->second) {
      const ActionData* action = findAction(suggestion.action);
      const std::string_view path = *paths_.lookup(suggestion.binding);
      if (!action || !session.isAttached(action->set) || !path.starts_with(userPath) ||
          path.size() <= userPath.size() || path[userPath.size()] != '/') {
        continue;
      }
      const ProfileComponent* component =
          resolveBinding(*profile, userPath, path.substr(userPath.size()), action->type, dpadEnabled());
      if (!component) continue;
      const std::string full = std::string(userPath) + std::string(component->subpath);
      auto& list = session.bindings[action];
      const XrPath source = paths_.internKnown(full);
      if (std::ranges::none_of(list, [&](const Binding& b) { return b.source == source; })) {
        list.push_back(Binding{userPathAtom, std::string(userPath), profile, component, source});
      }
    }
  }
}

void ActionSystem::sessionDestroyed(XrSession session) {
  sessions_.erase(session);
  std::erase(profileChanges_, session);
}

std::vector<XrSession> ActionSystem::takeInteractionProfileChanges() {
  return std::exchange(profileChanges_, {});
}

XrResult ActionSystem::currentInteractionProfile(XrSession session, XrPath topLevelUserPath,
                                                 XrInteractionProfileState* state) const {
  if (state->type != XR_TYPE_INTERACTION_PROFILE_STATE) return XR_ERROR_VALIDATION_FAILURE;
  const SessionActions* data = findSession(session);
  if (!data || data->attached.empty()) return XR_ERROR_ACTIONSET_NOT_ATTACHED;
  auto path = paths_.lookup(topLevelUserPath);
  if (!path) return XR_ERROR_PATH_INVALID;
  if (std::ranges::find(kTopLevelPaths, *path) == std::end(kTopLevelPaths))
    return XR_ERROR_PATH_UNSUPPORTED;
  auto it = data->profiles.find(topLevelUserPath);
  state->interactionProfile =
      it == data->profiles.end() || !it->second ? XR_NULL_PATH : paths_.find(it->second->path);
  return XR_SUCCESS;
}

XrResult ActionSystem::validateActionSpace(const XrActionSpaceCreateInfo& info) const {
  if (info.type != XR_TYPE_ACTION_SPACE_CREATE_INFO) return XR_ERROR_VALIDATION_FAILURE;
  const ActionData* action = findAction(info.action);
  if (!action) return XR_ERROR_HANDLE_INVALID;
  if (action->type != XR_ACTION_TYPE_POSE_INPUT) return XR_ERROR_ACTION_TYPE_MISMATCH;
  if (info.subactionPath == XR_NULL_PATH) return XR_SUCCESS;
  if (!paths_.isValid(info.subactionPath)) return XR_ERROR_PATH_INVALID;
  if (std::ranges::find(action->subactionPaths, info.subactionPath) ==
      action->subactionPaths.end()) {
    return XR_ERROR_PATH_UNSUPPORTED;
  }
  return XR_SUCCESS;
}

}  // namespace praxis::xrsim
