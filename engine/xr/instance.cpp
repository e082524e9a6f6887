#include "xr/instance.h"

#include <vulkan/vulkan_core.h>
// After Vulkan: the XR_KHR_vulkan_enable(2) declarations need its types.
#include <openxr/openxr_platform.h>

#include <algorithm>
#include <cstring>
#include <vector>

#include "xr/check.h"

namespace praxis::xr {
namespace {

constexpr const char* kDebugUtils = XR_EXT_DEBUG_UTILS_EXTENSION_NAME;

core::Result<std::vector<std::string>> availableExtensions() {
  std::uint32_t count = 0;
  const XrResult r = xrEnumerateInstanceExtensionProperties(nullptr, 0, &count, nullptr);
  if (r == XR_ERROR_RUNTIME_UNAVAILABLE || r == XR_ERROR_RUNTIME_FAILURE) {
    return core::fail("no OpenXR runtime is installed (", resultName(r),
                      "; a runtime's manifest is found through XR_RUNTIME_JSON or "
                      "/etc/xdg/openxr/1/active_runtime.json)");
  }
  if (auto ok = check(r, "xrEnumerateInstanceExtensionProperties"); !ok) return std::unexpected(ok.error());
  std::vector<XrExtensionProperties> props(count, xrStruct<XrExtensionProperties>(XR_TYPE_EXTENSION_PROPERTIES));
  if (auto ok = check(xrEnumerateInstanceExtensionProperties(nullptr, count, &count, props.data()),
                      "xrEnumerateInstanceExtensionProperties");
      !ok) {
    return std::unexpected(ok.error());
  }
  std::vector<std::string> names;
  for (const auto& p : props) names.emplace_back(p.extensionName);
  return names;
}

bool has(const std::vector<std::string>& list, std::string_view name) {
  return std::find(list.begin(), list.end(), name) != list.end();
}

XrBool32 XRAPI_CALL onDebugMessage(XrDebugUtilsMessageSeverityFlagsEXT severity,
                                   XrDebugUtilsMessageTypeFlagsEXT /*types*/,
                                   const XrDebugUtilsMessengerCallbackDataEXT* data, void* user) {
  const auto* sink = static_cast<const std::function<void(std::string_view)>*>(user);
  std::string text = (severity & XR_DEBUG_UTILS_MESSAGE_SEVERITY_ERROR_BIT_EXT) != 0
                         ? "openxr error: "
                         : "openxr warning: ";
  if (data->functionName != nullptr) text += std::string(data->functionName) + ": ";
  text += data->message != nullptr ? data->message : "(no message)";
  if (sink != nullptr && *sink) (*sink)(text);
  return XR_FALSE;
}

}  // namespace

Instance::~Instance() = default;

core::Result<std::unique_ptr<Instance>> Instance::create(InstanceOptions options) {
  auto available = availableExtensions();
  if (!available) return std::unexpected(available.error());
  auto vulkan = chooseVulkanEnable(*available);
  if (!vulkan) return std::unexpected(vulkan.error());
  if (options.vulkanEnable) {
    const char* wanted = *options.vulkanEnable == VulkanEnable::Enable2 ? XR_KHR_VULKAN_ENABLE2_EXTENSION_NAME
                                                                        : XR_KHR_VULKAN_ENABLE_EXTENSION_NAME;
    if (!has(*available, wanted)) return core::fail("the OpenXR runtime does not offer ", wanted);
    vulkan = *options.vulkanEnable;
  }
  std::unique_ptr<Instance> out(new Instance());
  out->options_ = std::move(options);
  out->vulkanEnable_ = *vulkan;
  std::vector<const char*> enabled{*vulkan == VulkanEnable::Enable2
                                       ? XR_KHR_VULKAN_ENABLE2_EXTENSION_NAME
                                       : XR_KHR_VULKAN_ENABLE_EXTENSION_NAME};
  out->depthLayers_ = has(*available, XR_KHR_COMPOSITION_LAYER_DEPTH_EXTENSION_NAME);
  if (out->depthLayers_) enabled.push_back(XR_KHR_COMPOSITION_LAYER_DEPTH_EXTENSION_NAME);
  const bool handExtension = has(*available, XR_EXT_HAND_TRACKING_EXTENSION_NAME);
  if (handExtension) enabled.push_back(XR_EXT_HAND_TRACKING_EXTENSION_NAME);
  const bool debug = out->options_.onMessage && has(*available, kDebugUtils);
  if (debug) enabled.push_back(kDebugUtils);

  auto info = xrStruct<XrInstanceCreateInfo>(XR_TYPE_INSTANCE_CREATE_INFO);
  std::strncpy(info.applicationInfo.applicationName, "Praxis", XR_MAX_APPLICATION_NAME_SIZE - 1);
  std::strncpy(info.applicationInfo.engineName, "Praxis", XR_MAX_ENGINE_NAME_SIZE - 1);
  info.applicationInfo.applicationVersion = 1;
  info.applicationInfo.apiVersion = XR_MAKE_VERSION(1, 0, 0);  // the 1.0 the loader speaks
  info.enabledExtensionCount = static_cast<std::uint32_t>(enabled.size());
  info.enabledExtensionNames = enabled.data();
  XrInstance raw = XR_NULL_HANDLE;
  if (auto ok = check(xrCreateInstance(&info, &raw), "xrCreateInstance"); !ok) return std::unexpected(ok.error());
  out->instance_ = Handle<XrInstance>(raw, &xrDestroyInstance);
  if (debug) {
    if (auto ok = out->createMessenger(); !ok) return std::unexpected(ok.error());
  }
  auto props = xrStruct<XrInstanceProperties>(XR_TYPE_INSTANCE_PROPERTIES);
  if (auto ok = check(xrGetInstanceProperties(raw, &props), "xrGetInstanceProperties"); !ok) {
    return std::unexpected(ok.error());
  }
  out->runtimeName_ = std::string(props.runtimeName) + " " +
                      std::to_string(XR_VERSION_MAJOR(props.runtimeVersion)) + "." +
                      std::to_string(XR_VERSION_MINOR(props.runtimeVersion)) + "." +
                      std::to_string(XR_VERSION_PATCH(props.runtimeVersion));
  if (auto ok = out->findSystem(out->options_.augmented); !ok) return std::unexpected(ok.error());
  if (handExtension) {
    auto hands = xrStruct<XrSystemHandTrackingPropertiesEXT>(XR_TYPE_SYSTEM_HAND_TRACKING_PROPERTIES_EXT);
    auto system = xrStruct<XrSystemProperties>(XR_TYPE_SYSTEM_PROPERTIES, &hands);
    if (auto ok = check(xrGetSystemProperties(raw, out->system_, &system), "xrGetSystemProperties"); !ok) {
      return std::unexpected(ok.error());
    }
    out->handTracking_ = hands.supportsHandTracking == XR_TRUE;
  }
  return out;
}

core::Result<void> Instance::createMessenger() {
  auto create = function<PFN_xrCreateDebugUtilsMessengerEXT>("xrCreateDebugUtilsMessengerEXT");
  auto destroy = function<PFN_xrDestroyDebugUtilsMessengerEXT>("xrDestroyDebugUtilsMessengerEXT");
  if (!create) return std::unexpected(create.error());
  if (!destroy) return std::unexpected(destroy.error());
  sink_ = std::make_unique<std::function<void(std::string_view)>>(options_.onMessage);
  auto info = xrStruct<XrDebugUtilsMessengerCreateInfoEXT>(XR_TYPE_DEBUG_UTILS_MESSENGER_CREATE_INFO_EXT);
  info.messageSeverities =
      XR_DEBUG_UTILS_MESSAGE_SEVERITY_WARNING_BIT_EXT | XR_DEBUG_UTILS_MESSAGE_SEVERITY_ERROR_BIT_EXT;
  info.messageTypes = XR_DEBUG_UTILS_MESSAGE_TYPE_GENERAL_BIT_EXT |
                      XR_DEBUG_UTILS_MESSAGE_TYPE_VALIDATION_BIT_EXT |
                      XR_DEBUG_UTILS_MESSAGE_TYPE_PERFORMANCE_BIT_EXT |
                      XR_DEBUG_UTILS_MESSAGE_TYPE_CONFORMANCE_BIT_EXT;
  info.userCallback = &onDebugMessage;
  info.userData = sink_.get();
  XrDebugUtilsMessengerEXT raw = XR_NULL_HANDLE;
  if (auto ok = check((*create)(instance_.get(), &info, &raw), "xrCreateDebugUtilsMessengerEXT"); !ok) {
    return ok;
  }
  messenger_ = Handle<XrDebugUtilsMessengerEXT>(raw, *destroy);
  return {};
}

core::Result<void> Instance::findSystem(bool augmented) {
  auto info = xrStruct<XrSystemGetInfo>(XR_TYPE_SYSTEM_GET_INFO);
  info.formFactor = XR_FORM_FACTOR_HEAD_MOUNTED_DISPLAY;
  XrResult r = xrGetSystem(instance_.get(), &info, &system_);
  if (r == XR_ERROR_FORM_FACTOR_UNAVAILABLE && augmented) {
    info.formFactor = XR_FORM_FACTOR_HANDHELD_DISPLAY;
    r = xrGetSystem(instance_.get(), &info, &system_);
  }
  formFactor_ = info.formFactor;
  if (r == XR_ERROR_FORM_FACTOR_UNAVAILABLE || r == XR_ERROR_FORM_FACTOR_UNSUPPORTED) {
    return core::fail("the OpenXR runtime ", runtimeName_, " has no headset connected (",
                      resultName(r), ")");
  }
  return check(r, "xrGetSystem");
}

core::Result<PFN_xrVoidFunction> Instance::function(const char* name) const {
  PFN_xrVoidFunction f = nullptr;
  if (auto ok = check(xrGetInstanceProcAddr(instance_.get(), name, &f), name); !ok) {
    return std::unexpected(ok.error());
  }
  return f;
}

core::Result<std::string> probeHeadset(bool augmented) {
  auto instance = Instance::create({.augmented = augmented, .onMessage = nullptr, .vulkanEnable = std::nullopt});
  if (!instance) return std::unexpected(instance.error());
  return (*instance)->runtimeName();
}

}  // namespace praxis::xr
