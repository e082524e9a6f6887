// Suggested bindings: every profile the issue names, each binding an action Praxis declares
// and a path under /user/hand/, the hands' poses and haptics bound everywhere.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "xr/bindings.h"

namespace praxis::xr {
namespace {

bool declared(std::string_view action) {
  const auto specs = actionSpecs();
  return std::any_of(specs.begin(), specs.end(), [&](const auto& a) { return a.name == action; });
}

TEST(SuggestedBindings, TheFiveProfilesOfTheIssue) {
  std::set<std::string_view> profiles;
  for (const auto& p : suggestedBindings()) profiles.insert(p.profile);
  EXPECT_EQ(profiles, (std::set<std::string_view>{
                          "/interaction_profiles/khr/simple_controller",
                          "/interaction_profiles/oculus/touch_controller",
                          "/interaction_profiles/valve/index_controller",
                          "/interaction_profiles/htc/vive_controller",
                          "/interaction_profiles/microsoft/motion_controller"}));
}

TEST(SuggestedBindings, EveryProfileGrabsPosesAndVibratesOnBothHands) {
  for (const auto& p : suggestedBindings()) {
    std::set<std::string> paths;
    for (const auto& b : p.bindings) {
      EXPECT_TRUE(declared(b.action)) << p.profile << ": " << b.action;
      EXPECT_TRUE(b.path.starts_with("/user/hand/left/") || b.path.starts_with("/user/hand/right/"))
          << b.path;
      EXPECT_TRUE(paths.insert(b.path + "|" + std::string(b.action)).second) << "twice: " << b.path;
    }
    for (std::string_view action : {"grab", "grip_pose", "aim_pose", "haptic"}) {
      for (std::string_view hand : {"/user/hand/left/", "/user/hand/right/"}) {
        const bool bound = std::any_of(p.bindings.begin(), p.bindings.end(), [&](const Binding& b) {
          return b.action == action && b.path.starts_with(hand);
        });
        EXPECT_TRUE(bound) << p.profile << " lacks " << action << " on " << hand;
      }
    }
  }
}

TEST(SuggestedBindings, TouchHasItsMenuOnTheLeftOnly) {
  const auto& all = suggestedBindings();
  const auto touch = std::find_if(all.begin(), all.end(), [](const auto& p) {
    return p.profile == "/interaction_profiles/oculus/touch_controller";
  });
  ASSERT_NE(touch, all.end());
  std::vector<std::string> menus;
  for (const auto& b : touch->bindings) {
    if (b.action == "menu") menus.push_back(b.path);
  }
  EXPECT_EQ(menus, std::vector<std::string>{"/user/hand/left/input/menu/click"});
}

TEST(SuggestedBindings, ActionNamesAreValidOpenXrNames) {
  for (const auto& a : actionSpecs()) {
    EXPECT_TRUE(std::all_of(a.name.begin(), a.name.end(), [](char c) {
      return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.';
    })) << a.name;
    EXPECT_FALSE(a.localizedName.empty());
  }
}

}  // namespace
}  // namespace praxis::xr
