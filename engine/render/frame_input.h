// What the renderer draws in one frame: the scene, the views, and the training visuals
// (highlights, fault flash, panels). Plain data, filled by the app or a test each frame.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/math.h"
#include "scene/scene.h"

struct ImDrawData;

namespace praxis::render {

/// One eye or camera: world → eye transform and a Vulkan clip-space projection (y down,
/// depth 0..1). Build it with makePerspectiveView or makeFovView.
struct View {
  core::Mat4 view{1.0F};
  core::Mat4 projection{1.0F};
  core::Vec3 position{0.0F};  // world-space eye position (for lighting and sorting)
};

/// A symmetric perspective camera at `eye` (looking along its -Z).
[[nodiscard]] View makePerspectiveView(const core::Pose& eye, float fovYRadians, float aspect,
                                       float nearZ = 0.05F, float farZ = 100.0F);
/// An asymmetric camera from OpenXR's XrFovf angles (radians; left and down are negative).
[[nodiscard]] View makeFovView(const core::Pose& eye, float angleLeft, float angleRight,
                               float angleUp, float angleDown, float nearZ = 0.05F,
                               float farZ = 100.0F);
/// A camera at `eye` looking at `target`, +Y up.
[[nodiscard]] View makeLookAtView(const core::Vec3& eye, const core::Vec3& target,
                                  float fovYRadians, float aspect);

/// A world-space panel for instructions and feedback: text in the UI font (render/ui_font.h)
/// drawn into a texture and shown on a quad at `pose` (the quad faces the pose's +Z, i.e.
/// towards a viewer in front). The body wraps at word boundaries; what does not fit goes on
/// further pages, and the panel shows page `page` (modulo the page count) with "2/3" at the
/// bottom: text is never cut. Build instruction panels with app::instructionPanel.
struct Panel {
  std::string title;  // one line; a step panel's is "3 · Human title", never the step id
  std::string body;
  core::Pose pose;
  glm::vec2 sizeMetres{0.6F, 0.4F};
  std::uint32_t pixelsPerMetre = 800;
  std::uint32_t page = 0;
};

/// The panel text size in pixels of the panel texture (title and body).
inline constexpr float kPanelFontPixels = 26.0F;

/// A short text label floating over an entity (drawn as a small panel above it, facing the
/// first view).
struct Label {
  std::string text;
  scene::EntityId entity = scene::kNoEntity;
  float heightAbove = 0.08F;  // metres above the entity's bounding box
};

/// A translucent copy of an entity's visual at another pose: where a held object would snap
/// if it were released now (the desktop's snap preview). Drawn blended, without shadow.
struct Ghost {
  scene::EntityId entity = scene::kNoEntity;
  core::Pose pose;  // world
};

/// A tracked hand, drawn as a small sphere at its pose (the palm's contact point), so the
/// trainee sees where the hand is when it reaches. The active one (the hand the desktop
/// controls act with) is larger and brighter.
struct HandMarker {
  core::Pose pose;
  bool active = false;
};

/// Linear colours of the ghost tint and the hand markers (tests look for them in pixels).
inline constexpr glm::vec4 kGhostTint{0.55F, 0.85F, 1.0F, 0.45F};
inline constexpr glm::vec4 kActiveHandColour{0.95F, 0.62F, 0.42F, 1.0F};
inline constexpr glm::vec4 kOtherHandColour{0.45F, 0.40F, 0.38F, 1.0F};
inline constexpr float kActiveHandDiameter = 0.06F;  // metres
inline constexpr float kOtherHandDiameter = 0.045F;

/// A rectangle of the target in pixels (y down).
struct PixelRect {
  float x = 0.0F;
  float y = 0.0F;
  float width = 0.0F;
  float height = 0.0F;
};

struct DirectionalLight {
  core::Vec3 direction{-0.35F, -1.0F, -0.45F};  // the way the light travels, world space
  core::Vec3 colour{2.6F, 2.5F, 2.3F};          // linear radiance
  core::Vec3 ambient{0.30F, 0.32F, 0.36F};      // linear, uniform
};

struct FrameInput {
  const scene::Scene* scene = nullptr;
  /// One view per target layer (1: mono, 2: stereo with multiview).
  std::vector<View> views;
  /// Entities the current step names; drawn with a pulsing rim glow.
  std::vector<scene::EntityId> highlighted;
  /// 0..1: a safety fault just happened; a vermillion vignette over the whole view.
  float faultFlash = 0.0F;
  std::vector<Panel> panels;
  std::vector<Label> labels;
  /// Translucent previews of entities elsewhere (each entity a valid id of `scene`).
  std::vector<Ghost> ghosts;
  /// The trainee's hands (desktop, VR); empty: none drawn.
  std::vector<HandMarker> hands;
  /// Entities of `scene` not drawn this frame (the world's own hand spheres, where `hands`
  /// draws the hands instead).
  std::vector<scene::EntityId> hidden;
  DirectionalLight light;
  glm::vec4 clearColour{0.05F, 0.06F, 0.08F, 1.0F};  // linear
  /// Seconds since start; drives the highlight pulse. Tests fix it for repeatable images.
  double timeSeconds = 0.0;
  /// Screen-space UI (the HUD, editor panels) recorded after the scene pass into the same
  /// target, in its pixels (DisplaySize x FramebufferScale). Each ImDrawCmd's TextureId must
  /// be an ImFontAtlas prepared with bindOverlayAtlas (render/ui_font.h). Null: no overlay.
  /// Read during Renderer::render only.
  const ImDrawData* overlay = nullptr;
  /// Where the scene shows, in target pixels, when the overlay covers the rest with opaque
  /// panels (the editor's viewport): nothing outside it is drawn or shaded, and objects that
  /// show only there are culled. Zero width: the whole target.
  PixelRect sceneRect;
};

/// Where one frame's time went. CPU phases in milliseconds; gpuMs is < 0 until the GPU
/// timestamps of that frame are available (they are read one frame later).
struct FrameStats {
  double sceneUpdateMs = 0.0;  // building the draw list from the scene
  double cullMs = 0.0;         // frustum culling and sorting
  double recordMs = 0.0;       // command recording
  double submitMs = 0.0;       // queue submit (and present)
  double overlayMs = 0.0;      // copying the overlay's vertices (inside recordMs)
  double gpuMs = -1.0;         // timestamp difference of the last finished frame
  std::uint32_t drawCalls = 0;       // instanced draws (objects sharing mesh and material batch)
  std::uint32_t visibleObjects = 0;  // objects (meshes) drawn after culling
  std::uint32_t culledObjects = 0;
  /// Triangles of the visible objects at their level of detail (the depth prepass draws the
  /// opaque ones once more).
  std::uint64_t triangles = 0;
  /// What was recorded, counted where it is recorded: stereo drawn one view per pass (OpenXR
  /// swapchains per view, lavapipe) must still make the shadow map and lay out the panels once
  /// per frame, and only the scene pass once per view.
  std::uint32_t shadowPasses = 0;  // 0: the last map was reused (same light, same casters)
  std::uint32_t scenePasses = 0;
  std::uint32_t panelLayouts = 0;  // panels and labels laid out by Dear ImGui
  /// The target had no image to draw into (a minimised window): nothing was drawn. A front
  /// end waits for events instead of rendering again at once.
  bool skipped = false;
};

}  // namespace praxis::render
