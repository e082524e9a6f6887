// Image bytes (PNG, JPEG, TGA, BMP, ... through stb_image) to RGBA8 Textures.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "assets/mesh.h"
#include "core/result.h"

namespace praxis::assets {

/// Largest width or height accepted; a bigger header is treated as corrupt rather than
/// risking a multi-gigabyte allocation.
inline constexpr std::uint32_t kMaxTextureSize = 16384;

/// Decodes an encoded image to RGBA8. `name` is used for the Texture and in errors.
[[nodiscard]] core::Result<Texture> decodeTexture(std::string_view encoded, std::string name,
                                                  bool srgb);

/// An uncompressed BGRA8 image (Assimp's aiTexel layout) converted to RGBA8.
[[nodiscard]] core::Result<Texture> textureFromBgra(const std::uint8_t* bgra, std::uint32_t width,
                                                    std::uint32_t height, std::string name,
                                                    bool srgb);

}  // namespace praxis::assets
