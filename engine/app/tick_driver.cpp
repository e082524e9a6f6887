#include "app/tick_driver.h"

#include <cassert>
#include <algorithm>
#include <cmath>

#include "core/sim_time.h"

namespace praxis::app {

TickDriver::TickDriver(TickDriverOptions options) : options_(options) {
  assert(options_.maxTicksPerFrame >= 1 && options_.speed > 0.0);
}

int TickDriver::advance(double realSeconds) {
  if (paused_ || !(realSeconds > 0.0)) return 0;
  accumulator_ += realSeconds * options_.speed;
  // A tick is due once its whole duration has passed. The epsilon keeps 1/90 s from
  // counting as 0.9999… of a tick after the division.
  auto due = static_cast<std::int64_t>(std::floor(accumulator_ / core::kTickSeconds + 1e-9));
  const auto run = std::min<std::int64_t>(due, options_.maxTicksPerFrame);
  accumulator_ -= static_cast<double>(due) * core::kTickSeconds;
  if (accumulator_ < 0.0) accumulator_ = 0.0;
  dropped_ += due - run;
  ticks_ += run;
  return static_cast<int>(run);
}

void TickDriver::setPaused(bool paused) {
  if (paused && !paused_) accumulator_ = 0.0;  // a partial tick is not finished after a pause
  paused_ = paused;
}

double TickDriver::alpha() const { return accumulator_ / core::kTickSeconds; }

}  // namespace praxis::app
