// The editor's window, frame loop and viewport gestures. The panels are drawn in
// editor_panels.cpp, editor_steps.cpp and editor_tables.cpp; the play-test in
// editor_playtest.cpp.
#include "app/editor.h"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <set>
#include <variant>

#include "app/desktop_mode.h"
#include "app/desktop_window.h"
#include "app/editor_playtest.h"
#include "app/editor_ui.h"
#include "app/scene_models.h"
#include "assets/model_cache.h"
#include "render/renderer.h"
#include "scene/raycast.h"
#include "scenario/scene_builder.h"

namespace praxis::app {
namespace {

constexpr float kFontPixels = 16.0F;

void editorStyle(float scale) {
  ImGuiStyle& style = ImGui::GetStyle();
  style = ImGuiStyle();
  ImGui::StyleColorsDark(&style);
  style.WindowPadding = ImVec2(8.0F, 8.0F);
  style.FramePadding = ImVec2(6.0F, 4.0F);
  style.ItemSpacing = ImVec2(8.0F, 5.0F);
  style.WindowRounding = 0.0F;
  style.FrameRounding = 3.0F;
  style.TabRounding = 3.0F;
  style.WindowBorderSize = 1.0F;
  style.ScrollbarSize = 14.0F;
  style.ScaleAllSizes(scale);
  ImVec4* c = style.Colors;
  // Opaque: the renderer draws the scene only inside the viewport (FrameInput::sceneRect),
  // so nothing may show through the panels around it.
  c[ImGuiCol_WindowBg] = ImVec4(0.11F, 0.12F, 0.14F, 1.0F);
  c[ImGuiCol_ChildBg] = ImVec4(0.0F, 0.0F, 0.0F, 0.0F);
  c[ImGuiCol_PopupBg] = ImVec4(0.13F, 0.14F, 0.16F, 0.98F);
  c[ImGuiCol_MenuBarBg] = ImVec4(0.16F, 0.17F, 0.20F, 1.0F);
  c[ImGuiCol_TitleBg] = ImVec4(0.16F, 0.17F, 0.20F, 1.0F);
  c[ImGuiCol_TitleBgActive] = ImVec4(0.20F, 0.22F, 0.27F, 1.0F);
  c[ImGuiCol_Header] = ImVec4(0.20F, 0.36F, 0.52F, 0.80F);
  c[ImGuiCol_HeaderHovered] = ImVec4(0.24F, 0.44F, 0.64F, 0.90F);
  c[ImGuiCol_HeaderActive] = ImVec4(0.26F, 0.50F, 0.74F, 1.0F);
  c[ImGuiCol_Button] = ImVec4(0.22F, 0.36F, 0.52F, 1.0F);
  c[ImGuiCol_ButtonHovered] = ImVec4(0.28F, 0.46F, 0.66F, 1.0F);
  c[ImGuiCol_FrameBg] = ImVec4(0.19F, 0.20F, 0.23F, 1.0F);
  c[ImGuiCol_Tab] = ImVec4(0.16F, 0.17F, 0.20F, 1.0F);
  c[ImGuiCol_TabActive] = ImVec4(0.24F, 0.40F, 0.58F, 1.0F);
  c[ImGuiCol_TabHovered] = ImVec4(0.28F, 0.46F, 0.66F, 1.0F);
}

/// The shape's half height along world up: how far above a surface the object's origin sits.
float restingHeight(const scene::Entity& e) {
  const core::Vec3 h = e.visual.shape.halfExtents();
  const core::Mat4 r = glm::mat4_cast(e.worldPose.orientation);
  return std::abs(r[0][1]) * h.x + std::abs(r[1][1]) * h.y + std::abs(r[2][1]) * h.z;
}

}  // namespace

struct EditorMode::Parts {
  // Destroyed bottom-up: the target before the renderer, both before the window.
  std::unique_ptr<DesktopMode::Window> window;
  std::unique_ptr<render::Renderer> renderer;
  std::unique_ptr<render::WindowTarget> target;
  ImGuiContext* imgui = nullptr;  // owned
  scene::Scene scene;
  std::set<std::string> models;  // keys given to the renderer
  std::array<bool, 64> held{};   // keys held, by Key
  std::vector<Key> pressed;      // key presses since the last frame
  glm::vec2 mouse{-1.0F, -1.0F};
  bool mouseSeen = false;
  std::array<bool, 3> buttons{};
  std::array<bool, 3> pressedSinceFrame{};  // a click (down and up) between two frames
  float wheel = 0.0F;
  std::vector<char32_t> text;
  // A drag in the viewport: a handle, or the object itself over the surfaces.
  bool surfaceDrag = false;
  std::optional<core::Pose> preview;  // the dragged object's local pose, not yet committed
  double seconds = 0.0;

  ~Parts() {
    if (imgui != nullptr) ImGui::DestroyContext(imgui);
  }
  [[nodiscard]] bool isHeld(Key k) const { return held[static_cast<std::size_t>(k)]; }
};

EditorMode::EditorMode(EditorOptions options)
    : options_(std::move(options)), parts_(std::make_unique<Parts>()), ui_(std::make_unique<Ui>()) {
  ui_->language = options_.language;
}

EditorMode::~EditorMode() {
  if (parts_ && parts_->renderer) parts_->renderer->waitIdle();
}

core::Result<std::unique_ptr<EditorMode>> EditorMode::open(EditorOptions options) {
  std::unique_ptr<EditorMode> editor(new EditorMode(std::move(options)));
  auto document = EditorDocument::open(editor->options_.packageDir);
  if (!document) return std::unexpected(document.error());
  editor->document_ = std::move(*document);
  if (auto opened = editor->openWindow(); !opened) return std::unexpected(opened.error());
  editor->rebuildScene();
  // Start where the trainee stands, a step back, looking at the room.
  const auto& t = editor->document_->def().trainee;
  const core::Quat facing = core::quatFromEulerDegrees({0.0F, t.yawDegrees, 0.0F});
  const core::Vec3 eye = t.position + core::Vec3(0, t.eyeHeight + 0.3F, 0) + facing * core::Vec3(0, 0, 1.6F);
  editor->camera_.lookAt(eye, t.position + facing * core::Vec3(0, 1.0F, -1.2F));
  return editor;
}

core::Result<void> EditorMode::openWindow() {
  auto window = DesktopMode::Window::open(
      options_.width, options_.height,
      options_.title.empty() ? "Praxis editor: " + document_->def().meta.title.in(options_.language)
                             : options_.title,
      [this](const InputEvent& e) { handle(e); });
  if (!window) return std::unexpected(window.error());
  parts_->window = std::move(*window);
  parts_->window->textSink = [this](char32_t c) { handleText(c); };
  parts_->window->repeatSink = [this](Key k) { parts_->pressed.push_back(k); };
  render::RendererOptions ro;
  ro.windowing = true;
  ro.instanceExtensions = render::windowInstanceExtensions();
  ro.validation = options_.validation;
  ro.onValidationMessage = options_.onValidationMessage;
  ro.msaaSamples = render::kMsaaAuto;
  auto renderer = render::Renderer::create(std::move(ro));
  if (!renderer) return std::unexpected(renderer.error());
  parts_->renderer = std::move(*renderer);
  auto target = parts_->renderer->createWindowTarget(parts_->window->handle);
  if (!target) return std::unexpected(target.error());
  parts_->target = std::move(*target);
  parts_->imgui = ImGui::CreateContext();
  render::ImGuiContextScope scope(parts_->imgui);
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // the layout is fixed; nothing written next to the package
  io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  const std::pair<ImGuiKey_, Key> keys[] = {
      {ImGuiKey_Tab, Key::Tab},         {ImGuiKey_LeftArrow, Key::Left},
      {ImGuiKey_RightArrow, Key::Right}, {ImGuiKey_UpArrow, Key::Up},
      {ImGuiKey_DownArrow, Key::Down},   {ImGuiKey_PageUp, Key::PageUp},
      {ImGuiKey_PageDown, Key::PageDown}, {ImGuiKey_Home, Key::Home},
      {ImGuiKey_End, Key::End},         {ImGuiKey_Delete, Key::Delete},
      {ImGuiKey_Backspace, Key::Backspace}, {ImGuiKey_Space, Key::Space},
      {ImGuiKey_Enter, Key::Enter},     {ImGuiKey_Escape, Key::Escape},
      {ImGuiKey_A, Key::A},             {ImGuiKey_C, Key::C},
      {ImGuiKey_V, Key::V},             {ImGuiKey_X, Key::X},
      {ImGuiKey_Y, Key::Y},             {ImGuiKey_Z, Key::Z}};
  for (const auto& [imguiKey, key] : keys) io.KeyMap[imguiKey] = static_cast<int>(key);
  const float scale = parts_->target->contentScale();
  auto regular = render::addUiFont(*io.Fonts, std::round(kFontPixels * scale), render::kDefaultFontFile);
  if (!regular) return std::unexpected(regular.error());
  auto bold = render::addUiFont(*io.Fonts, std::round(kFontPixels * scale), render::kDefaultBoldFontFile);
  if (!bold) return std::unexpected(bold.error());
  auto heading = render::addUiFont(*io.Fonts, std::round(kFontPixels * 1.25F * scale),
                                   render::kDefaultBoldFontFile);
  if (!heading) return std::unexpected(heading.error());
  if (!io.Fonts->Build()) return core::fail("editor: the font atlas does not fit a texture");
  render::bindOverlayAtlas(*io.Fonts);
  io.FontDefault = *regular;
  ui_->bold = *bold;
  ui_->heading = *heading;
  editorStyle(scale);
  return {};
}

void EditorMode::rebuildScene() {
  const auto& def = document_->def();
  parts_->scene = scenario::buildScene(def);
  sceneRevision_ = document_->revision();
  // Models not seen before (an imported one): load and hand them to the renderer.
  bool newModel = false;
  for (const auto& e : parts_->scene.entities()) {
    if (!e.visual.model.empty() && !parts_->models.contains(e.visual.model)) newModel = true;
  }
  if (!newModel) return;
  auto cacheDir = assets::defaultModelCacheDir();
  if (!cacheDir) {
    ui_->status = cacheDir.error().message;
    return;
  }
  auto models = loadSceneModels(parts_->scene, options_.packageDir, *cacheDir);
  if (!models) {
    ui_->status = models.error().message;
    return;
  }
  for (const auto& [key, model] : models->byPath) {
    if (parts_->models.contains(key)) continue;
    if (auto added = parts_->renderer->addModel(key, model); !added) {
      ui_->status = added.error().message;
      continue;
    }
    parts_->models.insert(key);
  }
}

void EditorMode::handle(const InputEvent& event) {
  Parts& p = *parts_;
  std::visit(
      [&p](const auto& e) {
        using T = std::decay_t<decltype(e)>;
        if constexpr (std::is_same_v<T, KeyDown>) {
          p.held[static_cast<std::size_t>(e.key)] = true;
          p.pressed.push_back(e.key);
        } else if constexpr (std::is_same_v<T, KeyUp>) {
          p.held[static_cast<std::size_t>(e.key)] = false;
        } else if constexpr (std::is_same_v<T, MouseMove>) {
          p.mouse = glm::vec2(static_cast<float>(e.x), static_cast<float>(e.y));
          p.mouseSeen = true;
        } else if constexpr (std::is_same_v<T, MouseDown>) {
          p.buttons[static_cast<std::size_t>(e.button)] = true;
          p.pressedSinceFrame[static_cast<std::size_t>(e.button)] = true;
        } else if constexpr (std::is_same_v<T, MouseUp>) {
          p.buttons[static_cast<std::size_t>(e.button)] = false;
        } else if constexpr (std::is_same_v<T, Scroll>) {
          p.wheel += static_cast<float>(e.dy);
        }
      },
      event);
}

void EditorMode::handleText(char32_t codepoint) { parts_->text.push_back(codepoint); }

ViewportRect EditorMode::viewportRect() const {
  // Between the side panels, below the menu and above the bottom panel.
  const glm::vec2 size = windowSize();
  return ViewportRect{.x = kLeftWidth,
                      .y = kMenuHeight,
                      .width = std::max(size.x - kLeftWidth - kRightWidth, 64.0F),
                      .height = std::max(size.y - kMenuHeight - kStatusHeight - kBottomHeight, 64.0F)};
}

glm::vec2 EditorMode::windowSize() const {
  int w = 0;
  int h = 0;
  glfwGetWindowSize(parts_->window->handle, &w, &h);
  return glm::vec2(std::max(w, 1), std::max(h, 1));
}

void EditorMode::feedImGui(double realSeconds) {
  Parts& p = *parts_;
  ImGuiIO& io = ImGui::GetIO();
  const glm::vec2 size = windowSize();
  int fw = 0;
  int fh = 0;
  glfwGetFramebufferSize(p.window->handle, &fw, &fh);
  io.DisplaySize = ImVec2(size.x, size.y);
  io.DisplayFramebufferScale = ImVec2(static_cast<float>(fw) / size.x, static_cast<float>(fh) / size.y);
  io.DeltaTime = static_cast<float>(std::max(realSeconds, 1e-4));
  io.MousePos = p.mouseSeen ? ImVec2(p.mouse.x, p.mouse.y) : ImVec2(-FLT_MAX, -FLT_MAX);
  // A real click often arrives as press and release in one poll: ImGui sees it held for
  // this frame and released in the next.
  for (std::size_t b = 0; b < p.buttons.size(); ++b) io.MouseDown[b] = p.buttons[b] || p.pressedSinceFrame[b];
  p.pressedSinceFrame = {};
  io.MouseWheel = p.wheel;
  p.wheel = 0.0F;
  for (std::size_t k = 0; k < p.held.size(); ++k) io.KeysDown[k] = p.held[k];
  // A key pressed and released between two frames still counts once.
  for (Key k : p.pressed) io.KeysDown[static_cast<std::size_t>(k)] = true;
  io.KeyCtrl = p.isHeld(Key::Ctrl);
  io.KeyShift = p.isHeld(Key::Shift);
  for (char32_t c : p.text) io.AddInputCharacter(static_cast<unsigned int>(c));
  p.text.clear();
}

const std::string& EditorMode::selectedObject() const { return ui_->selectedObject; }

void EditorMode::selectObject(const std::string& id) {
  ui_->selectedObject = id;
  ui_->selectedStep.clear();
  ui_->selectedFault.clear();
  ui_->scrollOutlinerToSelection = true;
}

const std::string& EditorMode::status() const { return ui_->status; }

void EditorMode::setTab(EditorTab tab) {
  ui_->tab = tab;
  ui_->tabChanged = true;
}

std::optional<glm::vec4> EditorMode::widgetRect(std::string_view key) const {
  auto it = ui_->widgetRects.find(key);
  if (it == ui_->widgetRects.end()) return std::nullopt;
  return it->second;
}

const std::vector<EditorTestResult>& EditorMode::testResults() const { return ui_->testResults; }

void EditorMode::selectStep(const std::string& id) {
  ui_->selectedObject.clear();
  ui_->selectedFault.clear();
  ui_->selectedStep = id;
}

GLFWwindow* EditorMode::window() const { return parts_->window->handle; }

bool EditorMode::shouldClose() const {
  return glfwWindowShouldClose(parts_->window->handle) == GLFW_TRUE;
}

std::optional<glm::vec2> EditorMode::toScreen(const core::Vec3& world) const {
  return camera_.project(world, viewportRect());
}

std::optional<HandleTarget> EditorMode::selectedTarget() const {
  const auto id = parts_->scene.find(ui_->selectedObject);
  if (!id) return std::nullopt;
  const scene::Entity& e = parts_->scene.at(*id);
  core::Pose parent;
  if (e.parent != scene::kNoEntity) parent = parts_->scene.at(e.parent).worldPose;
  return HandleTarget{parent, e.localPose};
}

void EditorMode::pickOrBeginDrag(glm::vec2 mouse) {
  const ViewportGeometry geometry{&camera_, viewportRect()};
  if (auto target = selectedTarget()) {
    const HandleAxis axis = handles_.hit(geometry, *target, mouse);
    if (axis != HandleAxis::None) {
      handles_.begin(geometry, *target, axis, mouse);
      return;
    }
    // The handle's centre dot: drag the object over the surfaces under the cursor.
    auto origin = geometry.project(target->world().position);
    if (handles_.mode == HandleMode::Move && origin && glm::length(*origin - mouse) < 8.0F) {
      parts_->surfaceDrag = true;
      return;
    }
  }
  const ScreenRay ray = geometry.ray(mouse);
  const scene::Scene& s = parts_->scene;
  auto hit = scene::raycast(s, ray.origin, ray.direction, 200.0F,
                            [&s](scene::EntityId id) { return s.at(id).visual.visible; });
  selectObject(hit ? s.at(hit->entity).id : std::string());
}

void EditorMode::dragOntoSurface(glm::vec2 mouse) {
  Parts& p = *parts_;
  const auto selected = p.scene.find(ui_->selectedObject);
  if (!selected) return;
  const ViewportGeometry geometry{&camera_, viewportRect()};
  const ScreenRay ray = geometry.ray(mouse);
  const scene::Scene& s = p.scene;
  const scene::EntityId self = *selected;
  // Everything but the object and what hangs below it: it lands on the others.
  auto hit = scene::raycast(s, ray.origin, ray.direction, 200.0F, [&s, self](scene::EntityId id) {
    for (scene::EntityId at = id; at != scene::kNoEntity; at = s.at(at).parent) {
      if (at == self) return false;
    }
    return s.at(id).visual.visible;
  });
  if (!hit) return;
  const scene::Entity& e = s.at(self);
  core::Vec3 world = hit->point + core::Vec3(0, restingHeight(e), 0);
  if (snapping_.grid) {
    world.x = snapTo(world.x, snapping_.gridMetres);
    world.z = snapTo(world.z, snapping_.gridMetres);
  }
  const core::Pose parent = e.parent != scene::kNoEntity ? s.at(e.parent).worldPose : core::Pose{};
  core::Pose local = e.localPose;
  local.position = parent.inverse().apply(world);
  p.preview = local;
}

namespace {

double rounded(double v, double step) { return std::round(v / step) * step; }

nlohmann::ordered_json vec3Json(const core::Vec3& v, double step) {
  return nlohmann::ordered_json::array({rounded(v.x, step), rounded(v.y, step), rounded(v.z, step)});
}

}  // namespace

void EditorMode::commitDrag() {
  Parts& p = *parts_;
  const bool wasDragging = handles_.dragging() != HandleAxis::None || p.surfaceDrag;
  const bool rotating = handles_.dragging() != HandleAxis::None && handles_.mode == HandleMode::Rotate;
  handles_.end();
  p.surfaceDrag = false;
  if (!wasDragging || !p.preview) return;
  const core::Pose local = *p.preview;
  p.preview.reset();
  const std::string target = "objects/" + ui_->selectedObject;
  nlohmann::ordered_json command;
  if (rotating) {
    const core::Vec3 degrees = glm::degrees(glm::eulerAngles(local.orientation));
    command = {{"op", "set"}, {"target", target}, {"path", "rot"}, {"value", vec3Json(degrees, 0.1)}};
  } else {
    command = {{"op", "set"}, {"target", target}, {"path", "pos"}, {"value", vec3Json(local.position, 0.001)}};
  }
  PanelContext c{*document_, *ui_, p.scene, handles_, snapping_, windowSize()};
  applyCommand(c, command);
  applyPending(*document_, *ui_);
}

void EditorMode::viewportGestures(double realSeconds) {
  Parts& p = *parts_;
  ImGuiIO& io = ImGui::GetIO();
  const glm::vec2 mouse(io.MousePos.x, io.MousePos.y);
  const bool overPanels = io.WantCaptureMouse;
  const bool dragging = handles_.dragging() != HandleAxis::None || p.surfaceDrag;
  if (!overPanels && ImGui::IsMouseClicked(ImGuiMouseButton_Left)) pickOrBeginDrag(mouse);
  if (handles_.dragging() != HandleAxis::None) {
    p.preview = handles_.drag(ViewportGeometry{&camera_, viewportRect()}, mouse, snapping_);
  } else if (p.surfaceDrag) {
    dragOntoSurface(mouse);
  }
  if (dragging && !io.MouseDown[0]) commitDrag();
  // Fly: right button held turns the camera; WASD (QE down/up) moves while no text is typed.
  if (!overPanels && io.MouseDown[1]) camera_.turn(io.MouseDelta.x, io.MouseDelta.y);
  if (!io.WantTextInput && !io.KeyCtrl) {
    const float speed = (p.isHeld(Key::Shift) ? 6.0F : 2.0F) * static_cast<float>(realSeconds);
    core::Vec3 m(0.0F);
    if (p.isHeld(Key::W)) m.z += speed;
    if (p.isHeld(Key::S)) m.z -= speed;
    if (p.isHeld(Key::D)) m.x += speed;
    if (p.isHeld(Key::A)) m.x -= speed;
    if (p.isHeld(Key::E)) m.y += speed;
    if (p.isHeld(Key::Q)) m.y -= speed;
    if (m != core::Vec3(0.0F)) camera_.move(m);
  }
  if (!overPanels && io.MouseWheel != 0.0F) camera_.move({0.0F, 0.0F, io.MouseWheel * 0.25F});
}

void EditorMode::shortcuts() {
  Parts& p = *parts_;
  ImGuiIO& io = ImGui::GetIO();
  const bool typing = io.WantTextInput;
  for (Key k : p.pressed) {
    if (io.KeyCtrl) {
      if (k == Key::Z && !typing) io.KeyShift ? document_->redo() : document_->undo();
      if (k == Key::Y && !typing) document_->redo();
      if (k == Key::S) ui_->wantSave = true;
      continue;
    }
    if (typing) continue;
    if (k == Key::G) handles_.mode = HandleMode::Move;
    if (k == Key::R) handles_.mode = HandleMode::Rotate;
    if (k == Key::F) ui_->frameSelection = true;
    if (k == Key::F5) ui_->playFrom = ui_->selectedStep;
    if (k == Key::Escape) selectObject({});
  }
  p.pressed.clear();
}

core::Result<void> EditorMode::frame(double realSeconds) {
  using Clock = std::chrono::steady_clock;
  glfwPollEvents();
  Parts& p = *parts_;
  p.seconds += realSeconds;
  const auto uiStart = Clock::now();
  render::ImGuiContextScope scope(p.imgui);
  feedImGui(realSeconds);
  ImGui::NewFrame();
  ui_->widgetRects.clear();
  shortcuts();
  if (document_->revision() != sceneRevision_) rebuildScene();
  PanelContext context{*document_, *ui_, p.scene, handles_, snapping_, windowSize()};
  drawMenuBar(context);
  drawOutliner(context);
  drawSteps(context);
  drawInspector(context);
  drawBottomTabs(context);
  drawStatusBar(context);
  drawDialogs(context);
  applyPending(*document_, *ui_);
  viewportGestures(realSeconds);
  if (ui_->wantSave) {
    ui_->wantSave = false;
    auto saved = document_->save();
    ui_->status = saved ? "Saved " + (document_->folder() / "scenario.yaml").string()
                        : "Not saved: " + saved.error().message;
  }
  if (ui_->wantQuit) glfwSetWindowShouldClose(p.window->handle, GLFW_TRUE);
  if (ui_->playFrom) startPlayTest(*std::exchange(ui_->playFrom, std::nullopt));
  if (ui_->openPackage) switchPackage(*std::exchange(ui_->openPackage, std::nullopt));
  if (ImGui::IsPopupOpen("Import a model")) updatePlacement();
  if (document_->revision() != sceneRevision_) rebuildScene();
  // The dragged object follows the mouse before the edit is committed on release.
  if (p.preview) {
    if (auto id = p.scene.find(ui_->selectedObject)) {
      p.scene.at(*id).localPose = *p.preview;
      p.scene.updateWorldPoses();
    }
  }
  if (ui_->frameSelection) {
    ui_->frameSelection = false;
    if (auto id = p.scene.find(ui_->selectedObject)) {
      const core::Vec3 at = p.scene.at(*id).worldPose.position;
      const float r = std::max(glm::length(p.scene.at(*id).visual.shape.halfExtents()), 0.1F);
      camera_.lookAt(at + glm::normalize(core::Vec3(0.0F, 0.6F, 1.0F)) * r * 4.0F, at);
    }
  }
  if (auto target = selectedTarget()) {
    handles_.draw(*ImGui::GetBackgroundDrawList(), ViewportGeometry{&camera_, viewportRect()}, *target,
                  handles_.dragging() != HandleAxis::None
                      ? handles_.dragging()
                      : handles_.hit(ViewportGeometry{&camera_, viewportRect()}, *target,
                                     glm::vec2(ImGui::GetIO().MousePos.x, ImGui::GetIO().MousePos.y)));
  }
  ImGui::Render();
  times_.uiMs = std::chrono::duration<double, std::milli>(Clock::now() - uiStart).count();
  return draw();
}

void EditorMode::switchPackage(const std::filesystem::path& dir) {
  auto document = EditorDocument::open(dir);
  if (!document) {
    ui_->status = "Cannot open " + dir.string() + ": " + document.error().message;
    return;
  }
  document_ = std::move(*document);
  options_.packageDir = dir;
  selectObject({});
  ui_->selectedStep.clear();
  ui_->status = "Opened " + dir.string();
  glfwSetWindowTitle(parts_->window->handle,
                     ("Praxis editor: " + document_->def().meta.title.in(options_.language)).c_str());
}

void EditorMode::updatePlacement() {
  const ViewportRect v = viewportRect();
  const ScreenRay ray = camera_.ray(v.x + v.width * 0.5F, v.y + v.height * 0.5F, v);
  const scene::Scene& s = parts_->scene;
  auto hit = scene::raycast(s, ray.origin, ray.direction, 20.0F,
                            [&s](scene::EntityId id) { return s.at(id).visual.visible; });
  ui_->placeAt = hit ? hit->point + core::Vec3(0.0F, 0.05F, 0.0F) : ray.origin + ray.direction * 1.5F;
}

void EditorMode::startPlayTest(const std::string& fromStep) {
  const scenario::TraineeScript* reference = nullptr;
  for (const auto& t : document_->tests()) {
    if (t.reference) reference = &t;
  }
  PlayTestOptions play;
  play.packageDir = options_.packageDir.string();
  play.language = ui_->language;
  play.fromStep = fromStep;
  play.validation = options_.validation;
  play.onValidationMessage = options_.onValidationMessage;
  play.drive = options_.drivePlayTest;
  // The desktop mode has its own ImGui context (the HUD); ours is put back afterwards.
  auto played = playTest(document_->def(), reference, play);
  ui_->status = played ? (fromStep.empty() ? "Play-test ended" : "Play-test from step '" + fromStep + "' ended")
                       : "Play-test: " + played.error().message;
  parts_->buttons = {};  // the play-test window had the mouse
  parts_->held = {};
}

core::Result<void> EditorMode::draw() {
  int width = 0;
  int height = 0;
  glfwGetFramebufferSize(parts_->window->handle, &width, &height);
  if (width <= 0 || height <= 0) return {};
  const auto start = std::chrono::steady_clock::now();
  lastFrame_ = render::FrameInput{};
  lastFrame_.scene = &parts_->scene;
  lastFrame_.views = {camera_.view(windowSize(), viewportRect())};
  if (auto id = parts_->scene.find(ui_->selectedObject)) lastFrame_.highlighted = {*id};
  // A selected step shows what it highlights for the trainee.
  if (const auto* step = document_->def().findStep(ui_->selectedStep)) {
    for (const auto& h : step->highlight) {
      if (auto id = parts_->scene.find(h)) lastFrame_.highlighted.push_back(*id);
    }
  }
  lastFrame_.timeSeconds = 0.25;  // a steady selection glow, not the trainee's pulse
  // The panels cover the rest: the renderer culls and shades only the viewport's pixels.
  const ViewportRect v = viewportRect();
  const glm::vec2 toPixels =
      glm::vec2(static_cast<float>(width), static_cast<float>(height)) / windowSize();
  lastFrame_.sceneRect = render::PixelRect{.x = v.x * toPixels.x,
                                           .y = v.y * toPixels.y,
                                           .width = v.width * toPixels.x,
                                           .height = v.height * toPixels.y};
  lastFrame_.clearColour = {0.10F, 0.11F, 0.13F, 1.0F};
  {
    render::ImGuiContextScope scope(parts_->imgui);
    lastFrame_.overlay = ImGui::GetDrawData();
  }
  times_.buildMs =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  auto stats = parts_->renderer->render(lastFrame_, *parts_->target);
  if (!stats) return std::unexpected(stats.error());
  times_.render = *stats;
  if (!stats->skipped) ++framesDrawn_;
  return {};
}

core::Result<void> EditorMode::run(std::int64_t maxFrames) {
  using Clock = std::chrono::steady_clock;
  auto last = Clock::now();
  for (std::int64_t n = 0; !shouldClose() && (maxFrames < 0 || n < maxFrames); ++n) {
    const auto now = Clock::now();
    const double dt = std::chrono::duration<double>(now - last).count();
    last = now;
    if (auto drawn = frame(std::min(dt, 0.1)); !drawn) return drawn;
  }
  parts_->renderer->waitIdle();
  return {};
}

core::Result<void> EditorMode::writeScreenshot(const std::filesystem::path& path) {
  if (lastFrame_.scene == nullptr) return core::fail("no frame was drawn yet");
  const VkExtent2D e = parts_->target->extent();
  auto offscreen = parts_->renderer->createOffscreenTarget(e.width, e.height);
  if (!offscreen) return std::unexpected(offscreen.error());
  if (auto drawn = parts_->renderer->render(lastFrame_, **offscreen); !drawn) {
    return std::unexpected(drawn.error());
  }
  auto image = (*offscreen)->readback();
  if (!image) return std::unexpected(image.error());
  return render::writePng(*image, path);
}

}  // namespace praxis::app
