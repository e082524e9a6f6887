// Shared set-up for the simulated runtime's tests: the real OpenXR loader pointed at the
// runtime's manifest, the OpenXR core validation layer and Vulkan's validation layer on, and
// any message of either failing the test.
#pragma once

#define XR_USE_GRAPHICS_API_VULKAN
#define XR_USE_TIMESPEC
#include <time.h>  // NOLINT(modernize-deprecated-headers): struct timespec for openxr_platform.h
#include <vulkan/vulkan.h>
#include <openxr/openxr.h>
#include <openxr/openxr_platform.h>

#include <gtest/gtest.h>

#include <array>
#include <filesystem>
#include <string>
#include <vector>

namespace praxis::xrsim::testing {

/// An OpenXR struct of type T with its `type` set and everything else zero.
template <typename T>
T xrStruct(XrStructureType type) {
  T value{};
  value.type = type;
  return value;
}

/// An instance's function through xrGetInstanceProcAddr (a failed look-up fails the test).
template <typename F>
F xrFunction(XrInstance instance, const char* name) {
  PFN_xrVoidFunction f = nullptr;
  EXPECT_EQ(xrGetInstanceProcAddr(instance, name, &f), XR_SUCCESS) << name;
  return reinterpret_cast<F>(f);  // NOLINT(cppcoreguidelines-pro-type-reinterpret-cast)
}

/// Fails the current test with the call, the XrResult and where.
#define XR_EXPECT_OK(call) EXPECT_EQ((call), XR_SUCCESS) << #call
#define XR_ASSERT_OK(call) ASSERT_EQ((call), XR_SUCCESS) << #call

class XrSimTest : public ::testing::Test {
 protected:
  void SetUp() override;
  void TearDown() override;

  /// Sets a PRAXIS_XR_SIM_* (or any) variable for the runtime; before createInstance().
  static void setEnv(const char* name, const std::string& value);

  /// xrCreateInstance through the loader with the given extensions, and xrGetSystem (HMD).
  void createInstance(const std::vector<const char*>& extensions = {XR_KHR_VULKAN_ENABLE2_EXTENSION_NAME});
  /// A VkInstance and VkDevice made through XR_KHR_vulkan_enable2, validation layer on.
  void createVulkan();
  /// xrCreateSession with the Vulkan binding.
  void createSession();
  /// The states of the XrEventDataSessionStateChanged events queued so far, in order.
  std::vector<XrSessionState> pollStates();
  /// createInstance + createVulkan + createSession, polls READY, xrBeginSession (stereo).
  void beginSession(const std::vector<const char*>& extensions = {XR_KHR_VULKAN_ENABLE2_EXTENSION_NAME});
  /// A swapchain of `format` and `arraySize` layers with the recommended view size.
  XrSwapchain createSwapchain(std::int64_t format, std::uint32_t arraySize, XrSwapchainUsageFlags usage);
  std::vector<VkImage> swapchainImages(XrSwapchain swapchain);
  /// Clears layer `layer` of a color swapchain image to `rgba` (left in COLOR_ATTACHMENT_OPTIMAL).
  void clearImage(VkImage image, std::uint32_t layer, std::array<float, 4> rgba);
  /// One frame: wait, begin, then end with the layers given.
  XrFrameState frame(const std::vector<const XrCompositionLayerBaseHeader*>& layers);

  /// The file the core validation layer writes to, and what it added since createInstance().
  static std::filesystem::path layerLog();
  std::string newLayerMessages();

  XrInstance instance_ = XR_NULL_HANDLE;
  XrSystemId system_ = XR_NULL_SYSTEM_ID;
  XrSession session_ = XR_NULL_HANDLE;
  XrSpace stage_ = XR_NULL_HANDLE;
  VkInstance vkInstance_ = VK_NULL_HANDLE;
  VkPhysicalDevice physicalDevice_ = VK_NULL_HANDLE;
  VkDevice device_ = VK_NULL_HANDLE;
  VkDebugUtilsMessengerEXT vkMessenger_ = VK_NULL_HANDLE;
  std::uint32_t queueFamily_ = 0;
  VkQueue queue_ = VK_NULL_HANDLE;
  VkCommandPool pool_ = VK_NULL_HANDLE;
  std::vector<std::string> vulkanMessages_;
  std::filesystem::path dir_;  // a fresh folder for this test (layer log, captures, streams)
  /// Whether the core validation layer is on: off only for tests that pass invalid
  /// arguments on purpose (the layer would stop them before the runtime sees them).
  bool withValidationLayer_ = true;
  std::uintmax_t layerLogStart_ = 0;
};

/// Reads a PNG written by the runtime's capture: RGBA bytes, width, height.
struct Png {
  std::vector<std::uint8_t> rgba;
  std::uint32_t width = 0;
  std::uint32_t height = 0;
};
Png readCapture(const std::filesystem::path& path);

}  // namespace praxis::xrsim::testing
