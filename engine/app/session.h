// A Session runs one attempt of one scenario: the world, the runner and their event logs,
// advanced one fixed tick at a time by TraineeInput. Headless, desktop, VR and the editor's
// play-test all drive this same class; none of them adds scenario logic.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "app/mode.h"
#include "core/hash.h"
#include "core/result.h"
#include "core/rng.h"
#include "core/sim_time.h"
#include "interaction/events.h"
#include "interaction/trainee_input.h"
#include "scenario/attempt.h"
#include "scenario/definition.h"
#include "scenario/devices.h"
#include "scene/scene.h"

namespace praxis::interaction {
class World;
}
namespace praxis::scenario {
class Runner;
}

namespace praxis::app {

struct SessionOptions {
  /// The front end driving the session; reported with every statement.
  Mode mode = Mode::Headless;
  std::string language = "nl-BE";
  /// Seeds the session's generator (rng()), the only randomness a simulation may use.
  std::uint64_t seed = 1;
};

class Session {
 public:
  /// Builds the world from the definition. `def` must outlive the session.
  [[nodiscard]] static core::Result<std::unique_ptr<Session>> create(
      const scenario::ScenarioDef& def, SessionOptions options);
  ~Session();
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  /// Advances the simulation by one tick with this input (nothing once the attempt ended).
  void step(const interaction::TraineeInput& input);
  /// An independent copy of the session so far: world, runner and logs.
  [[nodiscard]] std::unique_ptr<Session> clone() const;
  /// Ends an unfinished attempt as failed (the trainee stopped, the window closed).
  void abort();

  [[nodiscard]] core::Tick tick() const;
  [[nodiscard]] bool ended() const;
  [[nodiscard]] const scenario::ScenarioDef& definition() const { return def_; }
  [[nodiscard]] const SessionOptions& options() const { return options_; }
  /// The session's random generator, seeded with options().seed: the same seed and inputs
  /// give the same draws, so randomness never breaks a replay.
  [[nodiscard]] core::Rng& rng() { return rng_; }
  [[nodiscard]] const scene::Scene& scene() const;
  [[nodiscard]] const interaction::World& world() const;
  [[nodiscard]] scenario::Feedback feedback() const;
  /// The input of the last step (the head and hands to draw).
  [[nodiscard]] const interaction::TraineeInput& lastInput() const { return lastInput_; }
  /// The input a trainee starts with: standing at the scenario's start, hands lowered.
  [[nodiscard]] interaction::TraineeInput initialInput() const;

  [[nodiscard]] const std::vector<interaction::WorldEvent>& worldEvents() const;
  [[nodiscard]] const std::vector<scenario::AttemptEvent>& attemptEvents() const;
  /// Folds the runner's discrete attempt state into `hasher` (scenario::Runner::hashState).
  void hashAttemptState(core::Hasher& hasher) const;
  /// Hash over the world event log so far; equal logs give equal hashes, bit for bit.
  [[nodiscard]] std::uint64_t eventLogHash() const;

 private:
  Session(const scenario::ScenarioDef& def, SessionOptions options);
  /// Applies pending device commands to the world (session_devices.cpp).
  void applyDeviceCommands();

  const scenario::ScenarioDef& def_;
  SessionOptions options_;
  core::Rng rng_;
  interaction::TraineeInput lastInput_;
  core::Tick tick_ = 0;
  std::vector<interaction::WorldEvent> events_;
  std::unique_ptr<interaction::World> world_;
  std::unique_ptr<scenario::Runner> runner_;
  /// What the runner's devices asked for in the last tick; applied first in the next one.
  std::vector<scenario::DeviceCommand> pending_;
};

}  // namespace praxis::app
