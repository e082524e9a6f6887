// Internal: CPU mirrors of the shader interface in shaders/common.glsl (std140 / std430).
#pragma once

#include <cstdint>

#include "core/math.h"

namespace praxis::render {

struct FrameUniforms {
  glm::mat4 viewProj[2];
  glm::vec4 cameraPos[2];
  glm::mat4 lightViewProj;
  glm::vec4 lightDir;
  glm::vec4 lightColour;
  glm::vec4 ambient;
  glm::vec4 highlightColour;
  glm::vec4 misc;  // fault flash, shadow texel size, encode sRGB in shader, unused
};
static_assert(sizeof(FrameUniforms) == 304);

struct ObjectRecord {
  glm::mat4 model;
  glm::vec4 baseColour;
  glm::vec4 emissive;  // a: highlighted
  glm::vec4 params;    // metallic, roughness, alpha cutoff, flags
};
static_assert(sizeof(ObjectRecord) == 112);

inline constexpr std::uint32_t kFlagUnlit = 1U;
inline constexpr std::uint32_t kFlagAlphaMask = 2U;
inline constexpr std::uint32_t kFlagNormalMap = 4U;
// The material has this map; without it the shader skips the fetch (on lavapipe texture
// fetches are most of a frame's cost, and scenario primitives have no maps at all).
inline constexpr std::uint32_t kFlagBaseColourMap = 8U;
inline constexpr std::uint32_t kFlagMetallicRoughnessMap = 16U;
inline constexpr std::uint32_t kFlagOcclusionMap = 32U;
inline constexpr std::uint32_t kFlagEmissiveMap = 64U;
inline constexpr std::uint32_t kTextureMapFlags = kFlagNormalMap | kFlagBaseColourMap |
                                                   kFlagMetallicRoughnessMap | kFlagOcclusionMap |
                                                   kFlagEmissiveMap;

/// Okabe-Ito sky blue (86, 180, 233) in linear RGB: the highlight colour. It stays distinct
/// from the vermillion fault flash for protan, deutan and tritan viewers alike.
inline constexpr glm::vec3 kHighlightLinear{0.093F, 0.456F, 0.815F};

}  // namespace praxis::render
