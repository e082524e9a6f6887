// External targets (what OpenXR swapchain images become): images created outside the
// renderer on its device, drawn in stereo, left in COLOR_ATTACHMENT_OPTIMAL, validation clean.
#include <gtest/gtest.h>

#include <vulkan/vulkan.h>

#include "render_fixture.h"

namespace praxis::render::testing {
namespace {

/// A 2-layer image and its memory, made with plain Vulkan like an XR runtime would.
struct RawImage {
  VkDevice device = VK_NULL_HANDLE;
  VkImage image = VK_NULL_HANDLE;
  VkDeviceMemory memory = VK_NULL_HANDLE;
  RawImage(const Renderer::NativeHandles& h, VkExtent2D extent) : device(h.device) {
    VkImageCreateInfo info{};
    info.sType = VK_STRUCTURE_TYPE_IMAGE_CREATE_INFO;
    info.imageType = VK_IMAGE_TYPE_2D;
    info.format = VK_FORMAT_R8G8B8A8_SRGB;
    info.extent = {extent.width, extent.height, 1};
    info.mipLevels = 1;
    info.arrayLayers = 2;
    info.samples = VK_SAMPLE_COUNT_1_BIT;
    info.tiling = VK_IMAGE_TILING_OPTIMAL;
    info.usage = VK_IMAGE_USAGE_COLOR_ATTACHMENT_BIT | VK_IMAGE_USAGE_TRANSFER_DST_BIT |
                 VK_IMAGE_USAGE_SAMPLED_BIT;
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
  }
}

TEST_F(RenderTest, AnExternalTargetNeedsImages) {
  EXPECT_FALSE(renderer_->createExternalTarget(ExternalImages{}).has_value());
}

}  // namespace
}  // namespace praxis::render::testing
