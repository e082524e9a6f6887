// Haptics, pinch strength, XrResult names and the RAII handle.
#include <gtest/gtest.h>

#include "xr/check.h"
#include "xr/hand_tracking.h"
#include "xr/handle.h"
#include "xr/haptics.h"

namespace praxis::xr {
namespace {

using interaction::EventKind;
using interaction::HandSide;

TEST(Haptics, GrabSnapAndFaultAreFelt) {
  std::vector<interaction::WorldEvent> events{
      {.tick = 3, .kind = EventKind::Grabbed, .subject = 7, .hand = HandSide::Left, .state = {}}};
  auto pulses = hapticsFor(events);
  ASSERT_EQ(pulses.size(), 1U);
  EXPECT_EQ(pulses[0].hand, HandSide::Left);
  EXPECT_GT(pulses[0].durationNs, 0);

  events = {{.tick = 4, .kind = EventKind::Released, .subject = 7, .hand = HandSide::Right, .state = {}},
            {.tick = 4, .kind = EventKind::Snapped, .subject = 7, .other = 9, .hand = HandSide::Right, .state = {}}};
  pulses = hapticsFor(events);
  ASSERT_EQ(pulses.size(), 1U);
  EXPECT_EQ(pulses[0].hand, HandSide::Right);
  EXPECT_GT(pulses[0].amplitude, 0.5F) << "a snap is firmer than a grab";

  events = {{.tick = 5, .kind = EventKind::Snapped, .subject = 8, .other = 9, .hand = HandSide::Right, .state = {}}};
  EXPECT_EQ(hapticsFor(events).size(), 2U) << "snapped with no releasing hand: both";

  const auto fault = faultHaptics();
  ASSERT_EQ(fault.size(), 2U);
  EXPECT_FLOAT_EQ(fault[0].amplitude, 1.0F);
  EXPECT_GE(fault[0].durationNs, 300'000'000);
}

TEST(Pinch, ClosedTipsGrabOpenTipsDoNot) {
  EXPECT_FLOAT_EQ(pinchStrength(0.005F), 1.0F);
  EXPECT_FLOAT_EQ(pinchStrength(0.08F), 0.0F);
  EXPECT_GT(pinchStrength(0.03F), 0.0F);
  EXPECT_LT(pinchStrength(0.03F), 1.0F);
  const auto p = pinchPoint({0, 0, 0}, {0.02F, 0, 0}, core::Quat(1, 0, 0, 0));
  EXPECT_EQ(p.position, core::Vec3(0.01F, 0, 0));
}

TEST(Check, NamesTheCallAndTheResult) {
  EXPECT_TRUE(check(XR_SUCCESS, "xrBeginFrame").has_value());
  EXPECT_TRUE(check(XR_SESSION_LOSS_PENDING, "xrWaitFrame").has_value()) << "a success code";
  const auto lost = check(XR_ERROR_SESSION_LOST, "xrWaitFrame");
  ASSERT_FALSE(lost.has_value());
  EXPECT_EQ(lost.error().message, "xrWaitFrame: XR_ERROR_SESSION_LOST");
  EXPECT_EQ(resultName(static_cast<XrResult>(-987654)), "XrResult(-987654)");
}

int destroyed = 0;  // counts the fake destroy function's calls (this test only)
XrResult XRAPI_CALL fakeDestroy(XrSpace) {
  ++destroyed;
  return XR_SUCCESS;
}

TEST(Handle, DestroysOnceMovesOwnership) {
  destroyed = 0;
  {
    Handle<XrSpace> a(reinterpret_cast<XrSpace>(0x10), &fakeDestroy);
    Handle<XrSpace> b(std::move(a));
    EXPECT_FALSE(a);
    EXPECT_TRUE(b);
    Handle<XrSpace> c;
    c = std::move(b);
    EXPECT_EQ(destroyed, 0);
  }
  EXPECT_EQ(destroyed, 1);
  Handle<XrSpace> d(reinterpret_cast<XrSpace>(0x20), &fakeDestroy);
  d.reset();
  d.reset();
  EXPECT_EQ(destroyed, 2);
}

}  // namespace
}  // namespace praxis::xr
