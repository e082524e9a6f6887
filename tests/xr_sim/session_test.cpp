// Session life cycle on the simulated runtime: the state machine and its events, the exit the
// runtime requests after PRAXIS_XR_SIM_FRAMES frames, spaces and views.
#include <cmath>

#include "xr_sim_fixture.h"

namespace praxis::xrsim::testing {
namespace {

using SessionTest = XrSimTest;

TEST_F(SessionTest, LifeCycleGoesThroughEveryStateWithEvents) {
  beginSession();
  frame({});
  EXPECT_EQ(pollStates(), (std::vector{XR_SESSION_STATE_SYNCHRONIZED, XR_SESSION_STATE_VISIBLE,
                                       XR_SESSION_STATE_FOCUSED}));
  XR_ASSERT_OK(xrRequestExitSession(session_));
  EXPECT_EQ(pollStates(), (std::vector{XR_SESSION_STATE_VISIBLE, XR_SESSION_STATE_SYNCHRONIZED,
                                       XR_SESSION_STATE_STOPPING}));
  XR_ASSERT_OK(xrEndSession(session_));
  EXPECT_EQ(pollStates(), (std::vector{XR_SESSION_STATE_IDLE, XR_SESSION_STATE_EXITING}));
}

TEST_F(SessionTest, RuntimeEndsTheSessionAfterTheConfiguredFrames) {
  setEnv("PRAXIS_XR_SIM_FRAMES", "5");
  beginSession();
  // An application's loop: frames while running, end the session when told to stop.
  int rendered = 0;
  bool exiting = false;
  bool running = true;
  for (int guard = 0; guard < 100 && !exiting; ++guard) {
    for (XrSessionState state : pollStates()) {
      if (state == XR_SESSION_STATE_STOPPING) {
        XR_ASSERT_OK(xrEndSession(session_));
        running = false;
      }
      exiting = exiting || state == XR_SESSION_STATE_EXITING;
    }
    if (running) {
      rendered += frame({}).shouldRender == XR_TRUE ? 1 : 0;
    }
  }
  EXPECT_TRUE(exiting);
  EXPECT_EQ(rendered, 5);
}

TEST_F(SessionTest, ViewsAreTheEyesOfTheDefaultHeadInStage) {
  beginSession();
  XrFrameState state = frame({});
  XrViewLocateInfo info{.type = XR_TYPE_VIEW_LOCATE_INFO, .next = nullptr,
                        .viewConfigurationType = XR_VIEW_CONFIGURATION_TYPE_PRIMARY_STEREO,
                        .displayTime = state.predictedDisplayTime, .space = stage_};
  XrViewState viewState{.type = XR_TYPE_VIEW_STATE, .next = nullptr, .viewStateFlags = 0};
  std::vector<XrView> views(2, XrView{.type = XR_TYPE_VIEW, .next = nullptr, .pose = {}, .fov = {}});
  std::uint32_t count = 0;
  XR_ASSERT_OK(xrLocateViews(session_, &info, &viewState, 2, &count, views.data()));
  ASSERT_EQ(count, 2U);
  EXPECT_NE(viewState.viewStateFlags & XR_VIEW_STATE_POSITION_TRACKED_BIT, 0U);
  EXPECT_NEAR(views[0].pose.position.x, -0.0315F, 1e-5F);
  EXPECT_NEAR(views[1].pose.position.x, 0.0315F, 1e-5F);
  EXPECT_NEAR(views[0].pose.position.y, 1.6F, 1e-5F);
  EXPECT_NEAR(views[0].fov.angleRight, std::atan(1.0F), 1e-5F);
}

TEST_F(SessionTest, LocalSpaceSitsAtEyeHeightOverTheStage) {
  beginSession();
  XrReferenceSpaceCreateInfo localInfo{.type = XR_TYPE_REFERENCE_SPACE_CREATE_INFO, .next = nullptr,
                                       .referenceSpaceType = XR_REFERENCE_SPACE_TYPE_LOCAL,
                                       .poseInReferenceSpace = {.orientation = {0, 0, 0, 1}, .position = {0, 0, 0}}};
  XrSpace local = XR_NULL_HANDLE;
  XR_ASSERT_OK(xrCreateReferenceSpace(session_, &localInfo, &local));
  XrFrameState state = frame({});
  XrSpaceVelocity velocity{.type = XR_TYPE_SPACE_VELOCITY, .next = nullptr, .velocityFlags = 0,
                           .linearVelocity = {}, .angularVelocity = {}};
  XrSpaceLocation location{.type = XR_TYPE_SPACE_LOCATION, .next = &velocity, .locationFlags = 0, .pose = {}};
  XR_ASSERT_OK(xrLocateSpace(stage_, local, state.predictedDisplayTime, &location));
  EXPECT_NEAR(location.pose.position.y, -1.6F, 1e-5F);
  EXPECT_NE(location.locationFlags & XR_SPACE_LOCATION_POSITION_VALID_BIT, 0U);
  EXPECT_NE(velocity.velocityFlags & XR_SPACE_VELOCITY_LINEAR_VALID_BIT, 0U);
  XR_EXPECT_OK(xrDestroySpace(local));
  XrExtent2Df bounds{};
  XR_EXPECT_OK(xrGetReferenceSpaceBoundsRect(session_, XR_REFERENCE_SPACE_TYPE_STAGE, &bounds));
  EXPECT_GT(bounds.width, 0.0F);
}

class SessionErrorTest : public XrSimTest {
 protected:
  void SetUp() override {
    XrSimTest::SetUp();
    withValidationLayer_ = false;  // the calls below are wrong on purpose
  }
};

TEST_F(SessionErrorTest, CallsOutOfOrderAreRefused) {
  createInstance();
  ASSERT_NO_FATAL_FAILURE(createVulkan());
  ASSERT_NO_FATAL_FAILURE(createSession());
  auto state = xrStruct<XrFrameState>(XR_TYPE_FRAME_STATE);
  EXPECT_EQ(xrWaitFrame(session_, nullptr, &state), XR_ERROR_SESSION_NOT_RUNNING);
  EXPECT_EQ(xrEndSession(session_), XR_ERROR_SESSION_NOT_RUNNING);
  EXPECT_EQ(xrRequestExitSession(session_), XR_ERROR_SESSION_NOT_RUNNING);
  XrSessionBeginInfo begin{.type = XR_TYPE_SESSION_BEGIN_INFO, .next = nullptr,
                           .primaryViewConfigurationType = XR_VIEW_CONFIGURATION_TYPE_PRIMARY_MONO};
  EXPECT_EQ(xrBeginSession(session_, &begin), XR_ERROR_VIEW_CONFIGURATION_TYPE_UNSUPPORTED);
  begin.primaryViewConfigurationType = XR_VIEW_CONFIGURATION_TYPE_PRIMARY_STEREO;
  XR_ASSERT_OK(xrBeginSession(session_, &begin));
  EXPECT_EQ(xrBeginSession(session_, &begin), XR_ERROR_SESSION_RUNNING);
  EXPECT_EQ(xrEndSession(session_), XR_ERROR_SESSION_NOT_STOPPING);
  EXPECT_EQ(xrBeginFrame(session_, nullptr), XR_ERROR_CALL_ORDER_INVALID);
  XR_ASSERT_OK(xrWaitFrame(session_, nullptr, &state));
  XR_ASSERT_OK(xrBeginFrame(session_, nullptr));
  XrFrameEndInfo end{.type = XR_TYPE_FRAME_END_INFO, .next = nullptr, .displayTime = 0,
                     .environmentBlendMode = XR_ENVIRONMENT_BLEND_MODE_OPAQUE, .layerCount = 0, .layers = nullptr};
  EXPECT_EQ(xrEndFrame(session_, &end), XR_ERROR_TIME_INVALID);
  end.displayTime = state.predictedDisplayTime;
  end.environmentBlendMode = XR_ENVIRONMENT_BLEND_MODE_ADDITIVE;
  EXPECT_EQ(xrEndFrame(session_, &end), XR_ERROR_ENVIRONMENT_BLEND_MODE_UNSUPPORTED);
  XR_ASSERT_OK(xrWaitFrame(session_, nullptr, &state));
  EXPECT_EQ(xrBeginFrame(session_, nullptr), XR_FRAME_DISCARDED);  // the earlier frame never ended
}

TEST_F(SessionErrorTest, DestroyedHandlesAreInvalid) {
  createInstance();
  ASSERT_NO_FATAL_FAILURE(createVulkan());
  ASSERT_NO_FATAL_FAILURE(createSession());
  XrSpace stage = stage_;
  XR_ASSERT_OK(xrDestroySpace(stage));
  auto location = xrStruct<XrSpaceLocation>(XR_TYPE_SPACE_LOCATION);
  EXPECT_EQ(xrLocateSpace(stage, stage, 1, &location), XR_ERROR_HANDLE_INVALID);
  EXPECT_EQ(xrDestroySpace(stage), XR_ERROR_HANDLE_INVALID);
}

}  // namespace
}  // namespace praxis::xrsim::testing
