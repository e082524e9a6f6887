// XR_EXT_plane_detection: the simulated room's one plane is the floor of the STAGE play area
// (4 m × 3 m at y = 0, semantic FLOOR, facing up). Detection completes at once: the
// xrBeginPlaneDetectionEXT that asks for it leaves the detector DONE.
#include <algorithm>
#include <array>
#include <cmath>

#include "ext_entry_points.h"

namespace praxis::xrsim {
namespace {

constexpr float kFloorWidth = 4.0F;  // along STAGE x
constexpr float kFloorDepth = 3.0F;  // along STAGE z
constexpr std::uint64_t kFloorId = 1;
constexpr XrPlaneDetectorFlagsEXT kKnownFlags = XR_PLANE_DETECTOR_ENABLE_CONTOUR_BIT_EXT;

struct PlaneDetector : Object {
  static constexpr ObjectType kType = ObjectType::PlaneDetector;
  PlaneDetector(std::uint64_t detectorHandle, Session& owner, XrPlaneDetectorFlagsEXT detectorFlags)
      : Object(ObjectType::PlaneDetector, detectorHandle), session(owner), flags(detectorFlags) {}
  Session& session;
  XrPlaneDetectorFlagsEXT flags;
  XrPlaneDetectionStateEXT state = XR_PLANE_DETECTION_STATE_NONE_EXT;
  bool floorFound = false;
};

/// The floor in STAGE: the plane's +Z (its normal) is STAGE +Y, its x and y axes STAGE x and -z.
Pose floorInStage() {
  return Pose{.orientation = glm::angleAxis(-glm::half_pi<float>(), glm::vec3(1.0F, 0.0F, 0.0F)),
              .position = glm::vec3(0.0F)};
}

template <typename T>
bool contains(std::uint32_t count, const T* list, T value) {
  return count == 0 ||
         std::find(list, list + count, value) != list + count;  // an empty filter takes all
}

/// Whether the floor passes the begin info's filters and lies (its centre) inside the box.
bool floorMatches(const XrPlaneDetectorBeginInfoEXT& info, const Pose& baseInStage) {
  if (info.maxPlanes == 0 || info.minArea > kFloorWidth * kFloorDepth ||
      !contains(info.orientationCount, info.orientations,
                XR_PLANE_DETECTOR_ORIENTATION_HORIZONTAL_UPWARD_EXT) ||
      !contains(info.semanticTypeCount, info.semanticTypes,
                XR_PLANE_DETECTOR_SEMANTIC_TYPE_FLOOR_EXT)) {
    return false;
  }
  Pose box = compose(baseInStage, fromXr(info.boundingBoxPose));
  glm::vec3 centre = compose(inverse(box), floorInStage()).position;
  const XrExtent3DfEXT& e = info.boundingBoxExtent;
  return std::fabs(centre.x) <= e.width / 2 && std::fabs(centre.y) <= e.height / 2 &&
         std::fabs(centre.z) <= e.depth / 2;
}

XrResult checkBeginInfo(const XrPlaneDetectorBeginInfoEXT* info, Space*& base) {
  if (badStruct(info, XR_TYPE_PLANE_DETECTOR_BEGIN_INFO_EXT) ||
      (info->orientationCount > 0 && info->orientations == nullptr) ||
      (info->semanticTypeCount > 0 && info->semanticTypes == nullptr)) {
    return XR_ERROR_VALIDATION_FAILURE;
  }
  if (XrResult r = lookup(info->baseSpace, base); XR_FAILED(r)) {
    return r;
  }
  if (info->time <= 0) {
    return XR_ERROR_TIME_INVALID;
  }
  return isValidPose(info->boundingBoxPose) ? XR_SUCCESS : XR_ERROR_POSE_INVALID;
}

XrPlaneDetectorLocationEXT floorLocation(const PlaneDetector& d, const Space& base, XrTime time) {
  auto baseInStage = spacePoseInStage(base, time);
  XrPlaneDetectorLocationEXT location{
      .type = XR_TYPE_PLANE_DETECTOR_LOCATION_EXT,
      .next = nullptr,
      .planeId = kFloorId,
      .locationFlags = 0,
      .pose = toXr(Pose{}),
      .extents = XrExtent2Df{.width = kFloorWidth, .height = kFloorDepth},
      .orientation = XR_PLANE_DETECTOR_ORIENTATION_HORIZONTAL_UPWARD_EXT,
      .semanticType = XR_PLANE_DETECTOR_SEMANTIC_TYPE_FLOOR_EXT,
      .polygonBufferCount = (d.flags & XR_PLANE_DETECTOR_ENABLE_CONTOUR_BIT_EXT) != 0 ? 1U : 0U};
  if (baseInStage) {
    location.pose = toXr(compose(inverse(*baseInStage), floorInStage()));
    location.locationFlags =
        XR_SPACE_LOCATION_ORIENTATION_VALID_BIT | XR_SPACE_LOCATION_POSITION_VALID_BIT |
        XR_SPACE_LOCATION_ORIENTATION_TRACKED_BIT | XR_SPACE_LOCATION_POSITION_TRACKED_BIT;
  }
  return location;
}

XrResult lookupDetector(XrPlaneDetectorEXT handle, PlaneDetector*& out) {
  out = Registry::get().find<PlaneDetector>(toRaw(handle));
  if (out == nullptr) {
    return XR_ERROR_HANDLE_INVALID;
  }
  return out->session.instance.lost ? XR_ERROR_INSTANCE_LOST : XR_SUCCESS;
}

}  // namespace

XrPlaneDetectionCapabilityFlagsEXT planeDetectionCapabilities(XrSystemId systemId) {
  return systemId == kHmdSystemId ? XR_PLANE_DETECTION_CAPABILITY_PLANE_DETECTION_BIT_EXT |
                                        XR_PLANE_DETECTION_CAPABILITY_SEMANTIC_FLOOR_BIT_EXT |
                                        XR_PLANE_DETECTION_CAPABILITY_ORIENTATION_BIT_EXT
                                  : 0;
}

namespace api {

XrResult XRAPI_CALL xrCreatePlaneDetectorEXT(XrSession session,
                                             const XrPlaneDetectorCreateInfoEXT* createInfo,
                                             XrPlaneDetectorEXT* planeDetector) {
  return guarded([&]() -> XrResult {
    Session* s = nullptr;
    if (XrResult r = lookup(session, s); XR_FAILED(r)) {
      return r;
    }
    if (badStruct(createInfo, XR_TYPE_PLANE_DETECTOR_CREATE_INFO_EXT) || planeDetector == nullptr ||
        (createInfo->flags & ~kKnownFlags) != 0) {
      return XR_ERROR_VALIDATION_FAILURE;
    }
    if (planeDetectionCapabilities(s->systemId) == 0) {
      return XR_ERROR_FEATURE_UNSUPPORTED;
    }
    auto created =
        std::make_unique<PlaneDetector>(Registry::get().newHandle(), *s, createInfo->flags);
    Registry::get().add(*created);
    *planeDetector = fromRaw<XrPlaneDetectorEXT>(created->handle);
    s->children[created->handle] = std::move(created);
    return XR_SUCCESS;
  });
}

XrResult XRAPI_CALL xrDestroyPlaneDetectorEXT(XrPlaneDetectorEXT planeDetector) {
  return guarded([&]() -> XrResult {
    auto* d = Registry::get().find<PlaneDetector>(toRaw(planeDetector));
    if (d == nullptr) {
      return XR_ERROR_HANDLE_INVALID;
    }
    d->session.children.erase(d->handle);
    return XR_SUCCESS;
  });
}

XrResult XRAPI_CALL xrBeginPlaneDetectionEXT(XrPlaneDetectorEXT planeDetector,
                                             const XrPlaneDetectorBeginInfoEXT* beginInfo) {
  return guarded([&]() -> XrResult {
    PlaneDetector* d = nullptr;
    Space* base = nullptr;
    if (XrResult r = lookupDetector(planeDetector, d); XR_FAILED(r)) {
      return r;
    }
    if (XrResult r = checkBeginInfo(beginInfo, base); XR_FAILED(r)) {
      return r;
    }
    auto baseInStage = spacePoseInStage(*base, beginInfo->time);
    d->floorFound = baseInStage && floorMatches(*beginInfo, *baseInStage);
    d->state = XR_PLANE_DETECTION_STATE_DONE_EXT;
    return XR_SUCCESS;
  });
}

XrResult XRAPI_CALL xrGetPlaneDetectionStateEXT(XrPlaneDetectorEXT planeDetector,
                                                XrPlaneDetectionStateEXT* state) {
  return guarded([&]() -> XrResult {
    PlaneDetector* d = nullptr;
    if (XrResult r = lookupDetector(planeDetector, d); XR_FAILED(r)) {
      return r;
    }
    if (state == nullptr) {
      return XR_ERROR_VALIDATION_FAILURE;
    }
    *state = d->state;
    return XR_SUCCESS;
  });
}

XrResult XRAPI_CALL xrGetPlaneDetectionsEXT(XrPlaneDetectorEXT planeDetector,
                                            const XrPlaneDetectorGetInfoEXT* info,
                                            XrPlaneDetectorLocationsEXT* locations) {
  return guarded([&]() -> XrResult {
    PlaneDetector* d = nullptr;
    Space* base = nullptr;
    if (XrResult r = lookupDetector(planeDetector, d); XR_FAILED(r)) {
      return r;
    }
    if (badStruct(info, XR_TYPE_PLANE_DETECTOR_GET_INFO_EXT) ||
        badStruct(locations, XR_TYPE_PLANE_DETECTOR_LOCATIONS_EXT)) {
      return XR_ERROR_VALIDATION_FAILURE;
    }
    if (XrResult r = lookup(info->baseSpace, base); XR_FAILED(r)) {
      return r;
    }
    if (info->time <= 0) {
      return XR_ERROR_TIME_INVALID;
    }
    if (d->state != XR_PLANE_DETECTION_STATE_DONE_EXT) {
      return XR_ERROR_CALL_ORDER_INVALID;
    }
    return twoCall(locations->planeLocationCapacityInput, &locations->planeLocationCountOutput,
                   locations->planeLocations, d->floorFound ? 1U : 0U,
                   [&](XrPlaneDetectorLocationEXT& out, std::uint32_t) {
                     void* next = out.next;
                     out = floorLocation(*d, *base, info->time);
                     out.next = next;
                     return XR_SUCCESS;
                   });
  });
}

XrResult XRAPI_CALL xrGetPlanePolygonBufferEXT(XrPlaneDetectorEXT planeDetector,
                                               std::uint64_t planeId,
                                               std::uint32_t polygonBufferIndex,
                                               XrPlaneDetectorPolygonBufferEXT* polygonBuffer) {
  return guarded([&]() -> XrResult {
    PlaneDetector* d = nullptr;
    if (XrResult r = lookupDetector(planeDetector, d); XR_FAILED(r)) {
      return r;
    }
    if (badStruct(polygonBuffer, XR_TYPE_PLANE_DETECTOR_POLYGON_BUFFER_EXT)) {
      return XR_ERROR_VALIDATION_FAILURE;
    }
    if (d->state != XR_PLANE_DETECTION_STATE_DONE_EXT) {
      return XR_ERROR_CALL_ORDER_INVALID;
    }
    if (!d->floorFound || planeId != kFloorId || polygonBufferIndex != 0 ||
        (d->flags & XR_PLANE_DETECTOR_ENABLE_CONTOUR_BIT_EXT) == 0) {
      return XR_ERROR_VALIDATION_FAILURE;
    }
    // The outline, counter-clockwise seen from above (the plane's +Z).
    constexpr std::array<XrVector2f, 4> kOutline{
        XrVector2f{.x = -kFloorWidth / 2, .y = -kFloorDepth / 2},
        XrVector2f{.x = kFloorWidth / 2, .y = -kFloorDepth / 2},
        XrVector2f{.x = kFloorWidth / 2, .y = kFloorDepth / 2},
        XrVector2f{.x = -kFloorWidth / 2, .y = kFloorDepth / 2}};
    return twoCall(polygonBuffer->vertexCapacityInput, &polygonBuffer->vertexCountOutput,
                   polygonBuffer->vertices, static_cast<std::uint32_t>(kOutline.size()),
                   [&](XrVector2f& v, std::uint32_t i) {
                     v = kOutline.at(i);
                     return XR_SUCCESS;
                   });
  });
}

}  // namespace api
}  // namespace praxis::xrsim
