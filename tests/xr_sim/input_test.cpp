// The runtime's input side through the real loader and the core validation layer: paths,
// actions fed by the device stream (PRAXIS_XR_SIM_INPUT), haptics
// (PRAXIS_XR_SIM_HAPTICS) and XR_EXT_hand_tracking. (Action spaces: stream_test.cpp.)
#include <cmath>
#include <cstring>
#include <fstream>

#include "sim_input_stream.h"
#include "xr_sim_fixture.h"

namespace praxis::xrsim::testing {
namespace {

class InputTest : public XrSimTest {
 protected:
  void SetUp() override {
    XrSimTest::SetUp();
    ::unsetenv("PRAXIS_XR_SIM_PROFILE");
    ::unsetenv("PRAXIS_XR_SIM_HAPTICS");
    stream_ = dir_ / "input.jsonl";
    ASSERT_EQ(writer_.open(stream_), "");
    setEnv("PRAXIS_XR_SIM_INPUT", stream_.string());
  }

  XrPath path(const char* s) {
    XrPath p = XR_NULL_PATH;
    EXPECT_EQ(xrStringToPath(instance_, s, &p), XR_SUCCESS) << s;
    return p;
  }

  /// A set with grab (float, both hands), grip (pose, both hands) and buzz (haptic), bound
  /// for the Oculus Touch controller, attached to the session.
  void makeActions() {
    XrActionSetCreateInfo setInfo = xrStruct<XrActionSetCreateInfo>(XR_TYPE_ACTION_SET_CREATE_INFO);
    std::strcpy(setInfo.actionSetName, "training");
    std::strcpy(setInfo.localizedActionSetName, "Training");
    XR_ASSERT_OK(xrCreateActionSet(instance_, &setInfo, &set_));
    hands_ = {path("/user/hand/left"), path("/user/hand/right")};
    grab_ = action("grab", XR_ACTION_TYPE_FLOAT_INPUT);
    grip_ = action("grip", XR_ACTION_TYPE_POSE_INPUT);
    buzz_ = action("buzz", XR_ACTION_TYPE_VIBRATION_OUTPUT);
    std::vector<XrActionSuggestedBinding> bindings{
        {grab_, path("/user/hand/left/input/squeeze/value")},
        {grab_, path("/user/hand/right/input/squeeze/value")},
        {grip_, path("/user/hand/left/input/grip/pose")},
        {grip_, path("/user/hand/right/input/grip/pose")},
        {buzz_, path("/user/hand/left/output/haptic")},
        {buzz_, path("/user/hand/right/output/haptic")}};
    XrInteractionProfileSuggestedBinding suggested{
        .type = XR_TYPE_INTERACTION_PROFILE_SUGGESTED_BINDING,
        .next = nullptr,
        .interactionProfile = path("/interaction_profiles/oculus/touch_controller"),
        .countSuggestedBindings = static_cast<std::uint32_t>(bindings.size()),
        .suggestedBindings = bindings.data()};
    XR_ASSERT_OK(xrSuggestInteractionProfileBindings(instance_, &suggested));
    XrSessionActionSetsAttachInfo attach{.type = XR_TYPE_SESSION_ACTION_SETS_ATTACH_INFO,
                                         .next = nullptr,
                                         .countActionSets = 1,
                                         .actionSets = &set_};
    XR_ASSERT_OK(xrAttachSessionActionSets(session_, &attach));
  }

  XrAction action(const char* name, XrActionType type) {
    XrActionCreateInfo info = xrStruct<XrActionCreateInfo>(XR_TYPE_ACTION_CREATE_INFO);
    std::strcpy(info.actionName, name);
    std::strcpy(info.localizedActionName, name);
    info.actionType = type;
    info.countSubactionPaths = 2;
    info.subactionPaths = hands_.data();
    XrAction a = XR_NULL_HANDLE;
    EXPECT_EQ(xrCreateAction(set_, &info, &a), XR_SUCCESS) << name;
    return a;
  }

  XrResult sync() {
    XrActiveActionSet active{set_, XR_NULL_PATH};
    XrActionsSyncInfo info{.type = XR_TYPE_ACTIONS_SYNC_INFO,
                           .next = nullptr,
                           .countActiveActionSets = 1,
                           .activeActionSets = &active};
    return xrSyncActions(session_, &info);
  }

  float grab(XrPath hand) {
    XrActionStateGetInfo info{.type = XR_TYPE_ACTION_STATE_GET_INFO,
                              .next = nullptr,
                              .action = grab_,
                              .subactionPath = hand};
    auto state = xrStruct<XrActionStateFloat>(XR_TYPE_ACTION_STATE_FLOAT);
    EXPECT_EQ(xrGetActionStateFloat(session_, &info, &state), XR_SUCCESS);
    return state.currentState;
  }

  /// Frames until the session is focused (the runtime passes READY → FOCUSED on frame 0).
  void runToFocus() {
    frame({});
    pollStates();
  }

  DeviceState line(std::uint64_t frame) {
    DeviceState s = defaultDeviceState();
    s.frame = frame;
    return s;
  }

  std::filesystem::path stream_;
  InputStreamWriter writer_;
  XrActionSet set_ = XR_NULL_HANDLE;
  std::vector<XrPath> hands_;
  XrAction grab_ = XR_NULL_HANDLE;
  XrAction grip_ = XR_NULL_HANDLE;
  XrAction buzz_ = XR_NULL_HANDLE;
};

TEST_F(InputTest, PathsRoundTripAndMalformedOnesAreRefused) {
  withValidationLayer_ = false;  // the layer would stop the malformed path before the runtime
  createInstance();
  XrPath p = path("/user/hand/left/input/trigger/value");
  char buffer[XR_MAX_PATH_LENGTH];
  std::uint32_t count = 0;
  XR_ASSERT_OK(xrPathToString(instance_, p, sizeof buffer, &count, buffer));
  EXPECT_STREQ(buffer, "/user/hand/left/input/trigger/value");
  EXPECT_EQ(count, std::strlen(buffer) + 1);
  EXPECT_EQ(xrStringToPath(instance_, "/Bad/Path", &p), XR_ERROR_PATH_FORMAT_INVALID);
  EXPECT_EQ(xrPathToString(instance_, XrPath{0x1234}, sizeof buffer, &count, buffer),
            XR_ERROR_PATH_INVALID);
}

TEST_F(InputTest, ActionsFollowTheStreamFrameByFrameWithTheProfileEvent) {
  // The whole stream written upfront; each line is the whole state: frame 0 released, frame 2
  // the right hand squeezes, frame 4 only the left.
  DeviceState f2 = line(2);
  f2.right.squeeze = 0.6F;
  DeviceState f4 = line(4);
  f4.left.squeeze = 1.0F;
  for (const auto& s : {line(0), f2, f4}) ASSERT_EQ(writer_.write(s), "");
  beginSession();
  makeActions();
  // The runtime queues the interaction-profile event from xrSyncActions (never before the first
  // sync), so it is looked for after each frame's sync, with the session-state events.
  bool profileChanged = false;
  const auto pollEvents = [&] {
    auto event = xrStruct<XrEventDataBuffer>(XR_TYPE_EVENT_DATA_BUFFER);
    while (xrPollEvent(instance_, &event) == XR_SUCCESS) {
      profileChanged = profileChanged || event.type == XR_TYPE_EVENT_DATA_INTERACTION_PROFILE_CHANGED;
      event = xrStruct<XrEventDataBuffer>(XR_TYPE_EVENT_DATA_BUFFER);
    }
  };
  const std::vector<std::pair<float, float>> expected{{0, 0}, {0, 0}, {0, 0.6F}, {0, 0.6F}, {1, 0}};
  for (std::size_t f = 0; f < expected.size(); ++f) {
    frame({});
    pollEvents();
    ASSERT_EQ(sync(), XR_SUCCESS) << "frame " << f;
    EXPECT_FLOAT_EQ(grab(hands_[0]), expected[f].first) << "frame " << f;
    EXPECT_FLOAT_EQ(grab(hands_[1]), expected[f].second) << "frame " << f;
  }
  pollEvents();
  EXPECT_TRUE(profileChanged);
  auto profile = xrStruct<XrInteractionProfileState>(XR_TYPE_INTERACTION_PROFILE_STATE);
  XR_ASSERT_OK(xrGetCurrentInteractionProfile(session_, hands_[1], &profile));
  EXPECT_EQ(profile.interactionProfile, path("/interaction_profiles/oculus/touch_controller"));
}

TEST_F(InputTest, LineWrittenAfterWaitFrameReachesTheSameFramesSync) {
  beginSession();
  makeActions();
  runToFocus();  // frame 0
  for (std::uint64_t f = 1; f < 4; ++f) {
    frame({});
    DeviceState s = line(f);
    s.right.squeeze = static_cast<float>(f) / 4.0F;
    ASSERT_EQ(writer_.write(s), "");
    ASSERT_EQ(sync(), XR_SUCCESS);
    EXPECT_FLOAT_EQ(grab(hands_[1]), static_cast<float>(f) / 4.0F) << "frame " << f;
  }
}

TEST_F(InputTest, HapticsOnGrabAreLoggedForTheBoundHand) {
  const auto log = dir_ / "haptics.jsonl";
  setEnv("PRAXIS_XR_SIM_HAPTICS", log.string());
  beginSession();
  makeActions();
  runToFocus();
  ASSERT_EQ(sync(), XR_SUCCESS);
  XrHapticVibration vibration{.type = XR_TYPE_HAPTIC_VIBRATION,
                              .next = nullptr,
                              .duration = 50'000'000,
                              .frequency = XR_FREQUENCY_UNSPECIFIED,
                              .amplitude = 0.8F};
  XrHapticActionInfo info{.type = XR_TYPE_HAPTIC_ACTION_INFO,
                          .next = nullptr,
                          .action = buzz_,
                          .subactionPath = hands_[0]};
  XR_ASSERT_OK(xrApplyHapticFeedback(session_, &info,
                                     reinterpret_cast<const XrHapticBaseHeader*>(&vibration)));
  std::ifstream in(log);
  std::string text;
  ASSERT_TRUE(std::getline(in, text)) << "no haptics logged in " << log;
  std::string error;
  auto record = parseHapticLine(text, &error);
  ASSERT_TRUE(record) << error;
  EXPECT_EQ(record->action, "buzz");
  EXPECT_EQ(record->source, "/user/hand/left/output/haptic");
  EXPECT_FLOAT_EQ(record->amplitude, 0.8F);
  EXPECT_EQ(record->durationNs, 50'000'000);
}

TEST_F(InputTest, HandTrackingPinchesWithTheSqueeze) {
  DeviceState s = line(0);
  s.right.squeeze = 1.0F;
  ASSERT_EQ(writer_.write(s), "");
  createInstance({XR_KHR_VULKAN_ENABLE2_EXTENSION_NAME, XR_EXT_HAND_TRACKING_EXTENSION_NAME});
  auto handProps =
      xrStruct<XrSystemHandTrackingPropertiesEXT>(XR_TYPE_SYSTEM_HAND_TRACKING_PROPERTIES_EXT);
  auto props = xrStruct<XrSystemProperties>(XR_TYPE_SYSTEM_PROPERTIES);
  props.next = &handProps;
  XR_ASSERT_OK(xrGetSystemProperties(instance_, system_, &props));
  EXPECT_TRUE(handProps.supportsHandTracking);
  ASSERT_NO_FATAL_FAILURE(createVulkan());
  ASSERT_NO_FATAL_FAILURE(createSession());
  pollStates();
  XrSessionBeginInfo begin{
      .type = XR_TYPE_SESSION_BEGIN_INFO,
      .next = nullptr,
      .primaryViewConfigurationType = XR_VIEW_CONFIGURATION_TYPE_PRIMARY_STEREO};
  XR_ASSERT_OK(xrBeginSession(session_, &begin));
  PFN_xrCreateHandTrackerEXT create = nullptr;
  PFN_xrLocateHandJointsEXT locate = nullptr;
  PFN_xrDestroyHandTrackerEXT destroy = nullptr;
  XR_ASSERT_OK(xrGetInstanceProcAddr(instance_, "xrCreateHandTrackerEXT",
                                     reinterpret_cast<PFN_xrVoidFunction*>(&create)));
  XR_ASSERT_OK(xrGetInstanceProcAddr(instance_, "xrLocateHandJointsEXT",
                                     reinterpret_cast<PFN_xrVoidFunction*>(&locate)));
  XR_ASSERT_OK(xrGetInstanceProcAddr(instance_, "xrDestroyHandTrackerEXT",
                                     reinterpret_cast<PFN_xrVoidFunction*>(&destroy)));
  XrHandTrackerCreateInfoEXT trackerInfo{.type = XR_TYPE_HAND_TRACKER_CREATE_INFO_EXT,
                                         .next = nullptr,
                                         .hand = XR_HAND_RIGHT_EXT,
                                         .handJointSet = XR_HAND_JOINT_SET_DEFAULT_EXT};
  XrHandTrackerEXT tracker = XR_NULL_HANDLE;
  XR_ASSERT_OK(create(session_, &trackerInfo, &tracker));
  XrReferenceSpaceCreateInfo stageInfo{
      .type = XR_TYPE_REFERENCE_SPACE_CREATE_INFO,
      .next = nullptr,
      .referenceSpaceType = XR_REFERENCE_SPACE_TYPE_STAGE,
      .poseInReferenceSpace = {.orientation = {0, 0, 0, 1}, .position = {0, 0, 0}}};
  XrSpace stage = XR_NULL_HANDLE;
  XR_ASSERT_OK(xrCreateReferenceSpace(session_, &stageInfo, &stage));
  const XrFrameState state = frame({});
  pollStates();
  std::array<XrHandJointLocationEXT, XR_HAND_JOINT_COUNT_EXT> joints{};
  auto locations = xrStruct<XrHandJointLocationsEXT>(XR_TYPE_HAND_JOINT_LOCATIONS_EXT);
  locations.jointCount = XR_HAND_JOINT_COUNT_EXT;
  locations.jointLocations = joints.data();
  XrHandJointsLocateInfoEXT locateInfo{.type = XR_TYPE_HAND_JOINTS_LOCATE_INFO_EXT,
                                       .next = nullptr,
                                       .baseSpace = stage,
                                       .time = state.predictedDisplayTime};
  XR_ASSERT_OK(locate(tracker, &locateInfo, &locations));
  ASSERT_TRUE(locations.isActive);
  const auto& thumb = joints[XR_HAND_JOINT_THUMB_TIP_EXT].pose.position;
  const auto& index = joints[XR_HAND_JOINT_INDEX_TIP_EXT].pose.position;
  EXPECT_LT(std::hypot(thumb.x - index.x, thumb.y - index.y, thumb.z - index.z), 0.01F);
  EXPECT_NEAR(joints[XR_HAND_JOINT_PALM_EXT].pose.position.x, s.right.grip.position[0], 1e-5F);
  XR_EXPECT_OK(destroy(tracker));
  XR_EXPECT_OK(xrDestroySpace(stage));
}

}  // namespace
}  // namespace praxis::xrsim::testing
