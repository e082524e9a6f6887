// Unit primitive meshes (CCW front faces, glTF tangents). TEMPORARY: see the header.
#include "render/primitive_meshes.h"

#include <cmath>
#include <numbers>
#include <string>

namespace praxis::render {
namespace {

using assets::Mesh;
using assets::Vertex;
using core::Vec3;

constexpr int kSegments = 32;
constexpr int kRings = 16;

void finish(Mesh& mesh) {
  mesh.boundsMin = Vec3(1e9F);
  mesh.boundsMax = Vec3(-1e9F);
  for (const auto& v : mesh.vertices) {
    mesh.boundsMin = glm::min(mesh.boundsMin, v.position);
    mesh.boundsMax = glm::max(mesh.boundsMax, v.position);
  }
}

Mesh box() {
  Mesh mesh;
  mesh.name = "box";
  // Each face: normal n, with u and v axes such that u x v = n (counter-clockwise seen from n).
  // kGrid > 1 splits faces into a grid. Finer grids shrink lavapipe's multiview clipping bug
  // (see StereoMode) but cost its rasterizer; StereoMode::Auto avoids the bug instead.
  constexpr int kGrid = 1;
  const Vec3 normals[6] = {{1, 0, 0}, {-1, 0, 0}, {0, 1, 0}, {0, -1, 0}, {0, 0, 1}, {0, 0, -1}};
  for (const Vec3& n : normals) {
    const Vec3 up = std::abs(n.y) > 0.5F ? Vec3(0, 0, -1) : Vec3(0, 1, 0);
    const Vec3 u = glm::cross(up, n);
    const Vec3 v = glm::cross(n, u);
    const auto base = static_cast<std::uint32_t>(mesh.vertices.size());
    for (int j = 0; j <= kGrid; ++j) {
      for (int i = 0; i <= kGrid; ++i) {
        const float su = static_cast<float>(i) / kGrid - 0.5F;
        const float sv = static_cast<float>(j) / kGrid - 0.5F;
        Vertex vertex;
        vertex.position = n * 0.5F + u * su + v * sv;
        vertex.normal = n;
        vertex.tangent = glm::vec4(u, 1.0F);
        vertex.uv = glm::vec2(su + 0.5F, 0.5F - sv);
        mesh.vertices.push_back(vertex);
      }
    }
    constexpr std::uint32_t kRow = kGrid + 1;
    for (std::uint32_t j = 0; j < kGrid; ++j) {
      for (std::uint32_t i = 0; i < kGrid; ++i) {
        const std::uint32_t a = base + j * kRow + i;
        for (std::uint32_t k : {a, a + 1, a + kRow + 1, a, a + kRow + 1, a + kRow}) {
          mesh.indices.push_back(k);
        }
      }
    }
  }
  return mesh;
}

/// A surface of revolution about +Y from a profile of (radius, y, normal radial, normal y).
Mesh lathe(const std::vector<glm::vec4>& profile, const std::string& name) {
  Mesh mesh;
  mesh.name = name;
  const auto rows = static_cast<std::uint32_t>(profile.size());
  for (std::uint32_t r = 0; r < rows; ++r) {
    for (int s = 0; s <= kSegments; ++s) {
      const float a = 2.0F * std::numbers::pi_v<float> * static_cast<float>(s) / kSegments;
      const Vec3 radial(std::sin(a), 0.0F, std::cos(a));
      const auto& p = profile[r];
      Vertex v;
      v.position = radial * p.x + Vec3(0, p.y, 0);
      v.normal = glm::normalize(radial * p.z + Vec3(0, p.w, 0));
      v.tangent = glm::vec4(std::cos(a), 0.0F, -std::sin(a), 1.0F);
      v.uv = glm::vec2(static_cast<float>(s) / kSegments,
                       static_cast<float>(r) / static_cast<float>(rows - 1));
      mesh.vertices.push_back(v);
    }
  }
  const std::uint32_t stride = kSegments + 1;
  for (std::uint32_t r = 0; r + 1 < rows; ++r) {
    for (std::uint32_t s = 0; s < kSegments; ++s) {
      const std::uint32_t a = r * stride + s;
      const std::uint32_t b = a + stride;
      // Rows run top to bottom, so (a, b, a+1) turns counter-clockwise seen from outside.
      for (std::uint32_t i : {a, b, a + 1, a + 1, b, b + 1}) mesh.indices.push_back(i);
    }
  }
  return mesh;
}

Mesh cylinder() {
  // Caps get their own rings so their normals are flat; radius 0.5, height 1.
  return lathe({{0.0F, 0.5F, 0, 1}, {0.5F, 0.5F, 0, 1}, {0.5F, 0.5F, 1, 0},
                {0.5F, -0.5F, 1, 0}, {0.5F, -0.5F, 0, -1}, {0.0F, -0.5F, 0, -1}},
               "cylinder");
}

Mesh sphereLike(float radius, float halfStraight, const std::string& name) {
  std::vector<glm::vec4> profile;
  for (int r = 0; r <= kRings; ++r) {
    const float phi = std::numbers::pi_v<float> * static_cast<float>(r) / kRings;  // 0 top
    const float ny = std::cos(phi);
    const float nr = std::sin(phi);
    const float offset = r <= kRings / 2 ? halfStraight : -halfStraight;
    profile.emplace_back(radius * nr, radius * ny + offset, nr, ny);
    if (r == kRings / 2 && halfStraight > 0.0F) {
      profile.emplace_back(radius * nr, -halfStraight, nr, ny);  // the straight part
    }
  }
  return lathe(profile, name);
}

}  // namespace

float capsuleRatio(const scene::Shape& shape) {
  const float ratio = shape.size.x > 0.0F ? shape.size.y / shape.size.x : 1.0F;
  return std::round(ratio * 100.0F) / 100.0F;  // shared meshes for near-equal proportions
}

core::Vec3 primitiveScale(const scene::Shape& shape) {
  switch (shape.kind) {
    case scene::ShapeKind::Capsule: return Vec3(shape.size.x);  // round caps: uniform scale
    default: return shape.halfExtents() * 2.0F;
  }
}

assets::Mesh buildPrimitive(const scene::Shape& shape) {
  Mesh mesh;
  switch (shape.kind) {
    case scene::ShapeKind::Box:
    case scene::ShapeKind::Plane: mesh = box(); break;
    case scene::ShapeKind::Cylinder: mesh = cylinder(); break;
    case scene::ShapeKind::Sphere: mesh = sphereLike(0.5F, 0.0F, "sphere"); break;
    case scene::ShapeKind::Capsule: {
      // Unit diameter; the height in diameters is all that shapes the mesh.
      const float ratio = capsuleRatio(shape);
      mesh = sphereLike(0.5F, std::max(0.0F, ratio * 0.5F - 0.5F), "capsule");
      break;
    }
  }
  finish(mesh);
  return mesh;
}

}  // namespace praxis::render
