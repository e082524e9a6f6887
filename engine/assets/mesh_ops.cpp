#include "assets/mesh_ops.h"

#include <cmath>
#include <string>
#include <vector>

namespace praxis::assets {
namespace {

bool isFinite(const glm::vec3& v) {
  return std::isfinite(v.x) && std::isfinite(v.y) && std::isfinite(v.z);
}

bool isUnit(const glm::vec3& v) {
  if (!isFinite(v)) return false;
  return std::abs(glm::length(v) - 1.0F) < 1e-3F;
}

// Any unit vector perpendicular to n (n must be unit length).
glm::vec3 anyPerpendicular(const glm::vec3& n) {
  const glm::vec3 axis = std::abs(n.x) < 0.9F ? glm::vec3(1.0F, 0.0F, 0.0F)
                                                 : glm::vec3(0.0F, 1.0F, 0.0F);
  return glm::normalize(glm::cross(n, axis));
}

}  // namespace

void computeBounds(Mesh& mesh) {
  if (mesh.vertices.empty()) {
    mesh.boundsMin = mesh.boundsMax = core::Vec3(0.0F);
    return;
  }
  mesh.boundsMin = mesh.boundsMax = mesh.vertices.front().position;
  for (const auto& v : mesh.vertices) {
    mesh.boundsMin = glm::min(mesh.boundsMin, v.position);
    mesh.boundsMax = glm::max(mesh.boundsMax, v.position);
  }
}

int repairNormals(Mesh& mesh, bool onlyInvalid) {
  std::vector<glm::vec3> sum(mesh.vertices.size(), glm::vec3(0.0F));
  for (std::size_t i = 0; i + 2 < mesh.indices.size(); i += 3) {
    const auto a = mesh.indices[i];
    const auto b = mesh.indices[i + 1];
    const auto c = mesh.indices[i + 2];
    if (a >= sum.size() || b >= sum.size() || c >= sum.size()) continue;
    // The cross product's length is twice the area: larger faces weigh more.
    const glm::vec3 n = glm::cross(mesh.vertices[b].position - mesh.vertices[a].position,
                                   mesh.vertices[c].position - mesh.vertices[a].position);
    if (!isFinite(n)) continue;
    sum[a] += n;
    sum[b] += n;
    sum[c] += n;
  }
  int repaired = 0;
  for (std::size_t i = 0; i < mesh.vertices.size(); ++i) {
    auto& normal = mesh.vertices[i].normal;
    if (onlyInvalid && isUnit(normal)) continue;
    const float len = glm::length(sum[i]);
    normal = (len > 1e-20F && std::isfinite(len)) ? sum[i] / len : glm::vec3(0.0F, 1.0F, 0.0F);
    ++repaired;
  }
  return repaired;
}

void computeTangents(Mesh& mesh) {
  const std::size_t count = mesh.vertices.size();
  std::vector<glm::vec3> tan(count, glm::vec3(0.0F));
  std::vector<glm::vec3> bitan(count, glm::vec3(0.0F));
  for (std::size_t i = 0; i + 2 < mesh.indices.size(); i += 3) {
    const std::uint32_t idx[3] = {mesh.indices[i], mesh.indices[i + 1], mesh.indices[i + 2]};
    if (idx[0] >= count || idx[1] >= count || idx[2] >= count) continue;
    const Vertex& v0 = mesh.vertices[idx[0]];
    const glm::vec3 e1 = mesh.vertices[idx[1]].position - v0.position;
    const glm::vec3 e2 = mesh.vertices[idx[2]].position - v0.position;
    const glm::vec2 d1 = mesh.vertices[idx[1]].uv - v0.uv;
    const glm::vec2 d2 = mesh.vertices[idx[2]].uv - v0.uv;
    const float det = d1.x * d2.y - d2.x * d1.y;
    if (std::abs(det) < 1e-12F || !std::isfinite(det)) continue;
    const float r = 1.0F / det;
    const glm::vec3 t = (e1 * d2.y - e2 * d1.y) * r;  // dP/du
    const glm::vec3 b = (e2 * d1.x - e1 * d2.x) * r;  // dP/dv
    if (!isFinite(t) || !isFinite(b)) continue;
    for (const auto k : idx) {
      tan[k] += t;
      bitan[k] += b;
    }
  }
  for (std::size_t i = 0; i < count; ++i) {
    Vertex& v = mesh.vertices[i];
    const glm::vec3 n = v.normal;
    glm::vec3 t = tan[i] - n * glm::dot(n, tan[i]);  // Gram-Schmidt against the normal
    const float len = glm::length(t);
    if (!(len > 1e-12F) || !std::isfinite(len)) {
      v.tangent = glm::vec4(anyPerpendicular(n), 1.0F);
      continue;
    }
    t /= len;
    // UV v grows downwards in the image (glTF, Vulkan); glTF's bitangent points up the image.
    const float w = glm::dot(glm::cross(n, t), -bitan[i]) < 0.0F ? -1.0F : 1.0F;
    v.tangent = glm::vec4(t, w);
  }
}

core::Result<void> checkMesh(const Mesh& mesh) {
  const std::string who = "mesh '" + mesh.name + "'";
  if (mesh.vertices.empty() || mesh.indices.empty()) return core::fail(who, " is empty");
  if (mesh.indices.size() % 3 != 0) {
    return core::fail(who, " has ", std::to_string(mesh.indices.size()),
                      " indices, not a whole number of triangles");
  }
  for (std::size_t i = 0; i < mesh.indices.size(); ++i) {
    if (mesh.indices[i] >= mesh.vertices.size()) {
      return core::fail(who, " index ", std::to_string(i), " = ", std::to_string(mesh.indices[i]),
                        " is out of range (", std::to_string(mesh.vertices.size()), " vertices)");
    }
  }
  for (std::size_t i = 0; i < mesh.vertices.size(); ++i) {
    const Vertex& v = mesh.vertices[i];
    const char* what = nullptr;
    if (!isFinite(v.position)) {
      what = "a non-finite position";
    } else if (!isUnit(v.normal)) {
      what = "a normal that is not unit length";
    } else if (!isUnit(glm::vec3(v.tangent)) || std::abs(std::abs(v.tangent.w) - 1.0F) > 1e-6F) {
      what = "an invalid tangent";
    } else if (!std::isfinite(v.uv.x) || !std::isfinite(v.uv.y)) {
      what = "a non-finite UV";
    }
    if (what != nullptr) return core::fail(who, " vertex ", std::to_string(i), " has ", what);
  }
  return {};
}

}  // namespace praxis::assets
