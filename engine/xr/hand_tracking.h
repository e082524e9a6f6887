// Pinch to grab with optically tracked hands (XR_EXT_hand_tracking): thumb and index tips
// closer than 1.5 cm grab fully, farther than 5 cm not at all; the grab point is between them.
// Thumb and middle finger pinched the same way are the trigger (press a switch, use a tool).
#pragma once

#include "core/math.h"

namespace praxis::xr {

/// 0 (open) … 1 (pinched) from the thumb-tip to index-tip distance in metres.
[[nodiscard]] float pinchStrength(float tipDistanceMetres);

/// The point between the two tips, oriented like the palm.
[[nodiscard]] core::Pose pinchPoint(const core::Vec3& thumbTip, const core::Vec3& indexTip,
                                    const core::Quat& palm);

}  // namespace praxis::xr
