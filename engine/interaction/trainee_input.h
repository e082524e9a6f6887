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

struct TraineeInput {
  core::Pose head;        // world; eyes' midpoint
  std::array<HandInput, 2> hands;
  [[nodiscard]] HandInput& hand(HandSide side) { return hands[static_cast<std::size_t>(side)]; }
  [[nodiscard]] const HandInput& hand(HandSide side) const {
    return hands[static_cast<std::size_t>(side)];
  }
  bool operator==(const TraineeInput&) const = default;
};

}  // namespace praxis::interaction
