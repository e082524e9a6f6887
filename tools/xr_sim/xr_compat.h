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

#ifndef XR_EXT_plane_detection
#define XR_EXT_plane_detection 1
XR_DEFINE_HANDLE(XrPlaneDetectorEXT)
#define XR_EXT_plane_detection_SPEC_VERSION 2
#define XR_EXT_PLANE_DETECTION_EXTENSION_NAME "XR_EXT_plane_detection"
inline constexpr auto XR_TYPE_PLANE_DETECTOR_CREATE_INFO_EXT = static_cast<XrStructureType>(1000429001);
inline constexpr auto XR_TYPE_PLANE_DETECTOR_BEGIN_INFO_EXT = static_cast<XrStructureType>(1000429002);
inline constexpr auto XR_TYPE_PLANE_DETECTOR_GET_INFO_EXT = static_cast<XrStructureType>(1000429003);
inline constexpr auto XR_TYPE_PLANE_DETECTOR_LOCATIONS_EXT = static_cast<XrStructureType>(1000429004);
inline constexpr auto XR_TYPE_PLANE_DETECTOR_LOCATION_EXT = static_cast<XrStructureType>(1000429005);
inline constexpr auto XR_TYPE_PLANE_DETECTOR_POLYGON_BUFFER_EXT = static_cast<XrStructureType>(1000429006);
inline constexpr auto XR_TYPE_SYSTEM_PLANE_DETECTION_PROPERTIES_EXT = static_cast<XrStructureType>(1000429007);
typedef enum XrPlaneDetectorOrientationEXT {
  XR_PLANE_DETECTOR_ORIENTATION_HORIZONTAL_UPWARD_EXT = 0,
  XR_PLANE_DETECTOR_ORIENTATION_HORIZONTAL_DOWNWARD_EXT = 1,
  XR_PLANE_DETECTOR_ORIENTATION_VERTICAL_EXT = 2,
  XR_PLANE_DETECTOR_ORIENTATION_ARBITRARY_EXT = 3,
  XR_PLANE_DETECTOR_ORIENTATION_MAX_ENUM_EXT = 0x7FFFFFFF
} XrPlaneDetectorOrientationEXT;
typedef enum XrPlaneDetectorSemanticTypeEXT {
  XR_PLANE_DETECTOR_SEMANTIC_TYPE_UNDEFINED_EXT = 0,
  XR_PLANE_DETECTOR_SEMANTIC_TYPE_CEILING_EXT = 1,
  XR_PLANE_DETECTOR_SEMANTIC_TYPE_FLOOR_EXT = 2,
  XR_PLANE_DETECTOR_SEMANTIC_TYPE_WALL_EXT = 3,
  XR_PLANE_DETECTOR_SEMANTIC_TYPE_PLATFORM_EXT = 4,
  XR_PLANE_DETECTOR_SEMANTIC_TYPE_MAX_ENUM_EXT = 0x7FFFFFFF
} XrPlaneDetectorSemanticTypeEXT;
typedef enum XrPlaneDetectionStateEXT {
  XR_PLANE_DETECTION_STATE_NONE_EXT = 0,
  XR_PLANE_DETECTION_STATE_PENDING_EXT = 1,
  XR_PLANE_DETECTION_STATE_DONE_EXT = 2,
  XR_PLANE_DETECTION_STATE_ERROR_EXT = 3,
  XR_PLANE_DETECTION_STATE_FATAL_EXT = 4,
  XR_PLANE_DETECTION_STATE_MAX_ENUM_EXT = 0x7FFFFFFF
} XrPlaneDetectionStateEXT;
typedef XrFlags64 XrPlaneDetectionCapabilityFlagsEXT;
static const XrPlaneDetectionCapabilityFlagsEXT XR_PLANE_DETECTION_CAPABILITY_PLANE_DETECTION_BIT_EXT = 0x1;
static const XrPlaneDetectionCapabilityFlagsEXT XR_PLANE_DETECTION_CAPABILITY_PLANE_HOLES_BIT_EXT = 0x2;
static const XrPlaneDetectionCapabilityFlagsEXT XR_PLANE_DETECTION_CAPABILITY_SEMANTIC_CEILING_BIT_EXT = 0x4;
static const XrPlaneDetectionCapabilityFlagsEXT XR_PLANE_DETECTION_CAPABILITY_SEMANTIC_FLOOR_BIT_EXT = 0x8;
static const XrPlaneDetectionCapabilityFlagsEXT XR_PLANE_DETECTION_CAPABILITY_SEMANTIC_WALL_BIT_EXT = 0x10;
static const XrPlaneDetectionCapabilityFlagsEXT XR_PLANE_DETECTION_CAPABILITY_SEMANTIC_PLATFORM_BIT_EXT = 0x20;
static const XrPlaneDetectionCapabilityFlagsEXT XR_PLANE_DETECTION_CAPABILITY_ORIENTATION_BIT_EXT = 0x40;
typedef XrFlags64 XrPlaneDetectorFlagsEXT;
static const XrPlaneDetectorFlagsEXT XR_PLANE_DETECTOR_ENABLE_CONTOUR_BIT_EXT = 0x1;
typedef struct XrExtent3DfEXT {
  float width;
  float height;
  float depth;
} XrExtent3DfEXT;
typedef struct XrSystemPlaneDetectionPropertiesEXT {
  XrStructureType type;
  void* XR_MAY_ALIAS next;
  XrPlaneDetectionCapabilityFlagsEXT supportedFeatures;
} XrSystemPlaneDetectionPropertiesEXT;
typedef struct XrPlaneDetectorCreateInfoEXT {
  XrStructureType type;
  const void* XR_MAY_ALIAS next;
  XrPlaneDetectorFlagsEXT flags;
} XrPlaneDetectorCreateInfoEXT;
typedef struct XrPlaneDetectorBeginInfoEXT {
  XrStructureType type;
  const void* XR_MAY_ALIAS next;
  XrSpace baseSpace;
  XrTime time;
  uint32_t orientationCount;
  const XrPlaneDetectorOrientationEXT* orientations;
  uint32_t semanticTypeCount;
  const XrPlaneDetectorSemanticTypeEXT* semanticTypes;
  uint32_t maxPlanes;
  float minArea;
  XrPosef boundingBoxPose;
  XrExtent3DfEXT boundingBoxExtent;
} XrPlaneDetectorBeginInfoEXT;
typedef struct XrPlaneDetectorGetInfoEXT {
  XrStructureType type;
  const void* XR_MAY_ALIAS next;
  XrSpace baseSpace;
  XrTime time;
} XrPlaneDetectorGetInfoEXT;
typedef struct XrPlaneDetectorLocationEXT {
  XrStructureType type;
  void* XR_MAY_ALIAS next;
  uint64_t planeId;
  XrSpaceLocationFlags locationFlags;
  XrPosef pose;
  XrExtent2Df extents;
  XrPlaneDetectorOrientationEXT orientation;
  XrPlaneDetectorSemanticTypeEXT semanticType;
  uint32_t polygonBufferCount;
} XrPlaneDetectorLocationEXT;
typedef struct XrPlaneDetectorLocationsEXT {
  XrStructureType type;
  void* XR_MAY_ALIAS next;
  uint32_t planeLocationCapacityInput;
  uint32_t planeLocationCountOutput;
  XrPlaneDetectorLocationEXT* planeLocations;
} XrPlaneDetectorLocationsEXT;
typedef struct XrPlaneDetectorPolygonBufferEXT {
  XrStructureType type;
  void* XR_MAY_ALIAS next;
  uint32_t vertexCapacityInput;
  uint32_t vertexCountOutput;
  XrVector2f* vertices;
} XrPlaneDetectorPolygonBufferEXT;
typedef XrResult(XRAPI_PTR* PFN_xrCreatePlaneDetectorEXT)(XrSession session, const XrPlaneDetectorCreateInfoEXT* createInfo,
                                                          XrPlaneDetectorEXT* planeDetector);
typedef XrResult(XRAPI_PTR* PFN_xrDestroyPlaneDetectorEXT)(XrPlaneDetectorEXT planeDetector);
typedef XrResult(XRAPI_PTR* PFN_xrBeginPlaneDetectionEXT)(XrPlaneDetectorEXT planeDetector,
                                                          const XrPlaneDetectorBeginInfoEXT* beginInfo);
typedef XrResult(XRAPI_PTR* PFN_xrGetPlaneDetectionStateEXT)(XrPlaneDetectorEXT planeDetector,
                                                             XrPlaneDetectionStateEXT* state);
typedef XrResult(XRAPI_PTR* PFN_xrGetPlaneDetectionsEXT)(XrPlaneDetectorEXT planeDetector,
                                                         const XrPlaneDetectorGetInfoEXT* info,
                                                         XrPlaneDetectorLocationsEXT* locations);
typedef XrResult(XRAPI_PTR* PFN_xrGetPlanePolygonBufferEXT)(XrPlaneDetectorEXT planeDetector, uint64_t planeId,
                                                            uint32_t polygonBufferIndex,
                                                            XrPlaneDetectorPolygonBufferEXT* polygonBuffer);
#endif

#ifndef XR_EXT_dpad_binding
#define XR_EXT_dpad_binding 1
#define XR_EXT_dpad_binding_SPEC_VERSION 1
#define XR_EXT_DPAD_BINDING_EXTENSION_NAME "XR_EXT_dpad_binding"
inline constexpr auto XR_TYPE_INTERACTION_PROFILE_DPAD_BINDING_EXT = static_cast<XrStructureType>(1000078000);
typedef struct XrInteractionProfileDpadBindingEXT {
  XrStructureType type;
  const void* XR_MAY_ALIAS next;
  XrPath binding;
  XrActionSet actionSet;
  float forceThreshold;
  float forceThresholdReleased;
  float centerRegion;
  float wedgeAngle;
  XrBool32 isSticky;
  const XrHapticBaseHeader* onHaptic;
  const XrHapticBaseHeader* offHaptic;
} XrInteractionProfileDpadBindingEXT;
#endif
