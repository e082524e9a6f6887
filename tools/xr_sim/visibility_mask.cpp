// XR_KHR_visibility_mask: each eye sees an octagon, the rectangle of its field of view with the
// corners cut off (a lens's shape, roughly). Vertices are in the view's tangent plane (z = -1),
// counter-clockwise; the hidden mesh is the four corner triangles.
#include <array>

#include "ext_entry_points.h"
#include "system_info.h"

namespace praxis::xrsim {
namespace {

/// How far along each edge a corner is cut, as a fraction of the half extent.
constexpr float kCornerCut = 0.25F;

struct Mesh {
  std::vector<XrVector2f> vertices;
  std::vector<std::uint32_t> indices;
};

/// The octagon, counter-clockwise from the bottom edge's left end.
std::array<XrVector2f, 8> octagon(const XrFovf& fov) {
  float l = std::tan(fov.angleLeft);
  float r = std::tan(fov.angleRight);
  float d = std::tan(fov.angleDown);
  float u = std::tan(fov.angleUp);
  float cx = (r - l) * kCornerCut / 2.0F;
  float cy = (u - d) * kCornerCut / 2.0F;
  return {XrVector2f{.x = l + cx, .y = d}, XrVector2f{.x = r - cx, .y = d},
          XrVector2f{.x = r, .y = d + cy}, XrVector2f{.x = r, .y = u - cy},
          XrVector2f{.x = r - cx, .y = u}, XrVector2f{.x = l + cx, .y = u},
          XrVector2f{.x = l, .y = u - cy}, XrVector2f{.x = l, .y = d + cy}};
}

Mesh visibleMesh(const std::array<XrVector2f, 8>& ring) {
  Mesh mesh{.vertices = {XrVector2f{.x = 0.0F, .y = 0.0F}}, .indices = {}};
  mesh.vertices.insert(mesh.vertices.end(), ring.begin(), ring.end());
  for (std::uint32_t i = 0; i < 8; ++i) {
    mesh.indices.insert(mesh.indices.end(), {0, 1 + i, 1 + (i + 1) % 8});  // a fan from the centre
  }
  return mesh;
}

Mesh hiddenMesh(const std::array<XrVector2f, 8>& ring, const XrFovf& fov) {
  float l = std::tan(fov.angleLeft);
  float r = std::tan(fov.angleRight);
  float d = std::tan(fov.angleDown);
  float u = std::tan(fov.angleUp);
  // Corner k lies between ring[2k-1] and ring[2k]; (corner, ring[2k], ring[2k-1]) is
  // counter-clockwise.
  std::array<XrVector2f, 4> corners{XrVector2f{.x = l, .y = d}, XrVector2f{.x = r, .y = d},
                                    XrVector2f{.x = r, .y = u}, XrVector2f{.x = l, .y = u}};
  Mesh mesh;
  for (std::uint32_t k = 0; k < 4; ++k) {
    auto base = static_cast<std::uint32_t>(mesh.vertices.size());
    mesh.vertices.insert(mesh.vertices.end(),
                         {corners.at(k), ring.at(2 * k), ring.at((2 * k + 7) % 8)});
    mesh.indices.insert(mesh.indices.end(), {base, base + 1, base + 2});
  }
  return mesh;
}

Mesh lineLoop(const std::array<XrVector2f, 8>& ring) {
  Mesh mesh{.vertices = {ring.begin(), ring.end()}, .indices = {}};
  for (std::uint32_t i = 0; i < 8; ++i) {
    mesh.indices.push_back(i);
  }
  return mesh;
}

/// The two-call idiom over two arrays: a zero capacity on either asks for the counts only.
XrResult fill(const Mesh& mesh, XrVisibilityMaskKHR& out) {
  out.vertexCountOutput = static_cast<std::uint32_t>(mesh.vertices.size());
  out.indexCountOutput = static_cast<std::uint32_t>(mesh.indices.size());
  if (out.vertexCapacityInput == 0 || out.indexCapacityInput == 0) {
    return XR_SUCCESS;
  }
  if (out.vertexCapacityInput < out.vertexCountOutput ||
      out.indexCapacityInput < out.indexCountOutput) {
    return XR_ERROR_SIZE_INSUFFICIENT;
  }
  if (out.vertices == nullptr || out.indices == nullptr) {
    return XR_ERROR_VALIDATION_FAILURE;
  }
  std::copy(mesh.vertices.begin(), mesh.vertices.end(), out.vertices);
  std::copy(mesh.indices.begin(), mesh.indices.end(), out.indices);
  return XR_SUCCESS;
}

}  // namespace

namespace api {

XrResult XRAPI_CALL xrGetVisibilityMaskKHR(XrSession session,
                                           XrViewConfigurationType viewConfigurationType,
                                           std::uint32_t viewIndex,
                                           XrVisibilityMaskTypeKHR visibilityMaskType,
                                           XrVisibilityMaskKHR* visibilityMask) {
  return guarded([&]() -> XrResult {
    Session* s = nullptr;
    if (XrResult r = lookup(session, s); XR_FAILED(r)) {
      return r;
    }
    if (badStruct(visibilityMask, XR_TYPE_VISIBILITY_MASK_KHR)) {
      return XR_ERROR_VALIDATION_FAILURE;
    }
    if (XrResult r = checkViewConfiguration(s->instance, s->systemId, viewConfigurationType);
        XR_FAILED(r)) {
      return r;
    }
    if (viewIndex >= viewCountOf(viewConfigurationType)) {
      return XR_ERROR_VALIDATION_FAILURE;
    }
    XrFovf fov = viewFovOf(s->instance.config, viewConfigurationType, viewIndex);
    auto ring = octagon(fov);
    switch (visibilityMaskType) {
      case XR_VISIBILITY_MASK_TYPE_HIDDEN_TRIANGLE_MESH_KHR:
        return fill(hiddenMesh(ring, fov), *visibilityMask);
      case XR_VISIBILITY_MASK_TYPE_VISIBLE_TRIANGLE_MESH_KHR:
        return fill(visibleMesh(ring), *visibilityMask);
      case XR_VISIBILITY_MASK_TYPE_LINE_LOOP_KHR: return fill(lineLoop(ring), *visibilityMask);
      default: return XR_ERROR_VALIDATION_FAILURE;
    }
  });
}

}  // namespace api
}  // namespace praxis::xrsim
