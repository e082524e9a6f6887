// The Vulkan renderer: draws a scene::Scene with glTF PBR materials, a shadowed directional
// light, 4x MSAA and the training visuals into any RenderTarget. Vulkan stays inside render.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "assets/mesh.h"
#include "core/log.h"
#include "core/result.h"
#include "render/frame_input.h"
#include "render/render_target.h"
#include "render/ui_font.h"
#include "render/vulkan_creator.h"

struct GLFWwindow;

namespace praxis::render {

/// The instance extensions a GLFW window surface needs (call after glfwInit); put them in
/// RendererOptions::instanceExtensions together with windowing = true.
[[nodiscard]] std::vector<std::string> windowInstanceExtensions();

/// How stereo targets are drawn. Multiview draws both eyes in one pass. lavapipe (Mesa 22.3)
/// drops clipped triangles in views after the first, so Auto draws one eye per pass there
/// (same shaders, same images) and multiview everywhere else.
enum class StereoMode { Auto, Multiview, PerEyePasses };

inline constexpr std::uint32_t kMsaaAuto = 0;

/// Whether opaque objects first fill the depth buffer alone, so the colour pass shades each
/// pixel once. Auto: on with a GPU, where that saves the shading of hidden surfaces; off on a
/// software rasterizer (lavapipe), where transforming and setting up every triangle a second
/// time costs more than the overdraw it saves (docs/render.md). The image is the same.
enum class DepthPrepass { Auto, On, Off };

struct RendererOptions {
  /// Creates instance and device; null: plain Vulkan with `preference`.
  std::shared_ptr<VulkanCreator> creator;
  DevicePreference preference = DevicePreference::Gpu;
  /// Enables VK_LAYER_KHRONOS_validation and routes every message to onValidationMessage.
  bool validation = false;
  std::function<void(std::string_view)> onValidationMessage;
  core::Log log;
  std::uint32_t framesInFlight = 2;
  /// 1 or 4, or kMsaaAuto: 4 on a GPU, 1 on a software rasterizer (lavapipe), where every
  /// sample is shaded-pipeline work on the CPU and 4x halves the frame rate (docs/render.md).
  std::uint32_t msaaSamples = 4;
  std::uint32_t shadowMapSize = 1024;
  DepthPrepass depthPrepass = DepthPrepass::Auto;
  StereoMode stereo = StereoMode::Auto;
  /// Pipeline cache file; unset: <userDataDir>/cache/pipelines.bin; empty path: no cache.
  std::optional<std::filesystem::path> pipelineCacheFile;
  /// Extra instance extensions (a window needs GLFW's); asks for VK_KHR_swapchain too.
  std::vector<std::string> instanceExtensions;
  bool windowing = false;
  /// The UI font of the world-space panels (render/ui_font.h); create() fails, naming the
  /// file and the Debian package, when it cannot be read.
  std::filesystem::path fontFile{kDefaultFontFile};
  std::filesystem::path boldFontFile{kDefaultBoldFontFile};
};

class Renderer {
 public:
  [[nodiscard]] static core::Result<std::unique_ptr<Renderer>> create(RendererOptions options);
  ~Renderer();
  Renderer(const Renderer&) = delete;
  Renderer& operator=(const Renderer&) = delete;

  /// Uploads a model; entities whose Visual::model equals `key` draw it.
  [[nodiscard]] core::Result<void> addModel(const std::string& key, const assets::Model& model);

  [[nodiscard]] core::Result<std::unique_ptr<OffscreenTarget>> createOffscreenTarget(
      std::uint32_t width, std::uint32_t height, std::uint32_t viewCount = 1);
  [[nodiscard]] core::Result<std::unique_ptr<ExternalTarget>> createExternalTarget(
      const ExternalImages& images);
  /// A swapchain on a GLFW window (desktop mode). Needs RendererOptions::windowing and
  /// windowInstanceExtensions(). Resizes rebuild the swapchain on the next frame.
  [[nodiscard]] core::Result<std::unique_ptr<WindowTarget>> createWindowTarget(
      GLFWwindow* window, bool vsync = true);

  /// Draws one frame into `target`. input.views.size() must equal target.viewCount().
  [[nodiscard]] core::Result<FrameStats> render(const FrameInput& input, RenderTarget& target);

  /// The Vulkan objects the xr module hands to OpenXR (XrGraphicsBindingVulkan2KHR) and uses
  /// to create swapchain images. Owned by the renderer; valid for its lifetime.
  struct NativeHandles {
    VkInstance instance = VK_NULL_HANDLE;
    VkPhysicalDevice physicalDevice = VK_NULL_HANDLE;
    VkDevice device = VK_NULL_HANDLE;
    std::uint32_t queueFamily = 0;
    std::uint32_t queueIndex = 0;
  };
  [[nodiscard]] NativeHandles nativeHandles() const;

  /// Waits until the GPU has finished every frame.
  void waitIdle();
  [[nodiscard]] std::string deviceName() const;
  /// The MSAA sample count in use (RendererOptions::msaaSamples, kMsaaAuto resolved).
  [[nodiscard]] std::uint32_t msaaSamples() const;

  struct Impl;

 private:
  explicit Renderer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

/// Renders `input` (its views, or a default camera when it has none) offscreen at
/// width x height and writes a PNG: the core of `praxis snapshot`. With two views the
/// image holds both eyes side by side.
[[nodiscard]] core::Result<void> renderSceneToPng(
    const FrameInput& input, std::uint32_t width, std::uint32_t height,
    const std::filesystem::path& path, RendererOptions options = {},
    const std::map<std::string, assets::Model>& models = {});

/// A camera that frames every visible entity of `scene` from the front and above.
[[nodiscard]] View defaultView(const scene::Scene& scene, float aspect);

}  // namespace praxis::render
