// One cursor over a Session's two event logs (world events and attempt events): each call
// hands out what happened since the previous one, so every consumer (xAPI, the console
// log, a HUD, --trace) sees each event exactly once and in order.
#pragma once

#include <cstddef>
#include <span>

#include "interaction/events.h"
#include "scenario/attempt.h"

namespace praxis::app {

class Session;

/// The events of one or more ticks. The spans point into the session's logs: valid until
/// the session steps again.
struct EventBatch {
  std::span<const interaction::WorldEvent> world;
  std::span<const scenario::AttemptEvent> attempt;
  [[nodiscard]] bool empty() const { return world.empty() && attempt.empty(); }
};

class EventCursor {
 public:
  /// Everything logged since the previous call (at first: since the session started).
  [[nodiscard]] EventBatch next(const Session& session);
  /// How many events of each log were handed out so far.
  [[nodiscard]] std::size_t worldSeen() const { return world_; }
  [[nodiscard]] std::size_t attemptSeen() const { return attempt_; }

 private:
  std::size_t world_ = 0;
  std::size_t attempt_ = 0;
};

}  // namespace praxis::app
