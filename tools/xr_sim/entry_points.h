// Declarations of the runtime's OpenXR entry points (defined across the runtime's files) and the
// one wrapper every entry point runs its body in.
#pragma once

#include <exception>
#include <new>
#include <string_view>
#include <type_traits>

#include "registry.h"
#include "runtime.h"

namespace praxis::xrsim {

/// Runs an entry point's body under the registry lock; no exception crosses the C ABI.
template <typename F>
XrResult guarded(F&& body) noexcept {
  try {
    std::lock_guard lock(Registry::get().mutex());
    return body();
  } catch (const std::bad_alloc&) {
    return XR_ERROR_OUT_OF_MEMORY;
  } catch (...) {
    return XR_ERROR_RUNTIME_FAILURE;
  }
}

/// The checks of a struct the application passes in: non-null and of the expected type.
template <typename T>
bool badStruct(const T* info, XrStructureType type) {
  return info == nullptr || info->type != type;
}

/// Handle lookups with the specification's results: XR_ERROR_HANDLE_INVALID for an unknown or
/// destroyed handle, XR_ERROR_INSTANCE_LOST once the instance is lost.
XrResult lookup(XrInstance handle, Instance*& out);
XrResult lookup(XrSession handle, Session*& out);
XrResult lookup(XrSpace handle, Space*& out);
XrResult lookup(XrSwapchain handle, Swapchain*& out);

/// The two-call idiom: count in `*countOutput`; SIZE_INSUFFICIENT if the capacity is too small.
template <typename T, typename Fill>
XrResult twoCall(std::uint32_t capacity, std::uint32_t* countOutput, T* out, std::uint32_t count, Fill fill) {
  if (countOutput == nullptr || (capacity > 0 && out == nullptr)) {
    return XR_ERROR_VALIDATION_FAILURE;
  }
  *countOutput = count;
  if (capacity == 0) {
    return XR_SUCCESS;
  }
  if (capacity < count) {
    return XR_ERROR_SIZE_INSUFFICIENT;
  }
  for (std::uint32_t i = 0; i < count; ++i) {
    XrResult r = fill(out[i], i);
    if (XR_FAILED(r)) {
      return r;
    }
  }
  return XR_SUCCESS;
}

/// The procedure address of an action-system, path or hand-tracking function, or nullptr.
PFN_xrVoidFunction inputProcAddr(const Instance* instance, const char* name);
/// The path of `path` in the instance's path table (interned if new; PATH_FORMAT_INVALID if malformed).
XrResult internPath(Instance& instance, std::string_view path, XrPath* out);
/// The string of a path of the instance, or nullopt for XR_NULL_PATH or a path it never made.
std::optional<std::string> pathString(const Instance& instance, XrPath path);
/// Extensions the input side implements (name, spec version).
struct ExtensionInfo {
  const char* name;
  std::uint32_t version;
};
std::vector<ExtensionInfo> inputExtensions();
/// The STAGE pose of an action space at `time`, or nullopt when its source is not tracked.
std::optional<Pose> actionSpacePose(const Session& session, std::uint64_t action, XrPath subactionPath,
                                    XrTime time);
/// XR_SUCCESS when the info names a live pose action of `session`'s instance and a subaction
/// path that suits it; otherwise the result xrCreateActionSpace returns.
XrResult checkActionSpace(const Session& session, const XrActionSpaceCreateInfo& info);
/// Tells the input side a session is going away.
void inputSessionDestroyed(Session& session);
/// Creates the instance's input state (path table, action system).
InputBridgePtr makeInputBridge(Instance& instance);

}  // namespace praxis::xrsim

// The runtime's own entry points, declared with the exact types of openxr.h's PFN_ typedefs (so
// a definition with a wrong signature does not compile). XR_NO_PROTOTYPES keeps the loader's
// global xr* prototypes out: a call must reach one of these, never the loader.
namespace praxis::xrsim::api {
#define PRAXIS_XR_SIM_ENTRY(name) std::remove_pointer_t<PFN_##name> name;  // NOLINT
#define PRAXIS_XR_SIM_CORE(X)                                                                   \
  X(xrGetInstanceProcAddr) X(xrEnumerateApiLayerProperties) X(xrEnumerateInstanceExtensionProperties) \
  X(xrCreateInstance) X(xrDestroyInstance) X(xrGetInstanceProperties) X(xrPollEvent)           \
  X(xrResultToString) X(xrStructureTypeToString) X(xrGetSystem) X(xrGetSystemProperties)       \
  X(xrEnumerateEnvironmentBlendModes) X(xrCreateSession) X(xrDestroySession)                  \
  X(xrEnumerateReferenceSpaces) X(xrCreateReferenceSpace) X(xrGetReferenceSpaceBoundsRect)    \
  X(xrCreateActionSpace) X(xrLocateSpace) X(xrDestroySpace) X(xrEnumerateViewConfigurations)    \
  X(xrGetViewConfigurationProperties) X(xrEnumerateViewConfigurationViews)                    \
  X(xrEnumerateSwapchainFormats) X(xrCreateSwapchain) X(xrDestroySwapchain)                   \
  X(xrEnumerateSwapchainImages) X(xrAcquireSwapchainImage) X(xrWaitSwapchainImage)             \
  X(xrReleaseSwapchainImage) X(xrBeginSession) X(xrEndSession) X(xrRequestExitSession)         \
  X(xrWaitFrame) X(xrBeginFrame) X(xrEndFrame) X(xrLocateViews)
#define PRAXIS_XR_SIM_VULKAN(X)                                                                 \
  X(xrGetVulkanInstanceExtensionsKHR) X(xrGetVulkanDeviceExtensionsKHR)                        \
  X(xrGetVulkanGraphicsDeviceKHR) X(xrGetVulkanGraphicsRequirementsKHR)
#define PRAXIS_XR_SIM_VULKAN2(X)                                                                \
  X(xrCreateVulkanInstanceKHR) X(xrCreateVulkanDeviceKHR) X(xrGetVulkanGraphicsDevice2KHR)     \
  X(xrGetVulkanGraphicsRequirements2KHR)
#define PRAXIS_XR_SIM_TIMESPEC(X) X(xrConvertTimespecTimeToTimeKHR) X(xrConvertTimeToTimespecTimeKHR)
PRAXIS_XR_SIM_CORE(PRAXIS_XR_SIM_ENTRY)
PRAXIS_XR_SIM_VULKAN(PRAXIS_XR_SIM_ENTRY)
PRAXIS_XR_SIM_VULKAN2(PRAXIS_XR_SIM_ENTRY)
PRAXIS_XR_SIM_TIMESPEC(PRAXIS_XR_SIM_ENTRY)
}  // namespace praxis::xrsim::api
