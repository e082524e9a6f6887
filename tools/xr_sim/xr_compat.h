// Declarations of the OpenXR 1.1 and extension types the runtime implements but Debian's
// libopenxr-dev 1.0.20 headers predate. Written out from the OpenXR registry (xr.xml) with the
// registry's names and values, each block guarded so a newer openxr.h takes precedence.
#pragma once

#include <openxr/openxr.h>

#ifndef XR_API_VERSION_1_1
#define XR_API_VERSION_1_1 XR_MAKE_VERSION(1, 1, 0)
#endif

#ifndef XR_EXT_local_floor
#define XR_EXT_local_floor 1
#define XR_EXT_local_floor_SPEC_VERSION 1
#define XR_EXT_LOCAL_FLOOR_EXTENSION_NAME "XR_EXT_local_floor"
inline constexpr auto XR_REFERENCE_SPACE_TYPE_LOCAL_FLOOR = static_cast<XrReferenceSpaceType>(1000426000);
inline constexpr auto XR_REFERENCE_SPACE_TYPE_LOCAL_FLOOR_EXT = XR_REFERENCE_SPACE_TYPE_LOCAL_FLOOR;
#endif

#ifndef XR_KHR_locate_spaces
#define XR_KHR_locate_spaces 1
#define XR_KHR_locate_spaces_SPEC_VERSION 1
#define XR_KHR_LOCATE_SPACES_EXTENSION_NAME "XR_KHR_locate_spaces"
inline constexpr auto XR_TYPE_SPACES_LOCATE_INFO = static_cast<XrStructureType>(1000471000);
inline constexpr auto XR_TYPE_SPACE_LOCATIONS = static_cast<XrStructureType>(1000471001);
inline constexpr auto XR_TYPE_SPACE_VELOCITIES = static_cast<XrStructureType>(1000471002);
typedef struct XrSpacesLocateInfo {
  XrStructureType type;
  const void* XR_MAY_ALIAS next;
  XrSpace baseSpace;
  XrTime time;
  uint32_t spaceCount;
  const XrSpace* spaces;
} XrSpacesLocateInfo;
typedef struct XrSpaceLocationData {
  XrSpaceLocationFlags locationFlags;
  XrPosef pose;
} XrSpaceLocationData;
typedef struct XrSpaceLocations {
  XrStructureType type;
  void* XR_MAY_ALIAS next;
  uint32_t locationCount;
  XrSpaceLocationData* locations;
} XrSpaceLocations;
typedef struct XrSpaceVelocityData {
  XrSpaceVelocityFlags velocityFlags;
  XrVector3f linearVelocity;
  XrVector3f angularVelocity;
} XrSpaceVelocityData;
typedef struct XrSpaceVelocities {
  XrStructureType type;
  void* XR_MAY_ALIAS next;
  uint32_t velocityCount;
  XrSpaceVelocityData* velocities;
} XrSpaceVelocities;
typedef XrResult(XRAPI_PTR* PFN_xrLocateSpaces)(XrSession session, const XrSpacesLocateInfo* locateInfo,
                                                XrSpaceLocations* spaceLocations);
typedef PFN_xrLocateSpaces PFN_xrLocateSpacesKHR;
#endif

#ifndef XR_EXT_user_presence
#define XR_EXT_user_presence 1
#define XR_EXT_user_presence_SPEC_VERSION 1
#define XR_EXT_USER_PRESENCE_EXTENSION_NAME "XR_EXT_user_presence"
inline constexpr auto XR_TYPE_EVENT_DATA_USER_PRESENCE_CHANGED_EXT = static_cast<XrStructureType>(1000470000);
inline constexpr auto XR_TYPE_SYSTEM_USER_PRESENCE_PROPERTIES_EXT = static_cast<XrStructureType>(1000470001);
typedef struct XrEventDataUserPresenceChangedEXT {
  XrStructureType type;
  const void* XR_MAY_ALIAS next;
  XrSession session;
  XrBool32 isUserPresent;
} XrEventDataUserPresenceChangedEXT;
typedef struct XrSystemUserPresencePropertiesEXT {
  XrStructureType type;
  void* XR_MAY_ALIAS next;
  XrBool32 supportsUserPresence;
} XrSystemUserPresencePropertiesEXT;
#endif

#ifndef XR_META_headset_id
#define XR_META_headset_id 1
#define XR_META_headset_id_SPEC_VERSION 2
#define XR_META_HEADSET_ID_EXTENSION_NAME "XR_META_headset_id"
inline constexpr auto XR_TYPE_SYSTEM_HEADSET_ID_PROPERTIES_META = static_cast<XrStructureType>(1000245000);
typedef struct XrSystemHeadsetIdPropertiesMETA {
  XrStructureType type;
  void* XR_MAY_ALIAS next;
  uint8_t id[16];  // XrUuidEXT
} XrSystemHeadsetIdPropertiesMETA;
#endif

#ifndef XR_META_performance_metrics
#define XR_META_performance_metrics 1
#define XR_META_performance_metrics_SPEC_VERSION 2
#define XR_META_PERFORMANCE_METRICS_EXTENSION_NAME "XR_META_performance_metrics"
inline constexpr auto XR_TYPE_PERFORMANCE_METRICS_STATE_META = static_cast<XrStructureType>(1000232001);
inline constexpr auto XR_TYPE_PERFORMANCE_METRICS_COUNTER_META = static_cast<XrStructureType>(1000232002);
typedef enum XrPerformanceMetricsCounterUnitMETA {
  XR_PERFORMANCE_METRICS_COUNTER_UNIT_GENERIC_META = 0,
  XR_PERFORMANCE_METRICS_COUNTER_UNIT_PERCENTAGE_META = 1,
  XR_PERFORMANCE_METRICS_COUNTER_UNIT_MILLISECONDS_META = 2,
  XR_PERFORMANCE_METRICS_COUNTER_UNIT_BYTES_META = 3,
  XR_PERFORMANCE_METRICS_COUNTER_UNIT_HERTZ_META = 4,
  XR_PERFORMANCE_METRICS_COUNTER_UNIT_MAX_ENUM_META = 0x7FFFFFFF
} XrPerformanceMetricsCounterUnitMETA;
typedef XrFlags64 XrPerformanceMetricsCounterFlagsMETA;
static const XrPerformanceMetricsCounterFlagsMETA XR_PERFORMANCE_METRICS_COUNTER_ANY_VALUE_VALID_BIT_META = 0x1;
static const XrPerformanceMetricsCounterFlagsMETA XR_PERFORMANCE_METRICS_COUNTER_UINT_VALUE_VALID_BIT_META = 0x2;
static const XrPerformanceMetricsCounterFlagsMETA XR_PERFORMANCE_METRICS_COUNTER_FLOAT_VALUE_VALID_BIT_META = 0x4;
typedef struct XrPerformanceMetricsStateMETA {
  XrStructureType type;
  const void* XR_MAY_ALIAS next;
  XrBool32 enabled;
} XrPerformanceMetricsStateMETA;
typedef struct XrPerformanceMetricsCounterMETA {
  XrStructureType type;
  const void* XR_MAY_ALIAS next;
  XrPerformanceMetricsCounterFlagsMETA counterFlags;
  XrPerformanceMetricsCounterUnitMETA counterUnit;
  uint32_t uintValue;
  float floatValue;
} XrPerformanceMetricsCounterMETA;
typedef XrResult(XRAPI_PTR* PFN_xrEnumeratePerformanceMetricsCounterPathsMETA)(XrInstance instance,
                                                                               uint32_t counterPathCapacityInput,
                                                                               uint32_t* counterPathCountOutput,
                                                                               XrPath* counterPaths);
typedef XrResult(XRAPI_PTR* PFN_xrSetPerformanceMetricsStateMETA)(XrSession session,
                                                                  const XrPerformanceMetricsStateMETA* state);
typedef XrResult(XRAPI_PTR* PFN_xrGetPerformanceMetricsStateMETA)(XrSession session,
                                                                  XrPerformanceMetricsStateMETA* state);
typedef XrResult(XRAPI_PTR* PFN_xrQueryPerformanceMetricsCounterMETA)(XrSession session, XrPath counterPath,
                                                                      XrPerformanceMetricsCounterMETA* counter);
#endif
