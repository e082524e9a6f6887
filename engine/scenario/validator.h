// Semantic checks over a loaded scenario and its scripted trainees: what a schema cannot say
// (references, reachability, cycles, assets, translations, components that do not fit).
#pragma once

#include <vector>

#include "scenario/definition.h"
#include "scenario/diagnostics.h"
#include "scenario/trainee_script.h"

namespace praxis::scenario {

/// Object ids the runtime gives to the trainee's body; scenarios cannot declare them.
inline constexpr std::string_view kReservedObjectIds[] = {"head", "left_hand", "right_hand"};

/// Everything about one scenario: ids, references, step graph, scoring, model files (under
/// `def.folder` when it is set) and translations for each of `def.meta.languages`.
void validateScenario(const ScenarioDef& def, Diagnostics& out);

/// One scripted trainee against its scenario: the objects, steps and faults it names exist and
/// can do what the action asks.
void validateScript(const ScenarioDef& def, const TraineeScript& script, Diagnostics& out);

/// Package rules over all of a scenario's tests: exactly one is the reference solution.
/// `packageSpan` is where to report a package without any (its scenario.yaml).
void validateTests(const std::vector<TraineeScript>& tests, const SourceSpan& packageSpan, Diagnostics& out);

}  // namespace praxis::scenario
