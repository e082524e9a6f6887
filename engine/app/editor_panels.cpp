// The editor's menu bar, scene outliner, object inspector and status line.
#include <imgui.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <functional>

#include "app/editor_ui.h"
#include "app/editor_template.h"
#include "app/editor_widgets.h"

namespace praxis::app {

void applyCommand(PanelContext& c, const nlohmann::json& command) {
  if (auto done = c.doc.apply(command); !done) {
    c.ui.status = "Edit refused: " + done.error().message;
  } else {
    c.ui.status.clear();
  }
}

void drawMenuBar(PanelContext& c) {
  if (!ImGui::BeginMainMenuBar()) return;
  if (ImGui::BeginMenu("File")) {
    if (ImGui::MenuItem("Save", "Ctrl+S")) c.ui.wantSave = true;
    if (ImGui::MenuItem("New scenario from the template...")) c.ui.dialog = "new";
    if (ImGui::MenuItem("Import a model...")) c.ui.dialog = "import";
    if (ImGui::MenuItem("Quit")) c.ui.wantQuit = true;
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu("Edit")) {
    if (ImGui::MenuItem("Undo", "Ctrl+Z", false, c.doc.canUndo())) c.doc.undo();
    if (ImGui::MenuItem("Redo", "Ctrl+Y", false, c.doc.canRedo())) c.doc.redo();
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu("View")) {
    if (ImGui::MenuItem("Move handles", "G", c.handles.mode == HandleMode::Move)) c.handles.mode = HandleMode::Move;
    if (ImGui::MenuItem("Rotate handles", "R", c.handles.mode == HandleMode::Rotate)) c.handles.mode = HandleMode::Rotate;
    ImGui::MenuItem("Snap to grid", nullptr, &c.snapping.grid);
    if (ImGui::MenuItem("Frame selection", "F")) c.ui.frameSelection = true;
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu("Play")) {
    if (ImGui::MenuItem("Play-test from the start", "F5")) c.ui.playFrom = std::string();
    if (ImGui::MenuItem("Play-test from the selected step", nullptr, false, !c.ui.selectedStep.empty())) {
      c.ui.playFrom = c.ui.selectedStep;
    }
    if (ImGui::MenuItem("Run the scripted tests")) {
      c.ui.runTests = true;
      c.ui.tab = EditorTab::Tests;
      c.ui.tabChanged = true;
    }
    ImGui::EndMenu();
  }
  // The mode and snapping at a glance, right of the menus.
  ImGui::Separator();
  ImGui::TextDisabled("%s  ·  grid %s %.0f cm / %.0f°",
                      c.handles.mode == HandleMode::Move ? "Move (G)" : "Rotate (R)",
                      c.snapping.grid ? "on" : "off", c.snapping.gridMetres * 100.0F,
                      c.snapping.angleDegrees);
  ImGui::EndMainMenuBar();
}

namespace {

std::string componentTags(const scene::Entity& e) {
  std::string tags;
  const auto add = [&tags](const char* t) {
    if (!tags.empty()) tags += ' ';
    tags += t;
  };
  if (e.grabbable) add("grab");
  if (e.socket) add("socket");
  if (e.toggle) add("switch");
  if (e.button) add("button");
  if (e.lever) add(e.lever->kind == scene::Lever::Kind::Dial ? "dial" : "lever");
  if (e.tool) add("tool");
  if (e.touchTarget) add("target");
  if (e.zone) add("zone");
  if (!e.visual.model.empty()) add("model");
  return tags;
}

/// The outliner's rows: entities in tree order with their depth, collapsed subtrees left out.
struct Row {
  scene::EntityId entity;
  int depth;
  bool hasChildren;
};

std::vector<Row> outlineRows(const scene::Scene& s, const std::vector<bool>& collapsed,
                             const std::string& filter) {
  std::vector<std::vector<scene::EntityId>> children(s.size());
  std::vector<scene::EntityId> roots;
  for (scene::EntityId i = 0; i < s.size(); ++i) {
    const auto parent = s.at(i).parent;
    (parent == scene::kNoEntity ? roots : children[parent]).push_back(i);
  }
  std::vector<Row> rows;
  rows.reserve(s.size());
  if (!filter.empty()) {  // a flat list of matches
    for (scene::EntityId i = 0; i < s.size(); ++i) {
      if (s.at(i).id.find(filter) != std::string::npos) rows.push_back({i, 0, false});
    }
    return rows;
  }
  std::vector<std::pair<scene::EntityId, int>> stack;
  for (auto it = roots.rbegin(); it != roots.rend(); ++it) stack.emplace_back(*it, 0);
  while (!stack.empty()) {
    const auto [id, depth] = stack.back();
    stack.pop_back();
    rows.push_back({id, depth, !children[id].empty()});
    if (collapsed[id]) continue;
    for (auto it = children[id].rbegin(); it != children[id].rend(); ++it) stack.emplace_back(*it, depth + 1);
  }
  return rows;
}

}  // namespace

void drawOutliner(PanelContext& c) {
  const float top = kMenuHeight;
  const float height = (c.display.y - top - kStatusHeight) * 0.55F;
  ImGui::SetNextWindowPos(ImVec2(0.0F, top));
  ImGui::SetNextWindowSize(ImVec2(kLeftWidth, height));
  ImGui::Begin("Scene", nullptr, ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse);
  static_assert(sizeof(c.ui.outlinerFilter) > 1);
  ImGui::SetNextItemWidth(-1.0F);
  ImGui::InputTextWithHint("##filter", "Filter objects by id", c.ui.outlinerFilter.data(), c.ui.outlinerFilter.size());
  std::vector<bool>& collapsed = c.ui.collapsed;  // per entity; reset when the scene changes size
  if (collapsed.size() != c.scene.size()) collapsed.assign(c.scene.size(), false);
  const auto rows = outlineRows(c.scene, collapsed, c.ui.outlinerFilter.data());
  ImGui::BeginChild("rows");
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(rows.size()));
  if (c.ui.scrollOutlinerToSelection) {
    for (std::size_t r = 0; r < rows.size(); ++r) {
      if (c.scene.at(rows[r].entity).id != c.ui.selectedObject) continue;
      ImGui::SetScrollY(static_cast<float>(r) * ImGui::GetTextLineHeightWithSpacing() -
                        ImGui::GetWindowHeight() * 0.4F);
    }
    c.ui.scrollOutlinerToSelection = false;
  }
  while (clipper.Step()) {
    for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
      const Row& row = rows[static_cast<std::size_t>(r)];
      const scene::Entity& e = c.scene.at(row.entity);
      ImGui::PushID(static_cast<int>(row.entity));
      ImGui::Indent(static_cast<float>(row.depth) * 14.0F + 2.0F);
      if (row.hasChildren) {
        if (ImGui::ArrowButton("##open", collapsed[row.entity] ? ImGuiDir_Right : ImGuiDir_Down)) {
          collapsed[row.entity] = !collapsed[row.entity];
        }
        ImGui::SameLine();
      } else {
        ImGui::Dummy(ImVec2(ImGui::GetFrameHeight() - 4.0F, 1.0F));
        ImGui::SameLine();
      }
      if (ImGui::Selectable(e.id.c_str(), e.id == c.ui.selectedObject)) {
        c.ui.selectedObject = e.id;
        c.ui.selectedStep.clear();
        c.ui.selectedFault.clear();
      }
      const std::string tags = componentTags(e);
      if (!tags.empty()) {
        ImGui::SameLine();
        ImGui::TextColored(ImVec4(0.55F, 0.75F, 0.95F, 1.0F), "%s", tags.c_str());
      }
      ImGui::Unindent(static_cast<float>(row.depth) * 14.0F + 2.0F);
      ImGui::PopID();
    }
  }
  ImGui::EndChild();
  ImGui::End();
}

void drawStatusBar(PanelContext& c) {
  ImGui::SetNextWindowPos(ImVec2(0.0F, c.display.y - kStatusHeight));
  ImGui::SetNextWindowSize(ImVec2(c.display.x, kStatusHeight));
  ImGui::Begin("##status", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
  const auto& d = c.doc.diagnostics();
  ImGui::Text("%s%s", c.doc.def().meta.id.c_str(), c.doc.dirty() ? " (changed)" : "");
  ImGui::SameLine();
  ImGui::TextColored(d.errorCount() > 0 ? ImVec4(0.95F, 0.45F, 0.35F, 1.0F) : ImVec4(0.55F, 0.85F, 0.55F, 1.0F),
                     "  %zu error(s), %zu warning(s)", d.errorCount(), d.warningCount());
  ImGui::SameLine();
  ImGui::TextDisabled("  %zu objects, %zu steps", c.doc.def().objects.size(), c.doc.def().steps.size());
  if (!c.ui.status.empty()) {
    ImGui::SameLine();
    ImGui::Text("   %s", c.ui.status.c_str());
  }
  ImGui::End();
}

}  // namespace praxis::app

namespace praxis::app {
namespace {

void newScenarioDialog(PanelContext& c) {
  ImGui::TextWrapped("A new scenario package from the template (a table, a button, one step in "
                     "three languages and its reference test), opened here.");
  ImGui::InputText("folder", c.ui.dialogPath.data(), c.ui.dialogPath.size());
  ImGui::InputText("scenario id", c.ui.dialogId.data(), c.ui.dialogId.size());
  if (ImGui::Button("Create")) {
    const std::filesystem::path dir = c.ui.dialogPath.data();
    if (auto made = createFromTemplate(dir, c.ui.dialogId.data()); !made) {
      c.ui.status = "New scenario: " + made.error().message;
    } else {
      c.ui.openPackage = dir;
      ImGui::CloseCurrentPopup();
    }
  }
}

void importDialog(PanelContext& c) {
  ImGui::TextWrapped("Copies a model (glTF, OBJ, FBX, … anything Assimp reads) into the package's "
                     "assets/ folder and places it where the viewport's centre points.");
  ImGui::InputText("model file", c.ui.dialogPath.data(), c.ui.dialogPath.size());
  if (!ImGui::Button("Import")) return;
  const std::filesystem::path source = c.ui.dialogPath.data();
  auto copied = copyModelIntoPackage(c.doc.folder(), source);
  if (!copied) {
    c.ui.status = "Import: " + copied.error().message;
    return;
  }
  std::string id;
  for (char ch : source.stem().string()) {
    id += std::isalnum(static_cast<unsigned char>(ch)) != 0 ? static_cast<char>(std::tolower(ch)) : '_';
  }
  while (c.doc.def().findObject(id) != nullptr) id += "_2";
  const core::Vec3 p = c.ui.placeAt;
  applyCommand(c, {{"op", "add"}, {"kind", "object"},
                   {"value", {{"id", id}, {"model", *copied}, {"pos", {p.x, p.y, p.z}}}}});
  if (c.doc.def().findObject(id) != nullptr) {
    c.ui.selectedObject = id;
    ImGui::CloseCurrentPopup();
  }
}

}  // namespace

void drawDialogs(PanelContext& c) {
  if (!c.ui.dialog.empty()) {
    ImGui::OpenPopup(c.ui.dialog == "new" ? "New scenario" : "Import a model");
    c.ui.dialog.clear();
  }
  ImGui::SetNextWindowSize(ImVec2(520.0F, 0.0F));
  if (ImGui::BeginPopupModal("New scenario", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
    newScenarioDialog(c);
    ImGui::SameLine();
    if (ImGui::Button("Cancel")) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
  }
  ImGui::SetNextWindowSize(ImVec2(520.0F, 0.0F));
  if (ImGui::BeginPopupModal("Import a model", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
    importDialog(c);
    ImGui::SameLine();
    if (ImGui::Button("Cancel")) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
  }
}

}  // namespace praxis::app
