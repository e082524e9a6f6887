#include "assets/texture_decode.h"

#include <stb_image.h>

#include <climits>
#include <cstring>
#include <memory>

namespace praxis::assets {
namespace {

struct StbiFree {
  void operator()(stbi_uc* p) const { stbi_image_free(p); }
};

core::Result<void> checkSize(std::int64_t width, std::int64_t height, const std::string& name) {
  if (width <= 0 || height <= 0 || width > kMaxTextureSize || height > kMaxTextureSize) {
    return core::fail("texture '", name, "' has an unsupported size ", std::to_string(width), "x",
                      std::to_string(height), " (at most ", std::to_string(kMaxTextureSize),
                      " per side)");
  }
  return {};
}

}  // namespace

core::Result<Texture> decodeTexture(std::string_view encoded, std::string name, bool srgb) {
  if (encoded.empty()) return core::fail("texture '", name, "' is empty");
  if (encoded.size() > static_cast<std::size_t>(INT_MAX)) {
    return core::fail("texture '", name, "' is too large to decode");
  }
  const auto* data = reinterpret_cast<const stbi_uc*>(encoded.data());
  const int length = static_cast<int>(encoded.size());
  int width = 0;
  int height = 0;
  int channels = 0;
  // Read the header first so a hostile size never reaches the allocator.
  if (stbi_info_from_memory(data, length, &width, &height, &channels) == 0) {
    return core::fail("texture '", name, "' cannot be decoded: ", stbi_failure_reason());
  }
  if (auto ok = checkSize(width, height, name); !ok) return std::unexpected(ok.error());
  std::unique_ptr<stbi_uc, StbiFree> pixels(
      stbi_load_from_memory(data, length, &width, &height, &channels, 4));
  if (!pixels) {
    return core::fail("texture '", name, "' cannot be decoded: ", stbi_failure_reason());
  }
  Texture texture;
  texture.name = std::move(name);
  texture.width = static_cast<std::uint32_t>(width);
  texture.height = static_cast<std::uint32_t>(height);
  texture.srgb = srgb;
  const std::size_t bytes = std::size_t{texture.width} * texture.height * 4U;
  texture.pixels.assign(pixels.get(), pixels.get() + bytes);
  return texture;
}

core::Result<Texture> textureFromBgra(const std::uint8_t* bgra, std::uint32_t width,
                                      std::uint32_t height, std::string name, bool srgb) {
  if (auto ok = checkSize(width, height, name); !ok) return std::unexpected(ok.error());
  Texture texture;
  texture.name = std::move(name);
  texture.width = width;
  texture.height = height;
  texture.srgb = srgb;
  const std::size_t count = std::size_t{width} * height;
  texture.pixels.resize(count * 4U);
  for (std::size_t i = 0; i < count; ++i) {
    texture.pixels[i * 4 + 0] = bgra[i * 4 + 2];
    texture.pixels[i * 4 + 1] = bgra[i * 4 + 1];
    texture.pixels[i * 4 + 2] = bgra[i * 4 + 0];
    texture.pixels[i * 4 + 3] = bgra[i * 4 + 3];
  }
  return texture;
}

}  // namespace praxis::assets
