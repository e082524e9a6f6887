// The loader's way in (xrNegotiateLoaderRuntimeInterface) and xrGetInstanceProcAddr: the one
// table of the runtime's functions, each tied to the extension that must be enabled for it.
#include <array>
#include <cstring>
#include <string_view>

#include "ext_entry_points.h"

namespace praxis::xrsim {
namespace {

// The loader's negotiation structs (loader runtime.adoc, "Runtime Negotiation"); Debian's
// libopenxr-dev ships no loader_interfaces.h, so the ABI is written out here.
enum LoaderStructType : std::int32_t { kLoaderInfo = 1, kRuntimeRequest = 3 };
constexpr std::uint32_t kLoaderInfoVersion = 1;
constexpr std::uint32_t kRuntimeRequestVersion = 1;
constexpr std::uint32_t kRuntimeInterfaceVersion = 1;

struct NegotiateLoaderInfo {
  LoaderStructType structType;
  std::uint32_t structVersion;
  std::size_t structSize;
  std::uint32_t minInterfaceVersion;
  std::uint32_t maxInterfaceVersion;
  XrVersion minApiVersion;
  XrVersion maxApiVersion;
};

struct NegotiateRuntimeRequest {
  LoaderStructType structType;
  std::uint32_t structVersion;
  std::size_t structSize;
  std::uint32_t runtimeInterfaceVersion;
  XrVersion runtimeApiVersion;
  PFN_xrGetInstanceProcAddr getInstanceProcAddr;
};

struct Entry {
  const char* name;
  PFN_xrVoidFunction function;
  const char* extension;  // nullptr: core
};

template <typename F>
PFN_xrVoidFunction voidFn(F* f) {
  return reinterpret_cast<PFN_xrVoidFunction>(f);  // NOLINT(cppcoreguidelines-pro-type-reinterpret-cast)
}

#define PRAXIS_XR_SIM_CORE_ROW(name) Entry{#name, voidFn(api::name), nullptr},
#define PRAXIS_XR_SIM_VULKAN_ROW(name) Entry{#name, voidFn(api::name), XR_KHR_VULKAN_ENABLE_EXTENSION_NAME},
#define PRAXIS_XR_SIM_VULKAN2_ROW(name) Entry{#name, voidFn(api::name), XR_KHR_VULKAN_ENABLE2_EXTENSION_NAME},
#define PRAXIS_XR_SIM_TIMESPEC_ROW(name) Entry{#name, voidFn(api::name), XR_KHR_CONVERT_TIMESPEC_TIME_EXTENSION_NAME},
#define PRAXIS_XR_SIM_EXTENSION_ROW(name, extension) Entry{#name, voidFn(api::name), extension},

const auto& table() {
  static const auto rows = std::to_array<Entry>({
      PRAXIS_XR_SIM_CORE(PRAXIS_XR_SIM_CORE_ROW) PRAXIS_XR_SIM_VULKAN(PRAXIS_XR_SIM_VULKAN_ROW)
          PRAXIS_XR_SIM_VULKAN2(PRAXIS_XR_SIM_VULKAN2_ROW) PRAXIS_XR_SIM_TIMESPEC(PRAXIS_XR_SIM_TIMESPEC_ROW)
              PRAXIS_XR_SIM_EXTENSION_FUNCTIONS(PRAXIS_XR_SIM_EXTENSION_ROW)});
  return rows;
}

/// The functions an application may look up before it has an instance (spec 3.2).
bool callableWithoutInstance(std::string_view name) {
  return name == "xrEnumerateInstanceExtensionProperties" || name == "xrEnumerateApiLayerProperties" ||
         name == "xrCreateInstance";
}

template <typename T, typename H>
XrResult lookupIn(H handle, T*& out) {
  out = Registry::get().find<T>(toRaw(handle));
  return out == nullptr ? XR_ERROR_HANDLE_INVALID : XR_SUCCESS;
}

}  // namespace

Object::~Object() { Registry::get().remove(handle); }

Registry& Registry::get() {
  static Registry registry;
  return registry;
}

XrResult lookup(XrInstance handle, Instance*& out) {
  XrResult r = lookupIn(handle, out);
  return XR_SUCCEEDED(r) && out->lost ? XR_ERROR_INSTANCE_LOST : r;
}

XrResult lookup(XrSession handle, Session*& out) {
  XrResult r = lookupIn(handle, out);
  return XR_SUCCEEDED(r) && out->instance.lost ? XR_ERROR_INSTANCE_LOST : r;
}

XrResult lookup(XrSpace handle, Space*& out) {
  XrResult r = lookupIn(handle, out);
  return XR_SUCCEEDED(r) && out->session.instance.lost ? XR_ERROR_INSTANCE_LOST : r;
}

XrResult lookup(XrSwapchain handle, Swapchain*& out) {
  XrResult r = lookupIn(handle, out);
  return XR_SUCCEEDED(r) && out->session.instance.lost ? XR_ERROR_INSTANCE_LOST : r;
}

namespace api {

XrResult XRAPI_CALL xrGetInstanceProcAddr(XrInstance instance, const char* name, PFN_xrVoidFunction* function) {
  return guarded([&]() -> XrResult {
    if (name == nullptr || function == nullptr) {
      return XR_ERROR_VALIDATION_FAILURE;
    }
    *function = nullptr;
    Instance* owner = nullptr;
    if (instance == XR_NULL_HANDLE) {
      if (!callableWithoutInstance(name)) {
        return XR_ERROR_HANDLE_INVALID;
      }
    } else if (owner = Registry::get().find<Instance>(toRaw(instance)); owner == nullptr) {
      // A lost instance still answers: the loader looks functions up while it tears down,
      // and the functions themselves report XR_ERROR_INSTANCE_LOST.
      return XR_ERROR_HANDLE_INVALID;
    }
    for (const Entry& entry : table()) {
      if (std::strcmp(entry.name, name) == 0) {
        if (entry.extension != nullptr && (owner == nullptr || !owner->enabled(entry.extension))) {
          return XR_ERROR_FUNCTION_UNSUPPORTED;
        }
        *function = entry.function;
        return XR_SUCCESS;
      }
    }
    *function = owner != nullptr ? inputProcAddr(owner, name) : nullptr;
    return *function != nullptr ? XR_SUCCESS : XR_ERROR_FUNCTION_UNSUPPORTED;
  });
}

}  // namespace api
}  // namespace praxis::xrsim

extern "C" __attribute__((visibility("default"))) XrResult XRAPI_CALL
xrNegotiateLoaderRuntimeInterface(const praxis::xrsim::NegotiateLoaderInfo* loaderInfo,
                                  praxis::xrsim::NegotiateRuntimeRequest* runtimeRequest) {
  using namespace praxis::xrsim;
  if (loaderInfo == nullptr || runtimeRequest == nullptr || loaderInfo->structType != kLoaderInfo ||
      loaderInfo->structVersion != kLoaderInfoVersion || loaderInfo->structSize != sizeof(NegotiateLoaderInfo) ||
      runtimeRequest->structType != kRuntimeRequest || runtimeRequest->structVersion != kRuntimeRequestVersion ||
      runtimeRequest->structSize != sizeof(NegotiateRuntimeRequest)) {
    return XR_ERROR_INITIALIZATION_FAILED;
  }
  if (loaderInfo->minInterfaceVersion > kRuntimeInterfaceVersion ||
      loaderInfo->maxInterfaceVersion < kRuntimeInterfaceVersion ||
      XR_VERSION_MAJOR(loaderInfo->minApiVersion) > 1 || XR_VERSION_MAJOR(loaderInfo->maxApiVersion) < 1) {
    return XR_ERROR_INITIALIZATION_FAILED;
  }
  runtimeRequest->runtimeInterfaceVersion = kRuntimeInterfaceVersion;
  // The newest version the runtime implements; a loader only compares the major version, and an
  // older loader passes 1.0 applications on all the same.
  runtimeRequest->runtimeApiVersion = XR_API_VERSION_1_1;
  runtimeRequest->getInstanceProcAddr = api::xrGetInstanceProcAddr;
  return XR_SUCCESS;
}
