#include "app/event_cursor.h"

#include <cassert>

#include "app/session.h"

namespace praxis::app {

EventBatch EventCursor::next(const Session& session) {
  const auto& world = session.worldEvents();
  const auto& attempt = session.attemptEvents();
  // Logs only grow; a shorter log means the cursor is used on a different session.
  assert(world.size() >= world_ && attempt.size() >= attempt_);
  EventBatch batch{std::span(world).subspan(world_), std::span(attempt).subspan(attempt_)};
  world_ = world.size();
  attempt_ = attempt.size();
  return batch;
}

}  // namespace praxis::app
