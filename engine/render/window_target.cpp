// The window target: a GLFW window's Vulkan surface and swapchain (desktop mode).
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include <algorithm>

#include "render/renderer_impl.h"

namespace praxis::render {
namespace {

class WindowTargetImpl final : public RenderTarget {
 public:
  WindowTargetImpl(const VulkanContext& ctx, GLFWwindow* window, std::uint32_t framesInFlight)
      : ctx_(ctx), window_(window), framesInFlight_(framesInFlight) {
    VkSurfaceKHR surface = VK_NULL_HANDLE;
    const VkResult result =
        glfwCreateWindowSurface(static_cast<VkInstance>(*ctx_.instance), window_, nullptr, &surface);
    if (result != VK_SUCCESS) {
      throw vk::SystemError(vk::make_error_code(vk::Result(result)), "glfwCreateWindowSurface");
    }
    surface_ = vk::raii::SurfaceKHR(ctx_.instance, surface);
    if (ctx_.physicalDevice.getSurfaceSupportKHR(ctx_.queueFamily, *surface_) == VK_FALSE) {
      throw vk::SystemError(vk::make_error_code(vk::Result::eErrorSurfaceLostKHR),
                            "the graphics queue cannot present to this window");
    }
    createSwapchain();
  }
  ~WindowTargetImpl() override { ctx_.device.waitIdle(); }
  WindowTargetImpl(const WindowTargetImpl&) = delete;
  WindowTargetImpl& operator=(const WindowTargetImpl&) = delete;

  VkExtent2D extent() const override { return extent_; }
  VkFormat format() const override { return static_cast<VkFormat>(format_); }
  std::uint32_t viewCount() const override { return 1; }

  core::Result<TargetImage> acquire() override {
    for (int attempt = 0; attempt < 2; ++attempt) {
      const auto& available = *acquired_[ring_];
      const auto [result, index] = swapchain_.acquireNextImage(UINT64_MAX, available);
      if (result == vk::Result::eSuccess || result == vk::Result::eSuboptimalKHR) {
        current_ = index;
        TargetImage out;
        out.image = images_[index];
        out.view = *views_[index];
        out.layerViews[0] = out.view;
        out.waitSemaphore = available;
        out.signalSemaphore = *rendered_[index];
        out.finalLayout = VK_IMAGE_LAYOUT_PRESENT_SRC_KHR;
        ring_ = (ring_ + 1) % static_cast<std::uint32_t>(acquired_.size());
        return out;
      }
      createSwapchain();  // out of date (resized): rebuild once and retry
    }
    return core::fail("window: cannot acquire a swapchain image");
  }

  core::Result<void> finish() override {
    const vk::SwapchainKHR swapchain = *swapchain_;
    const vk::Semaphore wait = *rendered_[current_];
    const vk::PresentInfoKHR present(wait, swapchain, current_);
    // raii's presentKHR throws on OUT_OF_DATE; a resize is not an error, the next acquire
    // rebuilds the swapchain.
    const auto result = static_cast<vk::Result>(ctx_.device.getDispatcher()->vkQueuePresentKHR(
        static_cast<VkQueue>(*ctx_.queue), reinterpret_cast<const VkPresentInfoKHR*>(&present)));
    if (result != vk::Result::eSuccess && result != vk::Result::eSuboptimalKHR &&
        result != vk::Result::eErrorOutOfDateKHR) {
      return core::fail("window: present failed: ", vk::to_string(result));
    }
    return {};
  }

 private:
  void createSwapchain() {
    ctx_.device.waitIdle();
    const auto caps = ctx_.physicalDevice.getSurfaceCapabilitiesKHR(*surface_);
    const auto formats = ctx_.physicalDevice.getSurfaceFormatsKHR(*surface_);
    format_ = formats.front().format;
    vk::ColorSpaceKHR colourSpace = formats.front().colorSpace;
    for (const auto& f : formats) {  // an sRGB format: the hardware encodes for us
      if (f.format == vk::Format::eB8G8R8A8Srgb || f.format == vk::Format::eR8G8B8A8Srgb) {
        format_ = f.format;
        colourSpace = f.colorSpace;
        break;
      }
    }
    int width = 0;
    int height = 0;
    glfwGetFramebufferSize(window_, &width, &height);
    extent_ = caps.currentExtent.width != UINT32_MAX
                  ? static_cast<VkExtent2D>(caps.currentExtent)
                  : VkExtent2D{static_cast<std::uint32_t>(std::max(width, 1)),
                               static_cast<std::uint32_t>(std::max(height, 1))};
    std::uint32_t count = std::max(caps.minImageCount + 1, framesInFlight_);
    if (caps.maxImageCount > 0) count = std::min(count, caps.maxImageCount);
    vk::SwapchainCreateInfoKHR info(
        {}, *surface_, count, format_, colourSpace, extent_, 1,
        vk::ImageUsageFlagBits::eColorAttachment | vk::ImageUsageFlagBits::eTransferDst,
        vk::SharingMode::eExclusive, {}, caps.currentTransform,
        vk::CompositeAlphaFlagBitsKHR::eOpaque, vk::PresentModeKHR::eFifo, VK_TRUE, *swapchain_);
    // Views and semaphores of the old swapchain go first, then the old swapchain itself.
    views_.clear();
    vk::raii::SwapchainKHR next = ctx_.device.createSwapchainKHR(info);
    swapchain_ = std::move(next);
    images_.clear();
    for (auto image : swapchain_.getImages()) images_.push_back(static_cast<VkImage>(image));
    rendered_.clear();
    acquired_.clear();
    for (VkImage image : images_) {
      views_.push_back(createArrayView(ctx_, image, format_, 1, vk::ImageAspectFlagBits::eColor));
      rendered_.push_back(ctx_.device.createSemaphore({}));
    }
    // One more acquire semaphore than images: the one being acquired is never still in use.
    for (std::size_t i = 0; i <= images_.size(); ++i) acquired_.push_back(ctx_.device.createSemaphore({}));
    ring_ = 0;
  }

  const VulkanContext& ctx_;
  GLFWwindow* window_;
  std::uint32_t framesInFlight_;
  vk::Format format_ = vk::Format::eUndefined;
  VkExtent2D extent_{};
  // Surface before swapchain before views/semaphores: destroyed in reverse.
  vk::raii::SurfaceKHR surface_{nullptr};
  vk::raii::SwapchainKHR swapchain_{nullptr};
  std::vector<VkImage> images_;  // owned by the swapchain
  std::vector<vk::raii::ImageView> views_;
  std::vector<vk::raii::Semaphore> rendered_;  // per swapchain image
  std::vector<vk::raii::Semaphore> acquired_;  // a ring, one more than images
  std::uint32_t ring_ = 0;
  std::uint32_t current_ = 0;
};

}  // namespace

std::vector<std::string> windowInstanceExtensions() {
  std::uint32_t count = 0;
  const char** names = glfwGetRequiredInstanceExtensions(&count);
  std::vector<std::string> out;
  for (std::uint32_t i = 0; i < count && names != nullptr; ++i) out.emplace_back(names[i]);
  return out;
}

core::Result<std::unique_ptr<RenderTarget>> Renderer::createWindowTarget(GLFWwindow* window) {
  if (window == nullptr) return core::fail("window target: no window");
  if (!impl_->options.windowing) {
    return core::fail("window target: the renderer was created without RendererOptions::windowing");
  }
  try {
    return std::make_unique<WindowTargetImpl>(*impl_->ctx, window, impl_->options.framesInFlight);
  } catch (const vk::SystemError& e) {
    return core::fail("window target: ", e.what());
  }
}

}  // namespace praxis::render
