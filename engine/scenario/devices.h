// Devices that respond (scenario format 2), run by the scenario runner: objects' behaviour
// states with their timed and conditional transitions, the actions states and steps run,
// objects' values (set, or measured from what a tool touches) and live displays. It changes
// nothing itself: it yields DeviceCommands that the Session applies to the interaction
// world, whose changes come back as ordinary world events.
#pragma once

#include <cmath>
#include <utility>
#include <span>
#include <string>
#include <vector>

#include "core/hash.h"
#include "core/result.h"
#include "core/sim_time.h"
#include "scenario/conditions.h"
#include "scenario/definition.h"

namespace praxis::scenario {

/// One change for the world. Texts stay localized: the Session picks the trainee's language.
struct DeviceCommand {
  enum class Kind { SetState, Show, Hide, Enable, Disable, Display, Cue };
  Kind kind = Kind::SetState;
  scene::EntityId entity = scene::kNoEntity;  // Cue: kNoEntity when it sounds everywhere
  std::string state;                          // SetState: the state; Cue: the sound
  const LocalizedText* text = nullptr;        // Display: the text ("{value}" replaced); Cue: spoken
  std::string value;                          // Display: the formatted value
};

/// The text a Display or Cue command stands for in `language`.
[[nodiscard]] std::string commandText(const DeviceCommand& command, std::string_view language);

class Devices {
 public:
  /// Compiles every behaviour's transition conditions against `scene`.
  [[nodiscard]] static core::Result<Devices> create(const ScenarioDef& def, const scene::Scene& scene);

  /// Enters every behaviour's initial state (its on_enter actions run).
  void start(core::Tick tick);
  /// Runs `actions`; an action without an object acts on `owner`.
  void run(const std::vector<DeviceAction>& actions, scene::EntityId owner, core::Tick tick);
  /// Recomputes measured values from the facts (before conditions read them this tick).
  void measure(const WorldFacts& facts);
  /// Fires transitions, then refreshes live displays.
  void update(std::span<const interaction::WorldEvent> events, const EvalContext& context);
  /// The commands yielded since the last call, in the order they were made.
  [[nodiscard]] std::vector<DeviceCommand> takeCommands() { return std::exchange(commands_, {}); }
  /// Per entity: its value (set, a target's voltage, a reading), NaN when it has none.
  [[nodiscard]] const std::vector<float>& values() const { return values_; }
  /// "object=state" of every behaviour, in object order.
  [[nodiscard]] std::vector<std::string> states() const;
  /// Behaviour states, values and live displays (not since when: time is not state).
  void hash(core::Hasher& hasher) const;

 private:
  struct Device {
    scene::EntityId entity = scene::kNoEntity;
    const BehaviourDef* def = nullptr;
    std::size_t state = 0;
    core::Tick enteredAt = 0;
    ConditionTree tree;
    std::vector<std::vector<int>> roots;  // per state, per transition: condition root or -1
  };
  struct LiveDisplay {
    scene::EntityId display = scene::kNoEntity;
    scene::EntityId source = scene::kNoEntity;
    const DeviceAction* action = nullptr;
    std::string shown;
  };

  explicit Devices(const ScenarioDef& def) : def_(&def) {}
  void runOne(const DeviceAction& a, scene::EntityId owner, core::Tick tick);
  void enter(Device& device, std::size_t state, core::Tick tick);
  void display(scene::EntityId target, const DeviceAction& a);
  void refreshLiveDisplays(const scene::Scene& scene);
  [[nodiscard]] std::string formatted(scene::EntityId source, int decimals, const scene::Scene& scene) const;
  [[nodiscard]] scene::EntityId entityOf(const std::string& id, scene::EntityId owner) const;

  const ScenarioDef* def_;
  std::vector<Device> devices_;
  std::vector<int> deviceOf_;        // per object: index into devices_, or -1
  std::vector<float> values_;        // per object
  std::vector<LiveDisplay> live_;
  std::vector<DeviceCommand> commands_;
};

}  // namespace praxis::scenario
