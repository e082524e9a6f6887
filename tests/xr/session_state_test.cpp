// The session lifecycle rules (OpenXR spec, "Session Lifecycle"), driven with plain events.
#include <gtest/gtest.h>

#include "xr/check.h"

#include "xr/session_state.h"

namespace praxis::xr {
namespace {

XrSession fakeSession(std::uintptr_t n) { return reinterpret_cast<XrSession>(n); }

XrEventDataBuffer stateChanged(XrSession session, XrSessionState state) {
  auto buffer = xrStruct<XrEventDataBuffer>(XR_TYPE_EVENT_DATA_BUFFER);
  auto& e = reinterpret_cast<XrEventDataSessionStateChanged&>(buffer);
  e.type = XR_TYPE_EVENT_DATA_SESSION_STATE_CHANGED;
  e.session = session;
  e.state = state;
  return buffer;
}

TEST(SessionStateMachine, BeginsOnReadySimulatesOnlyWhenFocusedEndsOnStopping) {
  const XrSession s = fakeSession(1);
  SessionStateMachine m(s);
  EXPECT_EQ(m.handle(stateChanged(s, XR_SESSION_STATE_IDLE)), SessionAction::None);
  EXPECT_EQ(m.handle(stateChanged(s, XR_SESSION_STATE_READY)), SessionAction::Begin);
  m.began();
  EXPECT_TRUE(m.running());
  EXPECT_EQ(m.handle(stateChanged(s, XR_SESSION_STATE_SYNCHRONIZED)), SessionAction::None);
  EXPECT_FALSE(m.visible());
  EXPECT_FALSE(m.focused());
  EXPECT_EQ(m.handle(stateChanged(s, XR_SESSION_STATE_VISIBLE)), SessionAction::None);
  EXPECT_TRUE(m.visible());
  EXPECT_FALSE(m.focused()) << "visible but not focused: the runtime's menu is up";
  EXPECT_EQ(m.handle(stateChanged(s, XR_SESSION_STATE_FOCUSED)), SessionAction::None);
  EXPECT_TRUE(m.focused());
  // Focus lost and regained (the trainee opened the system menu and closed it).
  (void)m.handle(stateChanged(s, XR_SESSION_STATE_VISIBLE));
  EXPECT_FALSE(m.focused());
  (void)m.handle(stateChanged(s, XR_SESSION_STATE_FOCUSED));
  EXPECT_TRUE(m.focused());
  (void)m.handle(stateChanged(s, XR_SESSION_STATE_VISIBLE));
  (void)m.handle(stateChanged(s, XR_SESSION_STATE_SYNCHRONIZED));
  EXPECT_EQ(m.handle(stateChanged(s, XR_SESSION_STATE_STOPPING)), SessionAction::End);
  m.ended();
  EXPECT_FALSE(m.running());
  EXPECT_EQ(m.handle(stateChanged(s, XR_SESSION_STATE_IDLE)), SessionAction::None);
  EXPECT_EQ(m.handle(stateChanged(s, XR_SESSION_STATE_EXITING)), SessionAction::Exit);
  EXPECT_EQ(toString(m.state()), "EXITING");
}

TEST(SessionStateMachine, ALostSessionIsRecreatedAndStartsAgainFromIdle) {
  SessionStateMachine m(fakeSession(1));
  (void)m.handle(stateChanged(fakeSession(1), XR_SESSION_STATE_READY));
  m.began();
  (void)m.handle(stateChanged(fakeSession(1), XR_SESSION_STATE_FOCUSED));
  EXPECT_EQ(m.handle(stateChanged(fakeSession(1), XR_SESSION_STATE_LOSS_PENDING)),
            SessionAction::Recreate);
  EXPECT_FALSE(m.focused()) << "no ticks while the session is being lost";
  m.recreated(fakeSession(2));
  EXPECT_EQ(m.recreations(), 1);
  EXPECT_FALSE(m.running());
  EXPECT_EQ(m.state(), XR_SESSION_STATE_UNKNOWN);
  // Late events of the old session are not the new one's.
  EXPECT_EQ(m.handle(stateChanged(fakeSession(1), XR_SESSION_STATE_READY)), SessionAction::None);
  EXPECT_EQ(m.handle(stateChanged(fakeSession(2), XR_SESSION_STATE_READY)), SessionAction::Begin);
}

TEST(SessionStateMachine, InstanceLossAndALossAfterAnExitRequestLeave) {
  SessionStateMachine m(fakeSession(1));
  auto loss = xrStruct<XrEventDataBuffer>(XR_TYPE_EVENT_DATA_INSTANCE_LOSS_PENDING);
  EXPECT_EQ(m.handle(loss), SessionAction::Exit);
  EXPECT_TRUE(m.instanceLost());

  SessionStateMachine leaving(fakeSession(1));
  leaving.exitRequested();
  EXPECT_EQ(leaving.handle(stateChanged(fakeSession(1), XR_SESSION_STATE_LOSS_PENDING)),
            SessionAction::Exit);
}

TEST(SessionStateMachine, ReadyTwiceBeginsOnceAndStoppingWhenNotRunningEndsNothing) {
  SessionStateMachine m;
  EXPECT_EQ(m.handle(stateChanged(fakeSession(3), XR_SESSION_STATE_STOPPING)), SessionAction::None);
  EXPECT_EQ(m.handle(stateChanged(fakeSession(3), XR_SESSION_STATE_READY)), SessionAction::Begin);
  m.began();
  EXPECT_EQ(m.handle(stateChanged(fakeSession(3), XR_SESSION_STATE_READY)), SessionAction::None);
  auto other = xrStruct<XrEventDataBuffer>(XR_TYPE_EVENT_DATA_REFERENCE_SPACE_CHANGE_PENDING);
  EXPECT_EQ(m.handle(other), SessionAction::None);
}

}  // namespace
}  // namespace praxis::xr
