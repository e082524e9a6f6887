#include "app/editor_handles.h"

#include <imgui.h>

#include <array>
#include <cmath>

namespace praxis::app {
namespace {

constexpr float kPickPixels = 9.0F;
constexpr int kRingSegments = 48;

core::Vec3 unitAxis(HandleAxis axis) {
  switch (axis) {
    case HandleAxis::X: return {1, 0, 0};
    case HandleAxis::Y: return {0, 1, 0};
    case HandleAxis::Z: return {0, 0, 1};
    case HandleAxis::None: break;
  }
  return {0, 0, 0};
}

ImU32 axisColour(HandleAxis axis, bool hot) {
  if (hot) return IM_COL32(255, 230, 60, 255);
  switch (axis) {
    case HandleAxis::X: return IM_COL32(230, 70, 60, 255);
    case HandleAxis::Y: return IM_COL32(90, 200, 80, 255);
    case HandleAxis::Z: return IM_COL32(70, 130, 240, 255);
    case HandleAxis::None: break;
  }
  return IM_COL32_WHITE;
}

float segmentDistance(glm::vec2 p, glm::vec2 a, glm::vec2 b) {
  const glm::vec2 ab = b - a;
  const float t = glm::clamp(glm::dot(p - a, ab) / std::max(glm::dot(ab, ab), 1e-6F), 0.0F, 1.0F);
  return glm::length(p - (a + ab * t));
}

/// Two perpendicular unit vectors spanning the plane normal to `n`.
std::pair<core::Vec3, core::Vec3> planeBasis(const core::Vec3& n) {
  const core::Vec3 helper = std::abs(n.y) < 0.9F ? core::Vec3(0, 1, 0) : core::Vec3(1, 0, 0);
  const core::Vec3 u = glm::normalize(glm::cross(helper, n));
  return {u, glm::cross(n, u)};
}

constexpr std::array<HandleAxis, 3> kAxes = {HandleAxis::X, HandleAxis::Y, HandleAxis::Z};

}  // namespace

float snapTo(float value, float step) {
  if (step <= 0.0F) return value;
  return std::round(value / step) * step;
}

float Handles::length(const ViewportGeometry& view, const core::Vec3& at) const {
  // A constant size on screen: a fixed fraction of the distance to the camera.
  return 0.16F * glm::length(at - view.camera->position);
}

HandleAxis Handles::hit(const ViewportGeometry& view, const HandleTarget& target,
                        glm::vec2 mouse) const {
  const core::Pose world = target.world();
  const float len = length(view, world.position);
  const auto origin = view.project(world.position);
  if (!origin) return HandleAxis::None;
  HandleAxis best = HandleAxis::None;
  float bestDistance = kPickPixels;
  for (HandleAxis a : kAxes) {
    const core::Vec3 dir = target.parentWorld.rotate(unitAxis(a));
    float d = kPickPixels + 1.0F;
    if (mode == HandleMode::Move) {
      if (auto tip = view.project(world.position + dir * len)) d = segmentDistance(mouse, *origin, *tip);
    } else {
      const auto [u, v] = planeBasis(dir);
      std::optional<glm::vec2> previous;
      for (int i = 0; i <= kRingSegments; ++i) {
        const float t = glm::two_pi<float>() * static_cast<float>(i) / kRingSegments;
        auto p = view.project(world.position + (u * std::cos(t) + v * std::sin(t)) * len * 0.8F);
        if (p && previous) d = std::min(d, segmentDistance(mouse, *previous, *p));
        previous = p;
      }
    }
    if (d < bestDistance) {
      bestDistance = d;
      best = a;
    }
  }
  return best;
}

std::optional<float> Handles::axisParameter(const ScreenRay& ray) const {
  // The point of the axis line nearest to the mouse ray (closest points of two lines).
  const core::Vec3 w = start_.world().position - ray.origin;
  const float b = glm::dot(axis_, ray.direction);
  const float denominator = 1.0F - b * b;
  if (denominator < 1e-4F) return std::nullopt;  // looking straight down the axis
  const float d = glm::dot(axis_, w);
  const float e = glm::dot(ray.direction, w);
  return (b * e - d) / denominator;
}

std::optional<float> Handles::ringAngle(const ScreenRay& ray) const {
  const core::Vec3 centre = start_.world().position;
  const float facing = glm::dot(ray.direction, axis_);
  if (std::abs(facing) < 1e-4F) return std::nullopt;  // the ring seen edge-on
  const float t = glm::dot(centre - ray.origin, axis_) / facing;
  if (t <= 0.0F) return std::nullopt;
  const core::Vec3 hit = ray.origin + ray.direction * t - centre;
  const auto [u, v] = planeBasis(axis_);
  return std::atan2(glm::dot(hit, v), glm::dot(hit, u));
}

void Handles::begin(const ViewportGeometry& view, const HandleTarget& target, HandleAxis axis,
                    glm::vec2 mouse) {
  dragging_ = axis;
  start_ = target;
  axis_ = target.parentWorld.rotate(unitAxis(axis));
  const ScreenRay ray = view.ray(mouse);
  const auto p = mode == HandleMode::Move ? axisParameter(ray) : ringAngle(ray);
  startParameter_ = p.value_or(0.0F);
}

std::optional<core::Pose> Handles::drag(const ViewportGeometry& view, glm::vec2 mouse,
                                        const Snapping& snapping) const {
  if (dragging_ == HandleAxis::None) return std::nullopt;
  const ScreenRay ray = view.ray(mouse);
  core::Pose local = start_.local;
  const int index = static_cast<int>(dragging_) - 1;
  if (mode == HandleMode::Move) {
    const auto t = axisParameter(ray);
    if (!t) return local;
    // The axis is the parent's: the drag changes one coordinate of the local position.
    float value = start_.local.position[index] + (*t - startParameter_);
    if (snapping.grid) value = snapTo(value, snapping.gridMetres);
    local.position[index] = value;
    return local;
  }
  const auto angle = ringAngle(ray);
  if (!angle) return local;
  float degrees = glm::degrees(*angle - startParameter_);
  if (snapping.grid) degrees = snapTo(degrees, snapping.angleDegrees);
  // Turning about the parent's axis: in the local frame that is a rotation applied first.
  local.orientation = glm::normalize(
      glm::angleAxis(glm::radians(degrees), unitAxis(dragging_)) * start_.local.orientation);
  return local;
}

void Handles::draw(ImDrawList& list, const ViewportGeometry& view, const HandleTarget& target,
                   HandleAxis hovered) const {
  const core::Pose world = target.world();
  const float len = length(view, world.position);
  const auto origin = view.project(world.position);
  if (!origin) return;
  const ImVec2 o(origin->x, origin->y);
  for (HandleAxis a : kAxes) {
    const bool hot = a == hovered || a == dragging_;
    const ImU32 colour = axisColour(a, hot);
    const core::Vec3 dir = target.parentWorld.rotate(unitAxis(a));
    if (mode == HandleMode::Move) {
      auto tip = view.project(world.position + dir * len);
      if (!tip) continue;
      list.AddLine(o, ImVec2(tip->x, tip->y), colour, hot ? 4.0F : 3.0F);
      list.AddCircleFilled(ImVec2(tip->x, tip->y), hot ? 7.0F : 6.0F, colour);
      continue;
    }
    const auto [u, v] = planeBasis(dir);
    std::optional<glm::vec2> previous;
    for (int i = 0; i <= kRingSegments; ++i) {
      const float t = glm::two_pi<float>() * static_cast<float>(i) / kRingSegments;
      auto p = view.project(world.position + (u * std::cos(t) + v * std::sin(t)) * len * 0.8F);
      if (p && previous) {
        list.AddLine(ImVec2(previous->x, previous->y), ImVec2(p->x, p->y), colour, hot ? 4.0F : 2.5F);
      }
      previous = p;
    }
  }
  list.AddCircleFilled(o, 4.0F, IM_COL32(240, 240, 240, 255));
}

}  // namespace praxis::app
