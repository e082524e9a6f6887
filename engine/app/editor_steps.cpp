// The step list (numbered, titled, branches shown, reordered by dragging) and the faults.
#include <imgui.h>

#include "app/editor_conditions.h"
#include "app/editor_widgets.h"

namespace praxis::app {
namespace {

constexpr const char* kStepPayload = "PRAXIS_STEP";

void stepRow(PanelContext& c, const scenario::StepDef& step, int index) {
  const auto& def = c.doc.def();
  const std::string title = step.title.empty() ? step.id : step.title.in(c.ui.language);
  const std::string label = std::to_string(index + 1) + "  " + title + "##" + step.id;
  if (ImGui::Selectable(label.c_str(), c.ui.selectedStep == step.id)) {
    c.ui.selectedStep = step.id;
    c.ui.selectedObject.clear();
    c.ui.selectedFault.clear();
  }
  if (ImGui::BeginDragDropSource()) {
    ImGui::SetDragDropPayload(kStepPayload, &index, sizeof(index));
    ImGui::Text("Move step %d  %s", index + 1, title.c_str());
    ImGui::EndDragDropSource();
  }
  if (ImGui::BeginDragDropTarget()) {
    if (const ImGuiPayload* p = ImGui::AcceptDragDropPayload(kStepPayload)) {
      const int from = *static_cast<const int*>(p->Data);
      if (from != index) {
        applyCommand(c, {{"op", "move"}, {"target", "steps/" + def.steps[static_cast<std::size_t>(from)].id},
                         {"index", index}});
      }
    }
    ImGui::EndDragDropTarget();
  }
  // Where the procedure goes from here when it does not simply go on.
  for (const auto& b : step.branches) {
    ImGui::TextColored(ImVec4(0.85F, 0.75F, 0.40F, 1.0F), "      ↳ if %s → %s",
                       std::string(scenario::toString(b.when.kind)).c_str(), b.next.c_str());
  }
  if (!step.next.empty()) ImGui::TextColored(ImVec4(0.85F, 0.75F, 0.40F, 1.0F), "      → %s", step.next.c_str());
}

}  // namespace

void drawSteps(PanelContext& c) {
  const float top = kMenuHeight + (c.display.y - kMenuHeight - kStatusHeight) * 0.55F;
  ImGui::SetNextWindowPos(ImVec2(0.0F, top));
  ImGui::SetNextWindowSize(ImVec2(kLeftWidth, c.display.y - top - kStatusHeight));
  ImGui::Begin("Steps and faults", nullptr,
               ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse);
  const auto& def = c.doc.def();
  for (std::size_t i = 0; i < def.steps.size(); ++i) stepRow(c, def.steps[i], static_cast<int>(i));
  if (ImGui::SmallButton("+ step")) {
    const std::string id = "step_" + std::to_string(def.steps.size() + 1);
    applyCommand(c, {{"op", "add"}, {"kind", "step"},
                     {"value", {{"id", id}, {"instruction", {{"en", "…"}}}, {"done_when", {{"elapsed", 5}}}}}});
    if (def.findStep(id) != nullptr) c.ui.selectedStep = id;
  }
  ImGui::SameLine();
  if (!c.ui.selectedStep.empty() && ImGui::SmallButton("- remove step")) {
    applyCommand(c, {{"op", "remove"}, {"target", "steps/" + c.ui.selectedStep}});
  }
  ImGui::Separator();
  ImGui::PushFont(c.ui.bold);
  ImGui::TextUnformatted("Faults");
  ImGui::PopFont();
  for (const auto& f : def.faults) {
    const char* severity = f.severity == scenario::Severity::Critical ? "critical"
                           : f.severity == scenario::Severity::Major  ? "major"
                                                                      : "minor";
    const std::string label = f.id + "  (" + severity + ")";
    if (ImGui::Selectable(label.c_str(), c.ui.selectedFault == f.id)) {
      c.ui.selectedFault = f.id;
      c.ui.selectedObject.clear();
      c.ui.selectedStep.clear();
    }
  }
  ImGui::End();
}

}  // namespace praxis::app
