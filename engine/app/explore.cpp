// praxis explore: the breadth-first search and what it concludes (docs/explore.md).
#include "app/explore.h"

#include <array>
#include <chrono>
#include <ctime>
#include <deque>
#include <map>
#include <unordered_map>

#include "app/explore_detail.h"
#include "app/headless.h"
#include "scenario/scripted_trainee.h"

namespace praxis::app {
namespace {

using detail::Move;
using scenario::Action;

// A sequence never plays longer than this (a guard; the trainee always finishes).
constexpr double kMaxSequenceSeconds = 3600.0;

struct Node {
  int parent = -1;
  int depth = 0;
  Move move;                 // what led here from the parent
  bool ended = false;
  scenario::EndReason reason = scenario::EndReason::Aborted;
  bool expanded = false;
  std::vector<int> successors;
};

struct Played {
  std::unique_ptr<Session> session;
  std::array<std::string, 2> holding;  // what the trainee believes each hand holds (left, right)
  bool playable = false;               // the trainee could play every action
};

// Plays `actions` on in `played` with a trainee that takes over its beliefs. A trainee that
// takes over between two actions gives the same inputs as one that plays both: it plans the
// next action from the same scene and the same last input.
void continueWith(Played& played, const std::vector<Action>& actions) {
  Session& s = *played.session;
  scenario::TraineeScript script;
  script.file = "<explore>";
  script.actions = actions;
  scenario::ScriptedTrainee trainee(script, s.lastInput());
  trainee.setPhrases(scenario::phraseIds(s.definition()));
  trainee.assumeHolding(interaction::HandSide::Left, played.holding[0]);
  trainee.assumeHolding(interaction::HandSide::Right, played.holding[1]);
  const core::Tick limit = s.tick() + core::secondsToTicks(kMaxSequenceSeconds);
  while (!s.ended() && s.tick() < limit) {
    const interaction::TraineeInput input = trainee.next(s.scene());
    if (trainee.done()) break;
    s.step(input);
  }
  played.holding = {trainee.holding(interaction::HandSide::Left), trainee.holding(interaction::HandSide::Right)};
  played.playable = !trainee.error().has_value();
}

// Plays `actions` from a fresh session, as `praxis run --script` plays a test.
core::Result<Played> play(const scenario::ScenarioDef& def, const std::vector<Action>& actions) {
  auto session = Session::create(def, {});
  if (!session) return std::unexpected(session.error());
  Played played{.session = std::move(*session), .holding = {}, .playable = false};
  continueWith(played, actions);
  return played;
}

// The first (so shortest: sequences are played breadth first) sequence that showed each
// step, fault and branch. Every played sequence counts, also one that ends in a known state.
struct Sightings {
  using Path = std::vector<Action>;
  std::map<std::string, Path> stepActive, stepDone, fault, branch;
  int completed = -1;

  void record(const Session& s, const Path& node) {
    using K = scenario::AttemptEventKind;
    for (const auto& e : s.attemptEvents()) {
      if (e.kind == K::StepStarted) stepActive.emplace(e.stepId, node);
      if (e.kind == K::StepCompleted) {
        stepDone.emplace(e.stepId, node);
        branch.emplace(e.stepId + "#" + (e.branch >= 0 ? std::to_string(e.branch) : "default"), node);
      }
      if (e.kind == K::FaultRaised) fault.emplace(e.faultId, node);
      if (e.kind == K::Ended && e.reason == scenario::EndReason::Completed && completed < 0) {
        completed = static_cast<int>(node.size());
      }
    }
  }
};

class Search {
 public:
  Search(const scenario::ScenarioDef& def, const ExploreOptions& options)
      : def_(def), options_(options), vocabulary_(detail::vocabularyOf(def)) {}

  core::Result<ExploreResult> run();

 private:
  std::vector<Action> pathTo(int node) const {
    std::vector<int> chain;
    for (int n = node; n > 0; n = nodes_[static_cast<std::size_t>(n)].parent) chain.push_back(n);
    std::vector<Action> actions;
    for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
      const Move& m = nodes_[static_cast<std::size_t>(*it)].move;
      actions.insert(actions.end(), m.begin(), m.end());
    }
    return actions;
  }
  int add(int parent, Move move, const Session& s, const std::vector<Action>& path);
  core::Result<void> expand(int node);
  [[nodiscard]] bool outOfBudget();
  [[nodiscard]] std::uint64_t stateOf(const Session& s) const;
  void progress(int depth, bool last = false);
  void conclude(ExploreResult& result);
  void deadEnds(ExploreResult& result);
  Finding finding(FindingKind kind, std::string id, std::string message, core::SourceSpan span,
                  const std::vector<Action>* path);

  const scenario::ScenarioDef& def_;
  const ExploreOptions& options_;
  detail::Vocabulary vocabulary_;
  std::vector<Node> nodes_;
  std::unordered_map<std::uint64_t, int> seen_;
  std::deque<int> queue_;
  Sightings sightings_;
  std::size_t runs_ = 0;
  std::string cutBy_;
  int depth_ = 0;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
  std::clock_t cpuStart_ = std::clock();
  double lastReport_ = 0.0;
};

int Search::add(int parent, Move move, const Session& s, const std::vector<Action>& path) {
  const int index = static_cast<int>(nodes_.size());
  sightings_.record(s, path);
  const auto [it, fresh] = seen_.try_emplace(stateOf(s), index);
  if (!fresh) return it->second;
  Node node;
  node.parent = parent;
  node.depth = parent < 0 ? 0 : nodes_[static_cast<std::size_t>(parent)].depth + 1;
  node.move = std::move(move);
  node.ended = s.ended();
  for (const auto& e : s.attemptEvents()) {
    if (e.kind == scenario::AttemptEventKind::Ended) node.reason = e.reason;
  }
  nodes_.push_back(std::move(node));
  queue_.push_back(index);
  depth_ = std::max(depth_, nodes_.back().depth);
  return index;
}

std::uint64_t Search::stateOf(const Session& s) const {
  // An ended attempt has no future: all ends with the same reason are one state.
  if (!s.ended()) return detail::discreteState(s, vocabulary_.handsMatter, vocabulary_.posture);
  core::Hasher h;
  h.text("ended");
  for (const auto& e : s.attemptEvents()) {
    if (e.kind == scenario::AttemptEventKind::Ended) h.value(static_cast<int>(e.reason));
  }
  return h.digest();
}

bool Search::outOfBudget() {
  const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  if (elapsed >= options_.seconds) cutBy_ = "--seconds";
  if (nodes_.size() >= options_.maxStates) cutBy_ = "--max-states";
  return !cutBy_.empty();
}

void Search::progress(int depth, bool last) {
  const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  if (!options_.onProgress || (!last && elapsed - lastReport_ < 1.0)) return;
  lastReport_ = elapsed;
  options_.onProgress({.states = nodes_.size(), .runs = runs_, .depth = depth, .frontier = queue_.size(),
                       .seconds = elapsed,
                       .cpuSeconds = static_cast<double>(std::clock() - cpuStart_) / CLOCKS_PER_SEC});
}

core::Result<void> Search::expand(int index) {
  // Replay the state's sequence once, then play each move on a copy of that session: a
  // fresh replay per move costs the whole prefix again (docs/explore.md, measured).
  const std::vector<Action> prefix = pathTo(index);
  auto parent = play(def_, prefix);
  if (!parent) return std::unexpected(parent.error());
  ++runs_;
  for (Move& move : detail::candidateMoves(*parent->session, vocabulary_)) {
    if (outOfBudget()) return {};
    Played child{.session = parent->session->clone(), .holding = parent->holding, .playable = false};
    continueWith(child, move);
    ++runs_;
    if (!child.playable || !detail::moveTookEffect(*child.session, move)) continue;
    std::vector<Action> actions = prefix;
    actions.insert(actions.end(), move.begin(), move.end());
    const int successor = add(index, std::move(move), *child.session, actions);
    nodes_[static_cast<std::size_t>(index)].successors.push_back(successor);
  }
  nodes_[static_cast<std::size_t>(index)].expanded = true;
  return {};
}

core::Result<ExploreResult> Search::run() {
  auto root = play(def_, {});
  if (!root) return std::unexpected(root.error());
  add(-1, {}, *root->session, {});
  while (!queue_.empty() && !outOfBudget()) {
    const int index = queue_.front();
    const Node& node = nodes_[static_cast<std::size_t>(index)];
    if (node.ended) {
      queue_.pop_front();
      continue;
    }
    if (node.depth >= options_.maxDepth) {
      cutBy_ = "--max-depth";
      break;
    }
    progress(node.depth);
    if (auto r = expand(index); !r) return std::unexpected(r.error());
    if (nodes_[static_cast<std::size_t>(index)].expanded) queue_.pop_front();
  }
  progress(depth_, /*last=*/true);
  ExploreResult result;
  result.states = nodes_.size();
  result.runs = runs_;
  result.depth = depth_;
  result.complete = cutBy_.empty();
  result.cutBy = cutBy_;
  result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  result.cpuSeconds = static_cast<double>(std::clock() - cpuStart_) / CLOCKS_PER_SEC;
  result.completionDepth = sightings_.completed;
  conclude(result);
  return result;
}

Finding Search::finding(FindingKind kind, std::string id, std::string message, core::SourceSpan span,
                        const std::vector<Action>* path) {
  Finding f;
  f.kind = kind;
  f.id = std::move(id);
  f.message = std::move(message);
  f.span = std::move(span);
  if (path == nullptr) return f;
  f.hasSequence = true;
  f.actions = *path;
  // What the sequence does when replayed as `praxis run --script` will replay the test.
  scenario::TraineeScript script;
  script.file = "<explore>";
  script.actions = f.actions;
  if (auto run = runScript(def_, script)) {
    f.stepsCompleted = run->stepsCompleted;
    f.faults = run->faults;
    f.endReason = std::string(toString(run->endReason));
  }
  return f;
}

void Search::conclude(ExploreResult& result) {
  // Without a complete search, "not seen" is not "cannot happen": say so, claim nothing.
  const auto unseen = [&](const std::string& what, const std::string& message, FindingKind kind,
                          const std::string& id, const core::SourceSpan& span, const std::vector<Action>* path) {
    if (result.complete) {
      result.findings.push_back(finding(kind, id, message, span, path));
    } else {
      result.notReached.push_back(what + " (" + span.where() + ")");
    }
  };
  for (std::size_t i = 0; i < def_.steps.size(); ++i) {
    const auto& step = def_.steps[i];
    if (!sightings_.stepDone.contains(step.id)) {
      const auto active = sightings_.stepActive.find(step.id);
      const auto* path = active == sightings_.stepActive.end() ? nullptr : &active->second;
      unseen("step " + step.id, path == nullptr ? "step '" + step.id + "' never becomes active"
                                         : "step '" + step.id + "' can never be completed",
             FindingKind::StepNeverCompleted, step.id, step.span, path);
    }
    for (std::size_t b = 0; b <= step.branches.size() && !step.branches.empty(); ++b) {
      const bool otherwise = b == step.branches.size();
      const std::string id = step.id + "#" + (otherwise ? "default" : std::to_string(b));
      if (sightings_.branch.contains(id)) continue;
      const auto span = otherwise ? scenario::spanOf(step.fields, "next", step.span) : step.branches[b].span;
      unseen("branch " + id, std::string("step '") + step.id + "': " +
                                 (otherwise ? "the default next step" : "branch " + std::to_string(b + 1)) +
                                 " is never taken",
             FindingKind::BranchNeverTaken, id, span, nullptr);
    }
  }
  for (const auto& fault : def_.faults) {
    if (sightings_.fault.contains(fault.id)) continue;
    unseen("fault " + fault.id, "fault '" + fault.id + "' can never be raised", FindingKind::FaultNeverRaised,
           fault.id, fault.span, nullptr);
  }
  deadEnds(result);
}

void Search::deadEnds(ExploreResult& result) {
  // Backwards over the explored graph: which states can still complete, can still end at
  // all, or lead to a state not expanded (whose future is unknown, so no verdict).
  const std::size_t n = nodes_.size();
  std::vector<std::vector<int>> predecessors(n);
  for (std::size_t i = 0; i < n; ++i) {
    for (const int s : nodes_[i].successors) predecessors[static_cast<std::size_t>(s)].push_back(static_cast<int>(i));
  }
  const auto backwards = [&](auto seed) {
    std::vector<bool> mark(n, false);
    std::vector<int> stack;
    for (std::size_t i = 0; i < n; ++i) {
      if (seed(nodes_[i])) {
        mark[i] = true;
        stack.push_back(static_cast<int>(i));
      }
    }
    while (!stack.empty()) {
      const int i = stack.back();
      stack.pop_back();
      for (const int p : predecessors[static_cast<std::size_t>(i)]) {
        if (!mark[static_cast<std::size_t>(p)]) {
          mark[static_cast<std::size_t>(p)] = true;
          stack.push_back(p);
        }
      }
    }
    return mark;
  };
  const auto completes = backwards([](const Node& x) { return x.ended && x.reason == scenario::EndReason::Completed; });
  const auto ends = backwards([](const Node& x) { return x.ended; });
  const auto unknown = backwards([](const Node& x) { return !x.ended && !x.expanded; });
  const auto dead = [&](std::size_t i) { return !nodes_[i].ended && !completes[i] && !unknown[i]; };
  std::map<std::string, bool> reported;  // one dead end per active step: the shortest way in
  for (std::size_t i = 0; i < n; ++i) {
    // Report where the trainee enters a dead region, not every state inside it.
    if (!dead(i) || (nodes_[i].parent >= 0 && dead(static_cast<std::size_t>(nodes_[i].parent)))) continue;
    const std::vector<Action> path = pathTo(static_cast<int>(i));
    auto played = play(def_, path);
    // The search plays moves on copies of sessions; a straight replay (what the written test
    // does) can differ where an object was still falling (docs/explore.md). Report only what
    // the straight replay shows: an attempt that is still running.
    if (!played || played->session->ended()) continue;
    const std::string step = played->session->feedback().stepId;
    if (reported[step]) continue;
    reported[step] = true;
    const scenario::StepDef* active = def_.findStep(step);
    std::string message = "dead end at step '" + step + "': the scenario can no longer be completed" +
                          (ends[i] ? " (only a critical fault can still end it)"
                                   : " and nothing but the time limit ends it");
    result.findings.push_back(finding(FindingKind::DeadEnd, step, std::move(message),
                                      active != nullptr ? active->span : def_.span, &path));
  }
}

}  // namespace

std::string_view toString(FindingKind kind) {
  switch (kind) {
    case FindingKind::StepNeverCompleted: return "step";
    case FindingKind::FaultNeverRaised: return "fault";
    case FindingKind::BranchNeverTaken: return "branch";
    case FindingKind::DeadEnd: return "dead end";
  }
  return "?";
}

std::string findingTestYaml(const Finding& f, const scenario::ScenarioDef& def, const std::string& name) {
  const auto list = [](const std::vector<std::string>& items) {
    std::string out = "[";
    for (std::size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + items[i];
    return out + "]";
  };
  std::string out = "# Found by praxis explore: " + f.message + " (" + f.span.where() + ").\n";
  out += "# Replay: praxis run " + def.folder + " --headless --script <this file>\n";
  const std::string language = def.meta.languages.empty() ? "nl-BE" : def.meta.languages.front();
  out += "name: \"" + name + "\"\nlanguage: " + language + "\nseed: 1\nactions:\n";
  if (f.actions.empty()) out += "  - wait: 0.5\n";
  for (const auto& a : f.actions) out += "  - " + detail::actionYaml(a) + "\n";
  out += "expect:\n  end: " + (f.endReason.empty() ? std::string("aborted") : f.endReason) + "\n";
  out += "  steps: " + list(f.stepsCompleted) + "\n  faults: " + list(f.faults) + "\n";
  return out;
}

core::Result<ExploreResult> explore(const scenario::ScenarioDef& def, const ExploreOptions& options) {
  Search search(def, options);
  return search.run();
}

}  // namespace praxis::app
