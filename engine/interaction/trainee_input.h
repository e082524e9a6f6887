// What the trainee does in one tick: a head pose and two hands. Every front end (OpenXR,
// desktop mouse/keyboard, scripted trainee, replay) produces exactly this.
#pragma once

#include <array>
#include <cstdint>

#include "core/math.h"

namespace praxis::interaction {

enum class HandSide : std::uint8_t { Left = 0, Right = 1 };

struct HandInput {
  core::Pose pose;        // world; origin at the palm/fingertip contact point
  float grip = 0.0F;      // 0 open … 1 closed
  float trigger = 0.0F;   // 0 … 1
  bool tracked = true;
  bool operator==(const HandInput&) const = default;
};

/// Posture is read from the eyes' height above the feet, the same on every front end (a
/// headset's real kneel, desktop's crouch key, the scripted trainee's `posture:` action):
/// eyes at or below this fraction of the standing eye height mean crouching (or kneeling).
inline constexpr float kLowPostureFraction = 0.75F;
/// Where desktop's crouch key and the scripted trainee put the eyes when crouching.
inline constexpr float kCrouchEyeHeight = 1.0F;

struct TraineeInput {
  core::Pose head;        // world; eyes' midpoint
  std::array<HandInput, 2> hands;
  /// The phrase said in this tick: an index into the scenario's `phrases:`, -1 for none.
  std::int16_t say = -1;
  [[nodiscard]] HandInput& hand(HandSide side) { return hands[static_cast<std::size_t>(side)]; }
  [[nodiscard]] const HandInput& hand(HandSide side) const {
    return hands[static_cast<std::size_t>(side)];
  }
  bool operator==(const TraineeInput&) const = default;
};

}  // namespace praxis::interaction
