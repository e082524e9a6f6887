// PNG read/write with stb and the tolerant image comparison used by golden tests.
#include "render/image.h"

#include <algorithm>
#include <cstdlib>

#define STB_IMAGE_WRITE_IMPLEMENTATION
#define STB_IMAGE_IMPLEMENTATION
#define STBI_ONLY_PNG
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
#pragma GCC diagnostic ignored "-Wsign-compare"
#pragma GCC diagnostic ignored "-Wunused-but-set-variable"
#pragma GCC diagnostic ignored "-Wcast-align"
#pragma GCC diagnostic ignored "-Wnull-dereference"
#pragma GCC diagnostic ignored "-Wimplicit-fallthrough"
#include <stb_image.h>
#include <stb_image_write.h>
#pragma GCC diagnostic pop

namespace praxis::render {

core::Result<void> writePng(const Image& image, const std::filesystem::path& path) {
  if (image.rgba.size() != std::size_t{image.width} * image.height * 4 || image.width == 0) {
    return core::fail(path.string(), ": cannot write an empty or inconsistent image");
  }
  std::error_code ec;
  if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path(), ec);
  const int ok = stbi_write_png(path.c_str(), static_cast<int>(image.width),
                                static_cast<int>(image.height), 4, image.rgba.data(),
                                static_cast<int>(image.width * 4));
  if (ok == 0) return core::fail(path.string(), ": cannot write PNG");
  return {};
}

core::Result<Image> readPng(const std::filesystem::path& path) {
  int w = 0;
  int h = 0;
  int channels = 0;
  stbi_uc* data = stbi_load(path.c_str(), &w, &h, &channels, 4);
  if (data == nullptr) {
    return core::fail(path.string(), ": cannot read PNG: ", stbi_failure_reason());
  }
  Image out;
  out.width = static_cast<std::uint32_t>(w);
  out.height = static_cast<std::uint32_t>(h);
  out.rgba.assign(data, data + static_cast<std::size_t>(w) * h * 4);
  stbi_image_free(data);
  return out;
}

ImageDiff compareImages(const Image& expected, const Image& actual, int channelTolerance) {
  ImageDiff out;
  out.sizeMatches = expected.width == actual.width && expected.height == actual.height &&
                    expected.rgba.size() == actual.rgba.size();
  if (!out.sizeMatches) return out;
  out.diff.width = actual.width;
  out.diff.height = actual.height;
  out.diff.rgba.resize(actual.rgba.size());
  const std::size_t pixels = std::size_t{actual.width} * actual.height;
  for (std::size_t i = 0; i < pixels; ++i) {
    int worst = 0;
    for (std::size_t c = 0; c < 4; ++c) {
      worst = std::max(worst, std::abs(int{expected.rgba[i * 4 + c]} - int{actual.rgba[i * 4 + c]}));
    }
    out.maxChannelDiff = std::max(out.maxChannelDiff, worst);
    std::uint8_t* d = &out.diff.rgba[i * 4];
    if (worst > channelTolerance) {
      ++out.differingPixels;
      d[0] = 255;
      d[1] = 0;
      d[2] = 0;
    } else {
      for (std::size_t c = 0; c < 3; ++c) d[c] = static_cast<std::uint8_t>(actual.rgba[i * 4 + c] / 4);
    }
    d[3] = 255;
  }
  out.differingFraction = static_cast<double>(out.differingPixels) / static_cast<double>(pixels);
  return out;
}

}  // namespace praxis::render
