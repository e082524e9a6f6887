// The real-time fixed-tick driver: a front end with a display (desktop, VR) tells it how
// much wall-clock time passed since the previous frame and it answers how many 90 Hz
// simulation ticks to run now. The simulation never reads a clock (STYLE.md, determinism);
// this is the one place where real time becomes ticks.
#pragma once

#include <cstdint>

namespace praxis::app {

struct TickDriverOptions {
  /// At most this many ticks per frame. A slow frame (a stall, a debugger) drops the time it
  /// cannot catch up instead of running a burst that makes the next frame slower still.
  int maxTicksPerFrame = 4;
  /// Simulated seconds per real second (--speed): 2 runs twice as fast as real time.
  double speed = 1.0;
};

class TickDriver {
 public:
  explicit TickDriver(TickDriverOptions options = {});

  /// Adds `realSeconds` of wall-clock time (negative counts as 0) and returns the ticks to
  /// run now: 0 while paused, never more than maxTicksPerFrame.
  [[nodiscard]] int advance(double realSeconds);

  /// Paused (window minimised or unfocused, pause menu): time passes, ticks do not, and the
  /// time spent paused is not caught up on resume.
  void setPaused(bool paused);
  [[nodiscard]] bool paused() const { return paused_; }

  /// How far the simulation is into the next tick, 0..1 (for interpolating what is drawn).
  [[nodiscard]] double alpha() const;
  /// Ticks handed out so far, and ticks dropped because a frame hit maxTicksPerFrame.
  [[nodiscard]] std::int64_t ticks() const { return ticks_; }
  [[nodiscard]] std::int64_t droppedTicks() const { return dropped_; }
  [[nodiscard]] const TickDriverOptions& options() const { return options_; }

 private:
  TickDriverOptions options_;
  double accumulator_ = 0.0;  // simulated seconds not yet turned into ticks
  std::int64_t ticks_ = 0;
  std::int64_t dropped_ = 0;
  bool paused_ = false;
};

}  // namespace praxis::app
