// The editor's free camera and the geometry between the screen and the world: a fly-through
// camera (mouse look with the right button held, WASD/QE to move), the ray under a screen
// point for picking, and the projection of world points onto the screen for the handles.
#pragma once

#include <optional>

#include "core/math.h"
#include "render/frame_input.h"

namespace praxis::app {

/// The part of the window the 3D view is centred in (window coordinates, pixels): the
/// editor draws the scene under the whole window, but frames it in the space the panels
/// leave free.
struct ViewportRect {
  float x = 0.0F;
  float y = 0.0F;
  float width = 1280.0F;
  float height = 720.0F;
};

struct ScreenRay {
  core::Vec3 origin{0.0F};
  core::Vec3 direction{0.0F, 0.0F, -1.0F};  // unit
};

class FreeCamera {
 public:
  /// Looks at `target` from `eye`.
  void lookAt(const core::Vec3& eye, const core::Vec3& target);
  /// Mouse look: pixels of motion turn the camera (0.2 degrees each), pitch kept within ±89°.
  void turn(float dxPixels, float dyPixels);
  /// Moves along the camera's own axes: x right, y up (world), z forward; metres.
  void move(const core::Vec3& rightUpForward);
  [[nodiscard]] core::Pose pose() const;
  /// The view for a window of `window` pixels with the picture centred in `viewport`
  /// (whose height spans the field of view).
  [[nodiscard]] render::View view(glm::vec2 window, const ViewportRect& viewport) const;
  /// The ray through window point (x, y).
  [[nodiscard]] ScreenRay ray(float x, float y, const ViewportRect& viewport) const;
  /// Where world point `p` lands in the window; nullopt behind the camera.
  [[nodiscard]] std::optional<glm::vec2> project(const core::Vec3& p,
                                                 const ViewportRect& viewport) const;

  core::Vec3 position{0.0F, 1.7F, 3.0F};
  float yawDegrees = 0.0F;    // 0 looks along -Z
  float pitchDegrees = -15.0F;
  float fovYDegrees = 60.0F;
};

}  // namespace praxis::app
