// The interaction profiles OpenXR 1.1 promoted from extensions, transcribed from the registry
// (xr.xml, feature XR_VERSION_1_1), but for the Meta Touch variants built on Touch's inputs
// (interaction_profiles.cpp). The simulated controllers drive them as the 1.0 ones
// (grip_surface/pose reads the grip pose).
#include <array>

#include "interaction_profiles.h"

namespace praxis::xrsim {
namespace {

constexpr XrActionType kBool = XR_ACTION_TYPE_BOOLEAN_INPUT;
constexpr XrActionType kFloat = XR_ACTION_TYPE_FLOAT_INPUT;
constexpr XrActionType kVec2 = XR_ACTION_TYPE_VECTOR2F_INPUT;
constexpr XrActionType kPose = XR_ACTION_TYPE_POSE_INPUT;
constexpr XrActionType kHaptic = XR_ACTION_TYPE_VIBRATION_OUTPUT;

constexpr std::string_view kLeft = "/user/hand/left";
constexpr std::string_view kRight = "/user/hand/right";
constexpr std::array<std::string_view, 2> kHands{kLeft, kRight};

constexpr ProfileComponent kMlMl2Controller[] = {
    {"/input/menu/click", kBool},       {"/input/home/click", kBool},
    {"/input/trigger/click", kBool},    {"/input/trigger/value", kFloat},
    {"/input/trackpad", kVec2},         {"/input/trackpad/x", kFloat},
    {"/input/trackpad/y", kFloat},      {"/input/trackpad/click", kBool},
    {"/input/trackpad/force", kFloat},  {"/input/trackpad/touch", kBool},
    {"/input/grip/pose", kPose},        {"/input/aim/pose", kPose},
    {"/input/shoulder/click", kBool},   {"/output/haptic", kHaptic},
    {"/input/grip_surface/pose", kPose}};

constexpr ProfileComponent kBytedancePicoNeo3Controller[] = {
    {"/input/x/click", kBool, kLeft},   {"/input/x/touch", kBool, kLeft},
    {"/input/y/click", kBool, kLeft},   {"/input/y/touch", kBool, kLeft},
    {"/input/a/click", kBool, kRight},  {"/input/a/touch", kBool, kRight},
    {"/input/b/click", kBool, kRight},  {"/input/b/touch", kBool, kRight},
    {"/input/system/click", kBool},     {"/input/menu/click", kBool},
    {"/input/squeeze/click", kBool},    {"/input/squeeze/value", kFloat},
    {"/input/trigger/click", kBool},    {"/input/trigger/touch", kBool},
    {"/input/trigger/value", kFloat},   {"/input/thumbstick", kVec2},
    {"/input/thumbstick/x", kFloat},    {"/input/thumbstick/y", kFloat},
    {"/input/thumbstick/click", kBool}, {"/input/thumbstick/touch", kBool},
    {"/input/grip/pose", kPose},        {"/input/aim/pose", kPose},
    {"/output/haptic", kHaptic},        {"/input/grip_surface/pose", kPose}};

constexpr ProfileComponent kBytedancePico4Controller[] = {
    {"/input/x/click", kBool, kLeft},   {"/input/x/touch", kBool, kLeft},
    {"/input/y/click", kBool, kLeft},   {"/input/menu/click", kBool, kLeft},
    {"/input/y/touch", kBool, kLeft},   {"/input/a/click", kBool, kRight},
    {"/input/a/touch", kBool, kRight},  {"/input/b/click", kBool, kRight},
    {"/input/b/touch", kBool, kRight},  {"/input/system/click", kBool},
    {"/input/squeeze/click", kBool},    {"/input/squeeze/value", kFloat},
    {"/input/trigger/click", kBool},    {"/input/trigger/touch", kBool},
    {"/input/trigger/value", kFloat},   {"/input/thumbstick", kVec2},
    {"/input/thumbstick/x", kFloat},    {"/input/thumbstick/y", kFloat},
    {"/input/thumbstick/click", kBool}, {"/input/thumbstick/touch", kBool},
    {"/input/grip/pose", kPose},        {"/input/aim/pose", kPose},
    {"/output/haptic", kHaptic},        {"/input/grip_surface/pose", kPose}};

constexpr ProfileComponent kBytedancePicoG3Controller[] = {
    {"/input/trigger/click", kBool},    {"/input/trigger/value", kFloat},
    {"/input/menu/click", kBool},       {"/input/grip/pose", kPose},
    {"/input/aim/pose", kPose},         {"/input/thumbstick", kVec2},
    {"/input/thumbstick/click", kBool}, {"/input/grip_surface/pose", kPose}};

constexpr ProfileComponent kHtcViveCosmosController[] = {
    {"/input/x/click", kBool, kLeft},    {"/input/y/click", kBool, kLeft},
    {"/input/menu/click", kBool, kLeft}, {"/input/a/click", kBool, kRight},
    {"/input/b/click", kBool, kRight},   {"/input/system/click", kBool, kRight},
    {"/input/shoulder/click", kBool},    {"/input/squeeze/click", kBool},
    {"/input/trigger/click", kBool},     {"/input/trigger/value", kFloat},
    {"/input/thumbstick", kVec2},        {"/input/thumbstick/x", kFloat},
    {"/input/thumbstick/y", kFloat},     {"/input/thumbstick/click", kBool},
    {"/input/thumbstick/touch", kBool},  {"/input/grip/pose", kPose},
    {"/input/aim/pose", kPose},          {"/output/haptic", kHaptic},
    {"/input/grip_surface/pose", kPose}};

constexpr ProfileComponent kHtcViveFocus3Controller[] = {
    {"/input/x/click", kBool, kLeft},    {"/input/y/click", kBool, kLeft},
    {"/input/menu/click", kBool, kLeft}, {"/input/a/click", kBool, kRight},
    {"/input/b/click", kBool, kRight},   {"/input/system/click", kBool, kRight},
    {"/input/squeeze/click", kBool},     {"/input/squeeze/touch", kBool},
    {"/input/squeeze/value", kFloat},    {"/input/trigger/click", kBool},
    {"/input/trigger/touch", kBool},     {"/input/trigger/value", kFloat},
    {"/input/thumbstick", kVec2},        {"/input/thumbstick/x", kFloat},
    {"/input/thumbstick/y", kFloat},     {"/input/thumbstick/click", kBool},
    {"/input/thumbstick/touch", kBool},  {"/input/thumbrest/touch", kBool},
    {"/input/grip/pose", kPose},         {"/input/aim/pose", kPose},
    {"/output/haptic", kHaptic},         {"/input/grip_surface/pose", kPose}};

constexpr ProfileComponent kSamsungOdysseyController[] = {
    {"/input/menu/click", kBool},       {"/input/squeeze/click", kBool},
    {"/input/trigger/value", kFloat},   {"/input/thumbstick", kVec2},
    {"/input/thumbstick/x", kFloat},    {"/input/thumbstick/y", kFloat},
    {"/input/thumbstick/click", kBool}, {"/input/trackpad", kVec2},
    {"/input/trackpad/x", kFloat},      {"/input/trackpad/y", kFloat},
    {"/input/trackpad/click", kBool},   {"/input/trackpad/touch", kBool},
    {"/input/grip/pose", kPose},        {"/input/aim/pose", kPose},
    {"/output/haptic", kHaptic},        {"/input/grip_surface/pose", kPose}};

constexpr ProfileComponent kHpMixedRealityController[] = {
    {"/input/x/click", kBool, kLeft},   {"/input/y/click", kBool, kLeft},
    {"/input/a/click", kBool, kRight},  {"/input/b/click", kBool, kRight},
    {"/input/menu/click", kBool},       {"/input/squeeze/value", kFloat},
    {"/input/trigger/value", kFloat},   {"/input/thumbstick", kVec2},
    {"/input/thumbstick/x", kFloat},    {"/input/thumbstick/y", kFloat},
    {"/input/thumbstick/click", kBool}, {"/input/grip/pose", kPose},
    {"/input/aim/pose", kPose},         {"/output/haptic", kHaptic},
    {"/input/grip_surface/pose", kPose}};

constexpr ProfileComponent kMetaTouchControllerQuest1RiftS[] = {
    {"/input/x/click", kBool, kLeft},
    {"/input/x/touch", kBool, kLeft},
    {"/input/y/click", kBool, kLeft},
    {"/input/y/touch", kBool, kLeft},
    {"/input/menu/click", kBool, kLeft},
    {"/input/a/click", kBool, kRight},
    {"/input/a/touch", kBool, kRight},
    {"/input/b/click", kBool, kRight},
    {"/input/b/touch", kBool, kRight},
    {"/input/system/click", kBool, kRight},
    {"/input/squeeze/value", kFloat},
    {"/input/trigger/value", kFloat},
    {"/input/trigger/touch", kBool},
    {"/input/trigger/proximity", kBool},
    {"/input/thumb_resting_surfaces/proximity", kBool},
    {"/input/thumbstick", kVec2},
    {"/input/thumbstick/x", kFloat},
    {"/input/thumbstick/y", kFloat},
    {"/input/thumbstick/click", kBool},
    {"/input/thumbstick/touch", kBool},
    {"/input/grip_surface/pose", kPose},
    {"/input/grip/pose", kPose},
    {"/input/aim/pose", kPose},
    {"/output/haptic", kHaptic}};

constexpr std::array<InteractionProfile, 9> kProfiles11{{
    {"/interaction_profiles/ml/ml2_controller", "Magic Leap 2 Controller", kHands, kMlMl2Controller,
     "XR_VERSION_1_1"},
    {"/interaction_profiles/bytedance/pico_neo3_controller", "Bytedance PICO Neo3 Controller",
     kHands, kBytedancePicoNeo3Controller, "XR_VERSION_1_1"},
    {"/interaction_profiles/bytedance/pico4_controller", "Bytedance PICO 4 Controller", kHands,
     kBytedancePico4Controller, "XR_VERSION_1_1"},
    {"/interaction_profiles/bytedance/pico_g3_controller", "Bytedance PICO G3 Controller", kHands,
     kBytedancePicoG3Controller, "XR_VERSION_1_1"},
    {"/interaction_profiles/htc/vive_cosmos_controller", "HTC VIVE Cosmos Controller", kHands,
     kHtcViveCosmosController, "XR_VERSION_1_1"},
    {"/interaction_profiles/htc/vive_focus3_controller", "HTC VIVE Focus 3 Controller", kHands,
     kHtcViveFocus3Controller, "XR_VERSION_1_1"},
    {"/interaction_profiles/samsung/odyssey_controller",
     "Samsung Odyssey Mixed Reality Motion Controller", kHands, kSamsungOdysseyController,
     "XR_VERSION_1_1"},
    {"/interaction_profiles/hp/mixed_reality_controller", "HP Mixed Reality Motion Controller",
     kHands, kHpMixedRealityController, "XR_VERSION_1_1"},
    {"/interaction_profiles/meta/touch_controller_quest_1_rift_s", "Quest / Rift S Controller",
     kHands, kMetaTouchControllerQuest1RiftS, "XR_VERSION_1_1"},
}};

}  // namespace

std::span<const InteractionProfile> promotedProfiles11() {
  return kProfiles11;
}

}  // namespace praxis::xrsim
