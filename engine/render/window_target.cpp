// The window target: a GLFW window's Vulkan surface and swapchain (desktop mode), rebuilt
// on resize, out-of-date and suboptimal; idle while minimised; vsync and fullscreen.
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include <algorithm>

#include "render/renderer_impl.h"

namespace praxis::render {
namespace {

class WindowTargetImpl final : public WindowTarget {
 public:
  WindowTargetImpl(const VulkanContext& ctx, GLFWwindow* window, std::uint32_t framesInFlight,
                   bool vsync)
      : ctx_(ctx), window_(window), framesInFlight_(framesInFlight), vsync_(vsync) {
    VkSurfaceKHR surface = VK_NULL_HANDLE;
    const VkResult result = glfwCreateWindowSurface(static_cast<VkInstance>(*ctx_.instance),
                                                    window_, nullptr, &surface);
    if (result != VK_SUCCESS) {
      throw vk::SystemError(vk::make_error_code(vk::Result(result)), "glfwCreateWindowSurface");
    }
    surface_ = vk::raii::SurfaceKHR(ctx_.instance, surface);
    if (ctx_.physicalDevice.getSurfaceSupportKHR(ctx_.queueFamily, *surface_) == VK_FALSE) {
      throw vk::SystemError(vk::make_error_code(vk::Result::eErrorSurfaceLostKHR),
                            "the graphics queue cannot present to this window");
    }
    if (framebufferSize().width > 0) createSwapchain();
  }
  ~WindowTargetImpl() override { ctx_.device.waitIdle(); }
  WindowTargetImpl(const WindowTargetImpl&) = delete;
  WindowTargetImpl& operator=(const WindowTargetImpl&) = delete;

  VkExtent2D extent() const override { return extent_; }
  VkFormat format() const override { return static_cast<VkFormat>(format_); }
  std::uint32_t viewCount() const override { return 1; }

  core::Result<TargetImage> acquire() override {
    const VkExtent2D size = framebufferSize();
    if (size.width == 0 || size.height == 0) return TargetImage{};  // minimised: draw nothing
    if (stale_ || !*swapchain_ || size.width != extent_.width || size.height != extent_.height) {
      createSwapchain();
    }
    // Vulkan-Hpp's RAII acquire throws OutOfDateKHRError (it only returns success and
    // suboptimal): rebuild and try once more; a second failure means the window is changing
    // under us (a drag resize) and the next frame tries again.
    for (int attempt = 0; attempt < 2; ++attempt) {
      try {
        const auto& available = *acquired_[ring_];
        const auto [result, index] = swapchain_.acquireNextImage(UINT64_MAX, available);
        stale_ = result == vk::Result::eSuboptimalKHR;  // usable now, rebuilt next frame
        current_ = index;
        ring_ = (ring_ + 1) % static_cast<std::uint32_t>(acquired_.size());
        return imageFor(index, available);
      } catch (const vk::OutOfDateKHRError&) {
        createSwapchain();
      }
    }
    stale_ = true;
    return TargetImage{};
  }

  core::Result<void> finish() override {
    const vk::SwapchainKHR swapchain = *swapchain_;
    const vk::Semaphore wait = *rendered_[current_];
    const vk::PresentInfoKHR present(wait, swapchain, current_);
    // The plain call, not raii's presentKHR, which throws on OUT_OF_DATE: a resize is not an
    // error; the next acquire rebuilds the swapchain.
    const auto result = static_cast<vk::Result>(ctx_.device.getDispatcher()->vkQueuePresentKHR(
        static_cast<VkQueue>(*ctx_.queue), reinterpret_cast<const VkPresentInfoKHR*>(&present)));
    if (result == vk::Result::eSuboptimalKHR || result == vk::Result::eErrorOutOfDateKHR) {
      stale_ = true;
    } else if (result != vk::Result::eSuccess) {
      return core::fail("window: present failed: ", vk::to_string(result));
    }
    return {};
  }

  void setVsync(bool on) override {
    stale_ = stale_ || on != vsync_;
    vsync_ = on;
  }
  bool vsync() const override { return vsync_; }
  VkPresentModeKHR presentMode() const override { return static_cast<VkPresentModeKHR>(mode_); }
  float contentScale() const override {
    float x = 1.0F;
    float y = 1.0F;
    glfwGetWindowContentScale(window_, &x, &y);
    return std::max(x, y);
  }
  void setFullscreen(bool on) override;
  bool fullscreen() const override { return glfwGetWindowMonitor(window_) != nullptr; }
  std::uint32_t swapchainBuilds() const override { return builds_; }

 private:
  VkExtent2D framebufferSize() const {
    int width = 0;
    int height = 0;
    glfwGetFramebufferSize(window_, &width, &height);
    return VkExtent2D{static_cast<std::uint32_t>(std::max(width, 0)),
                      static_cast<std::uint32_t>(std::max(height, 0))};
  }
  TargetImage imageFor(std::uint32_t index, vk::Semaphore available) const {
    TargetImage out;
    out.image = images_[index];
    out.view = *views_[index];
    out.layerViews[0] = out.view;
    out.waitSemaphore = available;
    out.signalSemaphore = *rendered_[index];
    out.finalLayout = VK_IMAGE_LAYOUT_PRESENT_SRC_KHR;
    return out;
  }
  vk::PresentModeKHR pickPresentMode() const;
  void pickFormat();
  void createSwapchain();

  const VulkanContext& ctx_;
  GLFWwindow* window_;
  std::uint32_t framesInFlight_;
  bool vsync_;
  bool stale_ = false;  // suboptimal, out of date or vsync changed: rebuild before the next acquire
  std::uint32_t builds_ = 0;
  int windowed_[4] = {0, 0, 0, 0};  // position and size to return to from fullscreen
  vk::Format format_ = vk::Format::eUndefined;
  vk::ColorSpaceKHR colourSpace_ = vk::ColorSpaceKHR::eSrgbNonlinear;
  vk::PresentModeKHR mode_ = vk::PresentModeKHR::eFifo;
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

void WindowTargetImpl::setFullscreen(bool on) {
  if (on == fullscreen()) return;
  if (on) {
    glfwGetWindowPos(window_, &windowed_[0], &windowed_[1]);
    glfwGetWindowSize(window_, &windowed_[2], &windowed_[3]);
    GLFWmonitor* monitor = glfwGetPrimaryMonitor();
    const GLFWvidmode* mode = monitor != nullptr ? glfwGetVideoMode(monitor) : nullptr;
    if (mode == nullptr) return;  // no monitor to fill (a headless server): stay windowed
    glfwSetWindowMonitor(window_, monitor, 0, 0, mode->width, mode->height, mode->refreshRate);
  } else {
    glfwSetWindowMonitor(window_, nullptr, windowed_[0], windowed_[1], std::max(windowed_[2], 1),
                         std::max(windowed_[3], 1), GLFW_DONT_CARE);
  }
  stale_ = true;
}

vk::PresentModeKHR WindowTargetImpl::pickPresentMode() const {
  if (vsync_) return vk::PresentModeKHR::eFifo;
  const auto modes = ctx_.physicalDevice.getSurfacePresentModesKHR(*surface_);
  for (const auto wanted : {vk::PresentModeKHR::eMailbox, vk::PresentModeKHR::eImmediate}) {
    if (std::find(modes.begin(), modes.end(), wanted) != modes.end()) return wanted;
  }
  return vk::PresentModeKHR::eFifo;
}

void WindowTargetImpl::pickFormat() {
  const auto formats = ctx_.physicalDevice.getSurfaceFormatsKHR(*surface_);
  format_ = formats.front().format;
  colourSpace_ = formats.front().colorSpace;
  for (const auto& f : formats) {  // an sRGB format: the hardware encodes for us
    if (f.format == vk::Format::eB8G8R8A8Srgb || f.format == vk::Format::eR8G8B8A8Srgb) {
      format_ = f.format;
      colourSpace_ = f.colorSpace;
      break;
    }
  }
}

void WindowTargetImpl::createSwapchain() {
  ctx_.device.waitIdle();
  const auto caps = ctx_.physicalDevice.getSurfaceCapabilitiesKHR(*surface_);
  if (format_ == vk::Format::eUndefined) pickFormat();
  const VkExtent2D size = framebufferSize();
  extent_ =
      caps.currentExtent.width != UINT32_MAX
          ? static_cast<VkExtent2D>(caps.currentExtent)
          : VkExtent2D{
                std::clamp(size.width, caps.minImageExtent.width, caps.maxImageExtent.width),
                std::clamp(size.height, caps.minImageExtent.height, caps.maxImageExtent.height)};
  if (extent_.width == 0 || extent_.height == 0) return;  // minimised meanwhile: acquire waits
  mode_ = pickPresentMode();
  std::uint32_t count = std::max(caps.minImageCount + 1, framesInFlight_);
  if (caps.maxImageCount > 0) count = std::min(count, caps.maxImageCount);
  vk::SwapchainCreateInfoKHR info(
      {}, *surface_, count, format_, colourSpace_, extent_, 1,
      vk::ImageUsageFlagBits::eColorAttachment | vk::ImageUsageFlagBits::eTransferDst,
      vk::SharingMode::eExclusive, {}, caps.currentTransform,
      vk::CompositeAlphaFlagBitsKHR::eOpaque, mode_, VK_TRUE, *swapchain_);
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
  for (std::size_t i = 0; i <= images_.size(); ++i)
    acquired_.push_back(ctx_.device.createSemaphore({}));
  ring_ = 0;
  stale_ = false;
  ++builds_;
}

}  // namespace

std::vector<std::string> windowInstanceExtensions() {
  std::uint32_t count = 0;
  const char** names = glfwGetRequiredInstanceExtensions(&count);
  std::vector<std::string> out;
  for (std::uint32_t i = 0; i < count && names != nullptr; ++i) out.emplace_back(names[i]);
  return out;
}

core::Result<std::unique_ptr<WindowTarget>> Renderer::createWindowTarget(GLFWwindow* window,
                                                                         bool vsync) {
  if (window == nullptr) return core::fail("window target: no window");
  if (!impl_->options.windowing) {
    return core::fail("window target: the renderer was created without RendererOptions::windowing");
  }
  try {
    return std::make_unique<WindowTargetImpl>(*impl_->ctx, window, impl_->options.framesInFlight,
                                              vsync);
  } catch (const vk::SystemError& e) {
    return core::fail("window target: ", e.what());
  }
}

}  // namespace praxis::render
