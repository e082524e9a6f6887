// The scenario runner: advances steps, raises faults, keeps the score and shows hints, from
// the world's events each tick. It produces data (attempt events, feedback), never UI.
#pragma once

#include <memory>
#include <span>
#include <string>
#include <vector>

#include "core/hash.h"
#include "core/result.h"
#include "scenario/attempt.h"
#include "scenario/conditions.h"
#include "scenario/definition.h"
#include "scenario/devices.h"

namespace praxis::scenario {

class Runner {
 public:
  /// Compiles every condition against `scene` (the world's scene, with the head and hands).
  [[nodiscard]] static core::Result<std::unique_ptr<Runner>> create(const ScenarioDef& def,
                                                                    const scene::Scene& scene);

  /// Starts the attempt: the first step becomes active.
  void start(core::Tick tick);
  /// Consumes one tick's events and the scene after them.
  void update(core::Tick tick, std::span<const interaction::WorldEvent> events,
              const scene::Scene& scene);
  /// An independent copy of the attempt so far (the definition is shared).
  [[nodiscard]] std::unique_ptr<Runner> clone() const { return std::unique_ptr<Runner>(new Runner(*this)); }
  /// Ends an unfinished attempt (the trainee stopped, the window closed): failed.
  void abort(core::Tick tick);

  [[nodiscard]] bool ended() const { return ended_; }
  [[nodiscard]] int score() const;
  [[nodiscard]] Feedback feedback() const;
  [[nodiscard]] const std::vector<AttemptEvent>& events() const { return events_; }
  /// What devices changed since the last call (format 2), for the Session to apply.
  [[nodiscard]] std::vector<DeviceCommand> takeDeviceCommands() { return devices_.takeCommands(); }
  /// Folds the attempt's discrete state into `hasher`: active step, completed steps, zone and
  /// tool facts, the active step's latches, which fault conditions hold now. Not the clock,
  /// the score or which faults were raised (no condition reads them): two attempts with
  /// equal hashes can go on the same way (what `praxis explore` prunes by).
  void hashState(core::Hasher& hasher) const;

 private:
  struct StepState {
    ConditionTree tree;
    int doneRoot = -1;
    std::vector<int> branchRoots;
    std::vector<bool> hintShown;
  };
  struct FaultState {
    ConditionTree tree;
    int whenRoot = -1;
    int guardRoot = -1;
    bool wasActive = false;
    bool raised = false;
  };

  Runner(const ScenarioDef& def, scene::EntityId head, Devices devices);
  void activate(std::size_t step, core::Tick tick);
  void completeStep(core::Tick tick, const EvalContext& context);
  void raiseFault(std::size_t fault, core::Tick tick, const scene::Scene& scene);
  void updateHints(core::Tick tick);
  void end(core::Tick tick, EndReason reason);
  [[nodiscard]] int penaltyOf(const FaultDef& fault) const;

  const ScenarioDef& def_;
  scene::EntityId head_;
  std::vector<StepState> steps_;
  std::vector<FaultState> faults_;
  WorldFacts facts_;
  Devices devices_;
  std::size_t current_ = 0;
  core::Tick attemptStart_ = 0;
  core::Tick stepStart_ = 0;
  core::Tick lastProgress_ = 0;
  int mistakesInStep_ = 0;
  int points_ = 0;
  int penalties_ = 0;
  bool criticalFault_ = false;
  bool ended_ = false;
  int latestHint_ = -1;
  int latestFault_ = -1;
  core::Tick latestFaultTick_ = -1;
  std::vector<AttemptEvent> events_;
};

}  // namespace praxis::scenario
