// Materials and textures: Assimp's material properties to glTF metallic-roughness.
#include <assimp/GltfMaterial.h>
#include <assimp/material.h>
#include <assimp/scene.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "assets/import_detail.h"
#include "assets/texture_decode.h"
#include "core/paths.h"

namespace praxis::assets::detail {
namespace {

namespace fs = std::filesystem;

std::string percentDecode(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
      out.push_back(static_cast<char>(std::stoi(s.substr(i + 1, 2), nullptr, 16)));
      i += 2;
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}

// Exporters write Windows paths, absolute paths from the artist's machine and URL-encoded
// names; try them as given, beside the model, and by file name alone beside the model.
std::vector<fs::path> candidatePaths(const fs::path& baseDir, std::string reference) {
  std::replace(reference.begin(), reference.end(), '\\', '/');
  std::vector<fs::path> out;
  for (const std::string& name : {reference, percentDecode(reference)}) {
    const fs::path p(name);
    out.push_back(p.is_absolute() ? p : baseDir / p);
    out.push_back(baseDir / p.filename());
  }
  return out;
}

core::Result<Texture> loadEmbedded(const aiTexture& tex, const std::string& name, bool srgb) {
  if (tex.mHeight == 0) {  // compressed: mWidth is the byte count
    const std::string_view bytes(reinterpret_cast<const char*>(tex.pcData), tex.mWidth);
    return decodeTexture(bytes, name, srgb);
  }
  return textureFromBgra(reinterpret_cast<const std::uint8_t*>(tex.pcData), tex.mWidth,
                         tex.mHeight, name, srgb);
}

core::Result<Texture> loadExternal(ImportContext& ctx, const std::string& reference, bool srgb) {
  for (const auto& candidate : candidatePaths(ctx.baseDir, reference)) {
    std::error_code ec;
    if (!fs::is_regular_file(candidate, ec)) continue;
    auto bytes = core::readFile(candidate);
    if (!bytes) return std::unexpected(bytes.error());
    ctx.report->dependencies.push_back(fs::weakly_canonical(candidate, ec));
    auto texture = decodeTexture(*bytes, reference, srgb);
    if (!texture) return core::fail(candidate.string(), ": ", texture.error().message);
    return texture;
  }
  return core::fail("texture '", reference, "' not found (looked beside the model in ",
                    ctx.baseDir.string(), ")");
}

// The Model::textures index for a material slot, kNoTexture when it has none, or an error
// (strict mode) when the texture is missing or broken.
core::Result<int> textureSlot(ImportContext& ctx, const aiMaterial& mat, aiTextureType type,
                              bool srgb) {
  aiString path;
  unsigned int uvIndex = 0;
  if (mat.GetTexture(type, 0, &path, nullptr, &uvIndex) != AI_SUCCESS) return kNoTexture;
  const std::string reference = path.C_Str();
  if (reference.empty()) return kNoTexture;
  if (uvIndex != 0) {
    if (auto ok = ctx.problem("texture '" + reference + "' uses UV set " +
                              std::to_string(uvIndex) + "; Praxis reads UV set 0 only");
        !ok) {
      return std::unexpected(ok.error());
    }
  }
  const auto key = std::make_pair(reference, srgb);
  if (auto it = ctx.textureSlots.find(key); it != ctx.textureSlots.end()) return it->second;

  core::Result<Texture> texture = core::fail("unreachable");
  if (const aiTexture* embedded = ctx.scene->GetEmbeddedTexture(reference.c_str())) {
    texture = loadEmbedded(*embedded, reference, srgb);
  } else if (!reference.empty() && reference.front() == '*') {
    texture = core::fail("embedded texture ", reference, " does not exist");
  } else {
    texture = loadExternal(ctx, reference, srgb);
  }
  int index = kNoTexture;
  if (texture) {
    index = static_cast<int>(ctx.report->model.textures.size());
    ctx.report->model.textures.push_back(std::move(*texture));
  } else if (auto ok = ctx.problem(texture.error().message); !ok) {
    return std::unexpected(ok.error());
  }
  ctx.textureSlots.emplace(key, index);
  return index;
}

float getFloat(const aiMaterial& mat, const char* key, unsigned type, unsigned idx, float dflt) {
  float v = dflt;
  if (mat.Get(key, type, idx, v) != AI_SUCCESS || !std::isfinite(v)) return dflt;
  return v;
}

bool getColour(const aiMaterial& mat, const char* key, unsigned type, unsigned idx, aiColor4D& c) {
  if (mat.Get(key, type, idx, c) != AI_SUCCESS) return false;
  return std::isfinite(c.r) && std::isfinite(c.g) && std::isfinite(c.b) && std::isfinite(c.a);
}

// Factors: glTF sources carry them directly; Phong-style sources (OBJ, most FBX) are mapped:
// diffuse colour and opacity to base colour, shininess to roughness, no metal.
void convertFactors(const aiMaterial& mat, Material& out, bool isGltf) {
  aiColor4D c(1.0F, 1.0F, 1.0F, 1.0F);
  if (getColour(mat, AI_MATKEY_BASE_COLOR, c) || getColour(mat, AI_MATKEY_COLOR_DIFFUSE, c)) {
    out.baseColour = glm::clamp(glm::vec4(c.r, c.g, c.b, c.a), 0.0F, 1.0F);
  }
  const float opacity = getFloat(mat, AI_MATKEY_OPACITY, 1.0F);
  if (!isGltf) out.baseColour.a = std::clamp(opacity, 0.0F, 1.0F);
  out.metallic = std::clamp(getFloat(mat, AI_MATKEY_METALLIC_FACTOR, isGltf ? 1.0F : 0.0F), 0.0F,
                            1.0F);
  float roughness = getFloat(mat, AI_MATKEY_ROUGHNESS_FACTOR, -1.0F);
  if (roughness < 0.0F) {
    const float shininess = getFloat(mat, AI_MATKEY_SHININESS, 0.0F);
    // Blinn-Phong exponent to GGX roughness (alpha = sqrt(2 / (n + 2))), then roughness = sqrt(alpha).
    roughness = shininess > 0.0F ? std::sqrt(std::sqrt(2.0F / (shininess + 2.0F))) : 0.8F;
  }
  out.roughness = std::clamp(roughness, 0.0F, 1.0F);
  if (getColour(mat, AI_MATKEY_COLOR_EMISSIVE, c)) {
    const float strength = getFloat(mat, AI_MATKEY_EMISSIVE_INTENSITY, 1.0F);
    out.emissive = glm::max(glm::vec3(c.r, c.g, c.b) * strength, 0.0F);
  }
  int twoSided = 0;
  if (mat.Get(AI_MATKEY_TWOSIDED, twoSided) == AI_SUCCESS) out.doubleSided = twoSided != 0;
  aiString alphaMode;
  if (mat.Get(AI_MATKEY_GLTF_ALPHAMODE, alphaMode) == AI_SUCCESS) {
    const std::string mode = alphaMode.C_Str();
    out.alphaMode = mode == "BLEND"  ? AlphaMode::Blend
                    : mode == "MASK" ? AlphaMode::Mask
                                     : AlphaMode::Opaque;
  } else if (out.baseColour.a < 1.0F) {
    out.alphaMode = AlphaMode::Blend;
  }
  out.alphaCutoff = std::clamp(getFloat(mat, AI_MATKEY_GLTF_ALPHACUTOFF, 0.5F), 0.0F, 1.0F);
}

core::Result<Material> convertMaterial(ImportContext& ctx, const aiMaterial& mat) {
  Material out;
  aiString name;
  if (mat.Get(AI_MATKEY_NAME, name) == AI_SUCCESS) out.name = name.C_Str();
  aiString probe;
  const bool isGltf = mat.Get(AI_MATKEY_GLTF_ALPHAMODE, probe) == AI_SUCCESS;
  convertFactors(mat, out, isGltf);

  struct Slot {
    int* target;
    std::vector<aiTextureType> types;
    bool srgb;
  };
  // Assimp files glTF's occlusion map as a light map and its packed metallic-roughness map
  // under "unknown" (and metalness); elsewhere those types mean something else.
  const Slot slots[] = {
      {&out.baseColourTexture, {aiTextureType_BASE_COLOR, aiTextureType_DIFFUSE}, true},
      {&out.normalTexture, {aiTextureType_NORMALS}, false},
      {&out.emissiveTexture, {aiTextureType_EMISSIVE}, true},
      {&out.metallicRoughnessTexture,
       isGltf ? std::vector<aiTextureType>{aiTextureType_UNKNOWN, aiTextureType_METALNESS}
              : std::vector<aiTextureType>{},
       false},
      {&out.occlusionTexture,
       isGltf ? std::vector<aiTextureType>{aiTextureType_LIGHTMAP, aiTextureType_AMBIENT_OCCLUSION}
              : std::vector<aiTextureType>{aiTextureType_AMBIENT_OCCLUSION},
       false},
  };
  for (const Slot& slot : slots) {
    for (const aiTextureType type : slot.types) {
      auto index = textureSlot(ctx, mat, type, slot.srgb);
      if (!index) return std::unexpected(index.error());
      if (*index != kNoTexture) {
        *slot.target = *index;
        break;
      }
    }
  }
  return out;
}

}  // namespace

core::Result<void> convertMaterials(ImportContext& ctx) {
  const aiScene& scene = *ctx.scene;
  auto& materials = ctx.report->model.materials;
  for (unsigned i = 0; i < scene.mNumMaterials; ++i) {
    if (scene.mMaterials == nullptr || scene.mMaterials[i] == nullptr) {
      return core::fail("material ", std::to_string(i), " is missing");
    }
    auto material = convertMaterial(ctx, *scene.mMaterials[i]);
    if (!material) return std::unexpected(material.error());
    materials.push_back(std::move(*material));
  }
  if (materials.empty()) materials.emplace_back();  // meshes always have a material to use
  return {};
}

}  // namespace praxis::assets::detail
