// CPU-side meshes, materials and textures: what importers produce and the renderer uploads.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/math.h"

namespace praxis::assets {

/// Conventions every producer (importer, primitives, cache) keeps, so the renderer needs no
/// per-source cases: metres, right-handed, +Y up; triangles counter-clockwise seen from the
/// front; normal and tangent unit length; uv (0, 0) is the first pixel row of the image
/// (glTF and Vulkan), v grows downwards; bitangent = cross(normal, tangent.xyz) * tangent.w
/// points up the image (towards decreasing v), as glTF and MikkTSpace define it.
struct Vertex {
  core::Vec3 position{0.0F};
  core::Vec3 normal{0.0F, 1.0F, 0.0F};
  glm::vec4 tangent{1.0F, 0.0F, 0.0F, 1.0F};  // xyz tangent, w handedness (glTF convention)
  glm::vec2 uv{0.0F};
};

/// An RGBA8 image. `srgb` says how the renderer must sample it (base colour and emissive
/// are sRGB; normal, metallic-roughness and occlusion are linear).
struct Texture {
  std::string name;
  std::uint32_t width = 0;
  std::uint32_t height = 0;
  bool srgb = true;
  std::vector<std::uint8_t> pixels;  // width * height * 4
};

inline constexpr int kNoTexture = -1;

enum class AlphaMode { Opaque, Mask, Blend };

/// glTF 2.0 metallic-roughness material. Texture fields index Model::textures.
struct Material {
  std::string name;
  glm::vec4 baseColour{1.0F};
  float metallic = 0.0F;
  float roughness = 0.8F;
  core::Vec3 emissive{0.0F};
  AlphaMode alphaMode = AlphaMode::Opaque;
  float alphaCutoff = 0.5F;
  bool doubleSided = false;
  int baseColourTexture = kNoTexture;
  int normalTexture = kNoTexture;
  int metallicRoughnessTexture = kNoTexture;
  int occlusionTexture = kNoTexture;
  int emissiveTexture = kNoTexture;
};

struct Mesh {
  std::string name;
  std::vector<Vertex> vertices;
  std::vector<std::uint32_t> indices;  // triangle list
  int material = 0;                    // index into Model::materials
  core::Vec3 boundsMin{0.0F};          // in the mesh's own frame (before MeshInstance::transform)
  core::Vec3 boundsMax{0.0F};
};

/// A mesh placed in the model's frame (the node hierarchy, flattened).
struct MeshInstance {
  int mesh = 0;
  core::Mat4 transform{1.0F};
};

struct Model {
  std::string source;  // the file it came from ("" for generated)
  std::vector<Mesh> meshes;
  std::vector<Material> materials;
  std::vector<Texture> textures;
  std::vector<MeshInstance> instances;
};

}  // namespace praxis::assets
