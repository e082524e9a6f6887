// Simulation time: a fixed tick count, never a clock read (STYLE.md, determinism).
#pragma once

#include <cstdint>

namespace praxis::core {

/// The simulation's fixed rate. 90 Hz matches common headset refresh rates.
inline constexpr int kTicksPerSecond = 90;
inline constexpr double kTickSeconds = 1.0 / kTicksPerSecond;

/// A point in simulated time, counted in ticks since the attempt started.
using Tick = std::int64_t;

[[nodiscard]] constexpr double ticksToSeconds(Tick ticks) {
  return static_cast<double>(ticks) / kTicksPerSecond;
}
/// Rounds up, so "after 2 s" is never reached early. Saturates instead of overflowing (a
/// cast of a double beyond Tick's range is undefined): loaders bound durations far lower.
[[nodiscard]] constexpr Tick secondsToTicks(double seconds) {
  constexpr double kMaxExact = 4.0e18;  // below 2^63 ~ 9.2e18
  const double exact = seconds * kTicksPerSecond;
  if (!(exact < kMaxExact)) return exact > 0.0 ? static_cast<Tick>(kMaxExact) : 0;
  const auto truncated = static_cast<Tick>(exact);
  return (static_cast<double>(truncated) < exact) ? truncated + 1 : truncated;
}

}  // namespace praxis::core
