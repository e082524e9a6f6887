#include "assets/primitives.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include <glm/gtc/constants.hpp>

#include "assets/mesh_ops.h"

namespace praxis::assets {
namespace {

// One point of a profile revolved around Y: radius, height, outward normal in (r, y), and
// the v coordinate (0 at the top of the image).
struct ProfilePoint {
  float radius;
  float y;
  glm::vec2 normal;
  float v;
  bool pole = false;  // on the axis: one triangle of each quad touching it has no area
};

void addQuad(Mesh& mesh, std::uint32_t bl, std::uint32_t br, std::uint32_t tr, std::uint32_t tl) {
  mesh.indices.insert(mesh.indices.end(), {bl, br, tr, bl, tr, tl});
}

// A flat rectangle facing `normal`; `right` x `up` == normal keeps it counter-clockwise.
void addFace(Mesh& mesh, const glm::vec3& centre, const glm::vec3& right, const glm::vec3& up,
             const glm::vec3& normal) {
  const auto base = static_cast<std::uint32_t>(mesh.vertices.size());
  const glm::vec2 uvs[4] = {{0, 1}, {1, 1}, {1, 0}, {0, 0}};  // BL, BR, TR, TL
  for (const auto& uv : uvs) {
    Vertex v;
    v.position = centre + right * (uv.x - 0.5F) * 2.0F + up * (0.5F - uv.y) * 2.0F;
    v.normal = normal;
    v.tangent = glm::vec4(glm::length(right) > 0.0F ? glm::normalize(right) : glm::vec3(1, 0, 0), 1.0F);
    v.uv = uv;
    mesh.vertices.push_back(v);
  }
  addQuad(mesh, base, base + 1, base + 2, base + 3);
}

// Unit directions around Y; the last equals the first exactly so the seam welds.
std::vector<glm::vec2> ringDirections(int segments) {
  std::vector<glm::vec2> dirs;
  dirs.reserve(static_cast<std::size_t>(segments) + 1);
  for (int j = 0; j <= segments; ++j) {
    const int k = j == segments ? 0 : j;
    const float theta = glm::two_pi<float>() * static_cast<float>(k) / static_cast<float>(segments);
    dirs.emplace_back(std::sin(theta), std::cos(theta));  // (x, z)
  }
  return dirs;
}

// Revolves the profile (top to bottom); u grows to the right seen from outside.
void addLathe(Mesh& mesh, const std::vector<ProfilePoint>& profile, int segments) {
  const auto dirs = ringDirections(segments);
  const auto base = static_cast<std::uint32_t>(mesh.vertices.size());
  const auto columns = static_cast<std::uint32_t>(segments) + 1U;
  for (const auto& p : profile) {
    for (std::uint32_t j = 0; j < columns; ++j) {
      const glm::vec2 d = dirs[j];
      Vertex v;
      v.position = {d.x * p.radius, p.y, d.y * p.radius};
      v.normal = glm::normalize(glm::vec3(d.x * p.normal.x, p.normal.y, d.y * p.normal.x));
      v.tangent = glm::vec4(d.y, 0.0F, -d.x, 1.0F);  // d(position)/d(theta)
      v.uv = {static_cast<float>(j) / static_cast<float>(segments), p.v};
      mesh.vertices.push_back(v);
    }
  }
  for (std::uint32_t i = 0; i + 1 < profile.size(); ++i) {
    const bool topPole = profile[i].pole;
    const bool bottomPole = profile[i + 1].pole;
    for (std::uint32_t j = 0; j < static_cast<std::uint32_t>(segments); ++j) {
      const std::uint32_t tl = base + i * columns + j;
      const std::uint32_t tr = tl + 1;
      const std::uint32_t bl = tl + columns;
      const std::uint32_t br = bl + 1;
      // At a pole one triangle of the quad has no area; leave it out.
      if (!bottomPole) mesh.indices.insert(mesh.indices.end(), {bl, br, tr});
      if (!topPole) mesh.indices.insert(mesh.indices.end(), {bl, tr, tl});
    }
  }
}

// A flat disc at height y facing +Y (up) or -Y.
void addCap(Mesh& mesh, float radius, float y, bool up, int segments) {
  const auto dirs = ringDirections(segments);
  const auto centre = static_cast<std::uint32_t>(mesh.vertices.size());
  const float diameter = std::max(radius * 2.0F, 1e-6F);
  const glm::vec3 normal(0.0F, up ? 1.0F : -1.0F, 0.0F);
  auto planarUv = [&](const glm::vec3& p) {
    // Seen from outside, +X is right; the image's top is -Z on the top cap, +Z below.
    return glm::vec2(0.5F + p.x / diameter, up ? 0.5F + p.z / diameter : 0.5F - p.z / diameter);
  };
  Vertex c;
  c.position = {0.0F, y, 0.0F};
  c.normal = normal;
  c.tangent = {1.0F, 0.0F, 0.0F, 1.0F};
  c.uv = planarUv(c.position);
  mesh.vertices.push_back(c);
  for (int j = 0; j < segments; ++j) {
    Vertex v = c;
    v.position = {dirs[static_cast<std::size_t>(j)].x * radius, y,
                  dirs[static_cast<std::size_t>(j)].y * radius};
    v.uv = planarUv(v.position);
    mesh.vertices.push_back(v);
  }
  const auto n = static_cast<std::uint32_t>(segments);
  for (std::uint32_t j = 0; j < n; ++j) {
    const std::uint32_t a = centre + 1 + j;
    const std::uint32_t b = centre + 1 + (j + 1) % n;
    if (up) {
      mesh.indices.insert(mesh.indices.end(), {centre, a, b});
    } else {
      mesh.indices.insert(mesh.indices.end(), {centre, b, a});
    }
  }
}

// Quarter-circle rows from the pole (phi0 = 0 or pi) to the equator, or back.
void appendArc(std::vector<ProfilePoint>& out, float radius, float yOffset, float phiFrom,
               float phiTo, int steps) {
  for (int i = 0; i <= steps; ++i) {
    const float phi = phiFrom + (phiTo - phiFrom) * static_cast<float>(i) / static_cast<float>(steps);
    out.push_back({radius * std::sin(phi), yOffset + radius * std::cos(phi),
                   {std::sin(phi), std::cos(phi)}, 0.0F});
  }
  // Put the poles exactly on the axis (sin(pi) is not 0 in float).
  if (phiFrom <= 0.0F) {
    out[out.size() - static_cast<std::size_t>(steps) - 1].radius = 0.0F;
    out[out.size() - static_cast<std::size_t>(steps) - 1].pole = true;
  }
  if (phiTo >= glm::pi<float>()) {
    out.back().radius = 0.0F;
    out.back().pole = true;
  }
}

// v proportional to the distance along the profile, 0 at the top and 1 at the bottom.
void assignV(std::vector<ProfilePoint>& profile) {
  std::vector<float> along(profile.size(), 0.0F);
  for (std::size_t i = 1; i < profile.size(); ++i) {
    along[i] = along[i - 1] + glm::length(glm::vec2(profile[i].radius - profile[i - 1].radius,
                                                    profile[i].y - profile[i - 1].y));
  }
  const float total = along.back() > 0.0F ? along.back() : 1.0F;
  for (std::size_t i = 0; i < profile.size(); ++i) profile[i].v = along[i] / total;
}

Mesh finish(Mesh mesh, const char* name) {
  mesh.name = name;
  computeBounds(mesh);
  return mesh;
}

}  // namespace

Mesh makeBox(const core::Vec3& size) {
  const glm::vec3 h = glm::max(size, 0.0F) * 0.5F;
  const glm::vec3 x(1, 0, 0);
  const glm::vec3 y(0, 1, 0);
  const glm::vec3 z(0, 0, 1);
  Mesh mesh;
  // Each face: centre, right and up (half extents) seen from outside, outward normal.
  addFace(mesh, z * h.z, x * h.x, y * h.y, z);
  addFace(mesh, -z * h.z, -x * h.x, y * h.y, -z);
  addFace(mesh, x * h.x, -z * h.z, y * h.y, x);
  addFace(mesh, -x * h.x, z * h.z, y * h.y, -x);
  addFace(mesh, y * h.y, x * h.x, -z * h.z, y);
  addFace(mesh, -y * h.y, x * h.x, z * h.z, -y);
  return finish(std::move(mesh), "box");
}

Mesh makeCylinder(float diameter, float height, int segments) {
  segments = std::max(segments, 3);
  const float r = std::max(diameter, 0.0F) * 0.5F;
  const float hh = std::max(height, 0.0F) * 0.5F;
  Mesh mesh;
  addLathe(mesh, {{r, hh, {1, 0}, 0.0F}, {r, -hh, {1, 0}, 1.0F}}, segments);
  addCap(mesh, r, hh, true, segments);
  addCap(mesh, r, -hh, false, segments);
  return finish(std::move(mesh), "cylinder");
}

Mesh makeSphere(float diameter, int segments, int rings) {
  segments = std::max(segments, 3);
  rings = std::max(rings, 2);
  const float r = std::max(diameter, 0.0F) * 0.5F;
  std::vector<ProfilePoint> profile;
  appendArc(profile, r, 0.0F, 0.0F, glm::pi<float>(), rings);
  assignV(profile);
  Mesh mesh;
  addLathe(mesh, profile, segments);
  return finish(std::move(mesh), "sphere");
}

Mesh makeCapsule(float diameter, float height, int segments, int rings) {
  segments = std::max(segments, 3);
  const int capRings = std::max(rings / 2, 1);
  const float r = std::max(diameter, 0.0F) * 0.5F;
  const float halfSegment = std::max(height * 0.5F - r, 0.0F);
  std::vector<ProfilePoint> profile;
  appendArc(profile, r, halfSegment, 0.0F, glm::half_pi<float>(), capRings);
  std::vector<ProfilePoint> bottom;
  appendArc(bottom, r, -halfSegment, glm::half_pi<float>(), glm::pi<float>(), capRings);
  // With no straight part the two equators coincide: keep one so no band has zero area.
  profile.insert(profile.end(), bottom.begin() + (halfSegment > 0.0F ? 0 : 1), bottom.end());
  assignV(profile);
  Mesh mesh;
  addLathe(mesh, profile, segments);
  return finish(std::move(mesh), "capsule");
}

Mesh makePlane(float sizeX, float sizeZ) {
  Mesh mesh;
  addFace(mesh, glm::vec3(0.0F), glm::vec3(std::max(sizeX, 0.0F) * 0.5F, 0, 0),
          glm::vec3(0, 0, -std::max(sizeZ, 0.0F) * 0.5F), glm::vec3(0, 1, 0));
  return finish(std::move(mesh), "plane");
}

Mesh makePrimitiveMesh(PrimitiveKind kind, const core::Vec3& size, const Tessellation& t) {
  switch (kind) {
    case PrimitiveKind::Box: return makeBox(size);
    case PrimitiveKind::Cylinder: return makeCylinder(size.x, size.y, t.segments);
    case PrimitiveKind::Sphere: return makeSphere(size.x, t.segments, t.rings);
    case PrimitiveKind::Capsule: return makeCapsule(size.x, size.y, t.segments, t.rings);
    case PrimitiveKind::Plane: return makePlane(size.x, size.z);
  }
  return makeBox(size);
}

Model makePrimitiveModel(PrimitiveKind kind, const core::Vec3& size, const glm::vec4& colour,
                         const Tessellation& tessellation) {
  Model model;
  Mesh mesh = makePrimitiveMesh(kind, size, tessellation);
  Material material;
  material.name = mesh.name;
  material.baseColour = glm::clamp(colour, 0.0F, 1.0F);
  material.alphaMode = material.baseColour.a < 1.0F ? AlphaMode::Blend : AlphaMode::Opaque;
  model.meshes.push_back(std::move(mesh));
  model.materials.push_back(std::move(material));
  model.instances.push_back({0, core::Mat4(1.0F)});
  return model;
}

}  // namespace praxis::assets
