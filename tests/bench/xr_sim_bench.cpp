// Frame-loop overhead of the simulated OpenXR runtime, as an application pays it through the
// loader: wait/begin/end with a stereo projection layer, action sync, view and space location,
// swapchain acquire/wait/release. PRAXIS_XR_SIM_PACE=free, so no sleeping and no drawing is
// measured. Issue 9's budget: <= 0.3 ms per frame.
#define XR_USE_GRAPHICS_API_VULKAN
#include <vulkan/vulkan.h>
#include <openxr/openxr.h>
#include <openxr/openxr_platform.h>

#include <benchmark/benchmark.h>

#include <array>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

void check(XrResult r, const char* what) {
  if (XR_FAILED(r)) {
    throw std::runtime_error(std::string(what) + " failed: " + std::to_string(r));
  }
}

template <typename F>
F xrFn(XrInstance instance, const char* name) {
  PFN_xrVoidFunction f = nullptr;
  check(xrGetInstanceProcAddr(instance, name, &f), name);
  return reinterpret_cast<F>(f);  // NOLINT(cppcoreguidelines-pro-type-reinterpret-cast)
}

/// An instance, a Vulkan device made through XR_KHR_vulkan_enable2, a running session, a
/// stereo array swapchain and a STAGE space: what an application has in its frame loop.
struct Rig {
  XrInstance instance = XR_NULL_HANDLE;
  XrSystemId system = XR_NULL_SYSTEM_ID;
  VkInstance vkInstance = VK_NULL_HANDLE;
  VkPhysicalDevice physical = VK_NULL_HANDLE;
  VkDevice device = VK_NULL_HANDLE;
  XrSession session = XR_NULL_HANDLE;
  XrSpace stage = XR_NULL_HANDLE;
  XrSwapchain swapchain = XR_NULL_HANDLE;
  XrActionSet actionSet = XR_NULL_HANDLE;

  Rig() {
    ::setenv("XR_RUNTIME_JSON", PRAXIS_XR_SIM_MANIFEST, 1);
    ::setenv("PRAXIS_XR_SIM_PACE", "free", 1);
    ::unsetenv("XR_ENABLE_API_LAYERS");
    createInstance();
    createVulkan();
    createSession();
  }
  Rig(const Rig&) = delete;
  Rig& operator=(const Rig&) = delete;
  ~Rig() {
    xrDestroySession(session);
    vkDestroyDevice(device, nullptr);
    vkDestroyInstance(vkInstance, nullptr);
    xrDestroyInstance(instance);
  }

  void createInstance() {
    const char* extension = XR_KHR_VULKAN_ENABLE2_EXTENSION_NAME;
    XrInstanceCreateInfo info{};
    info.type = XR_TYPE_INSTANCE_CREATE_INFO;
    std::strncpy(info.applicationInfo.applicationName, "xr_sim_bench", XR_MAX_APPLICATION_NAME_SIZE - 1);
    info.applicationInfo.apiVersion = XR_MAKE_VERSION(1, 0, 0);
    info.enabledExtensionCount = 1;
    info.enabledExtensionNames = &extension;
    check(xrCreateInstance(&info, &instance), "xrCreateInstance");
    XrSystemGetInfo systemInfo{.type = XR_TYPE_SYSTEM_GET_INFO, .next = nullptr,
                               .formFactor = XR_FORM_FACTOR_HEAD_MOUNTED_DISPLAY};
    check(xrGetSystem(instance, &systemInfo, &system), "xrGetSystem");
  }

  void createVulkan() {
    XrGraphicsRequirementsVulkan2KHR req{};
    req.type = XR_TYPE_GRAPHICS_REQUIREMENTS_VULKAN2_KHR;
    check(xrFn<PFN_xrGetVulkanGraphicsRequirements2KHR>(instance, "xrGetVulkanGraphicsRequirements2KHR")(
              instance, system, &req),
          "requirements");
    VkApplicationInfo app{.sType = VK_STRUCTURE_TYPE_APPLICATION_INFO, .pNext = nullptr,
                          .pApplicationName = "xr_sim_bench", .applicationVersion = 1, .pEngineName = "praxis",
                          .engineVersion = 1, .apiVersion = VK_API_VERSION_1_1};
    VkInstanceCreateInfo vkInfo{.sType = VK_STRUCTURE_TYPE_INSTANCE_CREATE_INFO, .pNext = nullptr, .flags = 0,
                                .pApplicationInfo = &app, .enabledLayerCount = 0, .ppEnabledLayerNames = nullptr,
                                .enabledExtensionCount = 0, .ppEnabledExtensionNames = nullptr};
    XrVulkanInstanceCreateInfoKHR ci{.type = XR_TYPE_VULKAN_INSTANCE_CREATE_INFO_KHR, .next = nullptr,
                                     .systemId = system, .createFlags = 0,
                                     .pfnGetInstanceProcAddr = vkGetInstanceProcAddr, .vulkanCreateInfo = &vkInfo,
                                     .vulkanAllocator = nullptr};
    VkResult vr = VK_SUCCESS;
    check(xrFn<PFN_xrCreateVulkanInstanceKHR>(instance, "xrCreateVulkanInstanceKHR")(instance, &ci, &vkInstance, &vr),
          "xrCreateVulkanInstanceKHR");
    XrVulkanGraphicsDeviceGetInfoKHR gi{.type = XR_TYPE_VULKAN_GRAPHICS_DEVICE_GET_INFO_KHR, .next = nullptr,
                                        .systemId = system, .vulkanInstance = vkInstance};
    check(xrFn<PFN_xrGetVulkanGraphicsDevice2KHR>(instance, "xrGetVulkanGraphicsDevice2KHR")(instance, &gi, &physical),
          "xrGetVulkanGraphicsDevice2KHR");
    float priority = 1.0F;
    VkDeviceQueueCreateInfo queue{.sType = VK_STRUCTURE_TYPE_DEVICE_QUEUE_CREATE_INFO, .pNext = nullptr, .flags = 0,
                                  .queueFamilyIndex = 0, .queueCount = 1, .pQueuePriorities = &priority};
    VkDeviceCreateInfo dci{.sType = VK_STRUCTURE_TYPE_DEVICE_CREATE_INFO, .pNext = nullptr, .flags = 0,
                           .queueCreateInfoCount = 1, .pQueueCreateInfos = &queue, .enabledLayerCount = 0,
                           .ppEnabledLayerNames = nullptr, .enabledExtensionCount = 0,
                           .ppEnabledExtensionNames = nullptr, .pEnabledFeatures = nullptr};
    XrVulkanDeviceCreateInfoKHR xdci{.type = XR_TYPE_VULKAN_DEVICE_CREATE_INFO_KHR, .next = nullptr,
                                     .systemId = system, .createFlags = 0,
                                     .pfnGetInstanceProcAddr = vkGetInstanceProcAddr, .vulkanPhysicalDevice = physical,
                                     .vulkanCreateInfo = &dci, .vulkanAllocator = nullptr};
    check(xrFn<PFN_xrCreateVulkanDeviceKHR>(instance, "xrCreateVulkanDeviceKHR")(instance, &xdci, &device, &vr),
          "xrCreateVulkanDeviceKHR");
  }

  void createSession() {
    XrGraphicsBindingVulkan2KHR binding{.type = XR_TYPE_GRAPHICS_BINDING_VULKAN2_KHR, .next = nullptr,
                                        .instance = vkInstance, .physicalDevice = physical, .device = device,
                                        .queueFamilyIndex = 0, .queueIndex = 0};
    XrSessionCreateInfo info{.type = XR_TYPE_SESSION_CREATE_INFO, .next = &binding, .createFlags = 0,
                             .systemId = system};
    check(xrCreateSession(instance, &info, &session), "xrCreateSession");
    XrSessionBeginInfo begin{.type = XR_TYPE_SESSION_BEGIN_INFO, .next = nullptr,
                             .primaryViewConfigurationType = XR_VIEW_CONFIGURATION_TYPE_PRIMARY_STEREO};
    check(xrBeginSession(session, &begin), "xrBeginSession");
    XrReferenceSpaceCreateInfo space{.type = XR_TYPE_REFERENCE_SPACE_CREATE_INFO, .next = nullptr,
                                     .referenceSpaceType = XR_REFERENCE_SPACE_TYPE_STAGE,
                                     .poseInReferenceSpace = {.orientation = {0, 0, 0, 1}, .position = {0, 0, 0}}};
    check(xrCreateReferenceSpace(session, &space, &stage), "xrCreateReferenceSpace");
    XrSwapchainCreateInfo sc{.type = XR_TYPE_SWAPCHAIN_CREATE_INFO, .next = nullptr, .createFlags = 0,
                             .usageFlags = XR_SWAPCHAIN_USAGE_COLOR_ATTACHMENT_BIT, .format = VK_FORMAT_R8G8B8A8_SRGB,
                             .sampleCount = 1, .width = 1832, .height = 1920, .faceCount = 1, .arraySize = 2,
                             .mipCount = 1};
    check(xrCreateSwapchain(session, &sc, &swapchain), "xrCreateSwapchain");
    XrActionSetCreateInfo set{};
    set.type = XR_TYPE_ACTION_SET_CREATE_INFO;
    std::strncpy(set.actionSetName, "bench", XR_MAX_ACTION_SET_NAME_SIZE - 1);
    std::strncpy(set.localizedActionSetName, "Bench", XR_MAX_LOCALIZED_ACTION_SET_NAME_SIZE - 1);
    check(xrCreateActionSet(instance, &set, &actionSet), "xrCreateActionSet");
    XrSessionActionSetsAttachInfo attach{.type = XR_TYPE_SESSION_ACTION_SETS_ATTACH_INFO, .next = nullptr,
                                         .countActionSets = 1, .actionSets = &actionSet};
    check(xrAttachSessionActionSets(session, &attach), "xrAttachSessionActionSets");
  }

  /// One application frame without drawing.
  void frame() {
    XrFrameState state{.type = XR_TYPE_FRAME_STATE, .next = nullptr, .predictedDisplayTime = 0,
                       .predictedDisplayPeriod = 0, .shouldRender = XR_FALSE};
    check(xrWaitFrame(session, nullptr, &state), "xrWaitFrame");
    check(xrBeginFrame(session, nullptr), "xrBeginFrame");
    XrActiveActionSet active{.actionSet = actionSet, .subactionPath = XR_NULL_PATH};
    XrActionsSyncInfo sync{.type = XR_TYPE_ACTIONS_SYNC_INFO, .next = nullptr, .countActiveActionSets = 1,
                           .activeActionSets = &active};
    check(xrSyncActions(session, &sync), "xrSyncActions");
    XrViewLocateInfo locate{.type = XR_TYPE_VIEW_LOCATE_INFO, .next = nullptr,
                            .viewConfigurationType = XR_VIEW_CONFIGURATION_TYPE_PRIMARY_STEREO,
                            .displayTime = state.predictedDisplayTime, .space = stage};
    XrViewState viewState{.type = XR_TYPE_VIEW_STATE, .next = nullptr, .viewStateFlags = 0};
    std::array<XrView, 2> views{};
    views.fill(XrView{.type = XR_TYPE_VIEW, .next = nullptr, .pose = {}, .fov = {}});
    std::uint32_t count = 0;
    check(xrLocateViews(session, &locate, &viewState, 2, &count, views.data()), "xrLocateViews");
    XrSpaceLocation location{.type = XR_TYPE_SPACE_LOCATION, .next = nullptr, .locationFlags = 0, .pose = {}};
    check(xrLocateSpace(stage, stage, state.predictedDisplayTime, &location), "xrLocateSpace");
    std::uint32_t index = 0;
    check(xrAcquireSwapchainImage(swapchain, nullptr, &index), "xrAcquireSwapchainImage");
    XrSwapchainImageWaitInfo wait{.type = XR_TYPE_SWAPCHAIN_IMAGE_WAIT_INFO, .next = nullptr,
                                  .timeout = XR_INFINITE_DURATION};
    check(xrWaitSwapchainImage(swapchain, &wait), "xrWaitSwapchainImage");
    check(xrReleaseSwapchainImage(swapchain, nullptr), "xrReleaseSwapchainImage");
    std::array<XrCompositionLayerProjectionView, 2> projViews{};
    for (std::uint32_t eye = 0; eye < 2; ++eye) {
      projViews[eye] = XrCompositionLayerProjectionView{
          .type = XR_TYPE_COMPOSITION_LAYER_PROJECTION_VIEW, .next = nullptr, .pose = views[eye].pose,
          .fov = views[eye].fov,
          .subImage = {.swapchain = swapchain, .imageRect = {.offset = {0, 0}, .extent = {1832, 1920}},
                       .imageArrayIndex = eye}};
    }
    XrCompositionLayerProjection layer{.type = XR_TYPE_COMPOSITION_LAYER_PROJECTION, .next = nullptr,
                                       .layerFlags = 0, .space = stage, .viewCount = 2, .views = projViews.data()};
    const auto* header = reinterpret_cast<const XrCompositionLayerBaseHeader*>(&layer);  // NOLINT
    XrFrameEndInfo end{.type = XR_TYPE_FRAME_END_INFO, .next = nullptr, .displayTime = state.predictedDisplayTime,
                       .environmentBlendMode = XR_ENVIRONMENT_BLEND_MODE_OPAQUE, .layerCount = 1,
                       .layers = &header};
    check(xrEndFrame(session, &end), "xrEndFrame");
  }
};

void BM_XrSimFrameLoop(benchmark::State& state) {
  Rig rig;
  for (auto _ : state) {
    rig.frame();
  }
  state.SetLabel("wait/begin/sync/locate views+space/acquire-wait-release/end, PACE=free");
}
BENCHMARK(BM_XrSimFrameLoop)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
