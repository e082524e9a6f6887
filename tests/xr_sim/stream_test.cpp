// The device stream (PRAXIS_XR_SIM_INPUT) driving the runtime: the head drives the views, the
// controllers the action spaces, and its events the session state machine (focus lost and
// regained, session lost and recreated, instance lost).
#include <cstring>

#include "sim_input_stream.h"
#include "xr_sim_fixture.h"

namespace praxis::xrsim::testing {
namespace {

class StreamTest : public XrSimTest {
 protected:
  void SetUp() override {
    XrSimTest::SetUp();
    streamPath_ = dir_ / "input.jsonl";
    ASSERT_EQ(writer_.open(streamPath_), "");
    setEnv("PRAXIS_XR_SIM_INPUT", streamPath_.string());
  }

  void write(std::uint64_t frame, StreamEvent event = StreamEvent::None) {
    DeviceState state = defaultDeviceState();
    state.frame = frame;
    state.event = event;
    write(state);
  }
  void write(const DeviceState& state) { ASSERT_EQ(writer_.write(state), ""); }

  /// Runs frames, returning the session states announced after each one.
  std::vector<std::vector<XrSessionState>> runFrames(int count) {
    std::vector<std::vector<XrSessionState>> out;
    for (int i = 0; i < count; ++i) {
      XrFrameState state = xrStruct<XrFrameState>(XR_TYPE_FRAME_STATE);
      XrResult waited = xrWaitFrame(session_, nullptr, &state);
      EXPECT_TRUE(waited == XR_SUCCESS || waited == XR_SESSION_LOSS_PENDING) << waited;
      EXPECT_TRUE(XR_SUCCEEDED(xrBeginFrame(session_, nullptr)));
      XrFrameEndInfo end{.type = XR_TYPE_FRAME_END_INFO, .next = nullptr, .displayTime = state.predictedDisplayTime,
                         .environmentBlendMode = XR_ENVIRONMENT_BLEND_MODE_OPAQUE, .layerCount = 0,
                         .layers = nullptr};
      EXPECT_TRUE(XR_SUCCEEDED(xrEndFrame(session_, &end)));
      out.push_back(pollStates());
    }
    return out;
  }

  std::filesystem::path streamPath_;
  InputStreamWriter writer_;
};

TEST_F(StreamTest, HeadPoseOfTheStreamDrivesTheViews) {
  DeviceState state = defaultDeviceState();
  state.frame = 1;
  state.head.position = {1.0F, 1.7F, 2.0F};
  write(state);
  beginSession();
  runFrames(2);  // frames 0 and 1: the line applies from frame 1 on
  XrViewLocateInfo info{.type = XR_TYPE_VIEW_LOCATE_INFO, .next = nullptr,
                        .viewConfigurationType = XR_VIEW_CONFIGURATION_TYPE_PRIMARY_STEREO, .displayTime = 1,
                        .space = stage_};
  XrViewState viewState{.type = XR_TYPE_VIEW_STATE, .next = nullptr, .viewStateFlags = 0};
  std::vector<XrView> views(2, XrView{.type = XR_TYPE_VIEW, .next = nullptr, .pose = {}, .fov = {}});
  std::uint32_t count = 0;
  XR_ASSERT_OK(xrLocateViews(session_, &info, &viewState, 2, &count, views.data()));
  EXPECT_NEAR(views[0].pose.position.x, 1.0F - 0.0315F, 1e-5F);
  EXPECT_NEAR(views[1].pose.position.y, 1.7F, 1e-5F);
  EXPECT_NEAR(views[1].pose.position.z, 2.0F, 1e-5F);
}

TEST_F(StreamTest, FocusLostAndRegained) {
  write(2, StreamEvent::FocusLoss);
  write(4, StreamEvent::FocusGain);
  beginSession();
  auto states = runFrames(5);
  EXPECT_EQ(states[0], (std::vector{XR_SESSION_STATE_SYNCHRONIZED, XR_SESSION_STATE_VISIBLE,
                                    XR_SESSION_STATE_FOCUSED}));
  EXPECT_TRUE(states[1].empty());
  EXPECT_EQ(states[2], std::vector{XR_SESSION_STATE_VISIBLE});
  EXPECT_TRUE(states[3].empty());
  EXPECT_EQ(states[4], std::vector{XR_SESSION_STATE_FOCUSED});
}

TEST_F(StreamTest, LostSessionIsReplacedByANewOne) {
  write(1, StreamEvent::SessionLoss);
  beginSession();
  auto states = runFrames(2);
  EXPECT_EQ(states[1], std::vector{XR_SESSION_STATE_LOSS_PENDING});
  XrFrameState frameState = xrStruct<XrFrameState>(XR_TYPE_FRAME_STATE);
  EXPECT_EQ(xrWaitFrame(session_, nullptr, &frameState), XR_SESSION_LOSS_PENDING);
  EXPECT_EQ(frameState.shouldRender, XR_FALSE);
  XR_ASSERT_OK(xrDestroySession(session_));
  session_ = XR_NULL_HANDLE;
  // The application keeps its instance and device and starts over with a new session.
  ASSERT_NO_FATAL_FAILURE(createSession());
  EXPECT_EQ(pollStates(), (std::vector{XR_SESSION_STATE_IDLE, XR_SESSION_STATE_READY}));
  XrSessionBeginInfo begin{.type = XR_TYPE_SESSION_BEGIN_INFO, .next = nullptr,
                           .primaryViewConfigurationType = XR_VIEW_CONFIGURATION_TYPE_PRIMARY_STEREO};
  XR_ASSERT_OK(xrBeginSession(session_, &begin));
  EXPECT_EQ(runFrames(1)[0].back(), XR_SESSION_STATE_FOCUSED);
}

TEST_F(StreamTest, LostInstanceAnnouncesItselfThenRefusesCalls) {
  write(1, StreamEvent::InstanceLoss);
  beginSession();
  XrFrameState frameState = xrStruct<XrFrameState>(XR_TYPE_FRAME_STATE);
  XR_ASSERT_OK(xrWaitFrame(session_, nullptr, &frameState));
  XR_ASSERT_OK(xrBeginFrame(session_, nullptr));
  XrFrameEndInfo end{.type = XR_TYPE_FRAME_END_INFO, .next = nullptr, .displayTime = frameState.predictedDisplayTime,
                     .environmentBlendMode = XR_ENVIRONMENT_BLEND_MODE_OPAQUE, .layerCount = 0, .layers = nullptr};
  XR_ASSERT_OK(xrEndFrame(session_, &end));
  XR_ASSERT_OK(xrWaitFrame(session_, nullptr, &frameState));  // frame 1 reaches the event
  EXPECT_EQ(xrBeginFrame(session_, nullptr), XR_ERROR_INSTANCE_LOST);
  bool announced = false;
  XrEventDataBuffer event = xrStruct<XrEventDataBuffer>(XR_TYPE_EVENT_DATA_BUFFER);
  while (xrPollEvent(instance_, &event) == XR_SUCCESS) {
    announced = announced || event.type == XR_TYPE_EVENT_DATA_INSTANCE_LOSS_PENDING;
    event = xrStruct<XrEventDataBuffer>(XR_TYPE_EVENT_DATA_BUFFER);
  }
  EXPECT_TRUE(announced);
  EXPECT_EQ(xrPollEvent(instance_, &event), XR_ERROR_INSTANCE_LOST);
}

TEST_F(StreamTest, GripActionSpaceFollowsTheController) {
  DeviceState state = defaultDeviceState();
  state.frame = 0;
  state.right.grip.position = {0.3F, 1.1F, -0.5F};
  write(state);
  beginSession();
  XrActionSetCreateInfo setInfo = xrStruct<XrActionSetCreateInfo>(XR_TYPE_ACTION_SET_CREATE_INFO);
  std::strcpy(setInfo.actionSetName, "gameplay");
  std::strcpy(setInfo.localizedActionSetName, "Gameplay");
  XrActionSet set = XR_NULL_HANDLE;
  XR_ASSERT_OK(xrCreateActionSet(instance_, &setInfo, &set));
  XrPath right = XR_NULL_PATH;
  XR_ASSERT_OK(xrStringToPath(instance_, "/user/hand/right", &right));
  XrActionCreateInfo actionInfo = xrStruct<XrActionCreateInfo>(XR_TYPE_ACTION_CREATE_INFO);
  std::strcpy(actionInfo.actionName, "grip");
  std::strcpy(actionInfo.localizedActionName, "Grip");
  actionInfo.actionType = XR_ACTION_TYPE_POSE_INPUT;
  actionInfo.countSubactionPaths = 1;
  actionInfo.subactionPaths = &right;
  XrAction grip = XR_NULL_HANDLE;
  XR_ASSERT_OK(xrCreateAction(set, &actionInfo, &grip));
  XrPath profile = XR_NULL_PATH;
  XrPath binding = XR_NULL_PATH;
  XR_ASSERT_OK(xrStringToPath(instance_, "/interaction_profiles/khr/simple_controller", &profile));
  XR_ASSERT_OK(xrStringToPath(instance_, "/user/hand/right/input/grip/pose", &binding));
  XrActionSuggestedBinding suggested{.action = grip, .binding = binding};
  XrInteractionProfileSuggestedBinding suggestion{.type = XR_TYPE_INTERACTION_PROFILE_SUGGESTED_BINDING,
                                                  .next = nullptr, .interactionProfile = profile,
                                                  .countSuggestedBindings = 1, .suggestedBindings = &suggested};
  XR_ASSERT_OK(xrSuggestInteractionProfileBindings(instance_, &suggestion));
  XrSessionActionSetsAttachInfo attach{.type = XR_TYPE_SESSION_ACTION_SETS_ATTACH_INFO, .next = nullptr,
                                       .countActionSets = 1, .actionSets = &set};
  XR_ASSERT_OK(xrAttachSessionActionSets(session_, &attach));
  XrActionSpaceCreateInfo spaceInfo{.type = XR_TYPE_ACTION_SPACE_CREATE_INFO, .next = nullptr, .action = grip,
                                    .subactionPath = right,
                                    .poseInActionSpace = {.orientation = {0, 0, 0, 1}, .position = {0, 0, 0}}};
  XrSpace gripSpace = XR_NULL_HANDLE;
  XR_ASSERT_OK(xrCreateActionSpace(session_, &spaceInfo, &gripSpace));
  runFrames(1);
  XrActiveActionSet active{.actionSet = set, .subactionPath = XR_NULL_PATH};
  XrActionsSyncInfo sync{.type = XR_TYPE_ACTIONS_SYNC_INFO, .next = nullptr, .countActiveActionSets = 1,
                         .activeActionSets = &active};
  XR_ASSERT_OK(xrSyncActions(session_, &sync));
  XrSpaceLocation location = xrStruct<XrSpaceLocation>(XR_TYPE_SPACE_LOCATION);
  XR_ASSERT_OK(xrLocateSpace(gripSpace, stage_, 1, &location));
  EXPECT_NE(location.locationFlags & XR_SPACE_LOCATION_POSITION_TRACKED_BIT, 0U);
  EXPECT_NEAR(location.pose.position.x, 0.3F, 1e-5F);
  EXPECT_NEAR(location.pose.position.y, 1.1F, 1e-5F);
  EXPECT_NEAR(location.pose.position.z, -0.5F, 1e-5F);
}

}  // namespace
}  // namespace praxis::xrsim::testing
