#include "app/headless.h"

#include <algorithm>

#include "scenario/scripted_trainee.h"

namespace praxis::app {

RunResult summarise(const Session& session) {
  RunResult r;
  r.ticks = session.tick();
  r.attemptEvents = session.attemptEvents();
  r.worldEventCount = session.worldEvents().size();
  r.eventLogHash = session.eventLogHash();
  r.maxScore = session.definition().maxScore();
  for (const auto& e : r.attemptEvents) {
    using K = scenario::AttemptEventKind;
    if (e.kind == K::StepCompleted) r.stepsCompleted.push_back(e.stepId);
    if (e.kind == K::FaultRaised) r.faults.push_back(e.faultId);
    if (e.kind == K::Ended) {
      r.ended = true;
      r.outcome = e.outcome;
      r.endReason = e.reason;
      r.score = e.score;
    }
  }
  return r;
}

namespace {

// Reports attempt events to the callback as they appear.
class EventWatcher {
 public:
  explicit EventWatcher(const RunOptions& options) : options_(options) {}
  void poll(const Session& session) {
    const auto& events = session.attemptEvents();
    for (; seen_ < events.size(); ++seen_) {
      if (options_.onAttemptEvent) options_.onAttemptEvent(session, events[seen_]);
    }
  }
  [[nodiscard]] bool reachedStop(const Session& session) const {
    if (options_.stopAtStep.empty()) return false;
    return session.feedback().stepId == options_.stopAtStep;
  }

 private:
  const RunOptions& options_;
  std::size_t seen_ = 0;
};

}  // namespace

core::Result<RunResult> runScript(const scenario::ScenarioDef& def,
                                  const scenario::TraineeScript& script, const RunOptions& options) {
  RunOptions opts = options;
  opts.session.seed = script.seed;
  opts.session.language = script.language;
  auto session = Session::create(def, opts.session);
  if (!session) return std::unexpected(session.error());
  Session& s = **session;
  scenario::ScriptedTrainee trainee(script, s.initialInput());
  EventWatcher watcher(opts);
  watcher.poll(s);
  const core::Tick limit = core::secondsToTicks(script.maxSeconds);
  const core::Tick idleTicks = core::secondsToTicks(opts.idleSeconds);
  core::Tick idleSince = -1;
  bool timedOut = false;
  while (!s.ended()) {
    if (watcher.reachedStop(s)) break;
    if (s.tick() >= limit) {
      timedOut = true;
      s.abort();
      break;
    }
    const interaction::TraineeInput input = trainee.next(s.scene());
    if (trainee.done()) {
      if (idleSince < 0) idleSince = s.tick();
      if (s.tick() - idleSince >= idleTicks) {
        s.abort();
        break;
      }
    }
    if (opts.record != nullptr) opts.record->push_back(input);
    s.step(input);
    watcher.poll(s);
  }
  watcher.poll(s);
  if (opts.onFinished) opts.onFinished(s);
  RunResult result = summarise(s);
  result.scriptError = trainee.error();
  result.timedOut = timedOut;
  return result;
}

core::Result<RunResult> runInputs(const scenario::ScenarioDef& def,
                                  const std::vector<interaction::TraineeInput>& inputs,
                                  const RunOptions& options) {
  auto session = Session::create(def, options.session);
  if (!session) return std::unexpected(session.error());
  Session& s = **session;
  EventWatcher watcher(options);
  watcher.poll(s);
  for (const auto& input : inputs) {
    if (s.ended() || watcher.reachedStop(s)) break;
    s.step(input);
    watcher.poll(s);
  }
  // A recording ends where the recorded attempt ended; a shorter log means it was abandoned.
  if (!s.ended() && options.stopAtStep.empty()) s.abort();
  watcher.poll(s);
  if (options.onFinished) options.onFinished(s);
  return summarise(s);
}

std::vector<std::string> checkExpectations(const scenario::Expectation& expect, const RunResult& r) {
  std::vector<std::string> failures;
  const auto join = [](const std::vector<std::string>& v) {
    std::string out = "[";
    for (std::size_t i = 0; i < v.size(); ++i) out += (i ? ", " : "") + v[i];
    return out + "]";
  };
  if (r.scriptError) failures.push_back("script error: " + r.scriptError->message);
  if (r.timedOut) failures.push_back("the attempt did not end within the script's max_seconds");
  if (expect.outcome && *expect.outcome != r.outcome) {
    failures.push_back("expected outcome " + std::string(toString(*expect.outcome)) + ", got " +
                       std::string(toString(r.outcome)) + " (" + std::string(toString(r.endReason)) + ")");
  }
  if (expect.endReason && *expect.endReason != toString(r.endReason)) {
    failures.push_back("expected end " + *expect.endReason + ", got " + std::string(toString(r.endReason)));
  }
  if (expect.scoreMin && r.score < *expect.scoreMin) {
    failures.push_back("score " + std::to_string(r.score) + " is below the expected minimum " +
                       std::to_string(*expect.scoreMin));
  }
  if (expect.scoreMax && r.score > *expect.scoreMax) {
    failures.push_back("score " + std::to_string(r.score) + " is above the expected maximum " +
                       std::to_string(*expect.scoreMax));
  }
  if (expect.faults) {
    auto want = *expect.faults;
    auto got = r.faults;
    std::sort(want.begin(), want.end());
    std::sort(got.begin(), got.end());
    if (want != got) failures.push_back("expected faults " + join(want) + ", got " + join(got));
  }
  if (expect.stepsCompleted && *expect.stepsCompleted != r.stepsCompleted) {
    failures.push_back("expected steps " + join(*expect.stepsCompleted) + ", got " + join(r.stepsCompleted));
  }
  return failures;
}

}  // namespace praxis::app
