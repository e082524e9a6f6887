#include "xr/bindings.h"

#include <array>
#include <string>

namespace praxis::xr {
namespace {

constexpr std::array<ActionSpec, 9> kActions{{
    {"grab", "Grab", ActionKind::Float},
    {"use", "Use a tool", ActionKind::Float},
    {"locomotion", "Teleport and turn", ActionKind::Vector2},
    {"primary", "Primary button", ActionKind::Boolean},
    {"secondary", "Secondary button", ActionKind::Boolean},
    {"menu", "Menu", ActionKind::Boolean},
    {"grip_pose", "Hand pose", ActionKind::Pose},
    {"aim_pose", "Pointing pose", ActionKind::Pose},
    {"haptic", "Vibration", ActionKind::Haptic},
}};

/// Each input path under both hands.
std::vector<Binding> bothHands(std::initializer_list<std::pair<std::string_view, std::string_view>> pairs) {
  std::vector<Binding> out;
  for (const auto& [action, input] : pairs) {
    for (const char* hand : {"/user/hand/left", "/user/hand/right"}) {
      out.push_back({action, std::string(hand) + std::string(input)});
    }
  }
  return out;
}

std::vector<ProfileBindings> build() {
  std::vector<ProfileBindings> out;
  out.push_back({"/interaction_profiles/khr/simple_controller",
                 bothHands({{"grab", "/input/select/click"}, {"menu", "/input/menu/click"},
                            {"grip_pose", "/input/grip/pose"}, {"aim_pose", "/input/aim/pose"},
                            {"haptic", "/output/haptic"}})});
  auto touch = bothHands({{"grab", "/input/squeeze/value"}, {"use", "/input/trigger/value"},
                          {"locomotion", "/input/thumbstick"}, {"grip_pose", "/input/grip/pose"},
                          {"aim_pose", "/input/aim/pose"}, {"haptic", "/output/haptic"}});
  touch.push_back({"primary", "/user/hand/left/input/x/click"});
  touch.push_back({"secondary", "/user/hand/left/input/y/click"});
  touch.push_back({"menu", "/user/hand/left/input/menu/click"});
  touch.push_back({"primary", "/user/hand/right/input/a/click"});
  touch.push_back({"secondary", "/user/hand/right/input/b/click"});
  out.push_back({"/interaction_profiles/oculus/touch_controller", std::move(touch)});
  out.push_back({"/interaction_profiles/valve/index_controller",
                 bothHands({{"grab", "/input/squeeze/value"}, {"use", "/input/trigger/value"},
                            {"locomotion", "/input/thumbstick"}, {"primary", "/input/a/click"},
                            {"menu", "/input/b/click"}, {"grip_pose", "/input/grip/pose"},
                            {"aim_pose", "/input/aim/pose"}, {"haptic", "/output/haptic"}})});
  out.push_back({"/interaction_profiles/htc/vive_controller",
                 bothHands({{"grab", "/input/squeeze/click"}, {"use", "/input/trigger/value"},
                            {"locomotion", "/input/trackpad"}, {"primary", "/input/trackpad/click"},
                            {"menu", "/input/menu/click"}, {"grip_pose", "/input/grip/pose"},
                            {"aim_pose", "/input/aim/pose"}, {"haptic", "/output/haptic"}})});
  out.push_back({"/interaction_profiles/microsoft/motion_controller",
                 bothHands({{"grab", "/input/squeeze/click"}, {"use", "/input/trigger/value"},
                            {"locomotion", "/input/thumbstick"}, {"primary", "/input/trackpad/click"},
                            {"menu", "/input/menu/click"}, {"grip_pose", "/input/grip/pose"},
                            {"aim_pose", "/input/aim/pose"}, {"haptic", "/output/haptic"}})});
  return out;
}

}  // namespace

std::span<const ActionSpec> actionSpecs() { return kActions; }

const std::vector<ProfileBindings>& suggestedBindings() {
  static const std::vector<ProfileBindings> bindings = build();  // immutable after first use
  return bindings;
}

}  // namespace praxis::xr
