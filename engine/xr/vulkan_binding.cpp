#include "xr/vulkan_binding.h"

#include <vulkan/vulkan_core.h>
#include <openxr/openxr_platform.h>

#include <algorithm>
#include <sstream>
#include <string>
#include <vector>

#include "xr/check.h"

namespace praxis::xr {
namespace {

std::string vkResultText(VkResult r) { return "VkResult " + std::to_string(static_cast<int>(r)); }

/// XR_KHR_vulkan_enable2's xrCreateVulkanInstanceKHR / xrCreateVulkanDeviceKHR: the runtime
/// calls `vkCall` for us; both the XrResult and the VkResult it passes back must be success.
template <typename Create, typename Created, typename Info>
core::Result<Created> createThroughRuntime(const Instance& instance, const char* name, const char* vkCall,
                                           const Info& info) {
  auto create = instance.function<Create>(name);
  if (!create) return std::unexpected(create.error());
  Created out = VK_NULL_HANDLE;
  VkResult vk = VK_SUCCESS;
  if (auto ok = check((*create)(instance.handle(), &info, &out, &vk), name); !ok) return std::unexpected(ok.error());
  if (vk != VK_SUCCESS) return core::fail(name, ": ", vkCall, " gave ", vkResultText(vk));
  return out;
}

/// A space-separated list (xrGetVulkan*ExtensionsKHR) split into names.
std::vector<std::string> split(const std::string& text) {
  std::istringstream in(text);
  std::vector<std::string> out;
  for (std::string word; in >> word;) out.push_back(word);
  return out;
}

/// Both enable extensions: what differs is who calls vkCreateInstance / vkCreateDevice.
class XrVulkanCreator final : public render::VulkanCreator {
 public:
  XrVulkanCreator(const Instance& instance, render::ApiVersionRange range)
      : instance_(instance), range_(range) {}

  render::ApiVersionRange apiVersions() const override { return range_; }
  std::string pickedBy() const override { return "the OpenXR runtime " + instance_.runtimeName(); }

  core::Result<VkInstance> createInstance(PFN_vkGetInstanceProcAddr getProc,
                                          const VkInstanceCreateInfo& info) override {
    if (instance_.vulkanEnable() == VulkanEnable::Enable1) return createInstance1(getProc, info);
    auto xrInfo = xrStruct<XrVulkanInstanceCreateInfoKHR>(XR_TYPE_VULKAN_INSTANCE_CREATE_INFO_KHR);
    xrInfo.systemId = instance_.system();
    xrInfo.pfnGetInstanceProcAddr = getProc;
    xrInfo.vulkanCreateInfo = &info;
    auto out = createThroughRuntime<PFN_xrCreateVulkanInstanceKHR, VkInstance>(
        instance_, "xrCreateVulkanInstanceKHR", "vkCreateInstance", xrInfo);
    if (out) getProc_ = getProc;
    return out;
  }

  core::Result<VkPhysicalDevice> pickPhysicalDevice(VkInstance instance) override {
    VkPhysicalDevice out = VK_NULL_HANDLE;
    if (instance_.vulkanEnable() == VulkanEnable::Enable1) {
      auto get = instance_.function<PFN_xrGetVulkanGraphicsDeviceKHR>("xrGetVulkanGraphicsDeviceKHR");
      if (!get) return std::unexpected(get.error());
      if (auto ok = check((*get)(instance_.handle(), instance_.system(), instance, &out),
                          "xrGetVulkanGraphicsDeviceKHR");
          !ok) {
        return std::unexpected(ok.error());
      }
      return out;
    }
    auto get = instance_.function<PFN_xrGetVulkanGraphicsDevice2KHR>("xrGetVulkanGraphicsDevice2KHR");
    if (!get) return std::unexpected(get.error());
    auto info = xrStruct<XrVulkanGraphicsDeviceGetInfoKHR>(XR_TYPE_VULKAN_GRAPHICS_DEVICE_GET_INFO_KHR);
    info.systemId = instance_.system();
    info.vulkanInstance = instance;
    if (auto ok = check((*get)(instance_.handle(), &info, &out), "xrGetVulkanGraphicsDevice2KHR"); !ok) {
      return std::unexpected(ok.error());
    }
    return out;
  }

  core::Result<VkDevice> createDevice(VkPhysicalDevice physical, const VkDeviceCreateInfo& info) override {
    if (instance_.vulkanEnable() == VulkanEnable::Enable1) return createDevice1(physical, info);
    auto xrInfo = xrStruct<XrVulkanDeviceCreateInfoKHR>(XR_TYPE_VULKAN_DEVICE_CREATE_INFO_KHR);
    xrInfo.systemId = instance_.system();
    xrInfo.pfnGetInstanceProcAddr = getProc_;
    xrInfo.vulkanPhysicalDevice = physical;
    xrInfo.vulkanCreateInfo = &info;
    return createThroughRuntime<PFN_xrCreateVulkanDeviceKHR, VkDevice>(instance_, "xrCreateVulkanDeviceKHR",
                                                                       "vkCreateDevice", xrInfo);
  }

 private:
  /// XR_KHR_vulkan_enable: the runtime's extension list, added to ours, then plain Vulkan.
  core::Result<std::vector<std::string>> extensions(const char* functionName) {
    auto get = instance_.function<PFN_xrGetVulkanInstanceExtensionsKHR>(functionName);
    if (!get) return std::unexpected(get.error());
    std::uint32_t size = 0;
    if (auto ok = check((*get)(instance_.handle(), instance_.system(), 0, &size, nullptr), functionName); !ok) {
      return std::unexpected(ok.error());
    }
    std::string text(size, '\0');
    if (auto ok = check((*get)(instance_.handle(), instance_.system(), size, &size, text.data()), functionName);
        !ok) {
      return std::unexpected(ok.error());
    }
    text.resize(size > 0 ? size - 1 : 0);  // the count includes the terminating zero
    return split(text);
  }

  static std::vector<const char*> merged(const char* const* ours, std::uint32_t count,
                                         const std::vector<std::string>& theirs) {
    std::vector<const char*> out(ours, ours + count);
    for (const auto& name : theirs) {
      if (std::find_if(out.begin(), out.end(), [&](const char* o) { return name == o; }) == out.end()) {
        out.push_back(name.c_str());
      }
    }
    return out;
  }

  /// Our extensions and the ones the runtime names through `functionName`, kept in `store`
  /// (the returned pointers point into it and into `info`).
  template <typename Info>
  core::Result<std::vector<const char*>> withRuntimeExtensions(const char* functionName, const Info& info,
                                                               std::vector<std::string>& store) {
    auto theirs = extensions(functionName);
    if (!theirs) return std::unexpected(theirs.error());
    store = std::move(*theirs);
    return merged(info.ppEnabledExtensionNames, info.enabledExtensionCount, store);
  }

  core::Result<VkInstance> createInstance1(PFN_vkGetInstanceProcAddr getProc, const VkInstanceCreateInfo& info) {
    const auto names = withRuntimeExtensions("xrGetVulkanInstanceExtensionsKHR", info, instanceExtensions_);
    if (!names) return std::unexpected(names.error());
    VkInstanceCreateInfo copy = info;
    copy.enabledExtensionCount = static_cast<std::uint32_t>(names->size());
    copy.ppEnabledExtensionNames = names->data();
    auto create = reinterpret_cast<PFN_vkCreateInstance>(getProc(nullptr, "vkCreateInstance"));
    VkInstance out = VK_NULL_HANDLE;
    if (const VkResult r = create(&copy, nullptr, &out); r != VK_SUCCESS) {
      return core::fail("vkCreateInstance (XR_KHR_vulkan_enable) gave ", vkResultText(r));
    }
    getProc_ = getProc;
    vkInstance_ = out;
    return out;
  }

  core::Result<VkDevice> createDevice1(VkPhysicalDevice physical, const VkDeviceCreateInfo& info) {
    const auto names = withRuntimeExtensions("xrGetVulkanDeviceExtensionsKHR", info, deviceExtensions_);
    if (!names) return std::unexpected(names.error());
    VkDeviceCreateInfo copy = info;
    copy.enabledExtensionCount = static_cast<std::uint32_t>(names->size());
    copy.ppEnabledExtensionNames = names->data();
    // Through the instance's dispatch: the xr module does not link the Vulkan loader.
    auto create = reinterpret_cast<PFN_vkCreateDevice>(getProc_(vkInstance_, "vkCreateDevice"));
    VkDevice out = VK_NULL_HANDLE;
    if (const VkResult r = create(physical, &copy, nullptr, &out); r != VK_SUCCESS) {
      return core::fail("vkCreateDevice (XR_KHR_vulkan_enable) gave ", vkResultText(r));
    }
    return out;
  }

  const Instance& instance_;
  render::ApiVersionRange range_;
  PFN_vkGetInstanceProcAddr getProc_ = nullptr;
  VkInstance vkInstance_ = VK_NULL_HANDLE;
  std::vector<std::string> instanceExtensions_;  // the names stay alive while Vulkan reads them
  std::vector<std::string> deviceExtensions_;
};

}  // namespace

core::Result<std::shared_ptr<render::VulkanCreator>> makeVulkanCreator(const Instance& instance) {
  const bool two = instance.vulkanEnable() == VulkanEnable::Enable2;
  // The two requirement structs are one type with one structure type value (an alias).
  auto requirements = xrStruct<XrGraphicsRequirementsVulkanKHR>(XR_TYPE_GRAPHICS_REQUIREMENTS_VULKAN_KHR);
  const char* name = two ? "xrGetVulkanGraphicsRequirements2KHR" : "xrGetVulkanGraphicsRequirementsKHR";
  auto get = instance.function<PFN_xrGetVulkanGraphicsRequirementsKHR>(name);
  if (!get) return std::unexpected(get.error());
  if (auto ok = check((*get)(instance.handle(), instance.system(), &requirements), name); !ok) {
    return std::unexpected(ok.error());
  }
  const render::ApiVersionRange range{.min = vulkanVersion(requirements.minApiVersionSupported),
                                      .max = vulkanVersion(requirements.maxApiVersionSupported)};
  return std::make_shared<XrVulkanCreator>(instance, range);
}

}  // namespace praxis::xr
