#include "app/headless.h"

#include <algorithm>

#include "app/tick_input.h"

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

bool reachedStop(const Session& session, const RunOptions& options) {
  return !options.stopAtStep.empty() && session.feedback().stepId == options.stopAtStep;
}

}  // namespace

RunResult playTrainee(Attempt& attempt, TickInput& trainee, double maxSeconds, const RunOptions& options) {
  const Session& s = attempt.session();
  const core::Tick limit = core::secondsToTicks(maxSeconds);
  bool timedOut = false;
  while (!s.ended() && !reachedStop(s, options)) {
    if (s.tick() >= limit) {
      timedOut = true;
      attempt.abort();
      break;
    }
    const auto input = trainee.tick(s);
    if (!input) {  // the trainee stood idle after its last action: abandoned
      attempt.abort();
      break;
    }
    if (options.record != nullptr) options.record->push_back(*input);
    attempt.step(*input);
  }
  if (options.onFinished) options.onFinished(s);
  RunResult result = summarise(s);
  result.timedOut = timedOut;
  return result;
}

RunResult playScript(Attempt& attempt, const scenario::TraineeScript& script,
                     const RunOptions& options) {
  ScriptedTickInput trainee(script, attempt.session(), options.idleSeconds);
  RunResult result = playTrainee(attempt, trainee, script.maxSeconds, options);
  result.scriptError = trainee.error();
  return result;
}

core::Result<std::unique_ptr<Attempt>> attemptForScript(const scenario::ScenarioDef& def,
                                                        const scenario::TraineeScript& script,
                                                        const RunOptions& options) {
  AttemptOptions attemptOptions = options.attempt;
  attemptOptions.session.seed = script.seed;
  attemptOptions.session.language = script.language;
  return Attempt::create(def, std::move(attemptOptions));
}

core::Result<RunResult> runScript(const scenario::ScenarioDef& def,
                                  const scenario::TraineeScript& script, const RunOptions& options) {
  auto attempt = attemptForScript(def, script, options);
  if (!attempt) return std::unexpected(attempt.error());
  return playScript(**attempt, script, options);
}

core::Result<RunResult> runInputs(const scenario::ScenarioDef& def,
                                  const std::vector<interaction::TraineeInput>& inputs,
                                  const RunOptions& options) {
  auto attempt = Attempt::create(def, options.attempt);
  if (!attempt) return std::unexpected(attempt.error());
  Attempt& a = **attempt;
  for (const auto& input : inputs) {
    if (a.ended() || reachedStop(a.session(), options)) break;
    a.step(input);
  }
  // A recording ends where the recorded attempt ended; a shorter log means it was abandoned.
  if (!a.ended() && options.stopAtStep.empty()) a.abort();
  if (options.onFinished) options.onFinished(a.session());
  return summarise(a.session());
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
