// Small helpers of the format-2 device definitions (definition.h, "Devices that respond").
#include "scenario/definition.h"

namespace praxis::scenario {

std::string_view toString(DeviceActionKind kind) {
  switch (kind) {
    case DeviceActionKind::Set: return "set";
    case DeviceActionKind::Show: return "show";
    case DeviceActionKind::Hide: return "hide";
    case DeviceActionKind::Display: return "display";
    case DeviceActionKind::Enable: return "enable";
    case DeviceActionKind::Disable: return "disable";
    case DeviceActionKind::Cue: return "cue";
  }
  return "?";
}

const DeviceStateDef* BehaviourDef::find(std::string_view name) const {
  for (const auto& s : states) {
    if (s.name == name) return &s;
  }
  return nullptr;
}

namespace {

void addActionTexts(const std::vector<DeviceAction>& actions, const std::string& where,
                    std::vector<TextRef>& out) {
  for (const auto& a : actions) {
    if (a.text.empty()) continue;
    const char* key = a.kind == DeviceActionKind::Cue ? "say" : "text";
    out.push_back(TextRef{&a.text, spanOf(a.fields, key, a.span), where + " " + std::string(toString(a.kind))});
  }
}

}  // namespace

void addDeviceTexts(const ScenarioDef& def, std::vector<TextRef>& out) {
  for (const auto& o : def.objects) {
    if (!o.behaviour) continue;
    for (const auto& s : o.behaviour->states) {
      addActionTexts(s.onEnter, "object '" + o.id + "' state '" + s.name + "'", out);
    }
  }
  for (const auto& s : def.steps) {
    addActionTexts(s.onEnter, "step '" + s.id + "' on_enter", out);
    addActionTexts(s.onDone, "step '" + s.id + "' on_done", out);
  }
}

}  // namespace praxis::scenario
