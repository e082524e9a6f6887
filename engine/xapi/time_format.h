// xAPI time formats: RFC 3339 UTC timestamps with milliseconds and ISO 8601 durations.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace praxis::xapi {

using WallClock = std::chrono::system_clock;

/// "2026-11-23T12:34:56.789Z".
[[nodiscard]] std::string formatTimestamp(WallClock::time_point time);
/// True for an RFC 3339 date-time (any offset, optional fraction).
[[nodiscard]] bool isTimestamp(std::string_view text);

/// "PT1H2M3.25S" from seconds (≥ 0), with centisecond precision as xAPI recommends.
[[nodiscard]] std::string formatDuration(double seconds);
/// Seconds of an ISO 8601 duration (years and months as 365/30 days); nullopt if malformed.
[[nodiscard]] std::optional<double> parseDuration(std::string_view text);

}  // namespace praxis::xapi
