// The inspector: the selected object and each of its components, the selected step or fault
// (with their condition editors), or the scenario's own fields and scoring.
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "app/editor_conditions.h"
#include "app/editor_widgets.h"

namespace praxis::app {
namespace {

constexpr ImGuiWindowFlags kFixed = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse;

nlohmann::ordered_json vec3(const core::Vec3& v) { return nlohmann::ordered_json::array({v.x, v.y, v.z}); }

void heading(PanelContext& c, const char* kind, const std::string& id) {
  ImGui::PushFont(c.ui.heading);
  ImGui::Text("%s %s", kind, id.c_str());
  ImGui::PopFont();
  ImGui::Separator();
}

void renameField(PanelContext& c, const char* kind, const std::string& id) {
  std::string renamed;
  ImGui::SetNextItemWidth(-60.0F);
  if (editText(c.ui, "id", id, renamed) && !renamed.empty()) {
    applyCommand(c, {{"op", "rename"}, {"kind", kind}, {"from", id}, {"to", renamed}});
  }
}

void poseFields(PanelContext& c, const scenario::ObjectDef& o) {
  const std::string target = "objects/" + o.id;
  core::Vec3 edited;
  if (editVec3(c.ui, "pos", o.pose.position, edited, 0.005F, "%.3f")) {
    applyCommand(c, {{"op", "set"}, {"target", target}, {"path", "pos"}, {"value", vec3(edited)}});
  }
  core::Vec3 rot = glm::degrees(glm::eulerAngles(o.pose.orientation));
  for (int i = 0; i < 3; ++i) rot[i] = std::abs(rot[i]) < 0.05F ? 0.0F : rot[i];  // no "-0.0°"
  if (editVec3(c.ui, "rot", rot, edited, 0.5F, "%.1f°")) {
    applyCommand(c, {{"op", "set"}, {"target", target}, {"path", "rot"}, {"value", vec3(edited)}});
  }
}

void socketFields(PanelContext& c, const scenario::ObjectDef& o, const std::string& target) {
  ImGui::TextDisabled("accepts (grabbable objects)");
  auto accepts = o.socket->accepts;
  bool changed = false;
  for (const auto& id : objectIds(c.doc.def(), [](const scenario::ObjectDef& d) { return d.grabbable.has_value(); })) {
    bool on = std::find(accepts.begin(), accepts.end(), id) != accepts.end();
    if (ImGui::Checkbox(id.c_str(), &on)) {
      changed = true;
      if (on) {
        accepts.push_back(id);
      } else {
        std::erase(accepts, id);
      }
    }
  }
  if (changed) applyCommand(c, {{"op", "set"}, {"target", target}, {"path", "socket.accepts"}, {"value", accepts}});
  editNumber(c, "tolerance (m)", o.socket->tolerance, target, "socket.tolerance");
}

void switchFields(PanelContext& c, const scenario::ObjectDef& o, const std::string& target) {
  std::string states;
  for (const auto& s : o.toggle->states) states += (states.empty() ? "" : ", ") + s;
  std::string typed;
  if (editText(c.ui, "states", states, typed)) {  // "off, on" → [off, on]
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (std::size_t at = 0; at <= typed.size();) {
      const std::size_t comma = std::min(typed.find(',', at), typed.size());
      const std::string one = typed.substr(at, comma - at);
      const std::size_t b = one.find_first_not_of(' ');
      if (b != std::string::npos) list.push_back(one.substr(b, one.find_last_not_of(' ') - b + 1));
      at = comma + 1;
    }
    applyCommand(c, {{"op", "set"}, {"target", target}, {"path", "switch.states"}, {"value", list}});
  }
  recordWidget(c.ui, target + "/switch.states");
  std::string initial;
  if (pickId("initial", o.toggle->state(), o.toggle->states, initial)) {
    applyCommand(c, {{"op", "set"}, {"target", target}, {"path", "switch.initial"}, {"value", initial}});
  }
}

void leverFields(PanelContext& c, const scenario::ObjectDef& o, const std::string& target) {
  editNumber(c, "min", o.lever->minimum, target, "lever.min");
  editNumber(c, "max", o.lever->maximum, target, "lever.max");
  editNumber(c, "initial", o.lever->value, target, "lever.initial");
  ImGui::Text("%zu detent(s)", o.lever->detents.size());
}

void toolFields(PanelContext& c, const scenario::ObjectDef& o, const std::string& target) {
  ImGui::TextDisabled("%s", o.tool->range > 0.0F ? "aimed (range > 0)" : "contact (range 0)");
  editNumber(c, "range (m)", o.tool->range, target, "tool.range");
  editFlag(c, "needs the trigger", o.tool->needsTrigger, target, "tool.trigger");
}

void components(PanelContext& c, const scenario::ObjectDef& o) {
  const std::string target = "objects/" + o.id;
  constexpr auto kOpen = ImGuiTreeNodeFlags_DefaultOpen;
  if (o.socket && ImGui::CollapsingHeader("Socket", kOpen)) socketFields(c, o, target);
  if (o.grabbable && ImGui::CollapsingHeader("Grabbable", kOpen)) {
    editNumber(c, "mass (kg)", o.grabbable->mass, target, "grabbable.mass");
    ImGui::Text("%zu grip point(s)", o.grabbable->gripPoints.size());
  }
  if (o.toggle && ImGui::CollapsingHeader("Switch", kOpen)) switchFields(c, o, target);
  if (o.button && ImGui::CollapsingHeader("Button", kOpen)) {
    ImGui::TextDisabled("momentary: pressed / released");
  }
  if (o.lever && ImGui::CollapsingHeader(o.lever->kind == scene::Lever::Kind::Dial ? "Dial" : "Lever", kOpen)) {
    leverFields(c, o, target);
  }
  if (o.tool && ImGui::CollapsingHeader("Tool", kOpen)) toolFields(c, o, target);
  if (o.touchTarget && ImGui::CollapsingHeader("Touch target", kOpen)) {
    ImGui::TextDisabled("a hand or a tool tip can touch it");
  }
  if (o.zone && ImGui::CollapsingHeader("Zone", kOpen)) {
    core::Vec3 edited;
    if (editVec3(c.ui, "size (m)", o.zone->halfExtents * 2.0F, edited, 0.01F, "%.2f")) {
      applyCommand(c, {{"op", "set"}, {"target", target}, {"path", "zone.size"}, {"value", vec3(edited)}});
    }
  }
}

/// The primitive shape (a combo of the kinds) or the model file, each set as the author would.
void lookFields(PanelContext& c, const scenario::ObjectDef& o) {
  const std::string target = "objects/" + o.id;
  if (o.visual.model.empty()) {
    std::vector<std::string> kinds;
    for (auto k : {scene::ShapeKind::Box, scene::ShapeKind::Cylinder, scene::ShapeKind::Sphere,
                   scene::ShapeKind::Capsule, scene::ShapeKind::Plane}) {
      kinds.emplace_back(scene::toString(k));
    }
    std::string shape;
    if (pickId("shape", std::string(scene::toString(o.visual.shape.kind)), kinds, shape)) {
      applyCommand(c, {{"op", "set"}, {"target", target}, {"path", "shape"}, {"value", shape}});
    }
    return;
  }
  std::string model;
  if (editText(c.ui, "model", o.visual.model, model) && !model.empty()) {
    applyCommand(c, {{"op", "set"}, {"target", target}, {"path", "model"}, {"value", model}});
  }
}

void objectInspector(PanelContext& c, const scenario::ObjectDef& o) {
  heading(c, "Object", o.id);
  renameField(c, "object", o.id);
  editTexts(c, "Label", o.label, "objects/" + o.id, "label");
  ImGui::Spacing();
  // A parent must come earlier in the file and cannot be the object itself.
  std::vector<std::string> parents;
  for (const auto& other : c.doc.def().objects) {
    if (other.id == o.id) break;
    parents.push_back(other.id);
  }
  std::string parent;
  if (pickId("parent", o.parent, parents, parent, "(none)")) {
    if (parent.empty()) {  // no parent: the key goes, as an author would delete the line
      applyCommand(c, {{"op", "remove"}, {"target", "objects/" + o.id}, {"path", "parent"}});
    } else {
      applyCommand(c, {{"op", "set"}, {"target", "objects/" + o.id}, {"path", "parent"}, {"value", parent}});
    }
  }
  poseFields(c, o);
  lookFields(c, o);
  ImGui::Spacing();
  components(c, o);
  ImGui::Spacing();
  if (ImGui::Button("Delete object")) {
    applyCommand(c, {{"op", "remove"}, {"target", "objects/" + o.id}});
  }
}

void scenarioInspector(PanelContext& c) {
  const auto& def = c.doc.def();
  heading(c, "Scenario", def.meta.id);
  editTexts(c, "Title", def.meta.title, "scenario", "title");
  ImGui::Spacing();
  ImGui::PushFont(c.ui.bold);
  ImGui::TextUnformatted("Scoring");
  ImGui::PopFont();
  editNumber(c, "pass mark", def.scoring.passScore, "scoring", "pass", true);
  ImGui::Text("out of %d points", def.maxScore());
  editNumber(c, "time limit (s)", def.scoring.timeLimitSeconds.value_or(0.0), "scoring", "time_limit");
  ImGui::TextUnformatted("Penalty per fault");
  editNumber(c, "minor", def.scoring.minorPenalty, "scoring", "penalties.minor", true);
  editNumber(c, "major", def.scoring.majorPenalty, "scoring", "penalties.major", true);
  // Not a field in the format: a critical fault takes every point (the attempt fails).
  ImGui::TextDisabled("critical: all %d points", def.maxScore());
}

}  // namespace

void drawInspector(PanelContext& c) {
  ImGui::SetNextWindowPos(ImVec2(c.display.x - kRightWidth, kMenuHeight));
  ImGui::SetNextWindowSize(ImVec2(kRightWidth, c.display.y - kMenuHeight - kStatusHeight));
  ImGui::Begin("Inspector", nullptr, kFixed);
  const auto& def = c.doc.def();
  if (const auto* o = def.findObject(c.ui.selectedObject)) {
    objectInspector(c, *o);
  } else if (const auto* s = def.findStep(c.ui.selectedStep)) {
    heading(c, "Step", s->id);
    renameField(c, "step", s->id);
    stepInspector(c, *s);
  } else if (auto f = std::find_if(def.faults.begin(), def.faults.end(),
                                   [&](const scenario::FaultDef& x) { return x.id == c.ui.selectedFault; });
             f != def.faults.end()) {
    heading(c, "Fault", f->id);
    faultInspector(c, *f);
  } else {
    scenarioInspector(c);
  }
  ImGui::End();
}

}  // namespace praxis::app
