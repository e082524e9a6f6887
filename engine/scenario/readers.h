// The YAML → model readers behind loader.cpp, one per file family: scenario objects
// (read_scenario.cpp), steps/faults/scoring (read_steps.cpp), conditions (read_condition.cpp),
// scripted trainees (read_script.cpp). They build as much of the model as they can and
// report every problem through the Reader. Internal to the scenario module.
#pragma once

#include <limits>

#include <optional>

#include "scenario/definition.h"
#include "scenario/trainee_script.h"
#include "scenario/yaml_reader.h"
#include "scenario/yaml_tree.h"

namespace praxis::scenario::detail {

/// Upper bounds for numbers that have only a lower one (seconds, minutes, travel).
inline constexpr double kBig = std::numeric_limits<double>::max();
inline constexpr long long kBigInt = std::numeric_limits<long long>::max();
/// The longest duration a scenario or test may give (seconds: about 115 days). Far beyond any
/// training, and far below where seconds-to-ticks overflows (~1e17 s): `time_limit: 1e23`
/// would otherwise end the attempt at 0 s. The schema says the same.
inline constexpr double kMaxSeconds = 1e7;

/// yaml-cpp's document, or nothing after reporting why not: the syntax error (yaml-cpp stops at
/// the first), or input refused before parsing (too large, not UTF-8, too deep, two documents).
std::optional<YAML::Node> parse(std::string_view text, const std::string& file, const LoadLimits& limits,
                                Diagnostics& out);

/// The editor's tree of `doc` (yaml_tree.cpp); `reader` supplies the spans.
YamlNode buildYamlTree(Reader& reader, std::string_view text, const YAML::Node& doc);

/// The whole scenario.yaml document.
void readScenario(Reader& r, const Field& root, ScenarioDef& out);
std::optional<ObjectDef> readObject(Reader& r, const Field& field);
std::optional<StepDef> readStep(Reader& r, const Field& field);
std::optional<FaultDef> readFault(Reader& r, const Field& field);
void readScoring(Reader& r, const Field& field, ScoringDef& out);
/// A condition tree; nothing when any part of it is wrong (the errors are reported).
std::optional<Condition> readCondition(Reader& r, const Field& field, int depth);

/// What every condition kind's reader shares (read_condition.cpp, read_condition_v2.cpp): the
/// condition being built, its body (`kind: …`), the long form's map and the short form.
class ConditionReaderBase {
 public:
  ConditionReaderBase(Reader& r, Condition& c, const Field& body, int depth)
      : r_(r), c_(c), body_(body), what_("condition '" + body.name + "'"), depth_(depth) {}

 protected:
  std::optional<MapView> map() {
    return r_.map(body_, "condition_" + body_.name, what_, &c_.fields);
  }
  /// `kind: id`: the id goes to `out` and its span under the key the long form uses.
  void shortForm(std::string& out, std::string_view key) {
    if (auto s = r_.string(body_)) {
      out = std::move(*s);
      c_.fields[std::string(key)] = body_.span;
    }
  }
  void str(const MapView& m, std::string_view key, std::string& out) {
    if (const Field* f = m.find(key)) {
      if (auto v = r_.string(*f)) out = std::move(*v);
    }
  }

  Reader& r_;
  Condition& c_;
  const Field& body_;
  std::string what_;
  int depth_;
};

/// `hand: left|right|either` of grabbed/released/touched/touching.
std::optional<Hand> readHand(Reader& r, const Field& field);

/// Format 2 (read_condition_v2.cpp): whether `kind` needs `praxis: 2`; the body of a
/// format-2 condition; `by:`/`hand:` of touched/touching; elapsed's `since: {condition}`.
[[nodiscard]] bool isFormat2(ConditionKind kind);
void readFormat2Condition(Reader& r, Condition& c, const Field& body, int depth);
void readToucher(Reader& r, const MapView& m, Condition& c);
void readSinceCondition(Reader& r, Condition& c, const Field& since, int depth);
/// `people:` and `phrases:` (read_people.cpp).
void readPeople(Reader& r, const Field& field, std::vector<PersonDef>& out);
void readPhrases(Reader& r, const Field& field, std::vector<PhraseDef>& out);
/// Format 2's devices that respond (read_behaviour.cpp).
void readActions(Reader& r, const Field& field, std::vector<DeviceAction>& out);
void readBehaviour(Reader& r, const Field& field, ObjectDef& o);
void readDisplay(Reader& r, const Field& field, ObjectDef& o);
void readMeasures(Reader& r, const Field& field, ObjectDef& o);
void readTarget(Reader& r, const Field& field, ObjectDef& o);

/// The whole tests/*.yaml document.
void readScript(Reader& r, const Field& root, TraineeScript& out);

/// Reads `field` with `read` into `target` when it is present and valid.
template <typename T, typename Read>
void readInto(const MapView& m, std::string_view key, T& target, Read&& read) {
  if (const Field* f = m.find(key)) {
    if (auto v = read(*f)) target = static_cast<T>(*v);
  }
}

}  // namespace praxis::scenario::detail
