// Lookup tables the validator's checks share: ids → definitions, "unknown X; did you mean"
// reporting, and what states an object can be in. Internal to the scenario module.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "scenario/definition.h"
#include "scenario/diagnostics.h"

namespace praxis::scenario::detail {

class Index {
 public:
  Index(const ScenarioDef& def, Diagnostics& out);

  [[nodiscard]] const ScenarioDef& def() const { return def_; }
  [[nodiscard]] Diagnostics& out() const { return out_; }
  [[nodiscard]] const ObjectDef* object(std::string_view id) const;
  [[nodiscard]] int stepIndex(std::string_view id) const;  // -1 when unknown
  [[nodiscard]] bool hasFault(std::string_view id) const;

  /// The object, or nullptr after reporting "<context>: unknown object 'id'; did you mean …".
  const ObjectDef* requireObject(std::string_view id, const SourceSpan& at, std::string_view context) const;
  /// Whether `id` names a step (or `end`, when allowed); reports it otherwise.
  bool requireStep(std::string_view id, const SourceSpan& at, std::string_view context, bool allowEnd) const;
  bool requireFault(std::string_view id, const SourceSpan& at, std::string_view context) const;

  /// Reports "<context>: '<id>' <problem>" unless `ok`; returns `ok`.
  bool check(bool ok, const ObjectDef& o, const SourceSpan& at, std::string_view context,
             std::string_view problem) const;

 private:
  const ScenarioDef& def_;
  Diagnostics& out_;
  std::map<std::string, const ObjectDef*, std::less<>> objects_;  // first declaration wins
  std::map<std::string, int, std::less<>> steps_;
  std::vector<std::string> objectIds_, stepIds_, faultIds_;
};

/// The discrete states `o` can report: switch states, pressed/released, lever detents,
/// occupied/empty.
[[nodiscard]] std::vector<std::string> statesOf(const ObjectDef& o);

/// Comma-separated, for messages.
[[nodiscard]] std::string joined(const std::vector<std::string>& names);

/// Whether `o` has a value a `value:` condition can read: a lever's, a target's voltage, a
/// measuring tool's reading, or one a `set` action gives it (format 2).
[[nodiscard]] bool hasValue(const ScenarioDef& def, const ObjectDef& o);

/// Behaviours, displays and device actions (validator_devices.cpp).
void checkDevices(const Index& index);

/// References and component fit inside one condition tree.
void checkCondition(const Index& index, const Condition& c);

/// Step ids, next/goto targets, reachability from the first step, and cycles.
void checkStepGraph(const Index& index);

}  // namespace praxis::scenario::detail
