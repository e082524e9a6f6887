// Conditions compiled against a scene (ids resolved once) and evaluated each tick from the
// world's events and state. One ConditionTree per owner (a step, a fault) keeps the memory
// that event latches and sequences need.
#pragma once

#include <deque>
#include <map>
#include <set>
#include <tuple>
#include <span>
#include <utility>
#include <vector>

#include "core/result.h"
#include "core/sim_time.h"
#include "interaction/events.h"
#include "scenario/definition.h"
#include "scene/scene.h"

namespace praxis::scenario {

/// What the runner knows about the world beyond the scene: derived from events, so the
/// scenario module needs no access to the interaction world itself.
struct WorldFacts {
  std::vector<std::optional<interaction::HandSide>> holder;  // per entity
  std::set<std::pair<scene::EntityId, scene::EntityId>> inside;              // (subject, zone)
  std::map<std::pair<scene::EntityId, scene::EntityId>, core::Tick> toolOn;  // (tool, target) → since
  std::vector<bool> stepDone;                                                // per step index
  // Format 2: contacts now (target, tool or kNoEntity for a bare hand, hand) and when each
  // step was completed (-1: not yet).
  std::set<std::tuple<scene::EntityId, scene::EntityId, interaction::HandSide>> touching;
  std::vector<core::Tick> stepDoneAt;

  void apply(const interaction::WorldEvent& event);
};

struct EvalContext {
  const scene::Scene& scene;
  const WorldFacts& facts;
  core::Tick tick = 0;
  core::Tick stepStart = 0;
  core::Tick attemptStart = 0;
  scene::EntityId head = scene::kNoEntity;
  /// Steps latch achievements: once a tool has been held on a target long enough, that part
  /// of the step stays done (so `all:` of several measurements works). Faults do not latch.
  bool latchAchievements = false;
  /// Per object: its device value (format 2; NaN for none), what `value:` reads when the
  /// object is no lever. May be null.
  const std::vector<float>* values = nullptr;
  std::size_t currentStep = 0;  // for `active:`
};

class ConditionTree {
 public:
  /// Compiles `condition` as a new root; returns its index. Fails on an id the scene lacks.
  [[nodiscard]] core::Result<int> addRoot(const Condition& condition, const ScenarioDef& def,
                                          const scene::Scene& scene);
  /// Forgets latches and sequence progress (a step becoming active).
  void reset();
  /// Latches event conditions. With `latch` false, only this tick's events count.
  void observe(std::span<const interaction::WorldEvent> events, bool latch);
  /// Advances sequences and evaluates a root.
  [[nodiscard]] bool holds(int root, const EvalContext& context);
  /// Folds the latches and sequence progress into `hasher`.
  void hashMemory(core::Hasher& hasher) const;

 private:
  struct Node {
    ConditionKind kind = ConditionKind::All;
    scene::EntityId object = scene::kNoEntity;
    scene::EntityId target = scene::kNoEntity;
    scene::EntityId tool = scene::kNoEntity;
    std::string state;
    std::size_t stepIndex = 0;
    Hand hand = Hand::Either;
    ToucherKind by = ToucherKind::Any;
    float minimum = 0.0F;
    float maximum = 0.0F;
    core::Tick ticks = 0;
    float cosDegrees = 1.0F;
    bool sinceAttempt = false;
    // Format 2:
    int atLeast = 0;
    std::optional<int> atMost;
    int lastEvents = 0;
    int tolerance = 0;
    bool sinceCondition = false;
    bool perTick = false;  // an event under count/rate/held/since: true only in its tick
    std::vector<int> children;
    int subtreeBegin = 0;  // children compile first, so a subtree is [subtreeBegin, own index]
  };

  /// What count, rate, held and elapsed-since remember between ticks (conditions_timing.cpp).
  struct Timing {
    bool was = false;          // the judged condition held last tick (for rising edges)
    core::Tick since = -1;     // held: true since; elapsed: became true at
    std::deque<core::Tick> times;  // count (with a window), rate: when it became true
  };

  core::Result<int> compile(const Condition& c, const ScenarioDef& def, const scene::Scene& scene);
  core::Result<void> compileFormat2(const Condition& c, const ScenarioDef& def, Node& node);
  bool eval(int index, const EvalContext& context);
  bool evalFormat2(int index, const EvalContext& context);
  bool evalCount(int index, const EvalContext& context);
  bool evalRate(int index, const EvalContext& context);
  bool evalHeld(int index, const EvalContext& context);
  bool evalElapsedSince(int index, const EvalContext& context);
  [[nodiscard]] bool touchingNow(const Node& node, const WorldFacts& facts) const;
  /// Forgets the memory of the subtree rooted at `index` (a sequence reaching it).
  void resetSubtree(int index);
  [[nodiscard]] bool matches(const Node& node, const interaction::WorldEvent& event) const;

  std::vector<Node> nodes_;
  std::vector<int> memory_;  // per node: event latch, sequence progress, or an occurrence count
  std::vector<Timing> timing_;  // per node; used by the format-2 timing kinds only
};

}  // namespace praxis::scenario
