// Internal to the editor: the panels' state and the functions that draw each panel
// (editor_panels.cpp, editor_steps.cpp, editor_tables.cpp). Only editor*.cpp include this.
#pragma once

#include <nlohmann/json.hpp>

#include <array>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/editor.h"
#include "scene/scene.h"

struct ImFont;
struct ImGuiContext;

namespace praxis::app {

struct EditorMode::Ui {
  std::string selectedObject;
  std::string selectedStep;
  std::string selectedFault;
  EditorTab tab = EditorTab::Validation;
  bool tabChanged = true;
  bool onlyMissing = false;
  std::string status;
  std::string language = "nl-BE";
  std::vector<EditorTestResult> testResults;
  bool testsRun = false;
  std::array<char, 64> outlinerFilter{};
  ImFont* bold = nullptr;
  ImFont* heading = nullptr;
  /// A play-test asked for this frame: from the start ("") or from a step.
  std::optional<std::string> playFrom;
  bool runTests = false;
  bool frameSelection = false;
  bool wantSave = false;
  bool wantQuit = false;
  bool scrollOutlinerToSelection = false;
  std::vector<bool> collapsed;  // the outliner's collapsed subtrees, by entity
  /// Text being typed into a field, by ImGui id: the document changes when it is committed.
  std::map<unsigned, std::vector<char>> buffers;
  unsigned activeText = 0;
  /// File → New scenario / Import model: the dialog open ("" none), its path field.
  std::string dialog;
  std::array<char, 512> dialogPath{};
  std::array<char, 64> dialogId{};
  /// A package to switch to at the end of the frame (a new scenario was created).
  std::optional<std::filesystem::path> openPackage;
  /// Where a new object goes: the surface under the viewport's centre, else 1.5 m ahead.
  core::Vec3 placeAt{0.0F};  // the field being typed in (its ImGui id), 0 for none
  /// Where named fields were laid out last frame (min x, min y, max x, max y), e.g.
  /// "objects/panel/label/en": scripted input (tests) clicks into them as a person would.
  std::map<std::string, glm::vec4, std::less<>> widgetRects;
};

/// Records the last item's rectangle under `key` (EditorMode::widgetRect).
void recordWidget(EditorMode::Ui& ui, std::string key);

/// What each panel works with.
struct PanelContext {
  EditorDocument& doc;
  EditorMode::Ui& ui;
  const scene::Scene& scene;
  Handles& handles;
  Snapping& snapping;
  glm::vec2 display;
};

/// Applies one command; a refused one goes to the status line.
void applyCommand(PanelContext& c, const nlohmann::json& command);

// The panels, each one ImGui window at its fixed place (no docking in ImGui 1.86).
void drawMenuBar(PanelContext& c);
void drawOutliner(PanelContext& c);
void drawSteps(PanelContext& c);
void drawInspector(PanelContext& c);
void drawBottomTabs(PanelContext& c);
void drawStatusBar(PanelContext& c);
void drawDialogs(PanelContext& c);

// Layout: the panels' rectangles for a display size (the viewport is what remains).
inline constexpr float kLeftWidth = 290.0F;
inline constexpr float kRightWidth = 350.0F;
inline constexpr float kBottomHeight = 210.0F;
inline constexpr float kMenuHeight = 26.0F;
inline constexpr float kStatusHeight = 26.0F;

}  // namespace praxis::app
