// XR_KHR_vulkan_enable and XR_KHR_vulkan_enable2: the runtime's Vulkan requirements, the
// physical device it drives, and (enable2) the VkInstance / VkDevice it creates for the app.
#include <cstdio>
#include <cstring>
#include <vector>

#include "entry_points.h"

namespace praxis::xrsim {
namespace {

// The runtime itself needs only Vulkan 1.0 (images, copies, barriers); tested up to 1.3, which
// is what Praxis's renderer asks for. (The CTS's Vulkan plugin is a 1.0 application.)
constexpr XrVersion kMinVulkan = XR_MAKE_VERSION(1, 0, 0);
constexpr XrVersion kMaxVulkan = XR_MAKE_VERSION(1, 3, 0);

XrResult checkSystemId(XrSystemId systemId) {
  return systemId == kHmdSystemId || systemId == kHandheldSystemId ? XR_SUCCESS : XR_ERROR_SYSTEM_INVALID;
}

XrResult checkInstanceAndSystem(XrInstance instance, XrSystemId systemId, Instance*& owner) {
  if (XrResult r = lookup(instance, owner); XR_FAILED(r)) {
    return r;
  }
  return checkSystemId(systemId);
}

/// The arguments xrCreateVulkanInstanceKHR and xrCreateVulkanDeviceKHR share (their create
/// infos have the same fields but the one being created): the structure, the outputs, no flags
/// (none are defined), a vkGetInstanceProcAddr and a Vulkan create info; `complete` checks what
/// only one of them has. Validation failures first, then the system.
template <typename CreateInfo, typename Created, typename Complete>
XrResult checkCreateArguments(const CreateInfo* createInfo, XrStructureType type, const Created* created,
                              const VkResult* vulkanResult, Complete complete) {
  if (badStruct(createInfo, type) || created == nullptr || vulkanResult == nullptr || createInfo->createFlags != 0 ||
      createInfo->pfnGetInstanceProcAddr == nullptr || createInfo->vulkanCreateInfo == nullptr ||
      !complete(*createInfo)) {
    return XR_ERROR_VALIDATION_FAILURE;
  }
  return checkSystemId(createInfo->systemId);
}

PFN_vkGetInstanceProcAddr instanceProcAddr(const Instance& owner) {
  return owner.getInstanceProcAddr != nullptr ? owner.getInstanceProcAddr : vkGetInstanceProcAddr;
}

/// The device the simulated HMD is "plugged into": a discrete GPU if there is one, else the
/// first device (lavapipe on a machine without a GPU).
VkPhysicalDevice pickDevice(PFN_vkGetInstanceProcAddr gipa, VkInstance vkInstance) {
  auto enumerate = reinterpret_cast<PFN_vkEnumeratePhysicalDevices>(  // NOLINT
      gipa(vkInstance, "vkEnumeratePhysicalDevices"));
  auto properties = reinterpret_cast<PFN_vkGetPhysicalDeviceProperties>(  // NOLINT
      gipa(vkInstance, "vkGetPhysicalDeviceProperties"));
  if (enumerate == nullptr || properties == nullptr) {
    return VK_NULL_HANDLE;
  }
  std::uint32_t count = 0;
  enumerate(vkInstance, &count, nullptr);
  std::vector<VkPhysicalDevice> devices(count);
  enumerate(vkInstance, &count, devices.data());
  for (VkPhysicalDevice device : devices) {
    VkPhysicalDeviceProperties p{};
    properties(device, &p);
    if (p.deviceType == VK_PHYSICAL_DEVICE_TYPE_DISCRETE_GPU) {
      return device;
    }
  }
  return devices.empty() ? VK_NULL_HANDLE : devices.front();
}

XrResult extensionString(Instance& owner, std::uint32_t capacity, std::uint32_t* countOutput, char* buffer) {
  (void)owner;
  // The runtime needs no instance or device extension beyond core Vulkan 1.1.
  constexpr char kNone[] = "";
  if (countOutput == nullptr || (capacity > 0 && buffer == nullptr)) {
    return XR_ERROR_VALIDATION_FAILURE;
  }
  *countOutput = sizeof(kNone);
  if (capacity == 0) {
    return XR_SUCCESS;
  }
  if (capacity < sizeof(kNone)) {
    return XR_ERROR_SIZE_INSUFFICIENT;
  }
  std::memcpy(buffer, kNone, sizeof(kNone));
  return XR_SUCCESS;
}

XrResult graphicsRequirements(XrInstance instance, XrSystemId systemId, XrGraphicsRequirementsVulkanKHR* requirements) {
  Instance* owner = nullptr;
  if (XrResult r = checkInstanceAndSystem(instance, systemId, owner); XR_FAILED(r)) {
    return r;
  }
  if (badStruct(requirements, XR_TYPE_GRAPHICS_REQUIREMENTS_VULKAN_KHR)) {
    return XR_ERROR_VALIDATION_FAILURE;
  }
  requirements->minApiVersionSupported = kMinVulkan;
  requirements->maxApiVersionSupported = kMaxVulkan;
  owner->graphicsRequirementsQueried = true;
  return XR_SUCCESS;
}

XrResult graphicsDevice(Instance& owner, VkInstance vkInstance, VkPhysicalDevice* physicalDevice) {
  if (vkInstance == VK_NULL_HANDLE || physicalDevice == nullptr) {
    return XR_ERROR_VALIDATION_FAILURE;
  }
  *physicalDevice = pickDevice(instanceProcAddr(owner), vkInstance);
  if (*physicalDevice == VK_NULL_HANDLE) {
    return XR_ERROR_RUNTIME_FAILURE;
  }
  // A VkInstance the application destroyed leaves its entry behind, and the driver may hand the
  // same VkPhysicalDevice value to a later instance: only the latest instance that asked for a
  // physical device may own it, or xrCreateVulkanDeviceKHR would call into the dead instance
  // (the Vulkan loader aborts on it; seen in the CTS's 20 sessions in a row).
  Registry::get().forEachRoot([&](Object& root) {
    std::erase_if(static_cast<Instance&>(root).chosenDevices,
                  [&](const auto& entry) { return entry.second == *physicalDevice && entry.first != vkInstance; });
  });
  owner.chosenDevices[vkInstance] = *physicalDevice;
  return XR_SUCCESS;
}

/// xrGetVulkanInstanceExtensionsKHR and xrGetVulkanDeviceExtensionsKHR: the same checks, the
/// same (empty) list.
XrResult vulkanExtensions(XrInstance instance, XrSystemId systemId, std::uint32_t capacity,
                          std::uint32_t* countOutput, char* buffer) {
  return guarded([&]() -> XrResult {
    Instance* owner = nullptr;
    if (XrResult r = checkInstanceAndSystem(instance, systemId, owner); XR_FAILED(r)) {
      return r;
    }
    return extensionString(*owner, capacity, countOutput, buffer);
  });
}

}  // namespace

namespace api {

XrResult XRAPI_CALL xrGetVulkanInstanceExtensionsKHR(XrInstance instance, XrSystemId systemId, std::uint32_t capacity,
                                                     std::uint32_t* countOutput, char* buffer) {
  return vulkanExtensions(instance, systemId, capacity, countOutput, buffer);
}

XrResult XRAPI_CALL xrGetVulkanDeviceExtensionsKHR(XrInstance instance, XrSystemId systemId, std::uint32_t capacity,
                                                   std::uint32_t* countOutput, char* buffer) {
  return vulkanExtensions(instance, systemId, capacity, countOutput, buffer);
}

XrResult XRAPI_CALL xrGetVulkanGraphicsDeviceKHR(XrInstance instance, XrSystemId systemId, VkInstance vkInstance,
                                                 VkPhysicalDevice* vkPhysicalDevice) {
  return guarded([&]() -> XrResult {
    Instance* owner = nullptr;
    if (XrResult r = checkInstanceAndSystem(instance, systemId, owner); XR_FAILED(r)) {
      return r;
    }
    return graphicsDevice(*owner, vkInstance, vkPhysicalDevice);
  });
}

XrResult XRAPI_CALL xrGetVulkanGraphicsRequirementsKHR(XrInstance instance, XrSystemId systemId,
                                                       XrGraphicsRequirementsVulkanKHR* requirements) {
  return guarded([&] { return graphicsRequirements(instance, systemId, requirements); });
}

XrResult XRAPI_CALL xrGetVulkanGraphicsRequirements2KHR(XrInstance instance, XrSystemId systemId,
                                                        XrGraphicsRequirementsVulkanKHR* requirements) {
  return guarded([&] { return graphicsRequirements(instance, systemId, requirements); });
}

XrResult XRAPI_CALL xrCreateVulkanInstanceKHR(XrInstance instance, const XrVulkanInstanceCreateInfoKHR* createInfo,
                                              VkInstance* vulkanInstance, VkResult* vulkanResult) {
  return guarded([&]() -> XrResult {
    Instance* owner = nullptr;
    if (XrResult r = lookup(instance, owner); XR_FAILED(r)) {
      return r;
    }
    if (XrResult r = checkCreateArguments(createInfo, XR_TYPE_VULKAN_INSTANCE_CREATE_INFO_KHR, vulkanInstance,
                                          vulkanResult, [](const XrVulkanInstanceCreateInfoKHR&) { return true; });
        XR_FAILED(r)) {
      return r;
    }
    auto create = reinterpret_cast<PFN_vkCreateInstance>(  // NOLINT
        createInfo->pfnGetInstanceProcAddr(VK_NULL_HANDLE, "vkCreateInstance"));
    if (create == nullptr) {
      return XR_ERROR_RUNTIME_FAILURE;
    }
    owner->getInstanceProcAddr = createInfo->pfnGetInstanceProcAddr;
    *vulkanResult = create(createInfo->vulkanCreateInfo, createInfo->vulkanAllocator, vulkanInstance);
    return XR_SUCCESS;
  });
}

XrResult XRAPI_CALL xrGetVulkanGraphicsDevice2KHR(XrInstance instance, const XrVulkanGraphicsDeviceGetInfoKHR* getInfo,
                                                  VkPhysicalDevice* vulkanPhysicalDevice) {
  return guarded([&]() -> XrResult {
    Instance* owner = nullptr;
    if (XrResult r = lookup(instance, owner); XR_FAILED(r)) {
      return r;
    }
    if (badStruct(getInfo, XR_TYPE_VULKAN_GRAPHICS_DEVICE_GET_INFO_KHR)) {
      return XR_ERROR_VALIDATION_FAILURE;
    }
    if (XrResult r = checkSystemId(getInfo->systemId); XR_FAILED(r)) {
      return r;
    }
    return graphicsDevice(*owner, getInfo->vulkanInstance, vulkanPhysicalDevice);
  });
}

XrResult XRAPI_CALL xrCreateVulkanDeviceKHR(XrInstance instance, const XrVulkanDeviceCreateInfoKHR* createInfo,
                                            VkDevice* vulkanDevice, VkResult* vulkanResult) {
  return guarded([&]() -> XrResult {
    Instance* owner = nullptr;
    if (XrResult r = lookup(instance, owner); XR_FAILED(r)) {
      return r;
    }
    if (XrResult r = checkCreateArguments(
            createInfo, XR_TYPE_VULKAN_DEVICE_CREATE_INFO_KHR, vulkanDevice, vulkanResult,
            [](const XrVulkanDeviceCreateInfoKHR& info) { return info.vulkanPhysicalDevice != VK_NULL_HANDLE; });
        XR_FAILED(r)) {
      return r;
    }
    // vkCreateDevice is an instance-level function: find the VkInstance whose device this is
    // (the application must have asked xrGetVulkanGraphicsDevice2KHR for it).
    VkInstance vkInstance = VK_NULL_HANDLE;
    Registry::get().forEachRoot([&](Object& root) {
      for (const auto& [candidate, device] : static_cast<Instance&>(root).chosenDevices) {
        if (device == createInfo->vulkanPhysicalDevice) {
          vkInstance = candidate;
        }
      }
    });
    if (vkInstance == VK_NULL_HANDLE) {
      return XR_ERROR_VALIDATION_FAILURE;
    }
    auto create = reinterpret_cast<PFN_vkCreateDevice>(  // NOLINT
        createInfo->pfnGetInstanceProcAddr(vkInstance, "vkCreateDevice"));
    if (create == nullptr) {
      return XR_ERROR_RUNTIME_FAILURE;
    }
    *vulkanResult = create(createInfo->vulkanPhysicalDevice, createInfo->vulkanCreateInfo,
                           createInfo->vulkanAllocator, vulkanDevice);
    return XR_SUCCESS;
  });
}

}  // namespace api
}  // namespace praxis::xrsim
