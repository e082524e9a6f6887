// ActionSystem against the spec's rules (names, paths, bindings, attachment, sync, state,
// haptics), driven by simulated controller states as the device stream would give them.
#include "action_system.h"
#include "xr_compat.h"

#include <gtest/gtest.h>

#include <cstring>
#include <filesystem>
#include <fstream>

namespace praxis::xrsim {
namespace {

// An output struct with only its type set (the rest zero), as applications pass them.
template <typename T>
T typed(XrStructureType type) {
  T value{};
  value.type = type;
  return value;
}

const XrSession kSession = reinterpret_cast<XrSession>(0x5e55);
const XrSession kOtherSession = reinterpret_cast<XrSession>(0x5e56);

class ActionSystemTest : public ::testing::Test {
 protected:
  XrPath path(std::string_view s) { return paths.internKnown(s); }

  XrActionSet makeSet(const char* name, const char* localized, std::uint32_t priority = 0) {
    XrActionSetCreateInfo info{XR_TYPE_ACTION_SET_CREATE_INFO, nullptr, {}, {}, priority};
    std::strcpy(info.actionSetName, name);
    std::strcpy(info.localizedActionSetName, localized);
    XrActionSet set = XR_NULL_HANDLE;
    EXPECT_EQ(actions.createActionSet(info, &set), XR_SUCCESS) << name;
    return set;
  }

  XrResult tryAction(XrActionSet set, const char* name, XrActionType type,
                     std::vector<XrPath> subactions, XrAction* out,
                     const char* localized = nullptr) {
    XrActionCreateInfo info{XR_TYPE_ACTION_CREATE_INFO,
                            nullptr,
                            {},
                            type,
                            static_cast<std::uint32_t>(subactions.size()),
                            subactions.data(),
                            {}};
    std::strcpy(info.actionName, name);
    std::strcpy(info.localizedActionName, localized ? localized : name);
    return actions.createAction(set, info, out);
  }

  XrAction makeAction(XrActionSet set, const char* name, XrActionType type,
                      std::vector<XrPath> subactions = {}) {
    XrAction action = XR_NULL_HANDLE;
    EXPECT_EQ(tryAction(set, name, type, std::move(subactions), &action), XR_SUCCESS) << name;
    return action;
  }

  XrResult suggest(std::string_view profile,
                   std::vector<std::pair<XrAction, std::string_view>> bindings) {
    std::vector<XrActionSuggestedBinding> list;
    for (auto [action, p] : bindings) list.push_back({action, path(p)});
    XrInteractionProfileSuggestedBinding info{XR_TYPE_INTERACTION_PROFILE_SUGGESTED_BINDING,
                                              nullptr, path(profile),
                                              static_cast<std::uint32_t>(list.size()), list.data()};
    return actions.suggestBindings(info);
  }

  XrResult attach(XrSession session, std::vector<XrActionSet> sets) {
    XrSessionActionSetsAttachInfo info{XR_TYPE_SESSION_ACTION_SETS_ATTACH_INFO, nullptr,
                                       static_cast<std::uint32_t>(sets.size()), sets.data()};
    return actions.attach(session, info);
  }

  XrResult sync(std::vector<XrActiveActionSet> active, bool focused = true, XrTime time = 1000) {
    XrActionsSyncInfo info{XR_TYPE_ACTIONS_SYNC_INFO, nullptr,
                           static_cast<std::uint32_t>(active.size()), active.data()};
    return actions.sync(kSession, info, SyncContext{focused, time, &device});
  }

  XrActionStateFloat floatState(XrAction action, XrPath subaction = XR_NULL_PATH) {
    XrActionStateGetInfo info{XR_TYPE_ACTION_STATE_GET_INFO, nullptr, action, subaction};
    auto state = typed<XrActionStateFloat>(XR_TYPE_ACTION_STATE_FLOAT);
    EXPECT_EQ(actions.getFloat(kSession, info, &state), XR_SUCCESS);
    return state;
  }

  XrActionStateBoolean boolState(XrAction action, XrPath subaction = XR_NULL_PATH) {
    XrActionStateGetInfo info{XR_TYPE_ACTION_STATE_GET_INFO, nullptr, action, subaction};
    auto state = typed<XrActionStateBoolean>(XR_TYPE_ACTION_STATE_BOOLEAN);
    EXPECT_EQ(actions.getBoolean(kSession, info, &state), XR_SUCCESS);
    return state;
  }

  PathTable paths;
  ActionSystem actions{paths};
  DeviceState device = defaultDeviceState();
};

TEST_F(ActionSystemTest, ActionSetNamesFollowTheSpec) {
  XrActionSet set = makeSet("gameplay", "Gameplay");
  XrActionSetCreateInfo info{XR_TYPE_ACTION_SET_CREATE_INFO, nullptr, {}, {}, 0};
  XrActionSet other = XR_NULL_HANDLE;
  std::strcpy(info.localizedActionSetName, "Other");
  EXPECT_EQ(actions.createActionSet(info, &other), XR_ERROR_NAME_INVALID);
  std::strcpy(info.actionSetName, "INVALID PATH COMPONENT");
  EXPECT_EQ(actions.createActionSet(info, &other), XR_ERROR_PATH_FORMAT_INVALID);
  std::strcpy(info.actionSetName, "gameplay");
  EXPECT_EQ(actions.createActionSet(info, &other), XR_ERROR_NAME_DUPLICATED);
  std::strcpy(info.actionSetName, "menu");
  std::strcpy(info.localizedActionSetName, "Gameplay");
  EXPECT_EQ(actions.createActionSet(info, &other), XR_ERROR_LOCALIZED_NAME_DUPLICATED);
  std::strcpy(info.localizedActionSetName, "");
  EXPECT_EQ(actions.createActionSet(info, &other), XR_ERROR_LOCALIZED_NAME_INVALID);
  info.type = XR_TYPE_ACTIONS_SYNC_INFO;
  EXPECT_EQ(actions.createActionSet(info, &other), XR_ERROR_VALIDATION_FAILURE);
  // A destroyed set's names are free again.
  ASSERT_EQ(actions.destroyActionSet(set), XR_SUCCESS);
  makeSet("gameplay", "Gameplay");
}

TEST_F(ActionSystemTest, DestroyingASetDestroysItsActions) {
  XrActionSet set = makeSet("set", "Set");
  XrAction action = makeAction(set, "grab", XR_ACTION_TYPE_FLOAT_INPUT);
  EXPECT_TRUE(actions.ownsAction(action));
  ASSERT_EQ(actions.destroyActionSet(set), XR_SUCCESS);
  EXPECT_FALSE(actions.ownsAction(action));
  EXPECT_EQ(actions.destroyAction(action), XR_ERROR_HANDLE_INVALID);
  EXPECT_EQ(actions.destroyActionSet(set), XR_ERROR_HANDLE_INVALID);
  EXPECT_FALSE(actions.ownsActionSet(reinterpret_cast<XrActionSet>(0x1234)));
}

TEST(ActionSystem, HandlesComeFromTheRuntimesRegistryWhenGiven) {
  PathTable paths;
  std::uint64_t next = 100;
  ActionSystem::Options options;
  options.newHandle = [&] { return next++; };
  ActionSystem actions(paths, options);
  XrActionSetCreateInfo setInfo{XR_TYPE_ACTION_SET_CREATE_INFO, nullptr, "s", "S", 0};
  XrActionSet set = XR_NULL_HANDLE;
  ASSERT_EQ(actions.createActionSet(setInfo, &set), XR_SUCCESS);
  EXPECT_EQ(reinterpret_cast<std::uint64_t>(set), 100U);
  XrActionCreateInfo actionInfo{
      XR_TYPE_ACTION_CREATE_INFO, nullptr, "a", XR_ACTION_TYPE_BOOLEAN_INPUT, 0, nullptr, "A"};
  XrAction action = XR_NULL_HANDLE;
  ASSERT_EQ(actions.createAction(set, actionInfo, &action), XR_SUCCESS);
  EXPECT_EQ(reinterpret_cast<std::uint64_t>(action), 101U);
  std::vector<XrAction> destroyed;
  ASSERT_EQ(actions.destroyActionSet(set, &destroyed), XR_SUCCESS);
  EXPECT_EQ(destroyed, std::vector<XrAction>{action});
}

TEST_F(ActionSystemTest, ActionNamesAndSubactionPathsAreChecked) {
  XrActionSet set = makeSet("set", "Set");
  XrAction action = XR_NULL_HANDLE;
  makeAction(set, "grab", XR_ACTION_TYPE_FLOAT_INPUT);
  EXPECT_EQ(tryAction(set, "grab", XR_ACTION_TYPE_FLOAT_INPUT, {}, &action, "Other"),
            XR_ERROR_NAME_DUPLICATED);
  EXPECT_EQ(tryAction(set, "use", XR_ACTION_TYPE_FLOAT_INPUT, {}, &action, "grab"),
            XR_ERROR_LOCALIZED_NAME_DUPLICATED);
  EXPECT_EQ(tryAction(set, "", XR_ACTION_TYPE_FLOAT_INPUT, {}, &action, "x"),
            XR_ERROR_NAME_INVALID);
  EXPECT_EQ(tryAction(set, "Bad Name", XR_ACTION_TYPE_FLOAT_INPUT, {}, &action),
            XR_ERROR_PATH_FORMAT_INVALID);
  EXPECT_EQ(tryAction(set, "a", XR_ACTION_TYPE_FLOAT_INPUT,
                      {path("/user/head"), path("/user/head")}, &action),
            XR_ERROR_PATH_UNSUPPORTED);
  EXPECT_EQ(tryAction(set, "b", XR_ACTION_TYPE_FLOAT_INPUT, {path("/user/invalid")}, &action),
            XR_ERROR_PATH_UNSUPPORTED);
  EXPECT_EQ(tryAction(set, "c", XR_ACTION_TYPE_FLOAT_INPUT, {XrPath{0x1234}}, &action),
            XR_ERROR_PATH_INVALID);
  EXPECT_EQ(tryAction(set, "d", static_cast<XrActionType>(77), {}, &action),
            XR_ERROR_VALIDATION_FAILURE);
  EXPECT_EQ(tryAction(reinterpret_cast<XrActionSet>(0x1234), "e", XR_ACTION_TYPE_FLOAT_INPUT, {},
                      &action),
            XR_ERROR_HANDLE_INVALID);
}

TEST_F(ActionSystemTest, EveryComponentOfEveryCoreProfileCanBeSuggested) {
  XrActionSet set = makeSet("set", "Set");
  XrAction any = makeAction(set, "any", XR_ACTION_TYPE_BOOLEAN_INPUT);
  int count = 0;
  for (const auto& profile : interactionProfiles()) {
    if (!profile.extension.empty()) continue;  // needs its extension enabled: below
    for (auto user : profile.userPaths) {
      for (const auto& c : profile.components) {
        if (!c.onlyFor.empty() && c.onlyFor != user) continue;
        const std::string binding = std::string(user) + std::string(c.subpath);
        EXPECT_EQ(suggest(profile.path, {{any, binding}}), XR_SUCCESS)
            << profile.path << " " << binding;
        ++count;
      }
    }
  }
  EXPECT_EQ(count, 214);  // the core 1.0 profiles in the registry (xr.xml), each hand counted
}

TEST_F(ActionSystemTest, TheEyeGazeProfileNeedsItsExtension) {
  XrActionSet set = makeSet("set", "Set");
  XrAction gaze = makeAction(set, "gaze", XR_ACTION_TYPE_POSE_INPUT);
  const auto profile = "/interaction_profiles/ext/eye_gaze_interaction";
  EXPECT_EQ(suggest(profile, {{gaze, "/user/eyes_ext/input/gaze_ext/pose"}}), XR_ERROR_PATH_UNSUPPORTED);
  ActionSystem::Options options;
  options.extensions.insert("XR_EXT_eye_gaze_interaction");
  ActionSystem withExtension(paths, std::move(options));
  XrActionSetCreateInfo setInfo{XR_TYPE_ACTION_SET_CREATE_INFO, nullptr, "eyes", "Eyes", 0};
  XrActionSet eyes = XR_NULL_HANDLE;
  ASSERT_EQ(withExtension.createActionSet(setInfo, &eyes), XR_SUCCESS);
  XrActionCreateInfo info{XR_TYPE_ACTION_CREATE_INFO, nullptr, "gaze", XR_ACTION_TYPE_POSE_INPUT, 0, nullptr, "Gaze"};
  XrAction action = XR_NULL_HANDLE;
  ASSERT_EQ(withExtension.createAction(eyes, info, &action), XR_SUCCESS);
  XrActionSuggestedBinding binding{action, path("/user/eyes_ext/input/gaze_ext/pose")};
  XrInteractionProfileSuggestedBinding suggested{XR_TYPE_INTERACTION_PROFILE_SUGGESTED_BINDING, nullptr,
                                                 path(profile), 1, &binding};
  EXPECT_EQ(withExtension.suggestBindings(suggested), XR_SUCCESS);
  binding.binding = path("/user/hand/left/input/gaze_ext/pose");
  EXPECT_EQ(withExtension.suggestBindings(suggested), XR_ERROR_PATH_UNSUPPORTED);
}

TEST_F(ActionSystemTest, AnOpenXr11InstanceHasThe11ProfilesAndGripSurface) {
  const auto touchPlus = "/interaction_profiles/meta/touch_plus_controller";
  const auto simple = "/interaction_profiles/khr/simple_controller";
  XrActionSet set = makeSet("set", "Set");
  XrAction pose = makeAction(set, "pose", XR_ACTION_TYPE_POSE_INPUT);
  // A 1.0 instance: neither the promoted profile nor the new component.
  EXPECT_EQ(suggest(touchPlus, {{pose, "/user/hand/left/input/grip/pose"}}), XR_ERROR_PATH_UNSUPPORTED);
  EXPECT_EQ(suggest(simple, {{pose, "/user/hand/left/input/grip_surface/pose"}}), XR_ERROR_PATH_UNSUPPORTED);
  ActionSystem::Options options;
  options.extensions.insert("XR_VERSION_1_1");
  ActionSystem v11(paths, std::move(options));
  XrActionSetCreateInfo setInfo{XR_TYPE_ACTION_SET_CREATE_INFO, nullptr, "set11", "Set 1.1", 0};
  XrActionSet set11 = XR_NULL_HANDLE;
  ASSERT_EQ(v11.createActionSet(setInfo, &set11), XR_SUCCESS);
  XrActionCreateInfo info{XR_TYPE_ACTION_CREATE_INFO, nullptr, "any", XR_ACTION_TYPE_BOOLEAN_INPUT, 0, nullptr, "Any"};
  XrAction any = XR_NULL_HANDLE;
  ASSERT_EQ(v11.createAction(set11, info, &any), XR_SUCCESS);
  int count = 0;
  for (auto list : {derivedProfiles11(), promotedProfiles11()}) {
    for (const auto& profile : list) {
      for (auto user : profile.userPaths) {
        // Every component, the 1.1 additions among them, is bindable.
        findIn(profile, [&](const ProfileComponent& c) {
          if (!c.onlyFor.empty() && c.onlyFor != user) return false;
          XrActionSuggestedBinding binding{any, path(std::string(user) + std::string(c.subpath))};
          XrInteractionProfileSuggestedBinding suggested{XR_TYPE_INTERACTION_PROFILE_SUGGESTED_BINDING, nullptr,
                                                         path(profile.path), 1, &binding};
          EXPECT_EQ(v11.suggestBindings(suggested), XR_SUCCESS) << profile.path << " " << c.subpath;
          ++count;
          return false;
        });
      }
    }
  }
  EXPECT_EQ(derivedProfiles11().size() + promotedProfiles11().size(), 20U);  // 7 core hand profiles, 13 promoted
  EXPECT_GT(count, 214);
}

TEST_F(ActionSystemTest, DpadBindingsNeedTheirExtensionsAndValidParameters) {
  const auto touch = "/interaction_profiles/oculus/touch_controller";
  XrActionSet plainSet = makeSet("plain", "Plain");
  XrAction plain = makeAction(plainSet, "plain", XR_ACTION_TYPE_BOOLEAN_INPUT);
  EXPECT_EQ(suggest(touch, {{plain, "/user/hand/left/input/thumbstick/dpad_up"}}), XR_ERROR_PATH_UNSUPPORTED);
  ActionSystem::Options options;
  options.extensions = {"XR_KHR_binding_modification", "XR_EXT_dpad_binding"};
  ActionSystem dpads(paths, std::move(options));
  XrActionSetCreateInfo setInfo{XR_TYPE_ACTION_SET_CREATE_INFO, nullptr, "dpads", "Dpads", 0};
  XrActionSet set = XR_NULL_HANDLE;
  ASSERT_EQ(dpads.createActionSet(setInfo, &set), XR_SUCCESS);
  XrActionCreateInfo info{XR_TYPE_ACTION_CREATE_INFO, nullptr, "up", XR_ACTION_TYPE_BOOLEAN_INPUT, 0, nullptr, "Up"};
  XrAction up = XR_NULL_HANDLE;
  ASSERT_EQ(dpads.createAction(set, info, &up), XR_SUCCESS);
  XrActionSuggestedBinding binding{up, path("/user/hand/left/input/thumbstick/dpad_up")};
  XrInteractionProfileDpadBindingEXT dpad{XR_TYPE_INTERACTION_PROFILE_DPAD_BINDING_EXT,
                                          nullptr,
                                          path("/user/hand/left/input/thumbstick"),
                                          set,
                                          0.5F,
                                          0.4F,
                                          0.5F,
                                          1.5F,
                                          XR_FALSE,
                                          nullptr,
                                          nullptr};
  std::array<const XrBindingModificationBaseHeaderKHR*, 2> list{
      reinterpret_cast<const XrBindingModificationBaseHeaderKHR*>(&dpad),  // NOLINT
      reinterpret_cast<const XrBindingModificationBaseHeaderKHR*>(&dpad)};  // NOLINT
  XrBindingModificationsKHR mods{XR_TYPE_BINDING_MODIFICATIONS_KHR, nullptr, 1, list.data()};
  XrInteractionProfileSuggestedBinding suggested{XR_TYPE_INTERACTION_PROFILE_SUGGESTED_BINDING, &mods, path(touch), 1,
                                                 &binding};
  EXPECT_EQ(dpads.suggestBindings(suggested), XR_SUCCESS);
  mods.bindingModificationCount = 2;  // the same thumbstick and action set twice
  EXPECT_EQ(dpads.suggestBindings(suggested), XR_ERROR_VALIDATION_FAILURE);
  mods.bindingModificationCount = 1;
  dpad.centerRegion = 1.0F;
  EXPECT_EQ(dpads.suggestBindings(suggested), XR_ERROR_VALIDATION_FAILURE);
  dpad.centerRegion = 0.5F;
  dpad.binding = path("/user/hand/left/input/trackpad");  // Touch has no trackpad
  EXPECT_EQ(dpads.suggestBindings(suggested), XR_ERROR_PATH_UNSUPPORTED);
  binding.binding = path("/user/hand/left/input/trackpad/dpad_up");
  suggested.next = nullptr;
  EXPECT_EQ(dpads.suggestBindings(suggested), XR_ERROR_PATH_UNSUPPORTED);
}

TEST(InteractionProfileTest, DpadDirectionsFollowTheThumbstick) {
  const InteractionProfile* touch = findProfile("/interaction_profiles/oculus/touch_controller");
  ASSERT_NE(touch, nullptr);
  HandState hand;
  hand.thumbstick = {0.1F, 0.9F};
  EXPECT_EQ(inputValue(*touch, "/input/thumbstick/dpad_up", hand).x, 1.0F);
  EXPECT_EQ(inputValue(*touch, "/input/thumbstick/dpad_left", hand).x, 0.0F);
  hand.thumbstick = {-0.8F, 0.2F};
  EXPECT_EQ(inputValue(*touch, "/input/thumbstick/dpad_left", hand).x, 1.0F);
  EXPECT_EQ(inputValue(*touch, "/input/thumbstick/dpad_up", hand).x, 0.0F);
  hand.thumbstick = {0.2F, 0.1F};  // inside the centre region: no direction
  EXPECT_EQ(inputValue(*touch, "/input/thumbstick/dpad_right", hand).x, 0.0F);
}

TEST_F(ActionSystemTest, UnknownProfilesAndBindingPathsAreUnsupported) {
  XrActionSet set = makeSet("set", "Set");
  XrAction a = makeAction(set, "a", XR_ACTION_TYPE_BOOLEAN_INPUT);
  const auto simple = "/interaction_profiles/khr/simple_controller";
  for (auto profile : {"/invalid", "/interaction_profiles", "/interaction_profiles/invalid",
                       "/interaction_profiles/khr/simple_controller/invalid",
                       "/interaction_profiles/khr/another_controller",
                       "/interaction_profiles/meta/touch_pro_controller"}) {
    EXPECT_EQ(suggest(profile, {{a, "/user/hand/left/input/select/click"}}),
              XR_ERROR_PATH_UNSUPPORTED)
        << profile;
  }
  for (auto binding :
       {"/invalid", "/user/invalid", "/user/hand/invalid", "/user/hand/right",
        "/user/hand/right/invalid", "/user/hand/right/input", "/user/hand/invalid/input",
        "/user/hand/left/input_bad/menu/click", "/user/hand/right/input/select/click/invalid",
        "/user/hand/left/input/palm_ext/pose"}) {
    EXPECT_EQ(suggest(simple, {{a, binding}}), XR_ERROR_PATH_UNSUPPORTED) << binding;
  }
  // Touch's a/b are right-hand only, x/y left-hand only.
  EXPECT_EQ(suggest("/interaction_profiles/oculus/touch_controller",
                    {{a, "/user/hand/left/input/a/click"}}),
            XR_ERROR_PATH_UNSUPPORTED);
  EXPECT_EQ(
      suggest(simple, {{reinterpret_cast<XrAction>(0x1234), "/user/hand/left/input/select/click"}}),
      XR_ERROR_HANDLE_INVALID);
  EXPECT_EQ(suggest(simple, {}), XR_ERROR_VALIDATION_FAILURE);
  // Short forms without the component, and duplicates, are fine.
  EXPECT_EQ(
      suggest(simple, {{a, "/user/hand/left/input/select"}, {a, "/user/hand/left/input/select"}}),
      XR_SUCCESS);
}

TEST_F(ActionSystemTest, AttachmentFixesActionSetsAndBindings) {
  XrActionSet set = makeSet("set", "Set");
  XrAction a = makeAction(set, "a", XR_ACTION_TYPE_BOOLEAN_INPUT);
  const auto simple = "/interaction_profiles/khr/simple_controller";
  ASSERT_EQ(suggest(simple, {{a, "/user/hand/left/input/select/click"}}), XR_SUCCESS);
  XrActiveActionSet active{set, XR_NULL_PATH};
  EXPECT_EQ(sync({active}), XR_ERROR_ACTIONSET_NOT_ATTACHED);
  EXPECT_EQ(sync({}), XR_SUCCESS);
  EXPECT_EQ(attach(kSession, {}), XR_ERROR_VALIDATION_FAILURE);
  ASSERT_EQ(attach(kSession, {set}), XR_SUCCESS);
  EXPECT_EQ(attach(kSession, {set}), XR_ERROR_ACTIONSETS_ALREADY_ATTACHED);
  EXPECT_EQ(suggest(simple, {{a, "/user/hand/left/input/select/click"}}),
            XR_ERROR_ACTIONSETS_ALREADY_ATTACHED);
  XrAction late = XR_NULL_HANDLE;
  EXPECT_EQ(tryAction(set, "late", XR_ACTION_TYPE_BOOLEAN_INPUT, {}, &late),
            XR_ERROR_ACTIONSETS_ALREADY_ATTACHED);
  // Another session may attach the same sets (e.g. after the first one was destroyed).
  actions.sessionDestroyed(kSession);
  EXPECT_EQ(attach(kOtherSession, {set}), XR_SUCCESS);
}

TEST_F(ActionSystemTest, QueriesCheckAttachmentTypeAndSubactionPath) {
  XrActionSet set = makeSet("set", "Set");
  const XrPath left = path("/user/hand/left");
  XrAction grab =
      makeAction(set, "grab", XR_ACTION_TYPE_FLOAT_INPUT, {left, path("/user/hand/right")});
  XrAction plain = makeAction(set, "plain", XR_ACTION_TYPE_BOOLEAN_INPUT);
  XrActionStateGetInfo info{XR_TYPE_ACTION_STATE_GET_INFO, nullptr, grab, XR_NULL_PATH};
  auto f = typed<XrActionStateFloat>(XR_TYPE_ACTION_STATE_FLOAT);
  auto b = typed<XrActionStateBoolean>(XR_TYPE_ACTION_STATE_BOOLEAN);
  EXPECT_EQ(actions.getFloat(kSession, info, &f), XR_ERROR_ACTIONSET_NOT_ATTACHED);
  ASSERT_EQ(attach(kSession, {set}), XR_SUCCESS);
  EXPECT_EQ(actions.getFloat(kSession, info, &f), XR_SUCCESS);
  EXPECT_FALSE(f.isActive);  // not synced, not bound
  EXPECT_EQ(actions.getBoolean(kSession, info, &b), XR_ERROR_ACTION_TYPE_MISMATCH);
  info.subactionPath = XrPath{0x1234};
  EXPECT_EQ(actions.getFloat(kSession, info, &f), XR_ERROR_PATH_INVALID);
  info.subactionPath = path("/user/gamepad");
  EXPECT_EQ(actions.getFloat(kSession, info, &f), XR_ERROR_PATH_UNSUPPORTED);
  info.action = plain;
  info.subactionPath = left;
  EXPECT_EQ(actions.getBoolean(kSession, info, &b), XR_ERROR_PATH_UNSUPPORTED);
  info.action = reinterpret_cast<XrAction>(0x1234);
  EXPECT_EQ(actions.getBoolean(kSession, info, &b), XR_ERROR_HANDLE_INVALID);
}

TEST_F(ActionSystemTest, TouchProfileReadsTheSimulatedControllers) {
  XrActionSet set = makeSet("set", "Set");
  const XrPath left = path("/user/hand/left");
  const XrPath right = path("/user/hand/right");
  XrAction grab = makeAction(set, "grab", XR_ACTION_TYPE_FLOAT_INPUT, {left, right});
  XrAction use = makeAction(set, "use", XR_ACTION_TYPE_BOOLEAN_INPUT, {left, right});
  XrAction move = makeAction(set, "move", XR_ACTION_TYPE_VECTOR2F_INPUT);
  XrAction primary = makeAction(set, "primary", XR_ACTION_TYPE_BOOLEAN_INPUT);
  ASSERT_EQ(suggest("/interaction_profiles/oculus/touch_controller",
                    {{grab, "/user/hand/left/input/squeeze/value"},
                     {grab, "/user/hand/right/input/squeeze/value"},
                     {use, "/user/hand/left/input/trigger"},
                     {use, "/user/hand/right/input/trigger"},
                     {move, "/user/hand/left/input/thumbstick"},
                     {primary, "/user/hand/right/input/a/click"},
                     {primary, "/user/hand/left/input/x/click"}}),
            XR_SUCCESS);
  ASSERT_EQ(attach(kSession, {set}), XR_SUCCESS);
  EXPECT_EQ(actions.takeInteractionProfileChanges(), std::vector<XrSession>{kSession});
  device.right.squeeze = 0.8F;
  device.left.trigger = 0.7F;
  device.left.thumbstick = {0.25F, -0.5F};
  ASSERT_EQ(sync({{set, XR_NULL_PATH}}, true, 1000), XR_SUCCESS);
  EXPECT_FLOAT_EQ(floatState(grab).currentState, 0.8F);
  EXPECT_FLOAT_EQ(floatState(grab, left).currentState, 0.0F);
  EXPECT_FLOAT_EQ(floatState(grab, right).currentState, 0.8F);
  EXPECT_TRUE(
      boolState(use).currentState);  // trigger/value 0.7 through the short form, thresholded
  EXPECT_TRUE(boolState(use, left).currentState);
  EXPECT_FALSE(boolState(use, right).currentState);
  auto v = typed<XrActionStateVector2f>(XR_TYPE_ACTION_STATE_VECTOR2F);
  XrActionStateGetInfo info{XR_TYPE_ACTION_STATE_GET_INFO, nullptr, move, XR_NULL_PATH};
  ASSERT_EQ(actions.getVector2f(kSession, info, &v), XR_SUCCESS);
  EXPECT_FLOAT_EQ(v.currentState.x, 0.25F);
  EXPECT_FLOAT_EQ(v.currentState.y, -0.5F);
  EXPECT_FALSE(boolState(primary).currentState);
  device.left.primary = true;  // X on the left Touch controller
  ASSERT_EQ(sync({{set, XR_NULL_PATH}}, true, 2000), XR_SUCCESS);
  EXPECT_TRUE(boolState(primary).currentState);
}

TEST_F(ActionSystemTest, ChangedSinceLastSyncAndLastChangeTime) {
  XrActionSet set = makeSet("set", "Set");
  XrAction use = makeAction(set, "use", XR_ACTION_TYPE_FLOAT_INPUT);
  ASSERT_EQ(suggest("/interaction_profiles/valve/index_controller",
                    {{use, "/user/hand/right/input/trigger/value"}}),
            XR_SUCCESS);
  ASSERT_EQ(attach(kSession, {set}), XR_SUCCESS);
  ASSERT_EQ(sync({{set, XR_NULL_PATH}}, true, 100), XR_SUCCESS);
  auto s = floatState(use);
  EXPECT_TRUE(s.isActive);
  EXPECT_FALSE(s.changedSinceLastSync);
  EXPECT_EQ(s.lastChangeTime, 100);
  device.right.trigger = 0.5F;
  ASSERT_EQ(sync({{set, XR_NULL_PATH}}, true, 200), XR_SUCCESS);
  s = floatState(use);
  EXPECT_TRUE(s.changedSinceLastSync);
  EXPECT_EQ(s.lastChangeTime, 200);
  ASSERT_EQ(sync({{set, XR_NULL_PATH}}, true, 300), XR_SUCCESS);
  s = floatState(use);
  EXPECT_FALSE(s.changedSinceLastSync);
  EXPECT_EQ(s.lastChangeTime, 200);
  // Losing focus: every action inactive and zero, and the sync says so.
  EXPECT_EQ(sync({{set, XR_NULL_PATH}}, false, 400), XR_SESSION_NOT_FOCUSED);
  s = floatState(use);
  EXPECT_FALSE(s.isActive);
  EXPECT_FLOAT_EQ(s.currentState, 0.0F);
  // A set left out of the sync is inactive too.
  ASSERT_EQ(sync({}, true, 500), XR_SUCCESS);
  EXPECT_FALSE(floatState(use).isActive);
}

TEST_F(ActionSystemTest, ActiveSetSubactionPathLimitsTheSources) {
  XrActionSet set = makeSet("set", "Set");
  XrAction grab = makeAction(set, "grab", XR_ACTION_TYPE_FLOAT_INPUT);
  ASSERT_EQ(suggest("/interaction_profiles/valve/index_controller",
                    {{grab, "/user/hand/left/input/squeeze/value"},
                     {grab, "/user/hand/right/input/squeeze/value"}}),
            XR_SUCCESS);
  ASSERT_EQ(attach(kSession, {set}), XR_SUCCESS);
  device.left.squeeze = 0.3F;
  device.right.squeeze = 0.9F;
  ASSERT_EQ(sync({{set, path("/user/hand/left")}}), XR_SUCCESS);
  EXPECT_FLOAT_EQ(floatState(grab).currentState, 0.3F);
  ASSERT_EQ(sync({{set, XR_NULL_PATH}}), XR_SUCCESS);
  EXPECT_FLOAT_EQ(floatState(grab).currentState, 0.9F);
  EXPECT_EQ(sync({{set, XrPath{0x1234}}}), XR_ERROR_PATH_INVALID);
  EXPECT_EQ(sync({{set, path("/user/nope")}}), XR_ERROR_PATH_UNSUPPORTED);
}

TEST_F(ActionSystemTest, HigherPrioritySetTakesASharedSource) {
  XrActionSet low = makeSet("low", "Low", 1);
  XrActionSet high = makeSet("high", "High", 2);
  XrAction walk = makeAction(low, "walk", XR_ACTION_TYPE_FLOAT_INPUT);
  XrAction menu = makeAction(high, "select", XR_ACTION_TYPE_FLOAT_INPUT);
  XrAction squeeze = makeAction(low, "squeeze", XR_ACTION_TYPE_FLOAT_INPUT);
  ASSERT_EQ(suggest("/interaction_profiles/valve/index_controller",
                    {{walk, "/user/hand/right/input/trigger/value"},
                     {menu, "/user/hand/right/input/trigger/value"},
                     {squeeze, "/user/hand/right/input/squeeze/value"}}),
            XR_SUCCESS);
  ASSERT_EQ(attach(kSession, {low, high}), XR_SUCCESS);
  device.right.trigger = 1.0F;
  device.right.squeeze = 1.0F;
  ASSERT_EQ(sync({{low, XR_NULL_PATH}, {high, XR_NULL_PATH}}), XR_SUCCESS);
  EXPECT_FALSE(floatState(walk).isActive);
  EXPECT_FLOAT_EQ(floatState(menu).currentState, 1.0F);
  EXPECT_FLOAT_EQ(floatState(squeeze).currentState, 1.0F);
  ASSERT_EQ(sync({{low, XR_NULL_PATH}}), XR_SUCCESS);
  EXPECT_FLOAT_EQ(floatState(walk).currentState, 1.0F);
}

TEST_F(ActionSystemTest, ProfilePreferenceAndOverride) {
  XrActionSet set = makeSet("set", "Set");
  XrAction a = makeAction(set, "a", XR_ACTION_TYPE_BOOLEAN_INPUT);
  ASSERT_EQ(suggest("/interaction_profiles/khr/simple_controller",
                    {{a, "/user/hand/left/input/select/click"}}),
            XR_SUCCESS);
  ASSERT_EQ(suggest("/interaction_profiles/htc/vive_controller",
                    {{a, "/user/hand/left/input/trigger/click"}}),
            XR_SUCCESS);
  ASSERT_EQ(attach(kSession, {set}), XR_SUCCESS);
  auto state = typed<XrInteractionProfileState>(XR_TYPE_INTERACTION_PROFILE_STATE);
  ASSERT_EQ(actions.currentInteractionProfile(kSession, path("/user/hand/left"), &state),
            XR_SUCCESS);
  EXPECT_EQ(paths.lookup(state.interactionProfile), "/interaction_profiles/htc/vive_controller");
  ASSERT_EQ(actions.currentInteractionProfile(kSession, path("/user/gamepad"), &state), XR_SUCCESS);
  EXPECT_EQ(state.interactionProfile, XR_NULL_PATH);
  EXPECT_EQ(actions.currentInteractionProfile(kSession, path("/user/hand"), &state),
            XR_ERROR_PATH_UNSUPPORTED);

  PathTable otherPaths;
  ActionSystem::Options options;
  options.preferredProfile = "/interaction_profiles/khr/simple_controller";
  ActionSystem forced(otherPaths, options);
  XrActionSetCreateInfo setInfo{XR_TYPE_ACTION_SET_CREATE_INFO, nullptr, "s", "S", 0};
  XrActionSet s2 = XR_NULL_HANDLE;
  ASSERT_EQ(forced.createActionSet(setInfo, &s2), XR_SUCCESS);
  XrActionCreateInfo actionInfo{
      XR_TYPE_ACTION_CREATE_INFO, nullptr, "a", XR_ACTION_TYPE_BOOLEAN_INPUT, 0, nullptr, "A"};
  XrAction a2 = XR_NULL_HANDLE;
  ASSERT_EQ(forced.createAction(s2, actionInfo, &a2), XR_SUCCESS);
  for (auto [profile, binding] : {std::pair{"/interaction_profiles/khr/simple_controller",
                                            "/user/hand/left/input/select/click"},
                                  std::pair{"/interaction_profiles/htc/vive_controller",
                                            "/user/hand/left/input/trigger/click"}}) {
    XrActionSuggestedBinding b{a2, otherPaths.internKnown(binding)};
    XrInteractionProfileSuggestedBinding info{XR_TYPE_INTERACTION_PROFILE_SUGGESTED_BINDING,
                                              nullptr, otherPaths.internKnown(profile), 1, &b};
    ASSERT_EQ(forced.suggestBindings(info), XR_SUCCESS);
  }
  XrSessionActionSetsAttachInfo attachInfo{XR_TYPE_SESSION_ACTION_SETS_ATTACH_INFO, nullptr, 1,
                                           &s2};
  ASSERT_EQ(forced.attach(kSession, attachInfo), XR_SUCCESS);
  ASSERT_EQ(forced.currentInteractionProfile(kSession, otherPaths.internKnown("/user/hand/right"),
                                             &state),
            XR_SUCCESS);
  EXPECT_EQ(otherPaths.lookup(state.interactionProfile),
            "/interaction_profiles/khr/simple_controller");
}

TEST_F(ActionSystemTest, HapticsAreRecordedPerBoundOutput) {
  const auto log =
      std::filesystem::path(PRAXIS_BINARY_DIR) / "test-data-home" / "xr_sim" / "haptics.jsonl";
  std::filesystem::create_directories(log.parent_path());
  std::filesystem::remove(log);
  ActionSystem::Options options;
  options.hapticsLog = log;
  ActionSystem logged(paths, options);
  XrActionSetCreateInfo setInfo{XR_TYPE_ACTION_SET_CREATE_INFO, nullptr, "s", "S", 0};
  XrActionSet set = XR_NULL_HANDLE;
  ASSERT_EQ(logged.createActionSet(setInfo, &set), XR_SUCCESS);
  XrPath hands[] = {path("/user/hand/left"), path("/user/hand/right")};
  XrActionCreateInfo actionInfo{XR_TYPE_ACTION_CREATE_INFO,
                                nullptr,
                                "buzz",
                                XR_ACTION_TYPE_VIBRATION_OUTPUT,
                                2,
                                hands,
                                "Buzz"};
  XrAction buzz = XR_NULL_HANDLE;
  ASSERT_EQ(logged.createAction(set, actionInfo, &buzz), XR_SUCCESS);
  XrActionSuggestedBinding b[] = {{buzz, path("/user/hand/left/output/haptic")},
                                  {buzz, path("/user/hand/right/output/haptic")}};
  XrInteractionProfileSuggestedBinding suggestion{
      XR_TYPE_INTERACTION_PROFILE_SUGGESTED_BINDING, nullptr,
      path("/interaction_profiles/oculus/touch_controller"), 2, b};
  ASSERT_EQ(logged.suggestBindings(suggestion), XR_SUCCESS);
  XrSessionActionSetsAttachInfo attachInfo{XR_TYPE_SESSION_ACTION_SETS_ATTACH_INFO, nullptr, 1,
                                           &set};
  ASSERT_EQ(logged.attach(kSession, attachInfo), XR_SUCCESS);
  XrHapticVibration vibration{XR_TYPE_HAPTIC_VIBRATION, nullptr, 100'000'000,
                              XR_FREQUENCY_UNSPECIFIED, 0.5F};
  const auto* header = reinterpret_cast<const XrHapticBaseHeader*>(&vibration);
  XrHapticActionInfo info{XR_TYPE_HAPTIC_ACTION_INFO, nullptr, buzz, hands[1]};
  EXPECT_EQ(logged.applyHaptic(kSession, info, header, false, 3), XR_SESSION_NOT_FOCUSED);
  ASSERT_EQ(logged.applyHaptic(kSession, info, header, true, 4), XR_SUCCESS);
  ASSERT_EQ(logged.stopHaptic(kSession, info, true, 6), XR_SUCCESS);
  const auto records = logged.haptics(kSession);
  ASSERT_EQ(records.size(), 2U);
  EXPECT_EQ(records[0], (HapticRecord{4, "buzz", "/user/hand/right/output/haptic", false, 0.5F,
                                      100'000'000, 0.0F}));
  EXPECT_TRUE(records[1].stop);
  std::ifstream in(log);
  std::string line;
  ASSERT_TRUE(std::getline(in, line));
  std::string error;
  EXPECT_EQ(parseHapticLine(line, &error), records[0]) << error;
  vibration.type = XR_TYPE_ACTIONS_SYNC_INFO;
  EXPECT_EQ(logged.applyHaptic(kSession, info, header, true, 7), XR_ERROR_VALIDATION_FAILURE);
}

TEST_F(ActionSystemTest, BoundSourcesAndTheirLocalizedNames) {
  XrActionSet set = makeSet("set", "Set");
  XrAction use = makeAction(set, "use", XR_ACTION_TYPE_FLOAT_INPUT);
  ASSERT_EQ(suggest("/interaction_profiles/oculus/touch_controller",
                    {{use, "/user/hand/right/input/trigger"}}),
            XR_SUCCESS);
  XrBoundSourcesForActionEnumerateInfo info{XR_TYPE_BOUND_SOURCES_FOR_ACTION_ENUMERATE_INFO,
                                            nullptr, use};
  std::uint32_t count = 0;
  EXPECT_EQ(actions.enumerateBoundSources(kSession, info, 0, &count, nullptr),
            XR_ERROR_ACTIONSET_NOT_ATTACHED);
  ASSERT_EQ(attach(kSession, {set}), XR_SUCCESS);
  ASSERT_EQ(actions.enumerateBoundSources(kSession, info, 0, &count, nullptr), XR_SUCCESS);
  ASSERT_EQ(count, 1U);
  XrPath source = XR_NULL_PATH;
  ASSERT_EQ(actions.enumerateBoundSources(kSession, info, 1, &count, &source), XR_SUCCESS);
  EXPECT_EQ(paths.lookup(source), "/user/hand/right/input/trigger/value");

  XrInputSourceLocalizedNameGetInfo nameInfo{
      XR_TYPE_INPUT_SOURCE_LOCALIZED_NAME_GET_INFO, nullptr, source,
      XR_INPUT_SOURCE_LOCALIZED_NAME_USER_PATH_BIT |
          XR_INPUT_SOURCE_LOCALIZED_NAME_INTERACTION_PROFILE_BIT |
          XR_INPUT_SOURCE_LOCALIZED_NAME_COMPONENT_BIT};
  ASSERT_EQ(actions.inputSourceLocalizedName(kSession, nameInfo, 0, &count, nullptr), XR_SUCCESS);
  std::string name(count, '\0');
  EXPECT_EQ(actions.inputSourceLocalizedName(kSession, nameInfo, 1, &count, name.data()),
            XR_ERROR_SIZE_INSUFFICIENT);
  ASSERT_EQ(actions.inputSourceLocalizedName(kSession, nameInfo, count, &count, name.data()),
            XR_SUCCESS);
  EXPECT_STREQ(name.c_str(), "Right Hand Oculus Touch Controller Trigger Value");
  nameInfo.whichComponents = 0;
  EXPECT_EQ(actions.inputSourceLocalizedName(kSession, nameInfo, 0, &count, nullptr),
            XR_ERROR_VALIDATION_FAILURE);
}

TEST_F(ActionSystemTest, ActionSpacesFollowGripAndAim) {
  XrActionSet set = makeSet("set", "Set");
  const XrPath right = path("/user/hand/right");
  XrAction grip = makeAction(set, "grip", XR_ACTION_TYPE_POSE_INPUT, {right});
  XrAction aim = makeAction(set, "aim", XR_ACTION_TYPE_POSE_INPUT);
  XrAction button = makeAction(set, "button", XR_ACTION_TYPE_BOOLEAN_INPUT);
  ASSERT_EQ(
      suggest("/interaction_profiles/khr/simple_controller",
              {{grip, "/user/hand/right/input/grip/pose"}, {aim, "/user/hand/right/input/aim"}}),
      XR_SUCCESS);
  XrActionSpaceCreateInfo spaceInfo{
      XR_TYPE_ACTION_SPACE_CREATE_INFO, nullptr, button, XR_NULL_PATH, {}};
  EXPECT_EQ(actions.validateActionSpace(spaceInfo), XR_ERROR_ACTION_TYPE_MISMATCH);
  spaceInfo.action = grip;
  spaceInfo.subactionPath = path("/user/hand/left");
  EXPECT_EQ(actions.validateActionSpace(spaceInfo), XR_ERROR_PATH_UNSUPPORTED);
  spaceInfo.subactionPath = right;
  EXPECT_EQ(actions.validateActionSpace(spaceInfo), XR_SUCCESS);
  ASSERT_EQ(attach(kSession, {set}), XR_SUCCESS);
  EXPECT_FALSE(actions.locateAction(kSession, grip, right, device));  // not synced yet
  ASSERT_EQ(sync({{set, XR_NULL_PATH}}), XR_SUCCESS);
  auto g = actions.locateAction(kSession, grip, right, device);
  ASSERT_TRUE(g);
  EXPECT_EQ(*g, device.right.grip);
  auto a = actions.locateAction(kSession, aim, XR_NULL_PATH, device);
  ASSERT_TRUE(a);
  EXPECT_FLOAT_EQ(a->position[2],
                  device.right.grip.position[2] - 0.05F);  // identity grip: along -Z
  device.right.tracked = false;
  EXPECT_FALSE(actions.locateAction(kSession, grip, right, device));
}

/// A controller put down (only the bare hand is seen): its inputs no longer drive actions and
/// its poses are not located, whatever the stream's squeeze says (that is the hand's pinch).
TEST_F(ActionSystemTest, AControllerPutDownDrivesNoAction) {
  XrActionSet set = makeSet("set", "Set");
  const XrPath right = path("/user/hand/right");
  XrAction grab = makeAction(set, "grab", XR_ACTION_TYPE_FLOAT_INPUT, {right});
  XrAction grip = makeAction(set, "grip", XR_ACTION_TYPE_POSE_INPUT, {right});
  ASSERT_EQ(suggest("/interaction_profiles/oculus/touch_controller",
                    {{grab, "/user/hand/right/input/squeeze/value"}, {grip, "/user/hand/right/input/grip/pose"}}),
            XR_SUCCESS);
  ASSERT_EQ(attach(kSession, {set}), XR_SUCCESS);
  device.right.squeeze = 1.0F;
  ASSERT_EQ(sync({{set, XR_NULL_PATH}}, true, 1000), XR_SUCCESS);
  EXPECT_FLOAT_EQ(floatState(grab, right).currentState, 1.0F);
  EXPECT_TRUE(actions.locateAction(kSession, grip, right, device));
  device.right.controller = false;
  ASSERT_EQ(sync({{set, XR_NULL_PATH}}, true, 2000), XR_SUCCESS);
  EXPECT_EQ(floatState(grab, right).isActive, XR_FALSE);
  EXPECT_FLOAT_EQ(floatState(grab, right).currentState, 0.0F);
  EXPECT_FALSE(actions.locateAction(kSession, grip, right, device));
}

}  // namespace
}  // namespace praxis::xrsim
