// renderSceneToPng (the core of `praxis snapshot`) and a default camera for a scene.
#include <algorithm>
#include <cstring>

#include "render/renderer.h"

namespace praxis::render {

View defaultView(const scene::Scene& scene, float aspect) {
  core::Vec3 lo(1e9F);
  core::Vec3 hi(-1e9F);
  for (const auto& entity : scene.entities()) {
    if (!entity.visual.visible) continue;
    const core::Vec3 half = entity.visual.shape.halfExtents();
    const float r = glm::length(half);
    lo = glm::min(lo, entity.worldPose.position - core::Vec3(r));
    hi = glm::max(hi, entity.worldPose.position + core::Vec3(r));
  }
  if (lo.x > hi.x) {
    lo = core::Vec3(-1.0F);
    hi = core::Vec3(1.0F);
  }
  const core::Vec3 centre = (lo + hi) * 0.5F;
  const float radius = std::max(glm::length(hi - lo) * 0.5F, 0.2F);
  constexpr float kFov = 0.9F;  // radians, vertical
  const float distance = radius / std::sin(kFov * 0.5F * std::min(aspect, 1.0F));
  const core::Vec3 eye = centre + glm::normalize(core::Vec3(0.0F, 0.55F, 1.0F)) * distance;
  return makeLookAtView(eye, centre, kFov, aspect);
}

core::Result<void> renderSceneToPng(const FrameInput& input, std::uint32_t width,
                                    std::uint32_t height, const std::filesystem::path& path,
                                    RendererOptions options,
                                    const std::map<std::string, assets::Model>& models) {
  if (input.scene == nullptr) return core::fail("snapshot: no scene");
  FrameInput frame = input;
  const float aspect = static_cast<float>(width) / static_cast<float>(height);
  if (frame.views.empty()) frame.views.push_back(defaultView(*input.scene, aspect));
  const auto views = static_cast<std::uint32_t>(frame.views.size());
  auto renderer = Renderer::create(std::move(options));
  if (!renderer) return std::unexpected(renderer.error());
  for (const auto& [key, model] : models) {
    if (auto added = (*renderer)->addModel(key, model); !added) {
      return core::fail(key, ": ", added.error().message);
    }
  }
  auto target = (*renderer)->createOffscreenTarget(width, height, views);
  if (!target) return std::unexpected(target.error());
  if (auto stats = (*renderer)->render(frame, **target); !stats) {
    return std::unexpected(stats.error());
  }
  Image out;
  out.width = width * views;
  out.height = height;
  out.rgba.resize(std::size_t{out.width} * height * 4);
  for (std::uint32_t v = 0; v < views; ++v) {
    auto layer = (*target)->readback(v);
    if (!layer) return std::unexpected(layer.error());
    for (std::uint32_t y = 0; y < height; ++y) {
      std::memcpy(&out.rgba[(std::size_t{y} * out.width + std::size_t{v} * width) * 4],
                  &layer->rgba[std::size_t{y} * width * 4], std::size_t{width} * 4);
    }
  }
  return writePng(out, path);
}

}  // namespace praxis::render
