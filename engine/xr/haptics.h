// Which moments the trainee feels in the controllers: a short tick on a grab, a firmer one on
// a snap into a socket, a long strong buzz on both hands for a safety fault. Pure: events in,
// pulses out; the session sends them with xrApplyHapticFeedback.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "interaction/events.h"

namespace praxis::xr {

struct HapticPulse {
  interaction::HandSide hand = interaction::HandSide::Right;
  float amplitude = 0.5F;          // 0..1
  std::int64_t durationNs = 0;     // XrDuration
  bool operator==(const HapticPulse&) const = default;
};

/// The pulses for one tick's world events: a grab on the grabbing hand; a snap on the hand
/// that released the object in the same tick (both hands when none did).
[[nodiscard]] std::vector<HapticPulse> hapticsFor(std::span<const interaction::WorldEvent> events);

/// A safety fault: both hands, strong and long enough to notice through gloves.
[[nodiscard]] std::vector<HapticPulse> faultHaptics();

}  // namespace praxis::xr
