// External targets (what OpenXR swapchain images become): images created outside the
// renderer on its device, drawn in stereo, left in COLOR_ATTACHMENT_OPTIMAL, validation clean.
#include <gtest/gtest.h>

#include <vulkan/vulkan.h>

#include <algorithm>
#include <cstring>
#include <tuple>

#include <glm/gtc/matrix_transform.hpp>

#include "render_fixture.h"

namespace praxis::render::testing {
namespace {

/// An image (2 colour layers by default) and its memory, made with plain Vulkan like an XR
/// runtime would.
struct RawImage {
  VkDevice device = VK_NULL_HANDLE;
  VkImage image = VK_NULL_HANDLE;
  VkDeviceMemory memory = VK_NULL_HANDLE;
  RawImage(const Renderer::NativeHandles& h, VkExtent2D extent, std::uint32_t layers = 2,
           bool depth = false)
      : device(h.device) {
    VkImageCreateInfo info{};
    info.sType = VK_STRUCTURE_TYPE_IMAGE_CREATE_INFO;
    info.imageType = VK_IMAGE_TYPE_2D;
    info.format = depth ? kXrDepthFormat : VK_FORMAT_R8G8B8A8_SRGB;
    info.extent = {extent.width, extent.height, 1};
    info.mipLevels = 1;
    info.arrayLayers = layers;
    info.samples = VK_SAMPLE_COUNT_1_BIT;
    info.tiling = VK_IMAGE_TILING_OPTIMAL;
    info.usage = depth ? VK_IMAGE_USAGE_DEPTH_STENCIL_ATTACHMENT_BIT | VK_IMAGE_USAGE_TRANSFER_SRC_BIT
                       : VK_IMAGE_USAGE_COLOR_ATTACHMENT_BIT | VK_IMAGE_USAGE_TRANSFER_DST_BIT |
                             VK_IMAGE_USAGE_TRANSFER_SRC_BIT | VK_IMAGE_USAGE_SAMPLED_BIT;
    EXPECT_EQ(vkCreateImage(device, &info, nullptr, &image), VK_SUCCESS);
    VkMemoryRequirements req;
    vkGetImageMemoryRequirements(device, image, &req);
    VkPhysicalDeviceMemoryProperties props;
    vkGetPhysicalDeviceMemoryProperties(h.physicalDevice, &props);
    std::uint32_t type = 0;
    while ((req.memoryTypeBits & (1U << type)) == 0 ||
           (props.memoryTypes[type].propertyFlags & VK_MEMORY_PROPERTY_DEVICE_LOCAL_BIT) == 0) {
      ++type;
    }
    VkMemoryAllocateInfo alloc{};
    alloc.sType = VK_STRUCTURE_TYPE_MEMORY_ALLOCATE_INFO;
    alloc.allocationSize = req.size;
    alloc.memoryTypeIndex = type;
    EXPECT_EQ(vkAllocateMemory(device, &alloc, nullptr, &memory), VK_SUCCESS);
    EXPECT_EQ(vkBindImageMemory(device, image, memory, 0), VK_SUCCESS);
  }
  ~RawImage() {
    vkDestroyImage(device, image, nullptr);
    vkFreeMemory(device, memory, nullptr);
  }
  RawImage(const RawImage&) = delete;
  RawImage& operator=(const RawImage&) = delete;
};

std::uint32_t memoryType(const Renderer::NativeHandles& h, std::uint32_t bits,
                         VkMemoryPropertyFlags flags) {
  VkPhysicalDeviceMemoryProperties props;
  vkGetPhysicalDeviceMemoryProperties(h.physicalDevice, &props);
  std::uint32_t type = 0;
  while ((bits & (1U << type)) == 0 || (props.memoryTypes[type].propertyFlags & flags) != flags) ++type;
  return type;
}

void layoutBarrier(VkCommandBuffer cmd, VkImage image, VkImageLayout from, VkImageLayout to,
                   VkAccessFlags fromAccess, VkAccessFlags toAccess, std::uint32_t layers,
                   VkImageAspectFlags aspect) {
  VkImageMemoryBarrier b{};
  b.sType = VK_STRUCTURE_TYPE_IMAGE_MEMORY_BARRIER;
  b.srcAccessMask = fromAccess;
  b.dstAccessMask = toAccess;
  b.oldLayout = from;
  b.newLayout = to;
  b.srcQueueFamilyIndex = VK_QUEUE_FAMILY_IGNORED;
  b.dstQueueFamilyIndex = VK_QUEUE_FAMILY_IGNORED;
  b.image = image;
  b.subresourceRange = {aspect, 0, 1, 0, layers};
  vkCmdPipelineBarrier(cmd, VK_PIPELINE_STAGE_ALL_COMMANDS_BIT, VK_PIPELINE_STAGE_ALL_COMMANDS_BIT,
                       0, 0, nullptr, 0, nullptr, 1, &b);
}

/// The layers of an external image as the runtime would see them (it reads what the app left
/// in COLOR_ATTACHMENT_OPTIMAL, or DEPTH_STENCIL_ATTACHMENT_OPTIMAL for depth), copied to the
/// host with plain Vulkan: RGBA8 pixels, or 32-bit float depths in the same 4 bytes.
std::vector<Image> readLayers(const Renderer::NativeHandles& h, VkImage image, VkExtent2D extent,
                              std::uint32_t layerCount = 2, bool depth = false) {
  const VkDeviceSize layerBytes = VkDeviceSize{extent.width} * extent.height * 4;
  const VkImageAspectFlags aspect = depth ? VK_IMAGE_ASPECT_DEPTH_BIT : VK_IMAGE_ASPECT_COLOR_BIT;
  const VkImageLayout held = depth ? VK_IMAGE_LAYOUT_DEPTH_STENCIL_ATTACHMENT_OPTIMAL
                                   : VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL;
  const VkAccessFlags written = depth ? VK_ACCESS_DEPTH_STENCIL_ATTACHMENT_WRITE_BIT
                                      : VK_ACCESS_COLOR_ATTACHMENT_WRITE_BIT;
  VkBufferCreateInfo bi{};
  bi.sType = VK_STRUCTURE_TYPE_BUFFER_CREATE_INFO;
  bi.size = layerBytes * layerCount;
  bi.usage = VK_BUFFER_USAGE_TRANSFER_DST_BIT;
  VkBuffer buffer = VK_NULL_HANDLE;
  EXPECT_EQ(vkCreateBuffer(h.device, &bi, nullptr, &buffer), VK_SUCCESS);
  VkMemoryRequirements req;
  vkGetBufferMemoryRequirements(h.device, buffer, &req);
  VkMemoryAllocateInfo alloc{};
  alloc.sType = VK_STRUCTURE_TYPE_MEMORY_ALLOCATE_INFO;
  alloc.allocationSize = req.size;
  alloc.memoryTypeIndex = memoryType(h, req.memoryTypeBits, VK_MEMORY_PROPERTY_HOST_VISIBLE_BIT |
                                                                VK_MEMORY_PROPERTY_HOST_COHERENT_BIT);
  VkDeviceMemory memory = VK_NULL_HANDLE;
  EXPECT_EQ(vkAllocateMemory(h.device, &alloc, nullptr, &memory), VK_SUCCESS);
  EXPECT_EQ(vkBindBufferMemory(h.device, buffer, memory, 0), VK_SUCCESS);

  VkCommandPoolCreateInfo pi{};
  pi.sType = VK_STRUCTURE_TYPE_COMMAND_POOL_CREATE_INFO;
  pi.queueFamilyIndex = h.queueFamily;
  VkCommandPool pool = VK_NULL_HANDLE;
  EXPECT_EQ(vkCreateCommandPool(h.device, &pi, nullptr, &pool), VK_SUCCESS);
  VkCommandBufferAllocateInfo ci{};
  ci.sType = VK_STRUCTURE_TYPE_COMMAND_BUFFER_ALLOCATE_INFO;
  ci.commandPool = pool;
  ci.level = VK_COMMAND_BUFFER_LEVEL_PRIMARY;
  ci.commandBufferCount = 1;
  VkCommandBuffer cmd = VK_NULL_HANDLE;
  EXPECT_EQ(vkAllocateCommandBuffers(h.device, &ci, &cmd), VK_SUCCESS);
  VkCommandBufferBeginInfo begin{};
  begin.sType = VK_STRUCTURE_TYPE_COMMAND_BUFFER_BEGIN_INFO;
  begin.flags = VK_COMMAND_BUFFER_USAGE_ONE_TIME_SUBMIT_BIT;
  vkBeginCommandBuffer(cmd, &begin);
  layoutBarrier(cmd, image, held, VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL, written,
                VK_ACCESS_TRANSFER_READ_BIT, layerCount, aspect);
  VkBufferImageCopy copy{};
  copy.imageSubresource = {aspect, 0, 0, layerCount};
  copy.imageExtent = {extent.width, extent.height, 1};
  vkCmdCopyImageToBuffer(cmd, image, VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL, buffer, 1, &copy);
  layoutBarrier(cmd, image, VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL, held,
                VK_ACCESS_TRANSFER_READ_BIT, written, layerCount, aspect);
  vkEndCommandBuffer(cmd);
  VkQueue queue = VK_NULL_HANDLE;
  vkGetDeviceQueue(h.device, h.queueFamily, h.queueIndex, &queue);
  VkSubmitInfo submit{};
  submit.sType = VK_STRUCTURE_TYPE_SUBMIT_INFO;
  submit.commandBufferCount = 1;
  submit.pCommandBuffers = &cmd;
  EXPECT_EQ(vkQueueSubmit(queue, 1, &submit, VK_NULL_HANDLE), VK_SUCCESS);
  EXPECT_EQ(vkQueueWaitIdle(queue), VK_SUCCESS);

  std::vector<Image> layers(layerCount);
  void* mapped = nullptr;
  EXPECT_EQ(vkMapMemory(h.device, memory, 0, layerBytes * layerCount, 0, &mapped), VK_SUCCESS);
  for (std::size_t l = 0; l < layerCount && mapped != nullptr; ++l) {
    const auto* bytes = static_cast<const std::uint8_t*>(mapped) + l * layerBytes;
    layers[l] = Image{extent.width, extent.height, std::vector<std::uint8_t>(bytes, bytes + layerBytes)};
  }
  vkUnmapMemory(h.device, memory);
  vkDestroyCommandPool(h.device, pool, nullptr);
  vkDestroyBuffer(h.device, buffer, nullptr);
  vkFreeMemory(h.device, memory, nullptr);
  return layers;
}

TEST_F(RenderTest, DrawsStereoIntoExternalSwapchainImages) {
  const auto handles = renderer_->nativeHandles();
  ASSERT_NE(handles.device, VK_NULL_HANDLE);
  ASSERT_NE(handles.instance, VK_NULL_HANDLE);
  const VkExtent2D extent{64, 48};
  {
    RawImage first(handles, extent);
    RawImage second(handles, extent);
    ExternalImages images;
    images.images = {first.image, second.image};
    images.extent = extent;
    images.viewCount = 2;
    auto target = renderer_->createExternalTarget(images);
    ASSERT_TRUE(target.has_value()) << target.error().message;
    const auto scene = primitivesScene();
    FrameInput input;
    input.scene = &scene;
    input.views = {goldenView(64.0F / 48.0F), goldenView(64.0F / 48.0F)};
    for (std::uint32_t i = 0; i < 4; ++i) {  // like xrAcquireSwapchainImage's round robin
      (*target)->setCurrentImage(i % 2);
      auto stats = renderer_->render(input, **target);
      ASSERT_TRUE(stats.has_value()) << stats.error().message;
    }
    (*target)->setCurrentImage(7);
    EXPECT_FALSE(renderer_->render(input, **target).has_value());  // no such image
    target->reset();  // waits for the frames before the images go

    // What was drawn is there: both eyes of both images show the scene as an offscreen
    // render of the same view does (same renderer, same format).
    FrameInput mono;
    mono.scene = &scene;
    mono.views = {goldenView(64.0F / 48.0F)};
    const Image expected = render(mono, extent.width, extent.height);
    for (const RawImage* raw : {&first, &second}) {
      const auto layers = readLayers(handles, raw->image, extent);
      for (const auto& layer : layers) {
        const auto diff = compareImages(expected, layer, kChannelTolerance);
        EXPECT_TRUE(diff.sizeMatches);
        EXPECT_LE(diff.differingFraction, kMaxDifferingFraction)
            << "max channel difference " << diff.maxChannelDiff;
      }
    }
  }
}

TEST_F(RenderTest, AnExternalTargetNeedsImages) {
  EXPECT_FALSE(renderer_->createExternalTarget(ExternalImages{}).has_value());
  ExternalImages oneViewMissing;
  oneViewMissing.perView = {{VkImage{}}};  // two views, one swapchain
  EXPECT_FALSE(renderer_->createExternalTarget(oneViewMissing).has_value());
}

/// The depths of a D32 layer read back by readLayers.
std::vector<float> depths(const Image& layer) {
  std::vector<float> out(layer.rgba.size() / 4);
  std::memcpy(out.data(), layer.rgba.data(), out.size() * sizeof(float));
  return out;
}

/// A runtime that prefers one swapchain per view (two images each, acquired with different
/// indices): each view's image shows what an offscreen render of its view shows, and the
/// depth swapchains of both views hold the scene's depth (MSAA depth resolved from sample 0).
TEST_F(RenderTest, DrawsIntoOneSwapchainPerViewWithDepth) {
  const auto handles = renderer_->nativeHandles();
  const VkExtent2D extent{64, 48};
  {
    RawImage left0(handles, extent, 1), left1(handles, extent, 1);
    RawImage right0(handles, extent, 1), right1(handles, extent, 1);
    RawImage depthLeft(handles, extent, 1, true), depthRight(handles, extent, 1, true);
    ExternalImages images;
    images.perView = {{left0.image, left1.image}, {right0.image, right1.image}};
    images.depthPerView = {{depthLeft.image}, {depthRight.image}};
    images.extent = extent;
    auto target = renderer_->createExternalTarget(images);
    ASSERT_TRUE(target.has_value()) << target.error().message;
    EXPECT_TRUE((*target)->hasDepth());
    const auto scene = primitivesScene();
    const View left = goldenView(64.0F / 48.0F);
    View right = left;
    right.view = glm::translate(core::Mat4(1.0F), core::Vec3(0.3F, 0.0F, 0.0F)) * left.view;
    FrameInput input;
    input.scene = &scene;
    input.views = {left, right};
    (*target)->setCurrentImage(false, 0, 1);  // left acquired image 1, right image 0
    (*target)->setCurrentImage(false, 1, 0);
    (*target)->setCurrentImage(true, 0, 0);
    (*target)->setCurrentImage(true, 1, 0);
    auto stats = renderer_->render(input, **target);
    ASSERT_TRUE(stats.has_value());
    EXPECT_EQ(stats->scenePasses, 2U) << "one pass per view image";
    EXPECT_EQ(stats->shadowPasses, 1U) << "the shadow map is made once for both eyes";
    // A panel in view: laid out once per frame, not once per eye (its texture is shared).
    FrameInput withPanel = input;
    withPanel.panels.push_back(Panel{.title = "1 · Titel", .body = "Tekst", .pose = {}, .sizeMetres = {0.5F, 0.3F},
                                     .pixelsPerMetre = 400, .page = 0});
    stats = renderer_->render(withPanel, **target);
    ASSERT_TRUE(stats.has_value());
    EXPECT_EQ(stats->panelLayouts, 1U);
    EXPECT_EQ(stats->shadowPasses, 1U);
    EXPECT_EQ(stats->scenePasses, 2U);
    ASSERT_TRUE(renderer_->render(input, **target).has_value());  // the images compared below
    (*target)->setCurrentImage(true, 1, 3);
    EXPECT_FALSE(renderer_->render(input, **target).has_value());  // no depth image 3
    target->reset();

    for (const auto& [view, raw, depth] :
         {std::tuple{left, &left1, &depthLeft}, std::tuple{right, &right0, &depthRight}}) {
      FrameInput mono;
      mono.scene = &scene;
      mono.views = {view};
      const Image expected = render(mono, extent.width, extent.height);
      const auto diff = compareImages(expected, readLayers(handles, raw->image, extent, 1)[0],
                                      kChannelTolerance);
      EXPECT_LE(diff.differingFraction, kMaxDifferingFraction)
          << "max channel difference " << diff.maxChannelDiff;
      const auto d = depths(readLayers(handles, depth->image, extent, 1, true)[0]);
      const auto drawn = std::count_if(d.begin(), d.end(), [](float z) { return z < 1.0F; });
      EXPECT_GT(drawn, static_cast<long>(d.size() / 2)) << "the scene's depth is handed back";
      EXPECT_TRUE(std::all_of(d.begin(), d.end(), [](float z) { return z > 0.0F && z <= 1.0F; }));
    }
  }
}

/// Without MSAA the depth swapchain (an array, like the colour) is drawn into directly; both
/// layers of a stereo frame with equal views hold the same depths.
TEST(ExternalDepth, ArrayDepthWithoutMsaa) {
  std::vector<std::string> messages;
  auto options = testOptions(&messages);
  options.msaaSamples = 1;
  {
    auto renderer = Renderer::create(options);
    ASSERT_TRUE(renderer.has_value()) << renderer.error().message;
    const auto handles = (*renderer)->nativeHandles();
    const VkExtent2D extent{64, 48};
    RawImage colour(handles, extent), depth(handles, extent, 2, true);
    ExternalImages images;
    images.images = {colour.image};
    images.depth = {depth.image};
    images.extent = extent;
    auto target = (*renderer)->createExternalTarget(images);
    ASSERT_TRUE(target.has_value()) << target.error().message;
    const auto scene = primitivesScene();
    FrameInput input;
    input.scene = &scene;
    input.views = {goldenView(64.0F / 48.0F), goldenView(64.0F / 48.0F)};
    ASSERT_TRUE((*renderer)->render(input, **target).has_value());
    target->reset();
    const auto layers = readLayers(handles, depth.image, extent, 2, true);
    const auto left = depths(layers[0]);
    const auto right = depths(layers[1]);
    EXPECT_EQ(left, right);
    EXPECT_GT(std::count_if(left.begin(), left.end(), [](float z) { return z < 1.0F; }),
              static_cast<long>(left.size() / 2));
  }
  for (const auto& m : messages) ADD_FAILURE() << m;
}

}  // namespace
}  // namespace praxis::render::testing
