// Internal: the renderer's state (Renderer::Impl), shared by renderer.cpp (set-up, uploads,
// targets), frame.cpp (one frame: draw list, culling, recording, submit) and panels.cpp.
#pragma once

#include <vulkan/vulkan_raii.hpp>

#include <array>
#include <map>
#include <memory>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "render/gpu.h"
#include "render/gpu_layout.h"
#include "render/pipelines.h"
#include "render/renderer.h"
#include "render/visibility.h"
#include "render/vulkan_context.h"

namespace praxis::render {

struct GpuMesh {
  Buffer vertices;
  Buffer indices;
  std::uint32_t indexCount = 0;
  core::Vec3 boundsMin{0.0F};
  core::Vec3 boundsMax{0.0F};
  /// This mesh at each level of detail (visibility.h), finest first: itself at level 0 and
  /// at every level of a mesh without coarser versions (boxes, models).
  std::array<std::uint32_t, kLodCount> lods{};
};

/// Draw order: opaque (after a depth prepass), alpha-masked, then blended back to front.
enum class DrawPass : std::uint8_t { Opaque, OpaqueDoubleSided, Mask, Blend };

struct GpuMaterial {
  assets::Material material;
  DrawPass pass = DrawPass::Opaque;
  std::uint32_t flags = 0;
  vk::raii::DescriptorSet set{nullptr};
};

/// A model's meshes, placed: ids into Impl::meshes / Impl::materials.
struct ModelPart {
  std::uint32_t mesh = 0;
  std::uint32_t material = 0;
  core::Mat4 transform{1.0F};
};

struct GpuModel {
  std::vector<GpuImage> textures;
  std::vector<ModelPart> parts;
};

struct DrawItem {
  std::uint32_t mesh = 0;
  std::uint32_t material = 0;
  std::uint32_t object = 0;  // index into the frame's object records (= firstInstance)
  DrawPass pass = DrawPass::Opaque;
  float depth = 0.0F;        // distance to the first view, for back-to-front sorting
};

/// Consecutive sorted items with the same pass, material and mesh: one instanced draw.
struct DrawBatch {
  std::uint32_t mesh = 0;
  std::uint32_t material = 0;
  DrawPass pass = DrawPass::Opaque;
  std::uint32_t firstInstance = 0;  // into sortedObjects
  std::uint32_t instanceCount = 0;
};

/// The CPU result of one frame's scene walk; vectors are reused between frames.
struct DrawList {
  std::vector<ObjectRecord> objects;        // in scene order
  std::vector<ObjectRecord> sortedObjects;  // visible ones in draw order (what the GPU reads)
  std::vector<DrawBatch> batches;
  std::vector<core::Vec3> boundsMin;  // world bounds per object
  std::vector<core::Vec3> boundsMax;
  std::vector<DrawItem> candidates;   // before culling
  std::vector<DrawItem> items;        // after culling, opaque sorted by state, blend by depth
  std::uint32_t culled = 0;
  std::uint64_t triangles = 0;  // of the visible items, at their level of detail
  // The light's orthographic view-projection around the bounds of everything drawn, and
  // that sphere's radius (the shadow map covers 2 radius across).
  core::Mat4 lightViewProj{1.0F};
  float lightRadius = 0.1F;
  // Every object but the blended ones casts a shadow, seen by the camera or not, so the map
  // does not depend on the camera and is reused while the scene stands still.
  std::vector<ShadowCaster> shadowCasters;   // in scene order, at their shadow level of detail
  std::vector<std::uint32_t> shadowObjects;  // their indices into `objects`
  std::vector<DrawBatch> shadowBatches;      // into sortedObjects, after the visible ones
  bool shadowRedraw = false;
};

/// Per frame in flight. The pool is declared before its command buffers so it is destroyed
/// after them; the fence last-but-one so a frame's work is waited for before reuse.
struct FrameResources {
  vk::raii::CommandPool pool{nullptr};
  vk::raii::CommandBuffers commands{nullptr};
  vk::raii::Fence inFlight{nullptr};
  vk::raii::QueryPool timestamps{nullptr};
  Buffer uniforms;
  Buffer objects;
  vk::raii::DescriptorSet frameSet{nullptr};
  bool submitted = false;
};

/// Multisampled colour and depth for one target size and format, shared by all frames
/// (barriers order their reuse on the one queue).
struct Attachments {
  vk::Format format = vk::Format::eUndefined;
  vk::Extent2D extent;
  std::uint32_t layers = 0;
  GpuImage colour;  // only with MSAA; without, the target image is drawn directly
  GpuImage depth;
  // Single-layer views for one-eye-per-pass stereo; after the images, destroyed first.
  std::vector<vk::raii::ImageView> colourLayers;
  std::vector<vk::raii::ImageView> depthLayers;
};

class PanelRenderer;
class OverlayRenderer;

/// The distinct colour images of a target image: the array image, or one per view.
[[nodiscard]] inline std::span<const VkImage> colourImages(const TargetImage& image,
                                                           std::uint32_t views) {
  return image.separateViews ? std::span<const VkImage>(image.viewImages.data(), views)
                             : std::span<const VkImage>(&image.image, 1);
}

/// The distinct depth images handed back (XR_KHR_composition_layer_depth); empty: none.
[[nodiscard]] inline std::span<const VkImage> depthImages(const TargetImage& image,
                                                          std::uint32_t views) {
  if (image.depthView == VK_NULL_HANDLE) return {};
  return std::span<const VkImage>(image.depthImages.data(), image.separateViews ? views : 1U);
}

struct Renderer::Impl {
  ~Impl();

  RendererOptions options;
  // Destroyed last: everything below is a child of this device.
  std::unique_ptr<VulkanContext> ctx;
  std::unique_ptr<Pipelines> pipelines;
  vk::raii::Sampler sampler{nullptr};
  vk::raii::Sampler shadowSampler{nullptr};
  vk::raii::DescriptorPool descriptorPool{nullptr};  // before every set allocated from it
  GpuImage shadowMap;
  vk::raii::DescriptorSet shadowSet{nullptr};
  std::vector<GpuImage> defaultTextures;  // white sRGB, flat normal, white linear
  std::vector<GpuMesh> meshes;
  std::vector<GpuMaterial> materials;     // [0]: the primitives' material
  // Primitive meshes by ShapeKind (scaled per entity); capsules by height / diameter. No
  // strings here: this lookup runs for every object every frame.
  std::array<std::uint32_t, 5> kindMeshes{UINT32_MAX, UINT32_MAX, UINT32_MAX, UINT32_MAX,
                                          UINT32_MAX};
  std::map<float, std::uint32_t> capsuleMeshes;
  ShadowCache shadowCache;
  std::unordered_map<std::string, GpuModel> models;
  std::vector<FrameResources> frames;
  std::uint32_t frameIndex = 0;
  Attachments attachments;
  std::unique_ptr<PanelRenderer> panels;  // after the pool and materials it allocates from
  std::unique_ptr<OverlayRenderer> overlay;  // after the pool it allocates from
  bool perEyePasses = false;  // see StereoMode
  FrameStats* recording = nullptr;  // the frame being prepared and recorded: its pass counts
  DrawList drawList;

  void createSharedResources();
  void createFrames();
  /// The shape's unit mesh at level 0; its coarser levels are made with it (GpuMesh::lods).
  [[nodiscard]] std::uint32_t primitiveMesh(const scene::Shape& shape);
  [[nodiscard]] std::uint32_t addMesh(const assets::Mesh& mesh);
  /// A material descriptor set; texture indices resolve in `textures` (-1: the defaults).
  [[nodiscard]] std::uint32_t addMaterial(const assets::Material& material,
                                          const std::vector<vk::ImageView>& textures);
  void ensureAttachments(vk::Format format, vk::Extent2D extent, std::uint32_t layers);
  void ensureObjectCapacity(FrameResources& frame, std::size_t count);

  // frame.cpp
  [[nodiscard]] FrameStats renderFrame(const FrameInput& input, RenderTarget& target,
                                       const TargetImage& image);
  void buildDrawList(const FrameInput& input);
  /// An entity's visual (model or primitive, and its parts) at `world`, tinted (the tint's
  /// alpha < 1 draws it blended: a ghost).
  void addEntity(const scene::Entity& entity, const core::Mat4& world, const glm::vec4& tint,
                 bool highlighted, const core::Vec3& eye);
  void addObject(const core::Mat4& model, std::uint32_t mesh, std::uint32_t material,
                 const glm::vec4& colour, bool highlighted, const core::Vec3& eye);
  void cullAndSort(const FrameInput& input, const RenderTarget& target);
  /// `mesh` at the level of detail the views need for an object at `model` with world bounds
  /// lo..hi.
  [[nodiscard]] std::uint32_t levelOfDetail(std::uint32_t mesh, const core::Mat4& model,
                                            const core::Vec3& lo, const core::Vec3& hi,
                                            std::span<const View> views, vk::Extent2D extent) const;
  /// The light's frustum around everything drawn (DrawList::lightViewProj).
  void placeLight(const FrameInput& input);
  /// The shadow casters at their level of detail; whether the map must be drawn again.
  void collectShadowCasters();
  [[nodiscard]] FrameUniforms frameUniforms(const FrameInput& input, const RenderTarget& target);
  void recordShadowPass(const vk::raii::CommandBuffer& cmd, const FrameResources& frame);
  void recordMainPass(const vk::raii::CommandBuffer& cmd, const FrameResources& frame,
                      const FrameInput& input, const RenderTarget& target,
                      const TargetImage& image);
  /// Resolves every layer of the MSAA colour into the target (one-eye-per-pass stereo):
  /// layer v into the array image's layer v, or into layer 0 of view v's own image.
  void resolveLayers(const vk::raii::CommandBuffer& cmd, const TargetImage& image,
                     const RenderTarget& target);
  /// One dynamic-rendering pass: all views with multiview (layer < 0) or one layer.
  void recordScenePass(const vk::raii::CommandBuffer& cmd, const FrameResources& frame,
                       const FrameInput& input, const RenderTarget& target,
                       const TargetImage& image, int layer);
  enum class DrawMode { Shadow, DepthPrepass, Colour };
  /// Draws the culled batches: depth of everything but blended (Shadow), depth of the opaque
  /// ones (DepthPrepass), or everything with its pipeline (Colour).
  void drawItems(const vk::raii::CommandBuffer& cmd, const ScenePipelines* scenePipelines,
                 DrawMode mode);
};

}  // namespace praxis::render
