#include "xr_sim_fixture.h"

#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>

#include <unistd.h>

#include "render/image.h"

namespace praxis::xrsim::testing {
namespace {

VKAPI_ATTR VkBool32 VKAPI_CALL onVulkanMessage(VkDebugUtilsMessageSeverityFlagBitsEXT severity,
                                               VkDebugUtilsMessageTypeFlagsEXT /*types*/,
                                               const VkDebugUtilsMessengerCallbackDataEXT* data, void* user) {
  if (severity >= VK_DEBUG_UTILS_MESSAGE_SEVERITY_WARNING_BIT_EXT) {
    static_cast<std::vector<std::string>*>(user)->emplace_back(data->pMessage);
  }
  return VK_FALSE;
}


VkDebugUtilsMessengerCreateInfoEXT messengerInfo(std::vector<std::string>* sink) {
  return VkDebugUtilsMessengerCreateInfoEXT{
      .sType = VK_STRUCTURE_TYPE_DEBUG_UTILS_MESSENGER_CREATE_INFO_EXT,
      .pNext = nullptr,
      .flags = 0,
      .messageSeverity = VK_DEBUG_UTILS_MESSAGE_SEVERITY_WARNING_BIT_EXT | VK_DEBUG_UTILS_MESSAGE_SEVERITY_ERROR_BIT_EXT,
      .messageType = VK_DEBUG_UTILS_MESSAGE_TYPE_GENERAL_BIT_EXT | VK_DEBUG_UTILS_MESSAGE_TYPE_VALIDATION_BIT_EXT |
                     VK_DEBUG_UTILS_MESSAGE_TYPE_PERFORMANCE_BIT_EXT,
      .pfnUserCallback = onVulkanMessage,
      .pUserData = sink};
}

std::string readFile(const std::filesystem::path& path, std::uintmax_t from) {
  std::ifstream in(path);
  in.seekg(static_cast<std::streamoff>(from));
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

std::filesystem::path XrSimTest::layerLog() {
  // The layer reads its output settings once per process, so every test shares one file and
  // looks only at what was added during the test.
  static const std::filesystem::path path = std::filesystem::path(PRAXIS_BINARY_DIR) / "tests" / "xr_sim" / "out" /
                                            ("core_validation-" + std::to_string(::getpid()) + ".txt");
  return path;
}

std::string XrSimTest::newLayerMessages() {
  std::error_code ec;
  std::uintmax_t size = std::filesystem::file_size(layerLog(), ec);
  if (ec || size <= layerLogStart_) {
    return {};
  }
  std::string added = readFile(layerLog(), layerLogStart_);
  layerLogStart_ = size;
  return added;
}

namespace {

}  // namespace

void XrSimTest::setEnv(const char* name, const std::string& value) { ::setenv(name, value.c_str(), 1); }

void XrSimTest::SetUp() {
  const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
  dir_ = std::filesystem::path(PRAXIS_BINARY_DIR) / "tests" / "xr_sim" / "out" /
         (std::string(info->test_suite_name()) + "." + info->name());
  std::filesystem::remove_all(dir_);
  std::filesystem::create_directories(dir_);
  if (const char* rt = std::getenv("XDG_RUNTIME_DIR"); rt == nullptr || *rt == '\0') {
    std::filesystem::path runtimeDir = std::filesystem::path(PRAXIS_BINARY_DIR) / "xdg-runtime";
    std::filesystem::create_directories(runtimeDir);
    std::filesystem::permissions(runtimeDir, std::filesystem::perms::owner_all);
    setEnv("XDG_RUNTIME_DIR", runtimeDir.string());
  }
  setEnv("XR_RUNTIME_JSON", PRAXIS_XR_SIM_MANIFEST);
  for (const char* name : {"PRAXIS_XR_SIM_BLEND", "PRAXIS_XR_SIM_FRAMES", "PRAXIS_XR_SIM_CAPTURE",
                           "PRAXIS_XR_SIM_INPUT", "PRAXIS_XR_SIM_VIEW_SIZE", "PRAXIS_XR_SIM_IPD"}) {
    ::unsetenv(name);
  }
  // Tests run at full speed; the realtime pacing has its own test.
  setEnv("PRAXIS_XR_SIM_PACE", "free");
}

void XrSimTest::TearDown() {
  if (pool_ != VK_NULL_HANDLE) {
    vkDestroyCommandPool(device_, pool_, nullptr);
  }
  if (session_ != XR_NULL_HANDLE) {
    EXPECT_EQ(xrDestroySession(session_), XR_SUCCESS);
  }
  if (device_ != VK_NULL_HANDLE) {
    vkDestroyDevice(device_, nullptr);
  }
  if (vkMessenger_ != VK_NULL_HANDLE) {
    auto destroy = reinterpret_cast<PFN_vkDestroyDebugUtilsMessengerEXT>(  // NOLINT
        vkGetInstanceProcAddr(vkInstance_, "vkDestroyDebugUtilsMessengerEXT"));
    destroy(vkInstance_, vkMessenger_, nullptr);
  }
  if (vkInstance_ != VK_NULL_HANDLE) {
    vkDestroyInstance(vkInstance_, nullptr);
  }
  if (instance_ != XR_NULL_HANDLE) {
    EXPECT_EQ(xrDestroyInstance(instance_), XR_SUCCESS);
  }
  for (const std::string& message : vulkanMessages_) {
    ADD_FAILURE() << "Vulkan validation: " << message;
  }
  std::string log = withValidationLayer_ ? newLayerMessages() : std::string();
  EXPECT_TRUE(log.empty()) << "OpenXR core validation layer reported:\n" << log;
  ::unsetenv("XR_ENABLE_API_LAYERS");
}

void XrSimTest::createInstance(const std::vector<const char*>& extensions) {
  if (withValidationLayer_) {
    // The layer writes every message it has to this file; TearDown fails the test on any.
    setEnv("XR_ENABLE_API_LAYERS", "XR_APILAYER_LUNARG_core_validation");
    setEnv("XR_CORE_VALIDATION_EXPORT_TYPE", "text");
    setEnv("XR_CORE_VALIDATION_FILE_NAME", layerLog().string());
    std::error_code ec;
    layerLogStart_ = std::filesystem::file_size(layerLog(), ec);
    if (ec) {
      layerLogStart_ = 0;
    }
  } else {
    ::unsetenv("XR_ENABLE_API_LAYERS");
  }
  XrInstanceCreateInfo info{.type = XR_TYPE_INSTANCE_CREATE_INFO,
                            .next = nullptr,
                            .createFlags = 0,
                            .applicationInfo = {},
                            .enabledApiLayerCount = 0,
                            .enabledApiLayerNames = nullptr,
                            .enabledExtensionCount = static_cast<std::uint32_t>(extensions.size()),
                            .enabledExtensionNames = extensions.data()};
  std::strncpy(info.applicationInfo.applicationName, "xr_sim_tests", XR_MAX_APPLICATION_NAME_SIZE - 1);
  info.applicationInfo.apiVersion = XR_MAKE_VERSION(1, 0, 0);
  XR_ASSERT_OK(xrCreateInstance(&info, &instance_));
  XrSystemGetInfo systemInfo{.type = XR_TYPE_SYSTEM_GET_INFO, .next = nullptr,
                             .formFactor = XR_FORM_FACTOR_HEAD_MOUNTED_DISPLAY};
  XR_ASSERT_OK(xrGetSystem(instance_, &systemInfo, &system_));
}

void XrSimTest::createVulkan() {
  XrGraphicsRequirementsVulkan2KHR requirements{.type = XR_TYPE_GRAPHICS_REQUIREMENTS_VULKAN2_KHR, .next = nullptr,
                                                .minApiVersionSupported = 0, .maxApiVersionSupported = 0};
  XR_ASSERT_OK(xrFunction<PFN_xrGetVulkanGraphicsRequirements2KHR>(instance_, "xrGetVulkanGraphicsRequirements2KHR")(
      instance_, system_, &requirements));
  std::uint32_t apiVersion = VK_MAKE_API_VERSION(0, XR_VERSION_MAJOR(requirements.maxApiVersionSupported),
                                                 XR_VERSION_MINOR(requirements.maxApiVersionSupported), 0);
  VkApplicationInfo app{.sType = VK_STRUCTURE_TYPE_APPLICATION_INFO, .pNext = nullptr,
                        .pApplicationName = "xr_sim_tests", .applicationVersion = 1, .pEngineName = "praxis",
                        .engineVersion = 1, .apiVersion = apiVersion};
  const char* layer = "VK_LAYER_KHRONOS_validation";
  const char* extension = VK_EXT_DEBUG_UTILS_EXTENSION_NAME;
  VkDebugUtilsMessengerCreateInfoEXT messenger = messengerInfo(&vulkanMessages_);
  VkInstanceCreateInfo vkInfo{.sType = VK_STRUCTURE_TYPE_INSTANCE_CREATE_INFO, .pNext = &messenger, .flags = 0,
                              .pApplicationInfo = &app, .enabledLayerCount = 1, .ppEnabledLayerNames = &layer,
                              .enabledExtensionCount = 1, .ppEnabledExtensionNames = &extension};
  XrVulkanInstanceCreateInfoKHR createInfo{.type = XR_TYPE_VULKAN_INSTANCE_CREATE_INFO_KHR, .next = nullptr,
                                           .systemId = system_, .createFlags = 0,
                                           .pfnGetInstanceProcAddr = vkGetInstanceProcAddr,
                                           .vulkanCreateInfo = &vkInfo, .vulkanAllocator = nullptr};
  VkResult vkResult = VK_ERROR_UNKNOWN;
  XR_ASSERT_OK(xrFunction<PFN_xrCreateVulkanInstanceKHR>(instance_, "xrCreateVulkanInstanceKHR")(
      instance_, &createInfo, &vkInstance_, &vkResult));
  ASSERT_EQ(vkResult, VK_SUCCESS);
  auto createMessenger = reinterpret_cast<PFN_vkCreateDebugUtilsMessengerEXT>(  // NOLINT
      vkGetInstanceProcAddr(vkInstance_, "vkCreateDebugUtilsMessengerEXT"));
  ASSERT_EQ(createMessenger(vkInstance_, &messenger, nullptr, &vkMessenger_), VK_SUCCESS);

  XrVulkanGraphicsDeviceGetInfoKHR deviceInfo{.type = XR_TYPE_VULKAN_GRAPHICS_DEVICE_GET_INFO_KHR, .next = nullptr,
                                              .systemId = system_, .vulkanInstance = vkInstance_};
  XR_ASSERT_OK(xrFunction<PFN_xrGetVulkanGraphicsDevice2KHR>(instance_, "xrGetVulkanGraphicsDevice2KHR")(
      instance_, &deviceInfo, &physicalDevice_));
  std::uint32_t familyCount = 0;
  vkGetPhysicalDeviceQueueFamilyProperties(physicalDevice_, &familyCount, nullptr);
  std::vector<VkQueueFamilyProperties> families(familyCount);
  vkGetPhysicalDeviceQueueFamilyProperties(physicalDevice_, &familyCount, families.data());
  for (std::uint32_t i = 0; i < familyCount; ++i) {
    if ((families[i].queueFlags & VK_QUEUE_GRAPHICS_BIT) != 0) {
      queueFamily_ = i;
      break;
    }
  }
  float priority = 1.0F;
  VkDeviceQueueCreateInfo queueInfo{.sType = VK_STRUCTURE_TYPE_DEVICE_QUEUE_CREATE_INFO, .pNext = nullptr,
                                    .flags = 0, .queueFamilyIndex = queueFamily_, .queueCount = 1,
                                    .pQueuePriorities = &priority};
  VkDeviceCreateInfo vkDeviceInfo{.sType = VK_STRUCTURE_TYPE_DEVICE_CREATE_INFO, .pNext = nullptr, .flags = 0,
                                  .queueCreateInfoCount = 1, .pQueueCreateInfos = &queueInfo,
                                  .enabledLayerCount = 0, .ppEnabledLayerNames = nullptr,
                                  .enabledExtensionCount = 0, .ppEnabledExtensionNames = nullptr,
                                  .pEnabledFeatures = nullptr};
  XrVulkanDeviceCreateInfoKHR xrDeviceInfo{.type = XR_TYPE_VULKAN_DEVICE_CREATE_INFO_KHR, .next = nullptr,
                                           .systemId = system_, .createFlags = 0,
                                           .pfnGetInstanceProcAddr = vkGetInstanceProcAddr,
                                           .vulkanPhysicalDevice = physicalDevice_,
                                           .vulkanCreateInfo = &vkDeviceInfo, .vulkanAllocator = nullptr};
  XR_ASSERT_OK(xrFunction<PFN_xrCreateVulkanDeviceKHR>(instance_, "xrCreateVulkanDeviceKHR")(
      instance_, &xrDeviceInfo, &device_, &vkResult));
  ASSERT_EQ(vkResult, VK_SUCCESS);
  vkGetDeviceQueue(device_, queueFamily_, 0, &queue_);
  VkCommandPoolCreateInfo poolInfo{.sType = VK_STRUCTURE_TYPE_COMMAND_POOL_CREATE_INFO, .pNext = nullptr,
                                   .flags = VK_COMMAND_POOL_CREATE_TRANSIENT_BIT, .queueFamilyIndex = queueFamily_};
  ASSERT_EQ(vkCreateCommandPool(device_, &poolInfo, nullptr, &pool_), VK_SUCCESS);
}

void XrSimTest::createSession() {
  XrGraphicsBindingVulkan2KHR binding{.type = XR_TYPE_GRAPHICS_BINDING_VULKAN2_KHR, .next = nullptr,
                                      .instance = vkInstance_, .physicalDevice = physicalDevice_, .device = device_,
                                      .queueFamilyIndex = queueFamily_, .queueIndex = 0};
  XrSessionCreateInfo info{.type = XR_TYPE_SESSION_CREATE_INFO, .next = &binding, .createFlags = 0,
                           .systemId = system_};
  XR_ASSERT_OK(xrCreateSession(instance_, &info, &session_));
  XrReferenceSpaceCreateInfo stage{.type = XR_TYPE_REFERENCE_SPACE_CREATE_INFO, .next = nullptr,
                                   .referenceSpaceType = XR_REFERENCE_SPACE_TYPE_STAGE,
                                   .poseInReferenceSpace = {.orientation = {0, 0, 0, 1}, .position = {0, 0, 0}}};
  XR_ASSERT_OK(xrCreateReferenceSpace(session_, &stage, &stage_));
}

std::vector<XrSessionState> XrSimTest::pollStates() {
  std::vector<XrSessionState> states;
  XrEventDataBuffer event{.type = XR_TYPE_EVENT_DATA_BUFFER, .next = nullptr, .varying = {}};
  while (xrPollEvent(instance_, &event) == XR_SUCCESS) {
    if (event.type == XR_TYPE_EVENT_DATA_SESSION_STATE_CHANGED) {
      states.push_back(reinterpret_cast<const XrEventDataSessionStateChanged&>(event).state);  // NOLINT
    }
    event = XrEventDataBuffer{.type = XR_TYPE_EVENT_DATA_BUFFER, .next = nullptr, .varying = {}};
  }
  return states;
}

void XrSimTest::beginSession(const std::vector<const char*>& extensions) {
  createInstance(extensions);
  ASSERT_NO_FATAL_FAILURE(createVulkan());
  ASSERT_NO_FATAL_FAILURE(createSession());
  ASSERT_EQ(pollStates(), (std::vector{XR_SESSION_STATE_IDLE, XR_SESSION_STATE_READY}));
  XrSessionBeginInfo begin{.type = XR_TYPE_SESSION_BEGIN_INFO, .next = nullptr,
                           .primaryViewConfigurationType = XR_VIEW_CONFIGURATION_TYPE_PRIMARY_STEREO};
  XR_ASSERT_OK(xrBeginSession(session_, &begin));
}

XrSwapchain XrSimTest::createSwapchain(std::int64_t format, std::uint32_t arraySize, XrSwapchainUsageFlags usage) {
  XrSwapchainCreateInfo info{.type = XR_TYPE_SWAPCHAIN_CREATE_INFO, .next = nullptr, .createFlags = 0,
                             .usageFlags = usage, .format = format, .sampleCount = 1, .width = 64, .height = 48,
                             .faceCount = 1, .arraySize = arraySize, .mipCount = 1};
  XrSwapchain swapchain = XR_NULL_HANDLE;
  EXPECT_EQ(xrCreateSwapchain(session_, &info, &swapchain), XR_SUCCESS);
  return swapchain;
}

std::vector<VkImage> XrSimTest::swapchainImages(XrSwapchain swapchain) {
  std::uint32_t count = 0;
  EXPECT_EQ(xrEnumerateSwapchainImages(swapchain, 0, &count, nullptr), XR_SUCCESS);
  std::vector<XrSwapchainImageVulkan2KHR> images(
      count, XrSwapchainImageVulkan2KHR{.type = XR_TYPE_SWAPCHAIN_IMAGE_VULKAN2_KHR, .next = nullptr,
                                        .image = VK_NULL_HANDLE});
  EXPECT_EQ(xrEnumerateSwapchainImages(swapchain, count, &count,
                                       reinterpret_cast<XrSwapchainImageBaseHeader*>(images.data())),  // NOLINT
            XR_SUCCESS);
  std::vector<VkImage> out;
  for (const auto& image : images) {
    out.push_back(image.image);
  }
  return out;
}

void XrSimTest::clearImage(VkImage image, std::uint32_t layer, std::array<float, 4> rgba) {
  VkCommandBufferAllocateInfo alloc{.sType = VK_STRUCTURE_TYPE_COMMAND_BUFFER_ALLOCATE_INFO, .pNext = nullptr,
                                    .commandPool = pool_, .level = VK_COMMAND_BUFFER_LEVEL_PRIMARY,
                                    .commandBufferCount = 1};
  VkCommandBuffer cmd = VK_NULL_HANDLE;
  ASSERT_EQ(vkAllocateCommandBuffers(device_, &alloc, &cmd), VK_SUCCESS);
  VkCommandBufferBeginInfo begin{.sType = VK_STRUCTURE_TYPE_COMMAND_BUFFER_BEGIN_INFO, .pNext = nullptr,
                                 .flags = VK_COMMAND_BUFFER_USAGE_ONE_TIME_SUBMIT_BIT, .pInheritanceInfo = nullptr};
  vkBeginCommandBuffer(cmd, &begin);
  VkImageSubresourceRange range{.aspectMask = VK_IMAGE_ASPECT_COLOR_BIT, .baseMipLevel = 0, .levelCount = 1,
                                .baseArrayLayer = layer, .layerCount = 1};
  auto barrier = [&](VkImageLayout from, VkImageLayout to) {
    VkImageMemoryBarrier b{.sType = VK_STRUCTURE_TYPE_IMAGE_MEMORY_BARRIER, .pNext = nullptr,
                           .srcAccessMask = VK_ACCESS_MEMORY_WRITE_BIT,
                           .dstAccessMask = VK_ACCESS_MEMORY_READ_BIT | VK_ACCESS_MEMORY_WRITE_BIT,
                           .oldLayout = from, .newLayout = to, .srcQueueFamilyIndex = VK_QUEUE_FAMILY_IGNORED,
                           .dstQueueFamilyIndex = VK_QUEUE_FAMILY_IGNORED, .image = image, .subresourceRange = range};
    vkCmdPipelineBarrier(cmd, VK_PIPELINE_STAGE_ALL_COMMANDS_BIT, VK_PIPELINE_STAGE_ALL_COMMANDS_BIT, 0, 0, nullptr, 0,
                         nullptr, 1, &b);
  };
  barrier(VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL, VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL);
  VkClearColorValue color{.float32 = {rgba[0], rgba[1], rgba[2], rgba[3]}};
  vkCmdClearColorImage(cmd, image, VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, &color, 1, &range);
  barrier(VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL);
  vkEndCommandBuffer(cmd);
  VkSubmitInfo submit{.sType = VK_STRUCTURE_TYPE_SUBMIT_INFO, .pNext = nullptr, .waitSemaphoreCount = 0,
                      .pWaitSemaphores = nullptr, .pWaitDstStageMask = nullptr, .commandBufferCount = 1,
                      .pCommandBuffers = &cmd, .signalSemaphoreCount = 0, .pSignalSemaphores = nullptr};
  ASSERT_EQ(vkQueueSubmit(queue_, 1, &submit, VK_NULL_HANDLE), VK_SUCCESS);
  ASSERT_EQ(vkQueueWaitIdle(queue_), VK_SUCCESS);
  vkFreeCommandBuffers(device_, pool_, 1, &cmd);
}

XrFrameState XrSimTest::frame(const std::vector<const XrCompositionLayerBaseHeader*>& layers) {
  XrFrameState state{.type = XR_TYPE_FRAME_STATE, .next = nullptr, .predictedDisplayTime = 0,
                     .predictedDisplayPeriod = 0, .shouldRender = XR_FALSE};
  EXPECT_EQ(xrWaitFrame(session_, nullptr, &state), XR_SUCCESS);
  EXPECT_EQ(xrBeginFrame(session_, nullptr), XR_SUCCESS);
  XrFrameEndInfo end{.type = XR_TYPE_FRAME_END_INFO, .next = nullptr, .displayTime = state.predictedDisplayTime,
                     .environmentBlendMode = XR_ENVIRONMENT_BLEND_MODE_OPAQUE,
                     .layerCount = static_cast<std::uint32_t>(layers.size()), .layers = layers.data()};
  EXPECT_EQ(xrEndFrame(session_, &end), XR_SUCCESS);
  return state;
}

Png readCapture(const std::filesystem::path& path) {
  auto image = render::readPng(path);
  if (!image) {
    ADD_FAILURE() << "cannot read " << path;
    return {};
  }
  return Png{.rgba = image->rgba, .width = image->width, .height = image->height};
}

}  // namespace praxis::xrsim::testing
