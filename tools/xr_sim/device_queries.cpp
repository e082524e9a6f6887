// Queries about the simulated device that need no tracking: XR_EXT_thermal_query (always cool),
// XR_META_performance_metrics (the runtime's own frame counters), XR_META_headset_id and
// XR_EXT_user_presence (a user who is always present), chained to XrSystemProperties.
#include <algorithm>
#include <array>
#include <cstring>
#include <string_view>

#include "ext_entry_points.h"

namespace praxis::xrsim {
namespace {

/// The counters of XR_META_performance_metrics, in the paths the extension defines.
constexpr std::array<std::string_view, 3> kCounterPaths{
    "/perfmetrics_meta/app/cpu_frametime", "/perfmetrics_meta/app/gpu_frametime",
    "/perfmetrics_meta/compositor/cpu_frametime"};

/// A fixed headset id (a UUID of "praxis-xr-sim"), so it is the same on every query.
constexpr std::array<std::uint8_t, 16> kHeadsetId{0x70, 0x72, 0x61, 0x78, 0x69, 0x73, 0x2d, 0x78,
                                                  0x72, 0x2d, 0x73, 0x69, 0x6d, 0x00, 0x00, 0x01};

XrResult lookupCounter(Session& s, XrPath path, std::size_t& index) {
  for (index = 0; index < kCounterPaths.size(); ++index) {
    XrPath known = XR_NULL_PATH;
    if (XR_SUCCEEDED(internPath(s.instance, kCounterPaths[index], &known)) && known == path) {
      return XR_SUCCESS;
    }
  }
  return XR_ERROR_PATH_UNSUPPORTED;
}

}  // namespace

void fillDevicePropertiesChain(const Instance& instance, XrSystemId systemId,
                               XrSystemProperties* properties) {
  for (auto* header = static_cast<XrBaseOutStructure*>(properties->next); header != nullptr;
       header = header->next) {
    if (header->type == XR_TYPE_SYSTEM_HEADSET_ID_PROPERTIES_META &&
        instance.enabled(XR_META_HEADSET_ID_EXTENSION_NAME)) {
      auto* id = reinterpret_cast<XrSystemHeadsetIdPropertiesMETA*>(header);  // NOLINT
      std::memcpy(&id->id, kHeadsetId.data(), kHeadsetId.size());
    } else if (header->type == XR_TYPE_SYSTEM_SPACE_WARP_PROPERTIES_FB &&
               instance.enabled(XR_FB_SPACE_WARP_EXTENSION_NAME)) {
      // Motion vectors at a quarter of the eye image's resolution, as Meta's runtime suggests.
      auto* warp = reinterpret_cast<XrSystemSpaceWarpPropertiesFB*>(header);  // NOLINT
      warp->recommendedMotionVectorImageRectWidth = std::max(1U, instance.config.viewWidth / 4);
      warp->recommendedMotionVectorImageRectHeight = std::max(1U, instance.config.viewHeight / 4);
    } else if (header->type == XR_TYPE_SYSTEM_PLANE_DETECTION_PROPERTIES_EXT &&
               instance.enabled(XR_EXT_PLANE_DETECTION_EXTENSION_NAME)) {
      reinterpret_cast<XrSystemPlaneDetectionPropertiesEXT*>(header)->supportedFeatures =  // NOLINT
          planeDetectionCapabilities(systemId);
    } else if (header->type == XR_TYPE_SYSTEM_USER_PRESENCE_PROPERTIES_EXT &&
               instance.enabled(XR_EXT_USER_PRESENCE_EXTENSION_NAME)) {
      // The HMD has a (simulated) proximity sensor; the handheld device does not.
      reinterpret_cast<XrSystemUserPresencePropertiesEXT*>(header)
          ->supportsUserPresence =  // NOLINT
          static_cast<XrBool32>(systemId == kHmdSystemId);
    }
  }
}

void announceUserPresence(Session& session) {
  // The spec's first event of a user-presence session: queued at xrBeginSession.
  if (session.instance.enabled(XR_EXT_USER_PRESENCE_EXTENSION_NAME) &&
      session.systemId == kHmdSystemId) {
    pushEvent(session.instance, XrEventDataUserPresenceChangedEXT{
                                    .type = XR_TYPE_EVENT_DATA_USER_PRESENCE_CHANGED_EXT,
                                    .next = nullptr,
                                    .session = fromRaw<XrSession>(session.handle),
                                    .isUserPresent = XR_TRUE});
  }
}

namespace api {

XrResult XRAPI_CALL xrThermalGetTemperatureTrendEXT(
    XrSession session, XrPerfSettingsDomainEXT domain,
    XrPerfSettingsNotificationLevelEXT* notificationLevel, float* tempHeadroom, float* tempSlope) {
  return guarded([&]() -> XrResult {
    Session* s = nullptr;
    if (XrResult r = lookup(session, s); XR_FAILED(r)) {
      return r;
    }
    if ((domain != XR_PERF_SETTINGS_DOMAIN_CPU_EXT && domain != XR_PERF_SETTINGS_DOMAIN_GPU_EXT) ||
        notificationLevel == nullptr || tempHeadroom == nullptr || tempSlope == nullptr) {
      return XR_ERROR_VALIDATION_FAILURE;
    }
    // A simulated device never heats up: 30 °C below its limit, steady.
    *notificationLevel = XR_PERF_SETTINGS_NOTIF_LEVEL_NORMAL_EXT;
    *tempHeadroom = 30.0F;
    *tempSlope = 0.0F;
    return XR_SUCCESS;
  });
}

XrResult XRAPI_CALL xrEnumeratePerformanceMetricsCounterPathsMETA(XrInstance instance,
                                                                  std::uint32_t capacity,
                                                                  std::uint32_t* countOutput,
                                                                  XrPath* paths) {
  return guarded([&]() -> XrResult {
    Instance* owner = nullptr;
    if (XrResult r = lookup(instance, owner); XR_FAILED(r)) {
      return r;
    }
    return twoCall(
        capacity, countOutput, paths, static_cast<std::uint32_t>(kCounterPaths.size()),
        [&](XrPath& p, std::uint32_t i) { return internPath(*owner, kCounterPaths.at(i), &p); });
  });
}

XrResult XRAPI_CALL xrSetPerformanceMetricsStateMETA(XrSession session,
                                                     const XrPerformanceMetricsStateMETA* state) {
  return guarded([&]() -> XrResult {
    Session* s = nullptr;
    if (XrResult r = lookup(session, s); XR_FAILED(r)) {
      return r;
    }
    if (badStruct(state, XR_TYPE_PERFORMANCE_METRICS_STATE_META)) {
      return XR_ERROR_VALIDATION_FAILURE;
    }
    s->performanceMetrics = state->enabled == XR_TRUE;
    return XR_SUCCESS;
  });
}

XrResult XRAPI_CALL xrGetPerformanceMetricsStateMETA(XrSession session,
                                                     XrPerformanceMetricsStateMETA* state) {
  return guarded([&]() -> XrResult {
    Session* s = nullptr;
    if (XrResult r = lookup(session, s); XR_FAILED(r)) {
      return r;
    }
    if (badStruct(state, XR_TYPE_PERFORMANCE_METRICS_STATE_META)) {
      return XR_ERROR_VALIDATION_FAILURE;
    }
    state->enabled = static_cast<XrBool32>(s->performanceMetrics);
    return XR_SUCCESS;
  });
}

XrResult XRAPI_CALL xrQueryPerformanceMetricsCounterMETA(XrSession session, XrPath counterPath,
                                                         XrPerformanceMetricsCounterMETA* counter) {
  return guarded([&]() -> XrResult {
    Session* s = nullptr;
    if (XrResult r = lookup(session, s); XR_FAILED(r)) {
      return r;
    }
    if (badStruct(counter, XR_TYPE_PERFORMANCE_METRICS_COUNTER_META)) {
      return XR_ERROR_VALIDATION_FAILURE;
    }
    std::size_t index = 0;
    if (XrResult r = lookupCounter(*s, counterPath, index); XR_FAILED(r)) {
      return r;
    }
    if (!s->performanceMetrics) {
      return XR_ERROR_VALIDATION_FAILURE;  // the spec: counters must be enabled first
    }
    // Frame times are not measured (the runtime draws nothing): the values are left invalid.
    counter->counterFlags = 0;
    counter->counterUnit = XR_PERFORMANCE_METRICS_COUNTER_UNIT_MILLISECONDS_META;
    counter->uintValue = 0;
    counter->floatValue = 0.0F;
    return XR_SUCCESS;
  });
}

}  // namespace api
}  // namespace praxis::xrsim
