// The instructor's editor (`praxis edit DIR`): a GLFW window with the scenario drawn by the
// renderer and Dear ImGui panels over it (scene outliner, inspector, steps, validation,
// translations, tests), a free camera, picking and move/rotate handles. Every change goes
// through the EditorDocument as one edit command, so undo, redo and saving see them all.
// Window events become plain input events (input_events.h): tests drive the editor through
// handle() exactly as GLFW's callbacks do.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/editor_camera.h"
#include "app/editor_document.h"
#include "app/editor_handles.h"
#include "app/input_events.h"
#include "core/result.h"
#include "render/frame_input.h"

struct GLFWwindow;

namespace praxis::app {

class DesktopMode;

struct EditorOptions {
  std::filesystem::path packageDir;
  std::uint32_t width = 1280;
  std::uint32_t height = 720;
  /// The Vulkan validation layer; every message goes to onValidationMessage.
  bool validation = false;
  std::function<void(std::string_view)> onValidationMessage;
  /// The language the viewport's labels and the step list show first.
  std::string language = "nl-BE";
  /// Where "Import model" looks for files; "" means the user's home folder.
  std::filesystem::path importFolder;
  /// Tests: drives a play-test's desktop window instead of its own loop (editor_playtest.h).
  std::function<core::Result<void>(DesktopMode&)> drivePlayTest;
  /// The window title; "" names the scenario.
  std::string title;
};

/// One scripted test's result, run from the Tests tab.
struct EditorTestResult {
  std::string name;
  std::string file;
  bool passed = false;
  std::vector<std::string> problems;
};

/// The bottom panel's tabs.
enum class EditorTab { Validation, Translations, Tests };

class EditorMode {
 public:
  [[nodiscard]] static core::Result<std::unique_ptr<EditorMode>> open(EditorOptions options);
  ~EditorMode();
  EditorMode(const EditorMode&) = delete;
  EditorMode& operator=(const EditorMode&) = delete;

  /// Frames until the window closes.
  [[nodiscard]] core::Result<void> run(std::int64_t maxFrames = -1);
  /// One frame: window events, the panels and the viewport's gestures, draw.
  [[nodiscard]] core::Result<void> frame(double realSeconds);
  /// What the GLFW callbacks call with each converted event (and tests with theirs).
  void handle(const InputEvent& event);
  /// A typed character (a text field takes it).
  void handleText(char32_t codepoint);
  /// Writes the last frame drawn to a PNG (--screenshot).
  [[nodiscard]] core::Result<void> writeScreenshot(const std::filesystem::path& path);
  [[nodiscard]] bool shouldClose() const;

  [[nodiscard]] EditorDocument& document() { return *document_; }
  /// The selected object's id ("" for none).
  [[nodiscard]] const std::string& selectedObject() const;
  void selectObject(const std::string& id);
  [[nodiscard]] FreeCamera& camera() { return camera_; }
  [[nodiscard]] Handles& handles() { return handles_; }
  [[nodiscard]] Snapping& snapping() { return snapping_; }
  /// Where a world point lands in the window (window coordinates), for tests and xdotool.
  [[nodiscard]] std::optional<glm::vec2> toScreen(const core::Vec3& world) const;
  /// The selected object's handle target (parent's world pose, own local pose).
  [[nodiscard]] std::optional<HandleTarget> selectedTarget() const;
  [[nodiscard]] GLFWwindow* window() const;
  [[nodiscard]] std::int64_t framesDrawn() const { return framesDrawn_; }
  /// The status line's latest message (saved, an edit refused, …).
  [[nodiscard]] const std::string& status() const;
  void setTab(EditorTab tab);
  /// Where a named field was laid out in the last frame (min x, min y, max x, max y):
  /// "<target>/<path>/<lang>" for text fields, e.g. "objects/panel/label/en".
  [[nodiscard]] std::optional<glm::vec4> widgetRect(std::string_view key) const;
  /// Selects a step (its inspector opens), "" for none.
  void selectStep(const std::string& id);
  /// The results of the last run of the scripted tests (the Tests tab), empty before one.
  [[nodiscard]] const std::vector<EditorTestResult>& testResults() const;

  /// Where the last frame's time went on the CPU, in milliseconds (for the benchmark).
  struct FrameTimes {
    double uiMs = 0.0;     // panels and gestures
    double buildMs = 0.0;  // the scene and the frame input
    render::FrameStats render;
  };
  [[nodiscard]] const FrameTimes& lastFrameTimes() const { return times_; }

  struct Parts;  // window, renderer, target, ImGui: editor.cpp
  struct Ui;     // the panels' state: editor_panels.cpp

 private:
  explicit EditorMode(EditorOptions options);
  [[nodiscard]] core::Result<void> openWindow();
  void rebuildScene();
  void feedImGui(double realSeconds);
  void viewportGestures(double realSeconds);
  void pickOrBeginDrag(glm::vec2 mouse);
  void dragOntoSurface(glm::vec2 mouse);
  void commitDrag();
  void shortcuts();
  void startPlayTest(const std::string& fromStep);
  void switchPackage(const std::filesystem::path& dir);
  void updatePlacement();
  [[nodiscard]] core::Result<void> draw();
  [[nodiscard]] glm::vec2 windowSize() const;
  [[nodiscard]] ViewportRect viewportRect() const;

  EditorOptions options_;
  std::unique_ptr<EditorDocument> document_;
  std::unique_ptr<Parts> parts_;
  std::unique_ptr<Ui> ui_;
  FreeCamera camera_;
  Handles handles_;
  Snapping snapping_;
  std::uint64_t sceneRevision_ = ~std::uint64_t{0};
  render::FrameInput lastFrame_;
  std::int64_t framesDrawn_ = 0;
  FrameTimes times_;
};

}  // namespace praxis::app
