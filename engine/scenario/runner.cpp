#include "scenario/runner.h"

#include <algorithm>

namespace praxis::scenario {
namespace {

void collectIds(const Condition& c, std::vector<std::string>& out) {
  for (const std::string* id : {&c.object, &c.target, &c.tool}) {
    if (!id->empty()) out.push_back(*id);
  }
  for (const Condition& child : c.children) collectIds(child, out);
}

/// The entities a step is about: an event on one of them is progress (a hint's `after:`).
std::vector<scene::EntityId> relatedEntities(const StepDef& step, const scene::Scene& scene) {
  std::vector<std::string> ids = step.highlight;
  collectIds(step.doneWhen, ids);
  std::vector<scene::EntityId> out;
  for (const std::string& id : ids) {
    if (const auto e = scene.find(id)) out.push_back(*e);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace

core::Result<std::unique_ptr<Runner>> Runner::create(const ScenarioDef& def,
                                                     const scene::Scene& scene) {
  if (def.steps.empty()) return core::fail(def.file, ": the scenario has no steps");
  const auto head = scene.find("head");
  auto devices = Devices::create(def, scene);
  if (!devices) return core::Unexpected<core::Error>(devices.error());
  std::unique_ptr<Runner> runner(new Runner(def, head.value_or(scene::kNoEntity), std::move(*devices)));
  for (const StepDef& step : def.steps) {
    StepState state;
    auto done = state.tree.addRoot(step.doneWhen, def, scene);
    if (!done) return core::Unexpected<core::Error>(done.error());
    state.doneRoot = *done;
    for (const BranchDef& branch : step.branches) {
      auto root = state.tree.addRoot(branch.when, def, scene);
      if (!root) return core::Unexpected<core::Error>(root.error());
      state.branchRoots.push_back(*root);
    }
    state.hintShown.assign(step.hints.size(), false);
    state.related = relatedEntities(step, scene);
    runner->steps_.push_back(std::move(state));
  }
  for (const FaultDef& fault : def.faults) {
    FaultState state;
    auto when = state.tree.addRoot(fault.when, def, scene);
    if (!when) return core::Unexpected<core::Error>(when.error());
    state.whenRoot = *when;
    if (fault.guard) {
      auto guard = state.tree.addRoot(*fault.guard, def, scene);
      if (!guard) return core::Unexpected<core::Error>(guard.error());
      state.guardRoot = *guard;
    }
    runner->faults_.push_back(std::move(state));
  }
  runner->facts_.holder.resize(scene.size());
  runner->facts_.stepDone.assign(def.steps.size(), false);
  runner->facts_.stepDoneAt.assign(def.steps.size(), -1);
  return runner;
}

Runner::Runner(const ScenarioDef& def, scene::EntityId head, Devices devices)
    : def_(def), head_(head), devices_(std::move(devices)) {}

void Runner::start(core::Tick tick) {
  attemptStart_ = tick;
  AttemptEvent started;
  started.tick = tick;
  started.kind = AttemptEventKind::Started;
  started.maxScore = def_.maxScore();
  events_.push_back(std::move(started));
  devices_.start(tick);
  activate(0, tick);
}

void Runner::activate(std::size_t step, core::Tick tick) {
  current_ = step;
  stepStart_ = tick;
  lastProgress_ = tick;
  mistakesInStep_ = 0;
  latestHint_ = -1;
  steps_[step].tree.reset();
  steps_[step].wasDone = true;
  AttemptEvent e;
  e.tick = tick;
  e.kind = AttemptEventKind::StepStarted;
  e.stepId = def_.steps[step].id;
  events_.push_back(std::move(e));
  devices_.run(def_.steps[step].onEnter, scene::kNoEntity, tick);
}

void Runner::update(core::Tick tick, std::span<const interaction::WorldEvent> events,
                    const scene::Scene& scene) {
  if (ended_) return;
  for (const auto& e : events) facts_.apply(e);
  noteProgress(tick, events, scene);
  devices_.measure(facts_);
  const auto* values = &devices_.values();
  const EvalContext faultContext{scene, facts_, tick, stepStart_, attemptStart_, head_, false, values, current_};
  const EvalContext stepContext{scene, facts_, tick, stepStart_, attemptStart_, head_, true, values, current_};

  // Faults first: a safety violation in the same tick as a step's completion still counts.
  for (std::size_t i = 0; i < faults_.size(); ++i) {
    FaultState& f = faults_[i];
    f.tree.observe(events, /*latch=*/false);
    const bool active = f.tree.holds(f.whenRoot, faultContext) &&
                        (f.guardRoot < 0 || f.tree.holds(f.guardRoot, faultContext));
    const bool rising = active && !f.wasActive;
    f.wasActive = active;
    if (rising && (!f.raised || def_.faults[i].repeat)) {
      raiseFault(i, tick, scene);
      if (ended_) return;
    }
  }

  StepState& step = steps_[current_];
  step.tree.observe(events, /*latch=*/true);
  if (stepDoneNow(stepContext)) {
    completeStep(tick, stepContext);
  } else {
    updateHints(tick);
  }
  if (!ended_) {
    // Devices last: they respond to this tick's events and to the step that just began.
    const EvalContext deviceContext{scene, facts_, tick, stepStart_, attemptStart_, head_, false, values};
    devices_.update(events, deviceContext);
  }
  if (!ended_ && def_.scoring.timeLimitSeconds &&
      tick - attemptStart_ >= core::secondsToTicks(*def_.scoring.timeLimitSeconds)) {
    end(tick, EndReason::TimeLimit);
  }
}

void Runner::completeStep(core::Tick tick, const EvalContext& context) {
  const StepDef& def = def_.steps[current_];
  StepState& state = steps_[current_];
  facts_.stepDone[current_] = true;
  facts_.stepDoneAt[current_] = tick;
  points_ += def.points;
  AttemptEvent e;
  e.tick = tick;
  e.kind = AttemptEventKind::StepCompleted;
  e.stepId = def.id;
  e.points = def.points;
  e.stepSeconds = core::ticksToSeconds(tick - stepStart_);

  std::string next = def.next;
  for (std::size_t b = 0; b < def.branches.size(); ++b) {
    if (state.tree.holds(state.branchRoots[b], context)) {
      next = def.branches[b].next;
      e.branch = static_cast<int>(b);
      break;
    }
  }
  events_.push_back(std::move(e));
  devices_.run(def.onDone, scene::kNoEntity, tick);
  if (next.empty()) {
    next = current_ + 1 < def_.steps.size() ? def_.steps[current_ + 1].id : std::string(kEndStep);
  }
  if (next == kEndStep) {
    end(tick, EndReason::Completed);
    return;
  }
  const StepDef* target = def_.findStep(next);
  // The validator rejects unknown step ids; a definition built in code could still have one.
  if (target == nullptr) {
    end(tick, EndReason::Aborted);
    return;
  }
  activate(static_cast<std::size_t>(target - def_.steps.data()), tick);
}

int Runner::penaltyOf(const FaultDef& fault) const {
  if (fault.penalty) return *fault.penalty;
  switch (fault.severity) {
    case Severity::Minor: return def_.scoring.minorPenalty;
    case Severity::Major: return def_.scoring.majorPenalty;
    case Severity::Critical: return def_.maxScore();
  }
  return 0;
}

void Runner::raiseFault(std::size_t index, core::Tick tick, const scene::Scene& scene) {
  const FaultDef& def = def_.faults[index];
  faults_[index].raised = true;
  ++mistakesInStep_;
  const int penalty = penaltyOf(def);
  penalties_ += penalty;
  latestFault_ = static_cast<int>(index);
  latestFaultTick_ = tick;
  AttemptEvent e;
  e.tick = tick;
  e.kind = AttemptEventKind::FaultRaised;
  e.stepId = def_.steps[current_].id;
  e.faultId = def.id;
  e.severity = def.severity;
  e.points = penalty;
  // What the trainee held or touched then: the "what happened" of a safety report.
  for (scene::EntityId id = 0; id < facts_.holder.size(); ++id) {
    if (facts_.holder[id]) e.involved.push_back(scene.at(id).id);
  }
  for (const auto& [pair, since] : facts_.toolOn) e.involved.push_back(scene.at(pair.second).id);
  e.deviceStates = devices_.states();
  events_.push_back(std::move(e));
  if (def.severity == Severity::Critical) {
    criticalFault_ = true;
    end(tick, EndReason::CriticalFault);
  } else {
    updateHints(tick);
  }
}

void Runner::updateHints(core::Tick tick) {
  const StepDef& def = def_.steps[current_];
  StepState& state = steps_[current_];
  for (std::size_t h = 0; h < def.hints.size(); ++h) {
    if (state.hintShown[h]) continue;
    const HintDef& hint = def.hints[h];
    const bool slow = hint.afterSeconds && tick - lastProgress_ >= core::secondsToTicks(*hint.afterSeconds);
    const bool mistaken = hint.afterMistakes && mistakesInStep_ >= *hint.afterMistakes;
    if (!slow && !mistaken) continue;
    state.hintShown[h] = true;
    latestHint_ = static_cast<int>(h);
    AttemptEvent e;
    e.tick = tick;
    e.kind = AttemptEventKind::HintShown;
    e.stepId = def.id;
    e.hintIndex = static_cast<int>(h);
    events_.push_back(std::move(e));
  }
}

bool Runner::stepDoneNow(const EvalContext& context) {
  StepState& step = steps_[current_];
  const bool done = step.tree.holds(step.doneRoot, context);
  if (!def_.steps[current_].fresh) return done;
  // A fresh step counts only a done_when that becomes true while it is active: one that
  // already held when it began (done out of order) must first stop holding.
  const bool rising = done && !step.wasDone;
  step.wasDone = done;
  return rising;
}

void Runner::noteProgress(core::Tick tick, std::span<const interaction::WorldEvent> events,
                          const scene::Scene& scene) {
  const auto& related = steps_[current_].related;
  for (const auto& e : events) {
    if (std::binary_search(related.begin(), related.end(), e.subject) ||
        std::binary_search(related.begin(), related.end(), e.other)) {
      lastProgress_ = tick;
    }
    if (e.kind != interaction::EventKind::Said) continue;
    AttemptEvent said;
    said.tick = tick;
    said.kind = AttemptEventKind::Said;
    said.stepId = def_.steps[current_].id;
    said.phrase = e.state;
    if (e.subject != scene::kNoEntity) said.person = scene.at(e.subject).id;
    events_.push_back(std::move(said));
  }
}

void Runner::abort(core::Tick tick) {
  if (!ended_) end(tick, EndReason::Aborted);
}

void Runner::hashState(core::Hasher& hasher) const {
  hasher.value(ended_);
  hasher.value(current_);
  for (const bool done : facts_.stepDone) hasher.value(done);
  // Which faults were raised changes the score, never a condition: only the edge detector.
  for (const FaultState& f : faults_) hasher.value(f.wasActive);
  for (const auto& [subject, zone] : facts_.inside) {
    hasher.value(subject);
    hasher.value(zone);
  }
  // Which tool acts on which target, not since when: elapsed time is not part of the state.
  for (const auto& [pair, since] : facts_.toolOn) {
    hasher.value(pair.first);
    hasher.value(pair.second);
  }
  if (!ended_) {
    steps_[current_].tree.hashMemory(hasher);
    hasher.value(steps_[current_].wasDone);
  }
  devices_.hash(hasher);
}

int Runner::score() const { return std::max(points_ - penalties_, 0); }

void Runner::end(core::Tick tick, EndReason reason) {
  ended_ = true;
  AttemptEvent e;
  e.tick = tick;
  e.kind = AttemptEventKind::Ended;
  e.reason = reason;
  e.score = score();
  e.maxScore = def_.maxScore();
  e.outcome = reason == EndReason::Completed && !criticalFault_ && e.score >= def_.scoring.passScore
                  ? Outcome::Passed
                  : Outcome::Failed;
  events_.push_back(std::move(e));
}

Feedback Runner::feedback() const {
  Feedback f;
  f.score = score();
  f.maxScore = def_.maxScore();
  f.ended = ended_;
  if (latestFault_ >= 0) {
    f.faultMessage = &def_.faults[static_cast<std::size_t>(latestFault_)].message;
    f.faultTick = latestFaultTick_;
  }
  if (ended_) return f;
  const StepDef& step = def_.steps[current_];
  f.stepId = step.id;
  f.instruction = &step.instruction;
  f.highlight = step.highlight;
  if (latestHint_ >= 0) f.hint = &step.hints[static_cast<std::size_t>(latestHint_)].text;
  return f;
}

}  // namespace praxis::scenario
