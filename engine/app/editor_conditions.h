// Internal to the editor: the step and fault inspectors and their condition editor, which
// offers only valid choices (existing objects of the right kind, their states, the sockets
// that accept the object, the zones, the steps).
#pragma once

#include <nlohmann/json.hpp>

#include "app/editor_ui.h"
#include "scenario/definition.h"

namespace praxis::app {

/// A condition as the YAML writes it ({"state": {"object": "q1", "is": "off"}}), the value
/// of a set command on `done_when` or `when`.
[[nodiscard]] nlohmann::json conditionJson(const scenario::Condition& condition);
/// The states `object` can be in: a switch's, a button's, a lever's detents, a socket's.
[[nodiscard]] std::vector<std::string> statesOf(const scenario::ObjectDef& object);

void stepInspector(PanelContext& c, const scenario::StepDef& step);
void faultInspector(PanelContext& c, const scenario::FaultDef& fault);

}  // namespace praxis::app
