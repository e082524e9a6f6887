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
  /// One image per view (an XR runtime that prefers a swapchain per view): view i is layer 0
  /// of viewImages[i], layerViews[i] views it, and `image` is viewImages[0]. Such targets
  /// are drawn one view per pass; the shadow map, the panels and the draw list are still made
  /// once per frame.
  bool separateViews = false;
  std::array<VkImage, 2> viewImages{};
  /// Depth to keep for the compositor (XR_KHR_composition_layer_depth), laid out like the
  /// colour (one array image, or one image per view), format kXrDepthFormat, left in
  /// DEPTH_STENCIL_ATTACHMENT_OPTIMAL. Null: depth is discarded after the frame.
  VkImageView depthView = VK_NULL_HANDLE;
  std::array<VkImageView, 2> depthLayerViews{};
  std::array<VkImage, 2> depthImages{};  // [0] only for an array; one per view otherwise
};

/// The depth format of the renderer's depth buffer; a depth swapchain must use it.
inline constexpr VkFormat kXrDepthFormat = VK_FORMAT_D32_SFLOAT;

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

/// Images created elsewhere (XR swapchains). Either one array swapchain (`images`, each with
/// `viewCount` layers: multiview) or one swapchain per view (`perView[v]`, single-layer
/// images), whichever the runtime prefers. The owner says which image the next frame goes
/// to; the renderer leaves colour in COLOR_ATTACHMENT_OPTIMAL. Usage must include
/// COLOR_ATTACHMENT, and TRANSFER_DST where stereo is drawn one eye per pass.
struct ExternalImages {
  std::vector<VkImage> images;
  std::vector<std::vector<VkImage>> perView;
  VkFormat format = VK_FORMAT_R8G8B8A8_SRGB;
  VkExtent2D extent{};
  std::uint32_t viewCount = 2;
  /// Depth swapchains (XR_KHR_composition_layer_depth) in the colour's layout: `depth` for an
  /// array, `depthPerView` for one per view; format kXrDepthFormat, usage
  /// DEPTH_STENCIL_ATTACHMENT. Empty: no depth is handed back.
  std::vector<VkImage> depth;
  std::vector<std::vector<VkImage>> depthPerView;
};

/// A GLFW window's swapchain (desktop mode). acquire() rebuilds the swapchain when the window
/// was resized or the surface says it is out of date or suboptimal; while the framebuffer is
/// 0x0 (minimised) it returns a TargetImage without an image and Renderer::render draws
/// nothing (FrameStats::skipped): the front end then waits for events instead of spinning.
class WindowTarget : public RenderTarget {
 public:
  /// On: FIFO (no tearing, the display's rate). Off: MAILBOX, else IMMEDIATE, else FIFO
  /// (the only mode every driver has). Takes effect at the next frame.
  virtual void setVsync(bool on) = 0;
  [[nodiscard]] virtual bool vsync() const = 0;
  /// The present mode of the current swapchain.
  [[nodiscard]] virtual VkPresentModeKHR presentMode() const = 0;
  /// The window's content scale (HiDPI): 1.5 on a 150 % display. Text is sized with it.
  [[nodiscard]] virtual float contentScale() const = 0;
  /// Fullscreen on the window's monitor (F11) or back to the window it was; the swapchain
  /// follows at the next frame.
  virtual void setFullscreen(bool on) = 0;
  [[nodiscard]] virtual bool fullscreen() const = 0;
  /// How often the swapchain has been built (1 after creation): tests count rebuilds.
  [[nodiscard]] virtual std::uint32_t swapchainBuilds() const = 0;
};

class ExternalTarget : public RenderTarget {
 public:
  /// The index of the image the next frame is drawn into (xrAcquireSwapchainImage's), for
  /// every swapchain of the target.
  virtual void setCurrentImage(std::uint32_t index) = 0;
  /// The index for one swapchain: colour or depth, of view `view` (0 for an array swapchain).
  /// Each OpenXR swapchain acquires on its own, so their indices may differ.
  virtual void setCurrentImage(bool depth, std::uint32_t view, std::uint32_t index) = 0;
  /// Whether the target hands depth back (ExternalImages::depth or depthPerView).
  [[nodiscard]] virtual bool hasDepth() const = 0;
};

}  // namespace praxis::render
