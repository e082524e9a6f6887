// Core 1.0 interaction profiles (spec chapter "Interaction Profile Paths") and the simulated
// controllers' mapping onto them.
#include "interaction_profiles.h"

#include <array>
#include <cmath>

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
constexpr std::array<std::string_view, 1> kHead{"/user/head"};
constexpr std::array<std::string_view, 1> kGamepad{"/user/gamepad"};

constexpr ProfileComponent kPoses[] = {{"/input/grip/pose", kPose}, {"/input/aim/pose", kPose}};

constexpr ProfileComponent kSimple[] = {{"/input/select/click", kBool},
                                        {"/input/menu/click", kBool},
                                        kPoses[0],
                                        kPoses[1],
                                        {"/output/haptic", kHaptic}};

constexpr ProfileComponent kDaydream[] = {{"/input/select/click", kBool},
                                          {"/input/trackpad", kVec2},
                                          {"/input/trackpad/x", kFloat},
                                          {"/input/trackpad/y", kFloat},
                                          {"/input/trackpad/click", kBool},
                                          {"/input/trackpad/touch", kBool},
                                          kPoses[0],
                                          kPoses[1]};

constexpr ProfileComponent kVive[] = {{"/input/system/click", kBool},
                                      {"/input/squeeze/click", kBool},
                                      {"/input/menu/click", kBool},
                                      {"/input/trigger/click", kBool},
                                      {"/input/trigger/value", kFloat},
                                      {"/input/trackpad", kVec2},
                                      {"/input/trackpad/x", kFloat},
                                      {"/input/trackpad/y", kFloat},
                                      {"/input/trackpad/click", kBool},
                                      {"/input/trackpad/touch", kBool},
                                      kPoses[0],
                                      kPoses[1],
                                      {"/output/haptic", kHaptic}};

constexpr ProfileComponent kVivePro[] = {{"/input/system/click", kBool},
                                         {"/input/volume_up/click", kBool},
                                         {"/input/volume_down/click", kBool},
                                         {"/input/mute_mic/click", kBool}};

constexpr ProfileComponent kMotion[] = {{"/input/menu/click", kBool},
                                        {"/input/squeeze/click", kBool},
                                        {"/input/trigger/value", kFloat},
                                        {"/input/thumbstick", kVec2},
                                        {"/input/thumbstick/x", kFloat},
                                        {"/input/thumbstick/y", kFloat},
                                        {"/input/thumbstick/click", kBool},
                                        {"/input/trackpad", kVec2},
                                        {"/input/trackpad/x", kFloat},
                                        {"/input/trackpad/y", kFloat},
                                        {"/input/trackpad/click", kBool},
                                        {"/input/trackpad/touch", kBool},
                                        kPoses[0],
                                        kPoses[1],
                                        {"/output/haptic", kHaptic}};

constexpr ProfileComponent kXbox[] = {{"/input/menu/click", kBool},
                                      {"/input/view/click", kBool},
                                      {"/input/a/click", kBool},
                                      {"/input/b/click", kBool},
                                      {"/input/x/click", kBool},
                                      {"/input/y/click", kBool},
                                      {"/input/dpad_down/click", kBool},
                                      {"/input/dpad_right/click", kBool},
                                      {"/input/dpad_up/click", kBool},
                                      {"/input/dpad_left/click", kBool},
                                      {"/input/shoulder_left/click", kBool},
                                      {"/input/shoulder_right/click", kBool},
                                      {"/input/thumbstick_left/click", kBool},
                                      {"/input/thumbstick_right/click", kBool},
                                      {"/input/trigger_left/value", kFloat},
                                      {"/input/trigger_right/value", kFloat},
                                      {"/input/thumbstick_left", kVec2},
                                      {"/input/thumbstick_left/x", kFloat},
                                      {"/input/thumbstick_left/y", kFloat},
                                      {"/input/thumbstick_right", kVec2},
                                      {"/input/thumbstick_right/x", kFloat},
                                      {"/input/thumbstick_right/y", kFloat},
                                      {"/output/haptic_left", kHaptic},
                                      {"/output/haptic_right", kHaptic},
                                      {"/output/haptic_left_trigger", kHaptic},
                                      {"/output/haptic_right_trigger", kHaptic}};

constexpr ProfileComponent kGo[] = {{"/input/system/click", kBool},
                                    {"/input/trigger/click", kBool},
                                    {"/input/back/click", kBool},
                                    {"/input/trackpad", kVec2},
                                    {"/input/trackpad/x", kFloat},
                                    {"/input/trackpad/y", kFloat},
                                    {"/input/trackpad/click", kBool},
                                    {"/input/trackpad/touch", kBool},
                                    kPoses[0],
                                    kPoses[1]};

constexpr ProfileComponent kTouch[] = {{"/input/x/click", kBool, kLeft},
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
                                       {"/input/thumbstick", kVec2},
                                       {"/input/thumbstick/x", kFloat},
                                       {"/input/thumbstick/y", kFloat},
                                       {"/input/thumbstick/click", kBool},
                                       {"/input/thumbstick/touch", kBool},
                                       {"/input/thumbrest/touch", kBool},
                                       kPoses[0],
                                       kPoses[1],
                                       {"/output/haptic", kHaptic}};

constexpr ProfileComponent kIndex[] = {{"/input/system/click", kBool},
                                       {"/input/system/touch", kBool},
                                       {"/input/a/click", kBool},
                                       {"/input/a/touch", kBool},
                                       {"/input/b/click", kBool},
                                       {"/input/b/touch", kBool},
                                       {"/input/squeeze/value", kFloat},
                                       {"/input/squeeze/force", kFloat},
                                       {"/input/trigger/click", kBool},
                                       {"/input/trigger/value", kFloat},
                                       {"/input/trigger/touch", kBool},
                                       {"/input/thumbstick", kVec2},
                                       {"/input/thumbstick/x", kFloat},
                                       {"/input/thumbstick/y", kFloat},
                                       {"/input/thumbstick/click", kBool},
                                       {"/input/thumbstick/touch", kBool},
                                       {"/input/trackpad", kVec2},
                                       {"/input/trackpad/x", kFloat},
                                       {"/input/trackpad/y", kFloat},
                                       {"/input/trackpad/force", kFloat},
                                       {"/input/trackpad/touch", kBool},
                                       kPoses[0],
                                       kPoses[1],
                                       {"/output/haptic", kHaptic}};

// XR_EXT_eye_gaze_interaction. The simulated HMD has no eye tracker: the profile can be
// suggested and bound, and its pose is never active.
constexpr std::array<std::string_view, 1> kEyes{"/user/eyes_ext"};
constexpr ProfileComponent kEyeGaze[] = {{"/input/gaze_ext/pose", kPose}};

constexpr std::array<InteractionProfile, 10> kProfiles{{
    {"/interaction_profiles/khr/simple_controller", "Khronos Simple Controller", kHands, kSimple},
    {"/interaction_profiles/google/daydream_controller", "Google Daydream Controller", kHands,
     kDaydream},
    {"/interaction_profiles/htc/vive_controller", "HTC Vive Controller", kHands, kVive},
    {"/interaction_profiles/htc/vive_pro", "HTC Vive Pro", kHead, kVivePro},
    {"/interaction_profiles/microsoft/motion_controller",
     "Microsoft Mixed Reality Motion Controller", kHands, kMotion},
    {"/interaction_profiles/microsoft/xbox_controller", "Microsoft Xbox Controller", kGamepad,
     kXbox},
    {"/interaction_profiles/oculus/go_controller", "Oculus Go Controller", kHands, kGo},
    {"/interaction_profiles/oculus/touch_controller", "Oculus Touch Controller", kHands, kTouch},
    {"/interaction_profiles/valve/index_controller", "Valve Index Controller", kHands, kIndex},
    {"/interaction_profiles/ext/eye_gaze_interaction", "Eye Gaze Interaction", kEyes, kEyeGaze,
     "XR_EXT_eye_gaze_interaction"},
}};

// XR_EXT_dpad_binding's components: a thumbstick has four directions, a trackpad a centre too.
constexpr ProfileComponent kDpadComponents[] = {
    {"/input/thumbstick/dpad_up", kBool},   {"/input/thumbstick/dpad_down", kBool},
    {"/input/thumbstick/dpad_left", kBool}, {"/input/thumbstick/dpad_right", kBool},
    {"/input/trackpad/dpad_up", kBool},     {"/input/trackpad/dpad_down", kBool},
    {"/input/trackpad/dpad_left", kBool},   {"/input/trackpad/dpad_right", kBool},
    {"/input/trackpad/dpad_center", kBool}};

// OpenXR 1.1 (registry feature XR_VERSION_1_1): every core hand profile gains
// /input/grip_surface/pose; Touch also XR_FB_touch_controller_proximity's two inputs.
constexpr ProfileComponent kGripSurface[] = {{"/input/grip_surface/pose", kPose}};
constexpr ProfileComponent kTouch11[] = {{"/input/grip_surface/pose", kPose},
                                         {"/input/trigger/proximity", kBool},
                                         {"/input/thumb_resting_surfaces/proximity", kBool}};
constexpr ProfileComponent kTouchPro11[] = {
    {"/input/grip_surface/pose", kPose},  {"/input/thumbrest/force", kFloat},
    {"/input/stylus/force", kFloat},      {"/input/thumb_resting_surfaces/proximity", kBool},
    {"/input/trigger_curl/value", kFloat}, {"/input/trigger_slide/value", kFloat},
    {"/input/trigger/proximity", kBool},  {"/output/haptic_trigger", kHaptic},
    {"/output/haptic_thumb", kHaptic}};
constexpr ProfileComponent kTouchPlus11[] = {
    {"/input/grip_surface/pose", kPose},   {"/input/thumb_resting_surfaces/proximity", kBool},
    {"/input/trigger/proximity", kBool},   {"/input/trigger_curl/value", kFloat},
    {"/input/trigger_slide/value", kFloat}, {"/input/trigger/force", kFloat}};
constexpr std::string_view kV11 = "XR_VERSION_1_1";

// The 1.1 profiles that are a 1.0 profile's components plus some: the core hand profiles, and
// the promoted Meta Touch variants that have all of Touch's inputs.
constexpr std::array<InteractionProfile, 11> kDerivedProfiles11{{
    {kProfiles[0].path, kProfiles[0].title, kHands, kSimple, kV11, kGripSurface},
    {kProfiles[1].path, kProfiles[1].title, kHands, kDaydream, kV11, kGripSurface},
    {kProfiles[2].path, kProfiles[2].title, kHands, kVive, kV11, kGripSurface},
    {kProfiles[4].path, kProfiles[4].title, kHands, kMotion, kV11, kGripSurface},
    {kProfiles[6].path, kProfiles[6].title, kHands, kGo, kV11, kGripSurface},
    {kProfiles[7].path, kProfiles[7].title, kHands, kTouch, kV11, kTouch11},
    {kProfiles[8].path, kProfiles[8].title, kHands, kIndex, kV11, kGripSurface},
    {"/interaction_profiles/meta/touch_pro_controller", "Meta Quest Touch Pro Controller", kHands, kTouch, kV11,
     kTouchPro11},
    {"/interaction_profiles/meta/touch_plus_controller", "Meta Quest Touch Plus Controller", kHands, kTouch, kV11,
     kTouchPlus11},
    {"/interaction_profiles/meta/touch_controller_rift_cv1", "Rift CV1 Controller", kHands, kTouch, kV11, kTouch11},
    {"/interaction_profiles/meta/touch_controller_quest_2", "Quest 2 Controller", kHands, kTouch, kV11, kTouch11},
}};

bool hasUserPath(const InteractionProfile& profile, std::string_view userPath) {
  for (auto p : profile.userPaths) {
    if (p == userPath) return true;
  }
  return false;
}

// "/input/trigger/value" -> "/input/trigger"; "/input/thumbstick" stays (its own parent).
std::string_view identifierOf(const ProfileComponent& c) {
  if (c.type == kVec2 || c.type == kHaptic) return c.subpath;
  return c.subpath.substr(0, c.subpath.rfind('/'));
}

bool has(const InteractionProfile& profile, std::string_view subpath) {
  return findIn(profile, [&](const ProfileComponent& c) { return c.subpath == subpath; }) != nullptr;
}

// A dpad direction of a 2D input with the extension's default parameters: outside the centre
// region (half the radius) and within the direction's quarter wedge (90°).
float dpadValue(std::string_view component, float x, float y) {
  constexpr float kCenterRegion = 0.5F;
  const float length = std::sqrt(x * x + y * y);
  if (component == "/dpad_center") return length <= kCenterRegion ? 1.0F : 0.0F;
  if (length <= kCenterRegion) return 0.0F;
  const bool horizontal = std::fabs(x) > std::fabs(y);
  if (component == "/dpad_up") return !horizontal && y > 0.0F ? 1.0F : 0.0F;
  if (component == "/dpad_down") return !horizontal && y < 0.0F ? 1.0F : 0.0F;
  if (component == "/dpad_right") return horizontal && x > 0.0F ? 1.0F : 0.0F;
  if (component == "/dpad_left") return horizontal && x < 0.0F ? 1.0F : 0.0F;
  return 0.0F;
}

float clicked(float value) {
  return value >= kClickThreshold ? 1.0F : 0.0F;
}
float flag(bool value) {
  return value ? 1.0F : 0.0F;
}

// The identifier's value for identifiers whose meaning does not depend on the component.
float buttonValue(std::string_view id, const HandState& hand) {
  if (id == "/input/menu" || id == "/input/back") return flag(hand.menu);
  // Touch: X/Y on the left hand, A/B on the right; Index and Xbox: A/B on either.
  if (id == "/input/a" || id == "/input/x") return flag(hand.primary);
  if (id == "/input/b" || id == "/input/y") return flag(hand.secondary);
  return 0.0F;  // system, thumbrest, volume, mute: not simulated
}

}  // namespace

std::span<const InteractionProfile> interactionProfiles() {
  return kProfiles;
}

std::span<const InteractionProfile> derivedProfiles11() { return kDerivedProfiles11; }

const InteractionProfile* findProfile(std::string_view path, bool version11) {
  for (auto list : {derivedProfiles11(), promotedProfiles11()}) {
    for (const auto& p : version11 ? list : std::span<const InteractionProfile>{}) {
      if (p.path == path) return &p;
    }
  }
  for (const auto& p : kProfiles) {
    if (p.path == path) return &p;
  }
  return nullptr;
}

const ProfileComponent* findComponent(const InteractionProfile& profile, std::string_view userPath,
                                      std::string_view subpath) {
  if (!hasUserPath(profile, userPath)) return nullptr;
  return findIn(profile, [&](const ProfileComponent& c) {
    return c.subpath == subpath && (c.onlyFor.empty() || c.onlyFor == userPath);
  });
}

bool isBindablePath(const InteractionProfile& profile, std::string_view userPath,
                    std::string_view subpath, bool dpad) {
  for (XrActionType t : {kBool, kFloat, kVec2, kPose, kHaptic}) {
    if (resolveBinding(profile, userPath, subpath, t, dpad)) return true;
  }
  return false;
}

bool hasDpadSource(const InteractionProfile& profile, std::string_view identifier) {
  return (identifier == "/input/thumbstick" || identifier == "/input/trackpad") && has(profile, identifier);
}

const ProfileComponent* resolveBinding(const InteractionProfile& profile, std::string_view userPath,
                                       std::string_view subpath, XrActionType actionType, bool dpad) {
  if (const auto* c = findComponent(profile, userPath, subpath)) return c;
  if (dpad && hasUserPath(profile, userPath)) {
    for (const auto& c : kDpadComponents) {
      if (c.subpath == subpath && hasDpadSource(profile, identifierOf(c))) return &c;
    }
  }
  // The short form: choose among the identifier's components in the spec's order of preference.
  static constexpr std::string_view kBoolOrder[] = {"/click", "/value"};
  static constexpr std::string_view kFloatOrder[] = {"/value", "/click"};
  static constexpr std::string_view kPoseOrder[] = {"/pose"};
  std::span<const std::string_view> order;
  if (actionType == kBool) order = kBoolOrder;
  if (actionType == kFloat) order = kFloatOrder;
  if (actionType == kPose) order = kPoseOrder;
  for (auto suffix : order) {
    const std::string full = std::string(subpath) + std::string(suffix);
    if (const auto* c = findComponent(profile, userPath, full)) return c;
  }
  // Any type: the identifier exists with some component (the action reads it converted).
  return findIn(profile, [&](const ProfileComponent& c) {
    return identifierOf(c) == subpath && findComponent(profile, userPath, c.subpath) != nullptr;
  });
}

InputValue inputValue(const InteractionProfile& profile, std::string_view subpath,
                      const HandState& hand) {
  const std::size_t slash = subpath.rfind('/');
  const std::string_view id = subpath.substr(0, slash);
  const std::string_view component = subpath.substr(slash);
  const auto& stick = hand.thumbstick;
  // The stream has one 2D input: it drives the thumbstick, or the trackpad where a profile
  // has no thumbstick (Vive, Go, Daydream).
  const bool stickIsTrackpad = !has(profile, "/input/thumbstick");
  if (subpath == "/input/thumbstick" || (subpath == "/input/trackpad" && stickIsTrackpad)) {
    return {stick[0], stick[1]};
  }
  if (id == "/input/thumbstick" || (id == "/input/trackpad" && stickIsTrackpad)) {
    if (component.starts_with("/dpad_")) return {dpadValue(component, stick[0], stick[1]), 0.0F};
    if (component == "/x") return {stick[0], 0.0F};
    if (component == "/y") return {stick[1], 0.0F};
    if (component == "/touch") return {flag(stick[0] != 0.0F || stick[1] != 0.0F), 0.0F};
    return {};  // click, force: not simulated
  }
  if (id == "/input/trigger" || id == "/input/select") {
    if (component == "/value") return {hand.trigger, 0.0F};
    if (component == "/touch") return {flag(hand.trigger > 0.0F), 0.0F};
    return {clicked(hand.trigger), 0.0F};
  }
  if (id == "/input/squeeze") {
    if (component == "/click") return {clicked(hand.squeeze), 0.0F};
    return {hand.squeeze, 0.0F};  // value, force
  }
  return {buttonValue(id, hand), 0.0F};
}

}  // namespace praxis::xrsim
