// RGBA8 images on the CPU: PNG files (stb) and the tolerant comparison golden tests use.
#pragma once

#include <cstdint>
#include <filesystem>
#include <vector>

#include "core/result.h"

namespace praxis::render {

/// Tightly packed RGBA8, rows top to bottom, sRGB-encoded like the PNG files.
struct Image {
  std::uint32_t width = 0;
  std::uint32_t height = 0;
  std::vector<std::uint8_t> rgba;  // width * height * 4

  [[nodiscard]] const std::uint8_t* pixel(std::uint32_t x, std::uint32_t y) const {
    return rgba.data() + (static_cast<std::size_t>(y) * width + x) * 4;
  }
};

[[nodiscard]] core::Result<void> writePng(const Image& image, const std::filesystem::path& path);
[[nodiscard]] core::Result<Image> readPng(const std::filesystem::path& path);

/// How far apart two images are. A pixel "differs" when any channel differs by more than
/// the tolerance given to compareImages.
struct ImageDiff {
  bool sizeMatches = false;
  int maxChannelDiff = 0;            // over all pixels and channels
  std::size_t differingPixels = 0;   // pixels over the per-channel tolerance
  double differingFraction = 0.0;    // differingPixels / pixel count
  Image diff;                        // red where a pixel differs, dimmed actual elsewhere
};

[[nodiscard]] ImageDiff compareImages(const Image& expected, const Image& actual,
                                      int channelTolerance);

}  // namespace praxis::render
