// Entry points of the extensions beyond the core and the Vulkan bindings (one file per group:
// visibility_mask.cpp, locate_spaces.cpp, device_queries.cpp, controller_model.cpp,
// plane_detection.cpp), each row tied to the extension (or API version) xrGetInstanceProcAddr
// requires to be enabled for it.
#pragma once

#include "entry_points.h"
#include "xr_compat.h"

namespace praxis::xrsim {
/// The pseudo-extension of the functions OpenXR 1.1 promoted into the core: "enabled" for an
/// instance created with apiVersion 1.1.
inline constexpr const char* kCore11 = "XR_VERSION_1_1";

/// Fills the device-query structs chained to XrSystemProperties (headset id, user presence).
void fillDevicePropertiesChain(const Instance& instance, XrSystemId systemId,
                               XrSystemProperties* properties);
/// XR_EXT_plane_detection's capabilities of a system (the HMD finds the floor).
XrPlaneDetectionCapabilityFlagsEXT planeDetectionCapabilities(XrSystemId systemId);
/// Queues XR_EXT_user_presence's first event of a session (at xrBeginSession).
void announceUserPresence(Session& session);
}  // namespace praxis::xrsim

namespace praxis::xrsim::api {
#define PRAXIS_XR_SIM_EXTENSION_FUNCTIONS(X)                                                   \
  X(xrGetVisibilityMaskKHR, XR_KHR_VISIBILITY_MASK_EXTENSION_NAME)                             \
  X(xrLocateSpacesKHR, XR_KHR_LOCATE_SPACES_EXTENSION_NAME)                                    \
  X(xrLocateSpaces, kCore11)                                                                   \
  X(xrThermalGetTemperatureTrendEXT, XR_EXT_THERMAL_QUERY_EXTENSION_NAME)                      \
  X(xrEnumeratePerformanceMetricsCounterPathsMETA, XR_META_PERFORMANCE_METRICS_EXTENSION_NAME) \
  X(xrSetPerformanceMetricsStateMETA, XR_META_PERFORMANCE_METRICS_EXTENSION_NAME)              \
  X(xrGetPerformanceMetricsStateMETA, XR_META_PERFORMANCE_METRICS_EXTENSION_NAME)              \
  X(xrQueryPerformanceMetricsCounterMETA, XR_META_PERFORMANCE_METRICS_EXTENSION_NAME)          \
  X(xrGetControllerModelKeyMSFT, XR_MSFT_CONTROLLER_MODEL_EXTENSION_NAME)                      \
  X(xrLoadControllerModelMSFT, XR_MSFT_CONTROLLER_MODEL_EXTENSION_NAME)                        \
  X(xrGetControllerModelPropertiesMSFT, XR_MSFT_CONTROLLER_MODEL_EXTENSION_NAME)               \
  X(xrGetControllerModelStateMSFT, XR_MSFT_CONTROLLER_MODEL_EXTENSION_NAME)                    \
  X(xrCreatePlaneDetectorEXT, XR_EXT_PLANE_DETECTION_EXTENSION_NAME)                           \
  X(xrDestroyPlaneDetectorEXT, XR_EXT_PLANE_DETECTION_EXTENSION_NAME)                          \
  X(xrBeginPlaneDetectionEXT, XR_EXT_PLANE_DETECTION_EXTENSION_NAME)                           \
  X(xrGetPlaneDetectionStateEXT, XR_EXT_PLANE_DETECTION_EXTENSION_NAME)                        \
  X(xrGetPlaneDetectionsEXT, XR_EXT_PLANE_DETECTION_EXTENSION_NAME)                            \
  X(xrGetPlanePolygonBufferEXT, XR_EXT_PLANE_DETECTION_EXTENSION_NAME)
#define PRAXIS_XR_SIM_EXT_ENTRY(name, extension) std::remove_pointer_t<PFN_##name> name;  // NOLINT
PRAXIS_XR_SIM_EXTENSION_FUNCTIONS(PRAXIS_XR_SIM_EXT_ENTRY)
#undef PRAXIS_XR_SIM_EXT_ENTRY
}  // namespace praxis::xrsim::api
