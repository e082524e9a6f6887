// The viewport's move and rotate handles, drawn by the editor itself (ImGuizmo is not
// packaged in Debian): three arrows or three rings on the selected object, in its parent's
// frame, so dragging one changes exactly one coordinate of the `pos:` or one turn of the
// `rot:` the instructor wrote. Plain geometry: tests drive it without a window.
#pragma once

#include <optional>

#include "app/editor_camera.h"
#include "core/math.h"

struct ImDrawList;

namespace praxis::app {

enum class HandleMode { Move, Rotate };
enum class HandleAxis { None, X, Y, Z };

/// Where the object is: its parent's world pose and its own pose relative to it.
struct HandleTarget {
  core::Pose parentWorld;
  core::Pose local;
  [[nodiscard]] core::Pose world() const { return parentWorld * local; }
};

struct Snapping {
  bool grid = true;
  float gridMetres = 0.05F;
  float angleDegrees = 15.0F;
};

/// What the camera sees, and where on the window.
struct ViewportGeometry {
  const FreeCamera* camera = nullptr;
  ViewportRect rect;
  [[nodiscard]] ScreenRay ray(glm::vec2 p) const { return camera->ray(p.x, p.y, rect); }
  [[nodiscard]] std::optional<glm::vec2> project(const core::Vec3& w) const {
    return camera->project(w, rect);
  }
};

class Handles {
 public:
  /// The handle under the mouse, if any (within a few pixels of an arrow or a ring).
  [[nodiscard]] HandleAxis hit(const ViewportGeometry& view, const HandleTarget& target,
                               glm::vec2 mouse) const;
  /// Starts dragging `axis` from the mouse position.
  void begin(const ViewportGeometry& view, const HandleTarget& target, HandleAxis axis,
             glm::vec2 mouse);
  /// The object's new local pose for the mouse at `mouse`; nullopt when nothing is dragged.
  [[nodiscard]] std::optional<core::Pose> drag(const ViewportGeometry& view, glm::vec2 mouse,
                                               const Snapping& snapping) const;
  void end() { dragging_ = HandleAxis::None; }
  [[nodiscard]] HandleAxis dragging() const { return dragging_; }

  void draw(ImDrawList& list, const ViewportGeometry& view, const HandleTarget& target,
            HandleAxis hovered) const;

  HandleMode mode = HandleMode::Move;

 private:
  [[nodiscard]] float length(const ViewportGeometry& view, const core::Vec3& at) const;
  [[nodiscard]] std::optional<float> axisParameter(const ScreenRay& ray) const;
  [[nodiscard]] std::optional<float> ringAngle(const ScreenRay& ray) const;

  HandleAxis dragging_ = HandleAxis::None;
  HandleTarget start_;
  core::Vec3 axis_{1.0F, 0.0F, 0.0F};  // world direction of the dragged axis
  float startParameter_ = 0.0F;         // along the axis (move) or the angle (rotate)
};

/// Rounds `value` to the nearest multiple of `step` (step <= 0: unchanged).
[[nodiscard]] float snapTo(float value, float step);

}  // namespace praxis::app
