// One attempt as every front end drives it: the Session, its statement output, one cursor
// over its events, the real-time fixed-tick driver and the frame builder. Headless runs,
// snapshots, the desktop window, VR and the editor's play-test all go through this class,
// so xAPI, event order and what is drawn never depend on the front end.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "app/event_cursor.h"
#include "app/session.h"
#include "app/tick_driver.h"
#include "core/result.h"

namespace praxis::app {

class StatementOutput;

struct AttemptOptions {
  SessionOptions session;
  /// Where the attempt's statements go as they happen (not owned: `praxis test` reports
  /// many attempts through one output); null reports nothing.
  StatementOutput* output = nullptr;
  /// The opaque trainee id for the statements' actor (ignored under a cmi5 launch).
  std::string traineeId;
  /// Called after every tick (and once at the start) with the events it logged, after they
  /// went to the output. Not called for a tick that logged nothing.
  std::function<void(const Session&, const EventBatch&)> onEvents;
  TickDriverOptions realTime;
};

class Attempt {
 public:
  /// Starts a session of `def` (which must outlive the attempt) and reports its start.
  [[nodiscard]] static core::Result<std::unique_ptr<Attempt>> create(
      const scenario::ScenarioDef& def, AttemptOptions options);
  ~Attempt();
  Attempt(const Attempt&) = delete;
  Attempt& operator=(const Attempt&) = delete;

  /// One simulation tick with this input; its events go to the output and the listener.
  void step(const interaction::TraineeInput& input);
  /// Real time: runs the ticks `realSeconds` of wall-clock time are worth (see TickDriver),
  /// asking `nextInput` for each tick's input. Returns the number of ticks run.
  int advance(double realSeconds, const std::function<interaction::TraineeInput()>& nextInput);
  /// Ends an unfinished attempt as aborted (the trainee quit, the window closed).
  void abort();
  /// Aborts the current attempt if unfinished and starts a fresh one (a new registration).
  [[nodiscard]] core::Result<void> restart();

  [[nodiscard]] const Session& session() const { return *session_; }
  [[nodiscard]] Session& session() { return *session_; }
  [[nodiscard]] bool ended() const { return session_->ended(); }
  [[nodiscard]] TickDriver& clock() { return clock_; }
  [[nodiscard]] const TickDriver& clock() const { return clock_; }

 private:
  Attempt(const scenario::ScenarioDef& def, AttemptOptions options);
  [[nodiscard]] core::Result<void> begin();
  void forward();

  const scenario::ScenarioDef& def_;
  AttemptOptions options_;
  TickDriver clock_;
  std::unique_ptr<Session> session_;
  EventCursor cursor_;
};

}  // namespace praxis::app
