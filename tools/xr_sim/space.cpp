// Spaces (spec 7): VIEW, LOCAL and STAGE reference spaces, action spaces, and locating spaces
// and views. Every pose is computed in STAGE, the device stream's space, then re-expressed.
#include "entry_points.h"
#include "ext_entry_points.h"
#include "system_info.h"

namespace praxis::xrsim {
namespace {

/// The stage's play area (spec: a rectangle centred on the STAGE origin), metres.
constexpr XrExtent2Df kStageBounds{.width = 4.0F, .height = 3.0F};

constexpr XrSpaceLocationFlags kAllValidTracked =
    XR_SPACE_LOCATION_ORIENTATION_VALID_BIT | XR_SPACE_LOCATION_POSITION_VALID_BIT |
    XR_SPACE_LOCATION_ORIENTATION_TRACKED_BIT | XR_SPACE_LOCATION_POSITION_TRACKED_BIT;

/// LOCAL_FLOOR comes with XR_EXT_local_floor or OpenXR 1.1.
bool hasLocalFloor(const Instance& instance) {
  return instance.enabled(XR_EXT_LOCAL_FLOOR_EXTENSION_NAME) || instance.enabled(kCore11);
}

bool isSupportedReferenceSpace(const Instance& instance, XrReferenceSpaceType type) {
  return type == XR_REFERENCE_SPACE_TYPE_VIEW || type == XR_REFERENCE_SPACE_TYPE_LOCAL ||
         type == XR_REFERENCE_SPACE_TYPE_STAGE ||
         (type == XR_REFERENCE_SPACE_TYPE_LOCAL_FLOOR && hasLocalFloor(instance));
}

/// XR_SUCCESS or REFERENCE_SPACE_UNSUPPORTED, for extension types and unknown values alike
/// (the CTS expects the latter for XR_REFERENCE_SPACE_TYPE_MAX_ENUM).
XrResult checkReferenceSpaceType(const Instance& instance, XrReferenceSpaceType type) {
  return isSupportedReferenceSpace(instance, type) ? XR_SUCCESS : XR_ERROR_REFERENCE_SPACE_UNSUPPORTED;
}

void fillVelocity(void* next) {
  for (auto* header = static_cast<XrBaseOutStructure*>(next); header != nullptr; header = header->next) {
    if (header->type == XR_TYPE_SPACE_VELOCITY) {
      // The stream gives poses only; a pose held between lines is at rest.
      auto* velocity = reinterpret_cast<XrSpaceVelocity*>(header);  // NOLINT
      velocity->velocityFlags = XR_SPACE_VELOCITY_LINEAR_VALID_BIT | XR_SPACE_VELOCITY_ANGULAR_VALID_BIT;
      velocity->linearVelocity = XrVector3f{.x = 0, .y = 0, .z = 0};
      velocity->angularVelocity = XrVector3f{.x = 0, .y = 0, .z = 0};
    }
  }
}

void clearVelocity(void* next) {
  for (auto* header = static_cast<XrBaseOutStructure*>(next); header != nullptr; header = header->next) {
    if (header->type == XR_TYPE_SPACE_VELOCITY) {
      reinterpret_cast<XrSpaceVelocity*>(header)->velocityFlags = 0;  // NOLINT
    }
  }
}

XrResult addSpace(Session& session, std::unique_ptr<Space> space, XrSpace* out) {
  Registry::get().add(*space);
  *out = fromRaw<XrSpace>(space->handle);
  session.spaces[space->handle] = std::move(space);
  return session.lossPending ? XR_SESSION_LOSS_PENDING : XR_SUCCESS;
}

}  // namespace

Pose headInStage(const Instance& instance) { return instance.feed.head(); }

Pose referenceOriginInStage(const Instance& instance, XrReferenceSpaceType type) {
  switch (type) {
    case XR_REFERENCE_SPACE_TYPE_VIEW:
      return headInStage(instance);
    case XR_REFERENCE_SPACE_TYPE_LOCAL:
      // Where the head starts, gravity-aligned: eye height above the stage origin.
      return Pose{.orientation = glm::quat(1.0F, 0.0F, 0.0F, 0.0F),
                  .position = glm::vec3(0.0F, kDefaultEyeHeight, 0.0F)};
    default:
      // LOCAL_FLOOR (not an enumerator of the 1.0 headers) is LOCAL dropped to the floor: LOCAL's
      // x, z and orientation at the STAGE floor's height; which is STAGE's origin, as is any other.
      return Pose{};
  }
}

XrSpaceLocationFlags locateSpace(const Space& space, const Space& base, XrTime time, XrPosef& pose) {
  auto spacePose = spacePoseInStage(space, time);
  auto basePose = spacePoseInStage(base, time);
  if (!spacePose || !basePose) {
    pose = toXr(Pose{});
    return 0;
  }
  pose = toXr(compose(inverse(*basePose), *spacePose));
  return kAllValidTracked;
}

std::optional<Pose> spacePoseInStage(const Space& space, XrTime time) {
  if (space.referenceType) {
    return compose(referenceOriginInStage(space.session.instance, *space.referenceType), space.offset);
  }
  auto pose = actionSpacePose(space.session, space.action, space.subactionPath, time);
  if (!pose) {
    return std::nullopt;
  }
  return compose(*pose, space.offset);
}

namespace api {

XrResult XRAPI_CALL xrEnumerateReferenceSpaces(XrSession session, std::uint32_t capacity, std::uint32_t* countOutput,
                                               XrReferenceSpaceType* spaces) {
  return guarded([&]() -> XrResult {
    Session* s = nullptr;
    if (XrResult r = lookup(session, s); XR_FAILED(r)) {
      return r;
    }
    std::vector<XrReferenceSpaceType> types{XR_REFERENCE_SPACE_TYPE_VIEW, XR_REFERENCE_SPACE_TYPE_LOCAL,
                                            XR_REFERENCE_SPACE_TYPE_STAGE};
    if (hasLocalFloor(s->instance)) {
      types.push_back(XR_REFERENCE_SPACE_TYPE_LOCAL_FLOOR);
    }
    return twoCall(capacity, countOutput, spaces, static_cast<std::uint32_t>(types.size()),
                   [&](XrReferenceSpaceType& t, std::uint32_t i) {
                     t = types[i];
                     return XR_SUCCESS;
                   });
  });
}

XrResult XRAPI_CALL xrCreateReferenceSpace(XrSession session, const XrReferenceSpaceCreateInfo* createInfo,
                                           XrSpace* space) {
  return guarded([&]() -> XrResult {
    Session* s = nullptr;
    if (XrResult r = lookup(session, s); XR_FAILED(r)) {
      return r;
    }
    if (badStruct(createInfo, XR_TYPE_REFERENCE_SPACE_CREATE_INFO) || space == nullptr) {
      return XR_ERROR_VALIDATION_FAILURE;
    }
    if (XrResult r = checkReferenceSpaceType(s->instance, createInfo->referenceSpaceType); XR_FAILED(r)) {
      return r;
    }
    if (!isValidPose(createInfo->poseInReferenceSpace)) {
      return XR_ERROR_POSE_INVALID;
    }
    auto created = std::make_unique<Space>(Registry::get().newHandle(), *s);
    created->referenceType = createInfo->referenceSpaceType;
    created->offset = fromXr(createInfo->poseInReferenceSpace);
    return addSpace(*s, std::move(created), space);
  });
}

XrResult XRAPI_CALL xrCreateActionSpace(XrSession session, const XrActionSpaceCreateInfo* createInfo, XrSpace* space) {
  return guarded([&]() -> XrResult {
    Session* s = nullptr;
    if (XrResult r = lookup(session, s); XR_FAILED(r)) {
      return r;
    }
    if (badStruct(createInfo, XR_TYPE_ACTION_SPACE_CREATE_INFO) || space == nullptr) {
      return XR_ERROR_VALIDATION_FAILURE;
    }
    if (XrResult r = checkActionSpace(*s, *createInfo); XR_FAILED(r)) {
      return r;
    }
    if (!isValidPose(createInfo->poseInActionSpace)) {
      return XR_ERROR_POSE_INVALID;
    }
    auto created = std::make_unique<Space>(Registry::get().newHandle(), *s);
    created->action = toRaw(createInfo->action);
    created->subactionPath = createInfo->subactionPath;
    created->offset = fromXr(createInfo->poseInActionSpace);
    return addSpace(*s, std::move(created), space);
  });
}

XrResult XRAPI_CALL xrDestroySpace(XrSpace space) {
  return guarded([&]() -> XrResult {
    auto* sp = Registry::get().find<Space>(toRaw(space));
    if (sp == nullptr) {
      return XR_ERROR_HANDLE_INVALID;
    }
    sp->session.spaces.erase(sp->handle);
    return XR_SUCCESS;
  });
}

XrResult XRAPI_CALL xrGetReferenceSpaceBoundsRect(XrSession session, XrReferenceSpaceType referenceSpaceType,
                                                  XrExtent2Df* bounds) {
  return guarded([&]() -> XrResult {
    Session* s = nullptr;
    if (XrResult r = lookup(session, s); XR_FAILED(r)) {
      return r;
    }
    if (bounds == nullptr) {
      return XR_ERROR_VALIDATION_FAILURE;
    }
    if (XrResult r = checkReferenceSpaceType(s->instance, referenceSpaceType); XR_FAILED(r)) {
      return r;
    }
    if (referenceSpaceType == XR_REFERENCE_SPACE_TYPE_STAGE) {
      *bounds = kStageBounds;
      return s->lossPending ? XR_SESSION_LOSS_PENDING : XR_SUCCESS;
    }
    *bounds = XrExtent2Df{.width = 0.0F, .height = 0.0F};
    return XR_SPACE_BOUNDS_UNAVAILABLE;
  });
}

XrResult XRAPI_CALL xrLocateSpace(XrSpace space, XrSpace baseSpace, XrTime time, XrSpaceLocation* location) {
  return guarded([&]() -> XrResult {
    Space* sp = nullptr;
    Space* base = nullptr;
    if (XrResult r = lookup(space, sp); XR_FAILED(r)) {
      return r;
    }
    if (XrResult r = lookup(baseSpace, base); XR_FAILED(r)) {
      return r;
    }
    if (badStruct(location, XR_TYPE_SPACE_LOCATION) || &sp->session != &base->session) {
      return XR_ERROR_VALIDATION_FAILURE;
    }
    if (time <= 0) {
      return XR_ERROR_TIME_INVALID;
    }
    location->locationFlags = locateSpace(*sp, *base, time, location->pose);
    if (location->locationFlags == 0) {
      clearVelocity(location->next);
    } else {
      fillVelocity(location->next);
    }
    return sp->session.lossPending ? XR_SESSION_LOSS_PENDING : XR_SUCCESS;
  });
}

XrResult XRAPI_CALL xrLocateViews(XrSession session, const XrViewLocateInfo* viewLocateInfo, XrViewState* viewState,
                                  std::uint32_t capacity, std::uint32_t* countOutput, XrView* views) {
  return guarded([&]() -> XrResult {
    Session* s = nullptr;
    if (XrResult r = lookup(session, s); XR_FAILED(r)) {
      return r;
    }
    if (badStruct(viewLocateInfo, XR_TYPE_VIEW_LOCATE_INFO) || badStruct(viewState, XR_TYPE_VIEW_STATE)) {
      return XR_ERROR_VALIDATION_FAILURE;
    }
    if (XrResult r = checkViewConfiguration(s->instance, s->systemId, viewLocateInfo->viewConfigurationType); XR_FAILED(r)) {
      return r;
    }
    if (viewLocateInfo->displayTime <= 0) {
      return XR_ERROR_TIME_INVALID;
    }
    Space* base = nullptr;
    if (XrResult r = lookup(viewLocateInfo->space, base); XR_FAILED(r)) {
      return r;
    }
    if (!s->running) {
      return XR_ERROR_SESSION_NOT_RUNNING;
    }
    auto basePose = spacePoseInStage(*base, viewLocateInfo->displayTime);
    std::uint32_t count = viewCountOf(viewLocateInfo->viewConfigurationType);
    Pose head = headInStage(s->instance);
    float halfIpd = count >= 2 ? s->instance.config.ipd / 2.0F : 0.0F;
    XrResult r = twoCall(capacity, countOutput, views, count, [&](XrView& view, std::uint32_t i) {
      if (view.type != XR_TYPE_VIEW) {
        return XR_ERROR_VALIDATION_FAILURE;
      }
      Pose eye{.orientation = glm::quat(1.0F, 0.0F, 0.0F, 0.0F),
               .position = glm::vec3(i % 2 == 0 ? -halfIpd : halfIpd, 0.0F, 0.0F)};  // quad: insets 2, 3
      view.pose = toXr(basePose ? compose(inverse(*basePose), compose(head, eye)) : Pose{});
      view.fov = viewFovOf(s->instance.config, viewLocateInfo->viewConfigurationType, i);
      return XR_SUCCESS;
    });
    if (XR_FAILED(r)) {
      return r;
    }
    viewState->viewStateFlags = basePose ? kAllValidTracked : 0;
    return s->lossPending ? XR_SESSION_LOSS_PENDING : XR_SUCCESS;
  });
}

}  // namespace api
}  // namespace praxis::xrsim
