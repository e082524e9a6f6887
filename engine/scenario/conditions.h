// Conditions compiled against a scene (ids resolved once) and evaluated each tick from the
// world's events and state. One ConditionTree per owner (a step, a fault) keeps the memory
// that event latches and sequences need.
#pragma once

#include <map>
#include <set>
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
  void hashMemory(core::Hasher& hasher) const {
    for (const int m : memory_) hasher.value(m);
  }

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
    std::vector<int> children;
    int subtreeBegin = 0;  // children compile first, so a subtree is [subtreeBegin, own index]
  };

  core::Result<int> compile(const Condition& c, const ScenarioDef& def, const scene::Scene& scene);
  bool eval(int index, const EvalContext& context);
  [[nodiscard]] bool matches(const Node& node, const interaction::WorldEvent& event) const;

  std::vector<Node> nodes_;
  std::vector<int> memory_;  // per node: event latch, or sequence progress
};

}  // namespace praxis::scenario
