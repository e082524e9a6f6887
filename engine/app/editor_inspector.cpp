// The inspector: the selected object and each of its components, the selected step or fault
// (with their condition editors), or the scenario's own fields and scoring.
#include <imgui.h>

#include <cmath>
#include <cstdio>

#include "app/editor_conditions.h"
#include "app/editor_widgets.h"

namespace praxis::app {
namespace {

constexpr ImGuiWindowFlags kFixed = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse;

nlohmann::json vec3(const core::Vec3& v) { return nlohmann::json::array({v.x, v.y, v.z}); }

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
    if (std::string(kind) == "object" && c.doc.def().findObject(renamed) != nullptr) c.ui.selectedObject = renamed;
    if (std::string(kind) == "step" && c.doc.def().findStep(renamed) != nullptr) c.ui.selectedStep = renamed;
  }
}

void poseFields(PanelContext& c, const scenario::ObjectDef& o) {
  const std::string target = "objects/" + o.id;
  core::Vec3 pos = o.pose.position;
  if (ImGui::DragFloat3("pos", &pos.x, 0.005F, 0.0F, 0.0F, "%.3f") ||
      ImGui::IsItemDeactivatedAfterEdit()) {
    // Committed when the drag or the typing ends: one undo step per gesture.
  }
  if (ImGui::IsItemDeactivatedAfterEdit()) {
    applyCommand(c, {{"op", "set"}, {"target", target}, {"path", "pos"}, {"value", vec3(pos)}});
  }
  core::Vec3 rot = glm::degrees(glm::eulerAngles(o.pose.orientation));
  for (int i = 0; i < 3; ++i) rot[i] = std::abs(rot[i]) < 0.05F ? 0.0F : rot[i];  // no "-0.0°"
  ImGui::DragFloat3("rot", &rot.x, 0.5F, 0.0F, 0.0F, "%.1f°");
  if (ImGui::IsItemDeactivatedAfterEdit()) {
    applyCommand(c, {{"op", "set"}, {"target", target}, {"path", "rot"}, {"value", vec3(rot)}});
  }
}

void components(PanelContext& c, const scenario::ObjectDef& o) {
  const auto& def = c.doc.def();
  if (o.socket && ImGui::CollapsingHeader("Socket", ImGuiTreeNodeFlags_DefaultOpen)) {
    ImGui::TextDisabled("accepts (grabbable objects)");
    auto accepts = o.socket->accepts;
    bool changed = false;
    for (const auto& id : objectIds(def, [](const scenario::ObjectDef& d) { return d.grabbable.has_value(); })) {
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
    if (changed) applyCommand(c, {{"op", "set"}, {"target", "objects/" + o.id}, {"path", "socket.accepts"}, {"value", accepts}});
    ImGui::Text("tolerance %.3f m", o.socket->tolerance);
  }
  if (o.grabbable && ImGui::CollapsingHeader("Grabbable", ImGuiTreeNodeFlags_DefaultOpen)) {
    ImGui::Text("mass %.2f kg, %zu grip point(s)", o.grabbable->mass, o.grabbable->gripPoints.size());
  }
  if (o.toggle && ImGui::CollapsingHeader("Switch", ImGuiTreeNodeFlags_DefaultOpen)) {
    std::string states;
    for (const auto& s : o.toggle->states) states += (states.empty() ? "" : ", ") + s;
    ImGui::Text("states: %s (initial %s)", states.c_str(), o.toggle->state().c_str());
  }
  if (o.button && ImGui::CollapsingHeader("Button", ImGuiTreeNodeFlags_DefaultOpen)) {
    ImGui::TextDisabled("momentary: pressed / released");
  }
  if (o.lever && ImGui::CollapsingHeader(o.lever->kind == scene::Lever::Kind::Dial ? "Dial" : "Lever",
                                         ImGuiTreeNodeFlags_DefaultOpen)) {
    ImGui::Text("range %.2f .. %.2f, initial %.2f, %zu detent(s)", o.lever->minimum, o.lever->maximum,
                o.lever->value, o.lever->detents.size());
  }
  if (o.tool && ImGui::CollapsingHeader("Tool", ImGuiTreeNodeFlags_DefaultOpen)) {
    ImGui::Text("%s, range %.2f m%s", o.tool->range > 0.0F ? "aimed" : "contact", o.tool->range,
                o.tool->needsTrigger ? ", trigger" : "");
  }
  if (o.touchTarget && ImGui::CollapsingHeader("Touch target", ImGuiTreeNodeFlags_DefaultOpen)) {
    ImGui::TextDisabled("a hand or a tool tip can touch it");
  }
  if (o.zone && ImGui::CollapsingHeader("Zone", ImGuiTreeNodeFlags_DefaultOpen)) {
    const core::Vec3 s = o.zone->halfExtents * 2.0F;
    ImGui::Text("size %.2f x %.2f x %.2f m", s.x, s.y, s.z);
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
    applyCommand(c, {{"op", "set"}, {"target", "objects/" + o.id}, {"path", "parent"},
                     {"value", parent.empty() ? nlohmann::json() : nlohmann::json(parent)}});
  }
  poseFields(c, o);
  ImGui::Text("shape %s", std::string(scene::toString(o.visual.shape.kind)).c_str());
  if (!o.visual.model.empty()) ImGui::Text("model %s", o.visual.model.c_str());
  ImGui::Spacing();
  components(c, o);
  ImGui::Spacing();
  if (ImGui::Button("Delete object")) {
    applyCommand(c, {{"op", "remove"}, {"target", "objects/" + o.id}});
    if (c.doc.def().findObject(o.id) == nullptr) c.ui.selectedObject.clear();
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
  int pass = def.scoring.passScore;
  ImGui::InputInt("pass mark", &pass);
  if (ImGui::IsItemDeactivatedAfterEdit()) applyCommand(c, {{"op", "set"}, {"target", "scoring"}, {"path", "pass"}, {"value", pass}});
  ImGui::Text("out of %d points", def.maxScore());
  float limit = static_cast<float>(def.scoring.timeLimitSeconds.value_or(0.0));
  ImGui::InputFloat("time limit (s)", &limit, 10.0F, 60.0F, "%.0f");
  if (ImGui::IsItemDeactivatedAfterEdit()) applyCommand(c, {{"op", "set"}, {"target", "scoring"}, {"path", "time_limit"}, {"value", limit}});
  ImGui::Text("penalties: minor %d, major %d", def.scoring.minorPenalty, def.scoring.majorPenalty);
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
