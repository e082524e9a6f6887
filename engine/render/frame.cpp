// One frame: walk the scene into a draw list, cull and sort it, record the shadow and main
// passes, submit. Timings per phase go into FrameStats.
#include <algorithm>
#include <array>
#include <cassert>
#include <cmath>
#include <cstring>

#include <glm/gtc/matrix_transform.hpp>

#include "render/primitive_meshes.h"
#include "render/renderer_impl.h"
#include "render/visibility.h"

namespace praxis::render {
namespace {

/// World-space AABB of a local box under `m` (Arvo's method).
void transformBounds(const core::Mat4& m, const core::Vec3& lo, const core::Vec3& hi,
                     core::Vec3& outLo, core::Vec3& outHi) {
  const core::Vec3 centre = (lo + hi) * 0.5F;
  const core::Vec3 half = (hi - lo) * 0.5F;
  const core::Vec3 c = core::Vec3(m * glm::vec4(centre, 1.0F));
  core::Vec3 e(0.0F);
  for (int i = 0; i < 3; ++i) {
    for (int j = 0; j < 3; ++j) e[i] += std::abs(m[j][i]) * half[j];
  }
  outLo = c - e;
  outHi = c + e;
}

/// The radius of a unit primitive's curve (its mesh is turned about Y with radius 0.5) under
/// `model`: the larger of the X and Z axes' scales.
float curveRadius(const core::Mat4& model) {
  return 0.5F * std::max(glm::length(core::Vec3(model[0])), glm::length(core::Vec3(model[2])));
}

core::Mat4 scaled(const core::Mat4& m, const core::Vec3& s) { return glm::scale(m, s); }

}  // namespace

void Renderer::Impl::addObject(const core::Mat4& model, std::uint32_t mesh,
                               std::uint32_t material, const glm::vec4& colour,
                               bool highlighted, const core::Vec3& eye) {
  const GpuMaterial& mat = materials[material];
  ObjectRecord record;
  record.model = model;
  record.baseColour = colour * mat.material.baseColour;
  record.emissive = glm::vec4(mat.material.emissive, highlighted ? 1.0F : 0.0F);
  record.params = glm::vec4(mat.material.metallic, mat.material.roughness,
                            mat.material.alphaCutoff, static_cast<float>(mat.flags));
  core::Vec3 lo;
  core::Vec3 hi;
  transformBounds(model, meshes[mesh].boundsMin, meshes[mesh].boundsMax, lo, hi);
  DrawItem item;
  item.mesh = mesh;
  item.material = material;
  item.object = static_cast<std::uint32_t>(drawList.objects.size());
  item.pass = colour.a < 1.0F ? DrawPass::Blend : mat.pass;
  item.depth = glm::length((lo + hi) * 0.5F - eye);
  drawList.objects.push_back(record);
  drawList.boundsMin.push_back(lo);
  drawList.boundsMax.push_back(hi);
  drawList.candidates.push_back(item);
}

void Renderer::Impl::buildDrawList(const FrameInput& input) {
  drawList.objects.clear();
  drawList.boundsMin.clear();
  drawList.boundsMax.clear();
  drawList.candidates.clear();
  const std::size_t expected = input.scene->size() + input.scene->size() / 4;
  drawList.objects.reserve(expected);
  drawList.boundsMin.reserve(expected);
  drawList.boundsMax.reserve(expected);
  drawList.candidates.reserve(expected);
  const core::Vec3 eye = input.views.front().position;
  const auto& entities = input.scene->entities();
  for (std::size_t id = 0; id < entities.size(); ++id) {
    if (!entities[id].visual.visible ||
        std::find(input.hidden.begin(), input.hidden.end(), id) != input.hidden.end())
      continue;
    const bool highlighted =
        std::find(input.highlighted.begin(), input.highlighted.end(), id) != input.highlighted.end();
    addEntity(entities[id], entities[id].worldPose.matrix(), glm::vec4(1.0F), highlighted, eye);
  }
  for (const auto& ghost : input.ghosts) {
    assert(ghost.entity < entities.size());
    if (!entities[ghost.entity].visual.visible) continue;
    addEntity(entities[ghost.entity], ghost.pose.matrix(), kGhostTint, false, eye);
  }
  for (const auto& hand : input.hands) {
    const float diameter = hand.active ? kActiveHandDiameter : kOtherHandDiameter;
    const scene::Shape sphere{.kind = scene::ShapeKind::Sphere, .size = core::Vec3(diameter)};
    addObject(scaled(hand.pose.matrix(), primitiveScale(sphere)), primitiveMesh(sphere), 0,
              hand.active ? kActiveHandColour : kOtherHandColour, false, eye);
  }
}

void Renderer::Impl::addEntity(const scene::Entity& entity, const core::Mat4& world,
                               const glm::vec4& tint, bool highlighted, const core::Vec3& eye) {
  const auto& visual = entity.visual;
  if (auto it = models.find(visual.model); !visual.model.empty() && it != models.end()) {
    for (const auto& part : it->second.parts) {
      addObject(world * part.transform, part.mesh, part.material, tint, highlighted, eye);
    }
  } else {
    // No model, or one not uploaded (missing asset): the primitive, so the object still shows.
    addObject(scaled(world, primitiveScale(visual.shape)), primitiveMesh(visual.shape), 0,
              visual.colour * tint, highlighted, eye);
  }
  for (const auto& part : visual.parts) {
    addObject(scaled(world * part.pose.matrix(), primitiveScale(part.shape)),
              primitiveMesh(part.shape), 0, part.colour * tint, highlighted, eye);
  }
}

namespace {

/// The frusta the items are culled against: each view's, narrowed to the scene rectangle.
std::array<Frustum, 2> viewFrusta(const FrameInput& input, vk::Extent2D extent) {
  std::array<Frustum, 2> frusta;
  const auto width = static_cast<float>(extent.width);
  const auto height = static_cast<float>(extent.height);
  for (std::size_t v = 0; v < input.views.size(); ++v) {
    core::Mat4 viewProj = input.views[v].projection * input.views[v].view;
    if (input.sceneRect.width > 0.0F)
      viewProj = narrowToRect(viewProj, input.sceneRect, width, height);
    frusta[v] = frustumOf(viewProj);
  }
  return frusta;
}

}  // namespace

std::uint32_t Renderer::Impl::levelOfDetail(std::uint32_t mesh, const core::Mat4& model,
                                            const core::Vec3& lo, const core::Vec3& hi,
                                            std::span<const View> views,
                                            vk::Extent2D extent) const {
  const auto& lods = meshes[mesh].lods;
  if (lods[1] == mesh) return mesh;  // one level only
  const float bound = glm::length(hi - lo) * 0.5F;
  const float radius = curveRadius(model);
  // The finest level any view needs: the one that sees the object largest.
  float pixels = 0.0F;
  for (const auto& view : views) {
    pixels = std::max(
        pixels,
        projectedRadiusPixels(view.projection, view.position, static_cast<float>(extent.width),
                              static_cast<float>(extent.height), (lo + hi) * 0.5F, bound, radius));
  }
  return lods[selectLod(pixels)];
}

void Renderer::Impl::cullAndSort(const FrameInput& input, const RenderTarget& target) {
  const auto extent = static_cast<vk::Extent2D>(target.extent());
  const auto frusta = viewFrusta(input, extent);
  drawList.items.clear();
  drawList.culled = 0;
  drawList.triangles = 0;
  for (auto item : drawList.candidates) {
    const core::Vec3& lo = drawList.boundsMin[item.object];
    const core::Vec3& hi = drawList.boundsMax[item.object];
    bool visible = false;
    for (std::size_t v = 0; v < input.views.size() && !visible; ++v) {
      visible = intersects(frusta[v], lo, hi);
    }
    if (!visible) {
      ++drawList.culled;
      continue;
    }
    item.mesh =
        levelOfDetail(item.mesh, drawList.objects[item.object].model, lo, hi, input.views, extent);
    drawList.triangles += meshes[item.mesh].indexCount / 3;
    drawList.items.push_back(item);
  }
  // Opaque first, grouped by pipeline, material and mesh (fewest state changes); then
  // transparent back to front so blending composes correctly.
  std::sort(drawList.items.begin(), drawList.items.end(), [](const DrawItem& a, const DrawItem& b) {
    if (a.pass != b.pass) return a.pass < b.pass;
    if (a.pass == DrawPass::Blend) return a.depth > b.depth;
    if (a.material != b.material) return a.material < b.material;
    return a.mesh < b.mesh;
  });
  // Records in draw order, so each run of equal state becomes one instanced draw.
  drawList.sortedObjects.clear();
  drawList.batches.clear();
  for (const auto& item : drawList.items) {
    const auto index = static_cast<std::uint32_t>(drawList.sortedObjects.size());
    drawList.sortedObjects.push_back(drawList.objects[item.object]);
    auto& batches = drawList.batches;
    if (!batches.empty() && batches.back().mesh == item.mesh &&
        batches.back().material == item.material && batches.back().pass == item.pass) {
      ++batches.back().instanceCount;
    } else {
      batches.push_back(DrawBatch{item.mesh, item.material, item.pass, index, 1});
    }
  }
}

void Renderer::Impl::placeLight(const FrameInput& input) {
  // The light's orthographic frustum encloses the bounding sphere of everything drawn.
  core::Vec3 lo(0.0F);
  core::Vec3 hi(0.0F);
  if (!drawList.objects.empty()) {
    lo = drawList.boundsMin.front();
    hi = drawList.boundsMax.front();
    for (std::size_t i = 1; i < drawList.objects.size(); ++i) {
      lo = glm::min(lo, drawList.boundsMin[i]);
      hi = glm::max(hi, drawList.boundsMax[i]);
    }
  }
  const core::Vec3 centre = (lo + hi) * 0.5F;
  const float radius = std::max(glm::length(hi - lo) * 0.5F, 0.1F);
  const core::Vec3 dir = glm::normalize(input.light.direction);
  const core::Vec3 up = std::abs(dir.y) > 0.99F ? core::Vec3(0, 0, 1) : core::Vec3(0, 1, 0);
  const core::Mat4 lightView = glm::lookAt(centre - dir * radius * 2.0F, centre, up);
  const core::Mat4 lightProj = glm::ortho(-radius, radius, -radius, radius, radius * 0.5F,
                                          radius * 3.5F);
  drawList.lightViewProj = lightProj * lightView;
  drawList.lightRadius = radius;
}

void Renderer::Impl::collectShadowCasters() {
  drawList.shadowCasters.clear();
  drawList.shadowObjects.clear();
  // Texels per metre of the map: an object's level of detail there depends on its size in
  // the map alone, not on the camera, so a still scene keeps the same casters.
  const float texelsPerMetre =
      static_cast<float>(options.shadowMapSize) * 0.5F / drawList.lightRadius;
  for (const auto& item : drawList.candidates) {
    if (item.pass == DrawPass::Blend) continue;  // ghosts and glass cast no shadow
    const float radius =
        glm::length(drawList.boundsMax[item.object] - drawList.boundsMin[item.object]) * 0.5F;
    drawList.shadowCasters.push_back(
        ShadowCaster{.mesh = meshes[item.mesh].lods[selectLod(radius * texelsPerMetre)],
                     .model = drawList.objects[item.object].model});
    drawList.shadowObjects.push_back(item.object);
  }
  drawList.shadowRedraw = shadowCache.needsRedraw(drawList.lightViewProj, drawList.shadowCasters);
  drawList.shadowBatches.clear();
  if (!drawList.shadowRedraw) return;
  // Their records follow the visible ones', grouped by mesh: one instanced draw per mesh.
  std::vector<std::uint32_t> order(drawList.shadowCasters.size());
  for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
    return drawList.shadowCasters[a].mesh < drawList.shadowCasters[b].mesh;
  });
  for (const std::uint32_t i : order) {
    const auto index = static_cast<std::uint32_t>(drawList.sortedObjects.size());
    drawList.sortedObjects.push_back(drawList.objects[drawList.shadowObjects[i]]);
    const std::uint32_t mesh = drawList.shadowCasters[i].mesh;
    auto& batches = drawList.shadowBatches;
    if (!batches.empty() && batches.back().mesh == mesh) {
      ++batches.back().instanceCount;
    } else {
      batches.push_back(DrawBatch{mesh, 0, DrawPass::Opaque, index, 1});
    }
  }
}

FrameUniforms Renderer::Impl::frameUniforms(const FrameInput& input, const RenderTarget& target) {
  FrameUniforms u{};
  for (std::size_t v = 0; v < 2; ++v) {
    const auto& view = input.views[std::min(v, input.views.size() - 1)];
    u.viewProj[v] = view.projection * view.view;
    u.cameraPos[v] = glm::vec4(view.position, 1.0F);
  }
  u.lightViewProj = drawList.lightViewProj;
  const core::Vec3 dir = glm::normalize(input.light.direction);
  u.lightDir = glm::vec4(-dir, 0.0F);
  u.lightColour = glm::vec4(input.light.colour, 1.0F);
  u.ambient = glm::vec4(input.light.ambient, 1.0F);
  const double pulse = 0.5 + 0.5 * std::sin(input.timeSeconds * 2.0 * 3.14159265358979);
  u.highlightColour = glm::vec4(kHighlightLinear, static_cast<float>(pulse));
  const auto format = static_cast<vk::Format>(target.format());
  // An UNORM target (some XR runtimes offer only those) gets the sRGB encoding in the shader.
  const bool srgbTarget = vk::to_string(format).find("Srgb") != std::string::npos;
  u.misc = glm::vec4(std::clamp(input.faultFlash, 0.0F, 1.0F),
                     1.0F / static_cast<float>(options.shadowMapSize), srgbTarget ? 0.0F : 1.0F,
                     0.0F);
  return u;
}

void Renderer::Impl::ensureAttachments(vk::Format format, vk::Extent2D extent,
                                       std::uint32_t layers) {
  if (attachments.format == format && attachments.extent == extent &&
      attachments.layers == layers) {
    return;
  }
  ctx->device.waitIdle();  // the old attachments may still be in use by frames in flight
  attachments = Attachments{};
  attachments.format = format;
  attachments.extent = extent;
  attachments.layers = layers;
  const auto samples = pipelines->samples();
  if (samples != vk::SampleCountFlagBits::e1) {
    ImageDesc colour;
    colour.format = format;
    colour.extent = extent;
    colour.layers = layers;
    colour.samples = samples;
    // One eye per pass resolves with vkCmdResolveImage afterwards (lavapipe's resolve into a
    // layer > 0 of an attachment is broken), so the samples must be kept and be copyable.
    colour.usage = perEyePasses ? vk::ImageUsageFlagBits::eColorAttachment |
                                      vk::ImageUsageFlagBits::eTransferSrc
                                : vk::ImageUsageFlagBits::eColorAttachment |
                                      vk::ImageUsageFlagBits::eTransientAttachment;
    colour.transient = !perEyePasses;
    attachments.colour = createImage(*ctx, colour);
  }
  ImageDesc depth;
  depth.format = kDepthFormat;
  depth.extent = extent;
  depth.layers = layers;
  depth.samples = samples;
  depth.usage = vk::ImageUsageFlagBits::eDepthStencilAttachment |
                vk::ImageUsageFlagBits::eTransientAttachment;
  depth.aspect = vk::ImageAspectFlagBits::eDepth;
  depth.transient = true;
  attachments.depth = createImage(*ctx, depth);
  // Single-layer views for one pass per view (lavapipe, or a swapchain per view).
  for (std::uint32_t layer = 0; layer < layers && layers > 1; ++layer) {
    const auto single = [&](const GpuImage& image, vk::ImageAspectFlags aspect) {
      return ctx->device.createImageView(vk::ImageViewCreateInfo(
          {}, *image.image, vk::ImageViewType::e2D, image.format, {},
          vk::ImageSubresourceRange(aspect, 0, 1, layer, 1)));
    };
    if (samples != vk::SampleCountFlagBits::e1) {
      attachments.colourLayers.push_back(single(attachments.colour, vk::ImageAspectFlagBits::eColor));
    }
    attachments.depthLayers.push_back(single(attachments.depth, vk::ImageAspectFlagBits::eDepth));
  }
}

}  // namespace praxis::render
