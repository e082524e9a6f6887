// Vulkan instance and device set-up through the creation hook, plus the plain default hook.
#include "render/vulkan_context.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <string>

namespace praxis::render {
namespace {

constexpr const char* kValidationLayer = "VK_LAYER_KHRONOS_validation";

VKAPI_ATTR VkBool32 VKAPI_CALL onDebugMessage(
    VkDebugUtilsMessageSeverityFlagBitsEXT severity, VkDebugUtilsMessageTypeFlagsEXT /*types*/,
    const VkDebugUtilsMessengerCallbackDataEXT* data, void* user) {
  const auto* sink = static_cast<const std::function<void(std::string_view)>*>(user);
  std::string text = (severity & VK_DEBUG_UTILS_MESSAGE_SEVERITY_ERROR_BIT_EXT) != 0
                         ? "vulkan error: "
                         : "vulkan warning: ";
  text += data->pMessage != nullptr ? data->pMessage : "(no message)";
  if (sink != nullptr && *sink) (*sink)(text);
  return VK_FALSE;  // never abort the call: the test that gets the message fails instead
}

vk::DebugUtilsMessengerCreateInfoEXT messengerInfo(void* user) {
  using S = vk::DebugUtilsMessageSeverityFlagBitsEXT;
  using T = vk::DebugUtilsMessageTypeFlagBitsEXT;
  return vk::DebugUtilsMessengerCreateInfoEXT(
      {}, S::eWarning | S::eError, T::eGeneral | T::eValidation | T::ePerformance,
      &onDebugMessage, user);
}

int deviceScore(VkPhysicalDeviceType type, DevicePreference preference) {
  if (preference == DevicePreference::Cpu && type == VK_PHYSICAL_DEVICE_TYPE_CPU) return 10;
  switch (type) {
    case VK_PHYSICAL_DEVICE_TYPE_DISCRETE_GPU: return 5;
    case VK_PHYSICAL_DEVICE_TYPE_INTEGRATED_GPU: return 4;
    case VK_PHYSICAL_DEVICE_TYPE_VIRTUAL_GPU: return 3;
    case VK_PHYSICAL_DEVICE_TYPE_CPU: return 2;
    default: return 1;
  }
}

class PlainVulkanCreator final : public VulkanCreator {
 public:
  explicit PlainVulkanCreator(DevicePreference preference) : preference_(preference) {
    if (const char* env = std::getenv("PRAXIS_VK_DEVICE"); env != nullptr) {
      if (std::strcmp(env, "cpu") == 0) preference_ = DevicePreference::Cpu;
      if (std::strcmp(env, "gpu") == 0) preference_ = DevicePreference::Gpu;
    }
  }

  core::Result<VkInstance> createInstance(PFN_vkGetInstanceProcAddr getProc,
                                          const VkInstanceCreateInfo& info) override {
    auto create = reinterpret_cast<PFN_vkCreateInstance>(getProc(nullptr, "vkCreateInstance"));
    VkInstance instance = VK_NULL_HANDLE;
    const VkResult result = create(&info, nullptr, &instance);
    if (result != VK_SUCCESS) {
      return core::fail("vkCreateInstance failed: ", vk::to_string(vk::Result(result)),
                        " (is a Vulkan driver installed? lavapipe: mesa-vulkan-drivers)");
    }
    return instance;
  }

  core::Result<VkPhysicalDevice> pickPhysicalDevice(VkInstance instance) override {
    std::uint32_t count = 0;
    vkEnumeratePhysicalDevices(instance, &count, nullptr);
    std::vector<VkPhysicalDevice> devices(count);
    vkEnumeratePhysicalDevices(instance, &count, devices.data());
    VkPhysicalDevice best = VK_NULL_HANDLE;
    int bestScore = 0;
    for (VkPhysicalDevice device : devices) {
      VkPhysicalDeviceProperties props;
      vkGetPhysicalDeviceProperties(device, &props);
      if (props.apiVersion < VK_API_VERSION_1_3) continue;  // dynamic rendering, sync2
      const int score = deviceScore(props.deviceType, preference_);
      if (score > bestScore) {
        best = device;
        bestScore = score;
      }
    }
    if (best == VK_NULL_HANDLE) {
      return core::fail("no Vulkan 1.3 device among ", std::to_string(count),
                        " (lavapipe from mesa-vulkan-drivers provides one)");
    }
    return best;
  }

  core::Result<VkDevice> createDevice(VkPhysicalDevice physicalDevice,
                                      const VkDeviceCreateInfo& info) override {
    VkDevice device = VK_NULL_HANDLE;
    const VkResult result = vkCreateDevice(physicalDevice, &info, nullptr, &device);
    if (result != VK_SUCCESS) {
      return core::fail("vkCreateDevice failed: ", vk::to_string(vk::Result(result)));
    }
    return device;
  }

 private:
  DevicePreference preference_;
};

std::vector<const char*> cStrings(const std::vector<std::string>& strings) {
  std::vector<const char*> out;
  out.reserve(strings.size());
  for (const auto& s : strings) out.push_back(s.c_str());
  return out;
}

core::Result<void> createInstance(VulkanContext& ctx, const ContextOptions& options) {
  std::vector<std::string> extensions = options.instanceExtensions;
  std::vector<const char*> layers;
  if (options.validation) {
    const auto available = ctx.context.enumerateInstanceLayerProperties();
    const bool found = std::any_of(available.begin(), available.end(), [](const auto& layer) {
      return std::strcmp(layer.layerName, kValidationLayer) == 0;
    });
    if (!found) {
      return core::fail(kValidationLayer, " is not installed (package vulkan-validationlayers)");
    }
    layers.push_back(kValidationLayer);
    extensions.emplace_back(VK_EXT_DEBUG_UTILS_EXTENSION_NAME);
  }
  const auto extensionPtrs = cStrings(extensions);
  const vk::ApplicationInfo app("Praxis", 1, "Praxis", 1, ctx.apiVersion);
  // Chained so messages from vkCreateInstance/vkDestroyInstance reach the callback too.
  const auto debugInfo = messengerInfo(ctx.onMessage.get());
  vk::InstanceCreateInfo info({}, &app, layers, extensionPtrs);
  if (options.validation) info.pNext = &debugInfo;
  auto raw = options.creator->createInstance(
      reinterpret_cast<PFN_vkGetInstanceProcAddr>(ctx.context.getDispatcher()->vkGetInstanceProcAddr),
      static_cast<const VkInstanceCreateInfo&>(info));
  if (!raw) return std::unexpected(raw.error());
  ctx.instance = vk::raii::Instance(ctx.context, *raw);
  if (options.validation) {
    ctx.messenger = ctx.instance.createDebugUtilsMessengerEXT(debugInfo);
  }
  return {};
}

/// What the renderer needs of `device`, read from it (features through Vulkan 1.1/1.3 structs,
/// which a device below 1.3 leaves false).
DeviceCapabilities capabilitiesOf(const vk::raii::PhysicalDevice& device) {
  DeviceCapabilities caps;
  const auto props = device.getProperties();
  caps.name = props.deviceName.data();
  caps.apiVersion = props.apiVersion;
  for (const auto& family : device.getQueueFamilyProperties()) {
    if (family.queueFlags & vk::QueueFlagBits::eGraphics) caps.graphicsQueue = true;
  }
  if (props.apiVersion >= VK_API_VERSION_1_3) {
    const auto features = device.getFeatures2<vk::PhysicalDeviceFeatures2,
                                              vk::PhysicalDeviceVulkan11Features,
                                              vk::PhysicalDeviceVulkan13Features>();
    caps.multiview = features.get<vk::PhysicalDeviceVulkan11Features>().multiview == VK_TRUE;
    const auto& f13 = features.get<vk::PhysicalDeviceVulkan13Features>();
    caps.dynamicRendering = f13.dynamicRendering == VK_TRUE;
    caps.synchronization2 = f13.synchronization2 == VK_TRUE;
  }
  return caps;
}

core::Result<void> createDevice(VulkanContext& ctx, const ContextOptions& options) {
  auto physical = options.creator->pickPhysicalDevice(*ctx.instance);
  if (!physical) return std::unexpected(physical.error());
  ctx.physicalDevice = vk::raii::PhysicalDevice(ctx.instance, *physical);
  ctx.properties = ctx.physicalDevice.getProperties();
  if (auto ok = checkDevice(capabilitiesOf(ctx.physicalDevice), ctx.apiVersion,
                            options.creator->pickedBy());
      !ok) {
    return ok;
  }
  const auto families = ctx.physicalDevice.getQueueFamilyProperties();
  auto family = std::find_if(families.begin(), families.end(), [](const auto& f) {
    return static_cast<bool>(f.queueFlags & vk::QueueFlagBits::eGraphics);
  });
  ctx.queueFamily = static_cast<std::uint32_t>(family - families.begin());
  if (family->timestampValidBits > 0) ctx.timestampPeriodNs = ctx.properties.limits.timestampPeriod;

  const float priority = 1.0F;
  const vk::DeviceQueueCreateInfo queueInfo({}, ctx.queueFamily, 1, &priority);
  vk::PhysicalDeviceFeatures2 features;
  vk::PhysicalDeviceVulkan11Features features11;
  vk::PhysicalDeviceVulkan13Features features13;
  features11.multiview = VK_TRUE;  // both eyes in one pass
  features13.dynamicRendering = VK_TRUE;
  features13.synchronization2 = VK_TRUE;
  features.pNext = &features11;
  features11.pNext = &features13;
  const auto extensionPtrs = cStrings(options.deviceExtensions);
  vk::DeviceCreateInfo info({}, queueInfo, {}, extensionPtrs);
  info.pNext = &features;
  auto raw = options.creator->createDevice(*ctx.physicalDevice,
                                           static_cast<const VkDeviceCreateInfo&>(info));
  if (!raw) return std::unexpected(raw.error());
  ctx.device = vk::raii::Device(ctx.physicalDevice, *raw);
  ctx.queue = ctx.device.getQueue(ctx.queueFamily, 0);
  return {};
}

}  // namespace

std::unique_ptr<VulkanCreator> makePlainVulkanCreator(DevicePreference preference) {
  return std::make_unique<PlainVulkanCreator>(preference);
}

core::Result<std::unique_ptr<VulkanContext>> createVulkanContext(const ContextOptions& options) {
  auto ctx = std::make_unique<VulkanContext>();
  ctx->onMessage = std::make_unique<std::function<void(std::string_view)>>(options.onMessage);
  auto version = chooseApiVersion(options.creator->apiVersions(), options.creator->pickedBy());
  if (!version) return std::unexpected(version.error());
  ctx->apiVersion = *version;
  try {
    if (auto ok = createInstance(*ctx, options); !ok) return std::unexpected(ok.error());
    if (auto ok = createDevice(*ctx, options); !ok) return std::unexpected(ok.error());
  } catch (const vk::SystemError& e) {
    return core::fail("Vulkan set-up failed: ", e.what());
  }
  return ctx;
}

std::uint32_t findMemoryType(const VulkanContext& ctx, std::uint32_t typeBits,
                             vk::MemoryPropertyFlags flags) {
  const auto memory = ctx.physicalDevice.getMemoryProperties();
  for (std::uint32_t i = 0; i < memory.memoryTypeCount; ++i) {
    if ((typeBits & (1U << i)) != 0 && (memory.memoryTypes[i].propertyFlags & flags) == flags) {
      return i;
    }
  }
  throw vk::SystemError(vk::make_error_code(vk::Result::eErrorOutOfDeviceMemory),
                        "no suitable memory type");
}

}  // namespace praxis::render
