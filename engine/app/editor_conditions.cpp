#include "app/editor_conditions.h"

#include <imgui.h>

#include <array>

#include "app/editor_widgets.h"

namespace praxis::app {
namespace {

using scenario::Condition;
using scenario::ConditionKind;

constexpr std::array<ConditionKind, 15> kKinds = {
    ConditionKind::State,   ConditionKind::Value,   ConditionKind::Grabbed, ConditionKind::Released,
    ConditionKind::Snapped, ConditionKind::Touched, ConditionKind::Inside,  ConditionKind::ToolOn,
    ConditionKind::Elapsed, ConditionKind::StepDone, ConditionKind::LookingAt, ConditionKind::All,
    ConditionKind::Any,     ConditionKind::Not,     ConditionKind::Sequence};

bool hasStates(const scenario::ObjectDef& o) {
  return o.toggle || o.button || (o.lever && !o.lever->detents.empty()) || o.socket;
}

/// A fresh condition of `kind` with the first valid choices filled in.
Condition freshCondition(const scenario::ScenarioDef& def, ConditionKind kind) {
  Condition c;
  c.kind = kind;
  const auto first = [&](auto keep) {
    for (const auto& o : def.objects) {
      if (keep(o)) return o.id;
    }
    return std::string();
  };
  switch (kind) {
    case ConditionKind::State: {
      c.object = first(hasStates);
      if (const auto* o = def.findObject(c.object)) {
        const auto states = statesOf(*o);
        if (!states.empty()) c.state = states.front();
      }
      break;
    }
    case ConditionKind::Grabbed:
    case ConditionKind::Released: c.object = first([](const auto& o) { return o.grabbable.has_value(); }); break;
    case ConditionKind::Snapped: c.target = first([](const auto& o) { return o.socket.has_value(); }); break;
    case ConditionKind::Touched: c.target = first([](const auto& o) { return o.touchTarget.has_value(); }); break;
    case ConditionKind::Inside:
      c.object = "head";
      c.target = first([](const auto& o) { return o.zone.has_value(); });
      break;
    case ConditionKind::ToolOn:
      c.tool = first([](const auto& o) { return o.tool.has_value(); });
      c.target = first([](const auto& o) { return o.touchTarget.has_value(); });
      c.seconds = 1.0;
      break;
    case ConditionKind::Elapsed: c.seconds = 30.0; break;
    case ConditionKind::StepDone: c.state = def.steps.empty() ? "" : def.steps.front().id; break;
    case ConditionKind::LookingAt: c.object = def.objects.empty() ? "" : def.objects.front().id; break;
    case ConditionKind::Value: c.object = first([](const auto& o) { return o.lever.has_value(); }); break;
    default: break;
  }
  return c;
}

/// Edits `c` in place; true when something changed (the caller writes the whole condition).
bool editCondition(const scenario::ScenarioDef& def, Condition& c, int depth);

bool editChildren(const scenario::ScenarioDef& def, Condition& c, int depth) {
  bool changed = false;
  for (std::size_t i = 0; i < c.children.size(); ++i) {
    ImGui::PushID(static_cast<int>(i));
    ImGui::Indent(12.0F);
    changed |= editCondition(def, c.children[i], depth + 1);
    if (c.kind != ConditionKind::Not && ImGui::SmallButton("remove")) {
      c.children.erase(c.children.begin() + static_cast<std::ptrdiff_t>(i));
      changed = true;
    }
    ImGui::Unindent(12.0F);
    ImGui::PopID();
    if (changed) break;
  }
  if ((c.kind != ConditionKind::Not || c.children.empty()) && ImGui::SmallButton("+ condition")) {
    c.children.push_back(freshCondition(def, ConditionKind::State));
    changed = true;
  }
  return changed;
}

bool pickField(const char* label, std::string& field, const std::vector<std::string>& choices) {
  std::string picked;
  if (!pickId(label, field, choices, picked)) return false;
  field = picked;
  return true;
}

bool editLeaf(const scenario::ScenarioDef& def, Condition& c) {
  const auto ids = [&def](auto keep) { return objectIds(def, keep); };
  bool changed = false;
  switch (c.kind) {
    case ConditionKind::State: {
      changed |= pickField("object", c.object, ids(hasStates));
      const auto* o = def.findObject(c.object);
      changed |= pickField("is", c.state, o != nullptr ? statesOf(*o) : std::vector<std::string>{});
      break;
    }
    case ConditionKind::Value: {
      changed |= pickField("object", c.object, ids([](const auto& o) { return o.lever.has_value(); }));
      ImGui::DragFloat("min", &c.minimum, 0.01F);
      changed |= ImGui::IsItemDeactivatedAfterEdit();
      ImGui::DragFloat("max", &c.maximum, 0.01F);
      changed |= ImGui::IsItemDeactivatedAfterEdit();
      break;
    }
    case ConditionKind::Grabbed:
    case ConditionKind::Released:
      changed |= pickField("object", c.object, ids([](const auto& o) { return o.grabbable.has_value(); }));
      break;
    case ConditionKind::Snapped: {
      changed |= pickField("object", c.object, ids([](const auto& o) { return o.grabbable.has_value(); }));
      // Only sockets that accept the object (or accept anything).
      changed |= pickField("into", c.target, ids([&c](const scenario::ObjectDef& o) {
        return o.socket && (o.socket->accepts.empty() || c.object.empty() ||
                            std::find(o.socket->accepts.begin(), o.socket->accepts.end(), c.object) !=
                                o.socket->accepts.end());
      }));
      break;
    }
    case ConditionKind::Touched:
      changed |= pickField("target", c.target, ids([](const auto& o) { return o.touchTarget.has_value(); }));
      break;
    case ConditionKind::Inside: {
      std::vector<std::string> who = {"head", "left_hand", "right_hand"};
      for (auto& id : ids([](const auto& o) { return o.grabbable.has_value(); })) who.push_back(id);
      changed |= pickField("object", c.object, who);
      changed |= pickField("zone", c.target, ids([](const auto& o) { return o.zone.has_value(); }));
      break;
    }
    case ConditionKind::ToolOn:
      changed |= pickField("tool", c.tool, ids([](const auto& o) { return o.tool.has_value(); }));
      changed |= pickField("target", c.target, ids([](const auto& o) { return o.touchTarget.has_value(); }));
      [[fallthrough]];
    case ConditionKind::Elapsed: {
      float seconds = static_cast<float>(c.seconds);
      ImGui::DragFloat("seconds", &seconds, 0.1F, 0.0F, 3600.0F, "%.1f");
      c.seconds = seconds;
      changed |= ImGui::IsItemDeactivatedAfterEdit();
      break;
    }
    case ConditionKind::StepDone: {
      std::vector<std::string> steps;
      for (const auto& s : def.steps) steps.push_back(s.id);
      changed |= pickField("step", c.state, steps);
      break;
    }
    case ConditionKind::LookingAt:
      changed |= pickField("object", c.object, ids([](const auto&) { return true; }));
      break;
    default: break;
  }
  return changed;
}

bool editCondition(const scenario::ScenarioDef& def, Condition& c, int depth) {
  ImGui::PushID(depth);
  bool changed = false;
  const std::string kind(scenario::toString(c.kind));
  ImGui::SetNextItemWidth(140.0F);
  if (ImGui::BeginCombo("##kind", kind.c_str())) {
    for (ConditionKind k : kKinds) {
      if (ImGui::Selectable(std::string(scenario::toString(k)).c_str(), k == c.kind) && k != c.kind) {
        auto children = std::move(c.children);
        c = freshCondition(def, k);
        if (k == ConditionKind::All || k == ConditionKind::Any || k == ConditionKind::Sequence) c.children = std::move(children);
        changed = true;
      }
    }
    ImGui::EndCombo();
  }
  const bool group = c.kind == ConditionKind::All || c.kind == ConditionKind::Any ||
                     c.kind == ConditionKind::Not || c.kind == ConditionKind::Sequence;
  if (!changed) changed = group ? editChildren(def, c, depth) : editLeaf(def, c);
  ImGui::PopID();
  return changed;
}

}  // namespace

std::vector<std::string> statesOf(const scenario::ObjectDef& o) {
  std::vector<std::string> states;
  if (o.toggle) states = o.toggle->states;
  if (o.button) states = {"pressed", "released"};
  if (o.lever) {
    for (const auto& d : o.lever->detents) states.push_back(d.name);
  }
  if (o.socket) states.insert(states.end(), {"occupied", "empty"});
  return states;
}

nlohmann::ordered_json conditionJson(const Condition& c);

// count, rate and held: a map around the judged condition (`of`).
nlohmann::ordered_json format2Json(const Condition& c) {
  nlohmann::ordered_json body = {{"of", c.children.empty() ? nlohmann::ordered_json::object() : conditionJson(c.children.front())}};
  if (c.kind == ConditionKind::Held) {
    body["seconds"] = c.seconds;
  } else if (c.kind == ConditionKind::Count) {
    body["min"] = c.atLeast;
    if (c.atMost) body["max"] = *c.atMost;
    if (c.seconds > 0.0) body["within"] = c.seconds;
  } else {
    body["min"] = c.minimum;
    body["max"] = c.maximum;
    body["last"] = c.lastEvents;
    body["tolerance"] = c.tolerance;
  }
  return body;
}

nlohmann::ordered_json conditionJson(const Condition& c) {
  using json = nlohmann::ordered_json;
  const std::string key(scenario::toString(c.kind));
  json body;
  switch (c.kind) {
    case ConditionKind::State: body = {{"object", c.object}, {"is", c.state}}; break;
    case ConditionKind::Value: body = {{"object", c.object}, {"min", c.minimum}, {"max", c.maximum}}; break;
    case ConditionKind::Grabbed:
    case ConditionKind::Released: body = c.object; break;
    case ConditionKind::Snapped:
      body = {{"into", c.target}};
      if (!c.object.empty()) body["object"] = c.object;
      break;
    case ConditionKind::Touched: body = c.target; break;
    case ConditionKind::Inside: body = {{"object", c.object}, {"zone", c.target}}; break;
    case ConditionKind::ToolOn: body = {{"tool", c.tool}, {"target", c.target}, {"seconds", c.seconds}}; break;
    case ConditionKind::Elapsed: body = c.seconds; break;
    case ConditionKind::StepDone: body = c.state; break;
    case ConditionKind::LookingAt: body = c.object; break;
    case ConditionKind::Not: body = c.children.empty() ? json::object() : conditionJson(c.children.front()); break;
    case ConditionKind::All:
    case ConditionKind::Any:
    case ConditionKind::Sequence:
      body = json::array();
      for (const auto& child : c.children) body.push_back(conditionJson(child));
      break;
    case ConditionKind::Count:
    case ConditionKind::Rate:
    case ConditionKind::Held: body = format2Json(c); break;
    case ConditionKind::Active:
    case ConditionKind::Posture: body = c.state; break;
    case ConditionKind::Touching: body = c.target; break;
    case ConditionKind::Said:
      body = {{"phrase", c.state}};
      if (!c.object.empty()) body["to"] = c.object;
      break;
  }
  return {{key, body}};
}

/// One hint: its text and when it shows (after seconds on the step, or after mistakes).
void hintFields(PanelContext& c, const scenario::HintDef& h, const std::string& target, std::size_t i) {
  editTexts(c, ("Hint " + std::to_string(i + 1)).c_str(), h.text, target, "text");
  if (h.afterSeconds || !h.afterMistakes) editNumber(c, "after (s)", h.afterSeconds.value_or(0.0), target, "after");
  if (h.afterMistakes) editNumber(c, "after mistakes", *h.afterMistakes, target, "after_mistakes", true);
}

void stepInspector(PanelContext& c, const scenario::StepDef& step) {
  const std::string target = "steps/" + step.id;
  editTexts(c, "Title", step.title, target, "title");
  editTexts(c, "Instruction", step.instruction, target, "instruction", true);
  editNumber(c, "points", step.points, target, "points", true);
  ImGui::TextUnformatted("Highlight");
  auto highlight = step.highlight;
  for (std::size_t i = 0; i < highlight.size(); ++i) {
    ImGui::PushID(static_cast<int>(i));
    ImGui::BulletText("%s", highlight[i].c_str());
    ImGui::SameLine();
    if (ImGui::SmallButton("x")) {
      highlight.erase(highlight.begin() + static_cast<std::ptrdiff_t>(i));
      applyCommand(c, {{"op", "set"}, {"target", target}, {"path", "highlight"}, {"value", highlight}});
      ImGui::PopID();
      break;
    }
    ImGui::PopID();
  }
  std::string added;
  if (pickId("##addhighlight", "", objectIds(c.doc.def(), [](const auto&) { return true; }), added, "+ highlight an object")) {
    highlight.push_back(added);
    applyCommand(c, {{"op", "set"}, {"target", target}, {"path", "highlight"}, {"value", highlight}});
  }
  ImGui::Spacing();
  if (ImGui::CollapsingHeader("Done when", ImGuiTreeNodeFlags_DefaultOpen)) {
    Condition edited = step.doneWhen;
    if (editCondition(c.doc.def(), edited, 0)) {
      applyCommand(c, {{"op", "set"}, {"target", target}, {"path", "done_when"}, {"value", conditionJson(edited)}});
    }
  }
  if (ImGui::CollapsingHeader("Hints", ImGuiTreeNodeFlags_DefaultOpen)) {
    for (std::size_t i = 0; i < step.hints.size(); ++i) {
      ImGui::PushID(static_cast<int>(i));
      hintFields(c, step.hints[i], target + "/hints/" + std::to_string(i), i);
      ImGui::PopID();
    }
    if (ImGui::SmallButton("+ hint")) {
      applyCommand(c, {{"op", "add"}, {"kind", "hint"}, {"target", target},
                       {"value", {{"text", {{"en", "…"}}}, {"after", 30}}}});
    }
  }
  if (!step.branches.empty() && ImGui::CollapsingHeader("Branches", ImGuiTreeNodeFlags_DefaultOpen)) {
    for (const auto& b : step.branches) {
      ImGui::BulletText("if %s -> %s", conditionJson(b.when).dump().c_str(), b.next.c_str());
    }
  }
  ImGui::Spacing();
  if (ImGui::Button("Play-test from this step")) c.ui.playFrom = step.id;
}

void faultInspector(PanelContext& c, const scenario::FaultDef& fault) {
  const std::string target = "faults/" + fault.id;
  editTexts(c, "Message", fault.message, target, "message", true);
  static constexpr std::array<const char*, 3> kSeverities = {"minor", "major", "critical"};
  int severity = static_cast<int>(fault.severity);
  if (ImGui::Combo("severity", &severity, kSeverities.data(), static_cast<int>(kSeverities.size()))) {
    applyCommand(c, {{"op", "set"}, {"target", target}, {"path", "severity"}, {"value", kSeverities[static_cast<std::size_t>(severity)]}});
  }
  const auto& scoring = c.doc.def().scoring;
  const int byDefault = fault.severity == scenario::Severity::Minor   ? scoring.minorPenalty
                        : fault.severity == scenario::Severity::Major ? scoring.majorPenalty
                                                                      : c.doc.def().maxScore();
  ImGui::TextDisabled("penalty: %s", fault.penalty ? "its own" : "the scoring's for its severity");
  editNumber(c, "penalty", fault.penalty.value_or(byDefault), target, "penalty", true);
  editFlag(c, "raise on every occurrence", fault.repeat, target, "repeat");
  if (ImGui::CollapsingHeader("When", ImGuiTreeNodeFlags_DefaultOpen)) {
    Condition edited = fault.when;
    if (editCondition(c.doc.def(), edited, 0)) {
      applyCommand(c, {{"op", "set"}, {"target", target}, {"path", "when"}, {"value", conditionJson(edited)}});
    }
  }
  if (fault.guard && ImGui::CollapsingHeader("While", ImGuiTreeNodeFlags_DefaultOpen)) {
    Condition edited = *fault.guard;
    ImGui::PushID("while");
    if (editCondition(c.doc.def(), edited, 0)) {
      applyCommand(c, {{"op", "set"}, {"target", target}, {"path", "while"}, {"value", conditionJson(edited)}});
    }
    ImGui::PopID();
  }
}

}  // namespace praxis::app
