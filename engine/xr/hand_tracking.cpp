#include "xr/hand_tracking.h"

#include <algorithm>

namespace praxis::xr {

namespace {
constexpr float kClosed = 0.015F;
constexpr float kOpen = 0.05F;
}  // namespace

float pinchStrength(float tipDistanceMetres) {
  return std::clamp((kOpen - tipDistanceMetres) / (kOpen - kClosed), 0.0F, 1.0F);
}

core::Pose pinchPoint(const core::Vec3& thumbTip, const core::Vec3& indexTip, const core::Quat& palm) {
  return core::Pose{(thumbTip + indexTip) * 0.5F, palm};
}

}  // namespace praxis::xr
