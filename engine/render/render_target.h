// Where a frame goes: an offscreen image, a window's swapchain, or images handed in from
// outside (OpenXR swapchain images). The renderer draws every kind the same way.
#pragma once

#include <vulkan/vulkan_core.h>

#include <array>
#include <cstdint>
#include <vector>

#include "core/result.h"
#include "render/image.h"

namespace praxis::render {

/// The image a frame is drawn into, with the synchronisation the target asks for.
struct TargetImage {
  VkImage image = VK_NULL_HANDLE;
  VkImageView view = VK_NULL_HANDLE;  // 2D array view over viewCount() layers
  /// One single-layer view per layer, for drivers where stereo is drawn one eye per pass.
  std::array<VkImageView, 2> layerViews{};
  VkSemaphore waitSemaphore = VK_NULL_HANDLE;    // signalled when the image may be written
  VkSemaphore signalSemaphore = VK_NULL_HANDLE;  // signalled when the frame is drawn
  VkImageLayout finalLayout = VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL;
};

class RenderTarget {
 public:
  virtual ~RenderTarget() = default;
  [[nodiscard]] virtual VkExtent2D extent() const = 0;
  [[nodiscard]] virtual VkFormat format() const = 0;
  /// Layers drawn in one pass with multiview: 1 (mono) or 2 (stereo).
  [[nodiscard]] virtual std::uint32_t viewCount() const = 0;
  /// The image for the next frame (a swapchain acquires here).
  [[nodiscard]] virtual core::Result<TargetImage> acquire() = 0;
  /// Called after the frame's commands are submitted (a swapchain presents here).
  [[nodiscard]] virtual core::Result<void> finish() = 0;
};

/// An image the renderer owns; read back to the CPU for snapshots and golden tests.
class OffscreenTarget : public RenderTarget {
 public:
  /// Waits for the last frame and copies layer `layer` to the CPU (RGBA8, sRGB-encoded).
  [[nodiscard]] virtual core::Result<Image> readback(std::uint32_t layer = 0) = 0;
};

/// Images created elsewhere (an XR swapchain, arraySize = views). The owner says which
/// image the next frame goes to; the renderer leaves it in COLOR_ATTACHMENT_OPTIMAL. Usage
/// must include COLOR_ATTACHMENT, and TRANSFER_DST where stereo is drawn one eye per pass.
struct ExternalImages {
  std::vector<VkImage> images;
  VkFormat format = VK_FORMAT_R8G8B8A8_SRGB;
  VkExtent2D extent{};
  std::uint32_t viewCount = 2;
};

class ExternalTarget : public RenderTarget {
 public:
  /// The index of the image the next frame is drawn into (xrAcquireSwapchainImage's).
  virtual void setCurrentImage(std::uint32_t index) = 0;
};

}  // namespace praxis::render
