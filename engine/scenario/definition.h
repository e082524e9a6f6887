// The scenario definition model: what scenario.yaml says, immutable once loaded.
// Every node keeps its SourceSpan so errors point at file:line:col and the editor can
// rewrite only what it changed.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/localized_text.h"
#include "core/math.h"
#include "core/source_span.h"
#include "scene/scene.h"

namespace praxis::scenario {

using core::LocalizedText;
using core::SourceSpan;

/// Where each key's value sits in the file: key path ("socket.accepts[1]", "pos") → span of
/// the value. Lets errors point at the exact value and the editor rewrite one field in place.
/// Empty for nodes built in code.
using FieldSpans = std::map<std::string, SourceSpan, std::less<>>;

/// The span recorded for `key`, or `fallback` (usually the node's own span) when none is.
[[nodiscard]] const SourceSpan& spanOf(const FieldSpans& fields, std::string_view key,
                                       const SourceSpan& fallback);

enum class Hand { Left, Right, Either };
enum class ToucherKind { Any, Hand, Tool };
enum class Severity { Minor, Major, Critical };

[[nodiscard]] std::string_view toString(Hand hand);
[[nodiscard]] std::string_view toString(Severity severity);

enum class ConditionKind {
  State,      // object's discrete state is `state` (switch state, "pressed", lever detent, socket "occupied")
  Value,      // lever/dial value within [minimum, maximum]
  Grabbed,    // `object` is held (by `hand`)
  Released,   // `object` was released (by `hand`) since the window opened
  Snapped,    // `object` sits in socket `target` (empty object: any object)
  Touched,    // `target` was touched since the window opened, by a hand, a tool, or tool `tool`
  Inside,     // `object` (or "head"/"left_hand"/"right_hand") is inside zone `target`
  ToolOn,     // tool `tool` acts on `target` continuously for `seconds` (contact or aimed)
  Elapsed,    // `seconds` have passed since the step (or attempt) began
  StepDone,   // step `state` has been completed
  LookingAt,  // the head looks at `object` within `degrees`
  All,
  Any,
  Not,
  Sequence,   // children became true in this order (each may latch)
};

/// One node of a condition tree. Only the fields its kind names are used.
struct Condition {
  ConditionKind kind = ConditionKind::All;
  SourceSpan span;
  std::string object;
  std::string target;
  std::string tool;
  std::string state;
  Hand hand = Hand::Either;
  ToucherKind by = ToucherKind::Any;
  float minimum = 0.0F;
  float maximum = 0.0F;
  double seconds = 0.0;
  double degrees = 15.0;
  bool sinceAttempt = false;  // Elapsed: count from the attempt's start, not the step's
  std::vector<Condition> children;
  FieldSpans fields;          // by YAML key: "object", "is", "into", "zone", …
};

/// The YAML key of a condition kind ("tool_on" for ToolOn).
[[nodiscard]] std::string_view toString(ConditionKind kind);

// ---- Devices that respond (format 2): actions, behaviour states, displays, values ----

enum class DeviceActionKind { Set, Show, Hide, Display, Enable, Disable, Cue };

/// One action a behaviour state or a step runs (`on_enter`, `on_done`).
struct DeviceAction {
  DeviceActionKind kind = DeviceActionKind::Set;
  SourceSpan span;
  std::string object;           // "" in a behaviour: the behaviour's own object
  std::string state;            // Set: a behaviour or switch state
  std::optional<double> value;  // Set: the object's value (a target's voltage)
  LocalizedText text;           // Display: the text ("{value}" is replaced); Cue: spoken text
  std::string valueOf;          // Display: show this object's value, live
  int decimals = 0;             // Display: digits after the decimal point
  std::string sound;            // Cue: a sound name
  FieldSpans fields;
};

[[nodiscard]] std::string_view toString(DeviceActionKind kind);

/// Leaves a behaviour state: after `afterSeconds` in it and/or once `when` holds.
struct TransitionDef {
  SourceSpan span;
  std::optional<double> afterSeconds;
  std::optional<Condition> when;
  std::string next;
  FieldSpans fields;
};

struct DeviceStateDef {
  std::string name;
  SourceSpan span;
  std::vector<DeviceAction> onEnter;
  std::vector<TransitionDef> transitions;  // the first that fires wins
};

/// An object's named states: the object's state is the behaviour's (conditions read it).
struct BehaviourDef {
  SourceSpan span;
  std::string initial;  // "" the first state
  std::vector<DeviceStateDef> states;
  FieldSpans fields;
  [[nodiscard]] const DeviceStateDef* find(std::string_view name) const;
};

/// Where an object shows text: a flat face in the object's frame, facing its +Z.
struct DisplayDef {
  SourceSpan span;
  core::Pose pose;
  float width = 0.2F;
  float height = 0.06F;
  FieldSpans fields;
};

/// What an object measures, computed from the world each tick.
enum class Measure { None, Voltage };

struct ObjectDef {
  std::string id;
  SourceSpan span;
  LocalizedText label;          // shown to trainees (text labels, feedback)
  std::string parent;           // "" for none
  core::Pose pose;              // relative to parent
  scene::Visual visual;
  bool collider = false;
  std::optional<scene::Grabbable> grabbable;
  std::optional<scene::Socket> socket;
  std::optional<scene::Switch> toggle;
  std::optional<scene::Button> button;
  std::optional<scene::Lever> lever;
  std::optional<scene::Tool> tool;
  std::optional<scene::TouchTarget> touchTarget;
  std::optional<scene::Zone> zone;
  std::optional<BehaviourDef> behaviour;  // format 2
  std::optional<DisplayDef> display;      // format 2
  std::optional<double> voltage;          // format 2: a target's value (`target: {voltage: 230}`)
  Measure measures = Measure::None;       // format 2: its value is a reading of what it touches
  FieldSpans fields;
};

struct HintDef {
  SourceSpan span;
  LocalizedText text;
  std::optional<double> afterSeconds;   // without progress on the step
  std::optional<int> afterMistakes;     // faults raised during the step
  FieldSpans fields;
};

struct BranchDef {
  SourceSpan span;
  Condition when;
  std::string next;  // a step id, or "end"
  FieldSpans fields;
};

inline constexpr std::string_view kEndStep = "end";

struct StepDef {
  std::string id;
  SourceSpan span;
  LocalizedText title;                 // optional short name shown with the step number
  LocalizedText instruction;
  std::vector<std::string> highlight;  // object ids
  Condition doneWhen;
  int points = 10;
  std::vector<HintDef> hints;
  std::vector<BranchDef> branches;     // first whose `when` holds picks the next step
  std::string next;                    // default next: "" the following step, or an id, or "end"
  std::vector<DeviceAction> onEnter;   // format 2: run when the step becomes active
  std::vector<DeviceAction> onDone;    // format 2: run when it is completed
  FieldSpans fields;                   // includes "highlight[i]"
};

struct FaultDef {
  std::string id;
  SourceSpan span;
  Condition when;                      // raised when this becomes true …
  std::optional<Condition> guard;      // … while this holds (the `while:` key)
  Severity severity = Severity::Major;
  std::optional<int> penalty;          // default from scoring
  LocalizedText message;
  bool repeat = false;                 // raise again on every new occurrence
  FieldSpans fields;
};

struct ScoringDef {
  SourceSpan span;
  int passScore = 0;                   // out of the sum of step points
  std::optional<double> timeLimitSeconds;
  int minorPenalty = 5;
  int majorPenalty = 20;
  FieldSpans fields;
};

struct TraineeStart {
  core::Vec3 position{0.0F, 0.0F, 1.5F};  // feet on the floor; the head is 1.7 m above
  float yawDegrees = 0.0F;                // 0 faces -Z
  float eyeHeight = 1.7F;
};

/// The newest scenario format (`praxis:` key) this build reads; every older one still loads.
inline constexpr int kNewestFormat = 2;

struct Metadata {
  int format = 1;  // the file's `praxis:` version
  std::string id;
  std::string version;
  LocalizedText title;
  LocalizedText description;
  double estimatedMinutes = 0.0;
  std::vector<std::string> languages;  // declared; the validator warns on missing translations
};

/// Where a `LocalizedText` came from, so the validator can name it in a translation warning.
struct TextRef {
  const LocalizedText* text = nullptr;
  SourceSpan span;
  std::string what;  // "step 'lock_out' instruction"
};

struct ScenarioDef {
  std::string folder;       // the scenario package folder
  std::string file;         // its scenario.yaml
  Metadata meta;
  TraineeStart trainee;
  std::vector<ObjectDef> objects;
  std::vector<StepDef> steps;
  std::vector<FaultDef> faults;
  ScoringDef scoring;
  SourceSpan span;          // the whole document
  FieldSpans fields;        // top-level keys: "id", "title", "languages[0]", "trainee.position", …

  /// Every text shown to trainees, with where it is written (title, labels, instructions,
  /// hints, fault messages).
  [[nodiscard]] std::vector<TextRef> texts() const;
  [[nodiscard]] const StepDef* findStep(std::string_view id) const;
  [[nodiscard]] const ObjectDef* findObject(std::string_view id) const;
  [[nodiscard]] int maxScore() const;
};

/// Appends the texts of displays and cues (behaviour states, steps' on_enter/on_done).
void addDeviceTexts(const ScenarioDef& def, std::vector<TextRef>& out);

}  // namespace praxis::scenario
