#include "assets/primitives.h"

#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <tuple>

#include <glm/gtc/constants.hpp>

#include "assets/mesh_ops.h"

namespace praxis::assets {
namespace {

// Welds vertices by position (UV seams and hard edges duplicate them) and checks that every
// edge is used exactly once in each direction: closed, consistently oriented, no holes.
::testing::AssertionResult isWatertight(const Mesh& mesh) {
  std::map<std::tuple<long, long, long>, std::uint32_t> ids;
  std::vector<std::uint32_t> weld(mesh.vertices.size());
  for (std::size_t i = 0; i < mesh.vertices.size(); ++i) {
    const auto& p = mesh.vertices[i].position;
    const auto key = std::make_tuple(std::lround(p.x * 1e5), std::lround(p.y * 1e5), std::lround(p.z * 1e5));
    weld[i] = ids.emplace(key, static_cast<std::uint32_t>(ids.size())).first->second;
  }
  std::map<std::pair<std::uint32_t, std::uint32_t>, int> edges;
  for (std::size_t t = 0; t < mesh.indices.size(); t += 3) {
    const std::uint32_t v[3] = {weld[mesh.indices[t]], weld[mesh.indices[t + 1]], weld[mesh.indices[t + 2]]};
    if (v[0] == v[1] || v[1] == v[2] || v[0] == v[2]) {
      return ::testing::AssertionFailure() << "degenerate triangle " << t / 3;
    }
    for (int k = 0; k < 3; ++k) ++edges[{v[k], v[(k + 1) % 3]}];
  }
  for (const auto& [edge, count] : edges) {
    const auto reverse = edges.find({edge.second, edge.first});
    if (count != 1 || reverse == edges.end() || reverse->second != 1) {
      return ::testing::AssertionFailure() << "edge " << edge.first << "-" << edge.second
                                           << " used " << count << " times, reverse "
                                           << (reverse == edges.end() ? 0 : reverse->second);
    }
  }
  return ::testing::AssertionSuccess();
}

float area(const Mesh& mesh) {
  float sum = 0.0F;
  for (std::size_t t = 0; t < mesh.indices.size(); t += 3) {
    const auto& a = mesh.vertices[mesh.indices[t]].position;
    const auto& b = mesh.vertices[mesh.indices[t + 1]].position;
    const auto& c = mesh.vertices[mesh.indices[t + 2]].position;
    sum += 0.5F * glm::length(glm::cross(b - a, c - a));
  }
  return sum;
}

// Signed volume (divergence theorem): positive only if the faces wind outwards.
float signedVolume(const Mesh& mesh) {
  float sum = 0.0F;
  for (std::size_t t = 0; t < mesh.indices.size(); t += 3) {
    const auto& a = mesh.vertices[mesh.indices[t]].position;
    const auto& b = mesh.vertices[mesh.indices[t + 1]].position;
    const auto& c = mesh.vertices[mesh.indices[t + 2]].position;
    sum += glm::dot(a, glm::cross(b, c)) / 6.0F;
  }
  return sum;
}

// Normals point out of the (convex, origin-centred) shape, front faces agree with them, and
// tangents follow +u with glTF handedness (cross(n, t) * w points up the image, -v).
void expectFrame(const Mesh& mesh) {
  ASSERT_TRUE(checkMesh(mesh)) << checkMesh(mesh).error().message;
  for (const auto& v : mesh.vertices) {
    EXPECT_GE(glm::dot(v.normal, v.position), -1e-6F) << mesh.name;
    EXPECT_NEAR(glm::dot(v.normal, glm::vec3(v.tangent)), 0.0F, 1e-4F) << mesh.name;
  }
  for (std::size_t t = 0; t < mesh.indices.size(); t += 3) {
    const Vertex* v[3] = {&mesh.vertices[mesh.indices[t]], &mesh.vertices[mesh.indices[t + 1]],
                          &mesh.vertices[mesh.indices[t + 2]]};
    const glm::vec3 e1 = v[1]->position - v[0]->position;
    const glm::vec3 e2 = v[2]->position - v[0]->position;
    const glm::vec3 face = glm::cross(e1, e2);
    const glm::vec2 d1 = v[1]->uv - v[0]->uv;
    const glm::vec2 d2 = v[2]->uv - v[0]->uv;
    const float det = d1.x * d2.y - d2.x * d1.y;
    const glm::vec3 dPdu = (e1 * d2.y - e2 * d1.y) / det;
    const glm::vec3 dPdv = (e2 * d1.x - e1 * d2.x) / det;
    for (const Vertex* x : v) {
      EXPECT_GT(glm::dot(face, x->normal), 0.0F) << mesh.name << " triangle " << t / 3;
      EXPECT_GT(glm::dot(glm::vec3(x->tangent), dPdu), 0.0F) << mesh.name << " triangle " << t / 3;
      const glm::vec3 bitangent = glm::cross(x->normal, glm::vec3(x->tangent)) * x->tangent.w;
      EXPECT_GT(glm::dot(bitangent, -dPdv), 0.0F) << mesh.name << " triangle " << t / 3;
    }
  }
}

void expectBounds(const Mesh& mesh, const glm::vec3& half) {
  for (int k = 0; k < 3; ++k) {
    EXPECT_NEAR(mesh.boundsMin[k], -half[k], 1e-5F) << mesh.name << " axis " << k;
    EXPECT_NEAR(mesh.boundsMax[k], half[k], 1e-5F) << mesh.name << " axis " << k;
  }
}

TEST(Primitives, BoxIsClosedOutwardAndSized) {
  const Mesh box = makeBox({0.4F, 0.2F, 0.1F});
  expectFrame(box);
  EXPECT_TRUE(isWatertight(box));
  expectBounds(box, {0.2F, 0.1F, 0.05F});
  EXPECT_EQ(box.vertices.size(), 24U);
  EXPECT_EQ(box.indices.size(), 36U);
  EXPECT_NEAR(area(box), 2.0F * (0.4F * 0.2F + 0.2F * 0.1F + 0.4F * 0.1F), 1e-5F);
  EXPECT_NEAR(signedVolume(box), 0.4F * 0.2F * 0.1F, 1e-6F);
}

TEST(Primitives, CylinderIsClosedOutwardAndSized) {
  const Mesh cyl = makeCylinder(0.3F, 1.0F, 48);
  expectFrame(cyl);
  EXPECT_TRUE(isWatertight(cyl));
  expectBounds(cyl, {0.15F, 0.5F, 0.15F});
  const float r = 0.15F;
  EXPECT_NEAR(signedVolume(cyl), glm::pi<float>() * r * r * 1.0F, 0.01F * glm::pi<float>() * r * r);
  EXPECT_NEAR(area(cyl), 2 * glm::pi<float>() * r * (1.0F + r), 0.01F);
}

TEST(Primitives, SphereIsClosedOutwardAndSized) {
  const Mesh sphere = makeSphere(2.0F, 32, 16);
  expectFrame(sphere);
  EXPECT_TRUE(isWatertight(sphere));
  expectBounds(sphere, glm::vec3(1.0F));
  for (const auto& v : sphere.vertices) {
    EXPECT_NEAR(glm::length(v.position), 1.0F, 1e-5F);
    EXPECT_NEAR(glm::dot(v.normal, glm::normalize(v.position)), 1.0F, 1e-5F);
  }
  EXPECT_NEAR(area(sphere), 4.0F * glm::pi<float>(), 0.03F * 4.0F * glm::pi<float>());
  EXPECT_NEAR(signedVolume(sphere), 4.0F / 3.0F * glm::pi<float>(), 0.05F * 4.0F);
}

TEST(Primitives, CapsuleIsClosedOutwardAndSized) {
  const Mesh capsule = makeCapsule(0.5F, 2.0F, 32, 16);
  expectFrame(capsule);
  EXPECT_TRUE(isWatertight(capsule));
  expectBounds(capsule, {0.25F, 1.0F, 0.25F});
  const float r = 0.25F;
  const float expected = 4.0F * glm::pi<float>() * r * r + 2.0F * glm::pi<float>() * r * 1.5F;
  EXPECT_NEAR(area(capsule), expected, 0.03F * expected);
  // Shorter than wide: it is a sphere, still closed.
  const Mesh round = makeCapsule(1.0F, 0.5F, 16, 8);
  expectFrame(round);
  EXPECT_TRUE(isWatertight(round));
  expectBounds(round, glm::vec3(0.5F));
}

TEST(Primitives, PlaneFacesUpWithTopLeftUvOrigin) {
  const Mesh plane = makePlane(2.0F, 4.0F);
  expectFrame(plane);
  EXPECT_EQ(plane.indices.size(), 6U);
  expectBounds(plane, {1.0F, 0.0F, 2.0F});
  for (const auto& v : plane.vertices) {
    EXPECT_EQ(v.normal, glm::vec3(0, 1, 0));
    // Seen from above with -Z ahead, the image's top-left corner is at (-x, -z).
    EXPECT_NEAR(v.uv.x, (v.position.x + 1.0F) / 2.0F, 1e-6F);
    EXPECT_NEAR(v.uv.y, (v.position.z + 2.0F) / 4.0F, 1e-6F);
  }
}

TEST(Primitives, ShapeSizesMapLikeSceneShapes) {
  // scene::Shape: box xyz; cylinder/capsule x = diameter, y = height; sphere x; plane x, z.
  const glm::vec3 size(0.2F, 0.6F, 0.4F);
  expectBounds(makePrimitiveMesh(PrimitiveKind::Box, size), size * 0.5F);
  expectBounds(makePrimitiveMesh(PrimitiveKind::Cylinder, size), {0.1F, 0.3F, 0.1F});
  expectBounds(makePrimitiveMesh(PrimitiveKind::Capsule, size), {0.1F, 0.3F, 0.1F});
  expectBounds(makePrimitiveMesh(PrimitiveKind::Sphere, size), glm::vec3(0.1F));
  expectBounds(makePrimitiveMesh(PrimitiveKind::Plane, size), {0.1F, 0.0F, 0.2F});
}

TEST(Primitives, CoarseTessellationStillClosed) {
  for (const Mesh& mesh : {makeSphere(1.0F, 3, 2), makeCylinder(1.0F, 1.0F, 3),
                           makeCapsule(1.0F, 3.0F, 3, 2), makeSphere(1.0F, 0, 0)}) {
    expectFrame(mesh);
    EXPECT_TRUE(isWatertight(mesh)) << mesh.name;
  }
}

TEST(Primitives, DegenerateSizesNeverProduceInvalidMeshes) {
  for (const auto kind : {PrimitiveKind::Box, PrimitiveKind::Cylinder, PrimitiveKind::Sphere,
                          PrimitiveKind::Capsule, PrimitiveKind::Plane}) {
    const Mesh mesh = makePrimitiveMesh(kind, {-1.0F, 0.0F, -3.0F}, {0, 0});
    EXPECT_TRUE(checkMesh(mesh)) << mesh.name;
    EXPECT_EQ(mesh.boundsMin, glm::vec3(0.0F)) << mesh.name;
    EXPECT_EQ(mesh.boundsMax, glm::vec3(0.0F)) << mesh.name;
  }
}

TEST(Primitives, ModelWrapsOneMeshMaterialAndInstance) {
  const Model opaque = makePrimitiveModel(PrimitiveKind::Cylinder, {0.1F, 0.3F, 0.1F},
                                          {0.8F, 0.1F, 0.1F, 1.0F});
  ASSERT_EQ(opaque.meshes.size(), 1U);
  ASSERT_EQ(opaque.materials.size(), 1U);
  ASSERT_EQ(opaque.instances.size(), 1U);
  EXPECT_EQ(opaque.meshes[0].material, 0);
  EXPECT_EQ(opaque.instances[0].mesh, 0);
  EXPECT_EQ(opaque.instances[0].transform, core::Mat4(1.0F));
  EXPECT_EQ(opaque.materials[0].baseColour, glm::vec4(0.8F, 0.1F, 0.1F, 1.0F));
  EXPECT_EQ(opaque.materials[0].alphaMode, AlphaMode::Opaque);
  EXPECT_TRUE(opaque.textures.empty());
  const Model glass = makePrimitiveModel(PrimitiveKind::Box, glm::vec3(1.0F), {1, 1, 1, 0.3F});
  EXPECT_EQ(glass.materials[0].alphaMode, AlphaMode::Blend);
}

}  // namespace
}  // namespace praxis::assets
