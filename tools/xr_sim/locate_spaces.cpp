// XR_KHR_locate_spaces / OpenXR 1.1 xrLocateSpaces: many spaces in one base space at one time,
// with the velocities chained as XrSpaceVelocities. Same answers as xrLocateSpace, space by space.
#include "ext_entry_points.h"

namespace praxis::xrsim {
namespace {

XrSpaceVelocities* findVelocities(void* next) {
  for (auto* header = static_cast<XrBaseOutStructure*>(next); header != nullptr;
       header = header->next) {
    if (header->type == XR_TYPE_SPACE_VELOCITIES) {
      return reinterpret_cast<XrSpaceVelocities*>(
          header);  // NOLINT(cppcoreguidelines-pro-type-reinterpret-cast)
    }
  }
  return nullptr;
}

/// The structural checks: types, one output per space, times after the epoch.
XrResult checkLocateInfo(const XrSpacesLocateInfo* info, const XrSpaceLocations* out,
                         const XrSpaceVelocities* vel) {
  if (badStruct(info, XR_TYPE_SPACES_LOCATE_INFO) || out == nullptr ||
      out->type != XR_TYPE_SPACE_LOCATIONS) {
    return XR_ERROR_VALIDATION_FAILURE;
  }
  if (info->spaceCount == 0 || info->spaces == nullptr || out->locations == nullptr ||
      out->locationCount != info->spaceCount) {
    return XR_ERROR_VALIDATION_FAILURE;
  }
  if (vel != nullptr && (vel->velocityCount != info->spaceCount || vel->velocities == nullptr)) {
    return XR_ERROR_VALIDATION_FAILURE;
  }
  return XR_SUCCESS;
}

/// Every space handle valid and of `session` (VALIDATION_FAILURE for another session's space).
XrResult lookupSpaces(const Session& session, const XrSpacesLocateInfo& info,
                      std::vector<Space*>& spaces, Space*& base) {
  if (XrResult r = lookup(info.baseSpace, base); XR_FAILED(r)) {
    return r;
  }
  for (std::uint32_t i = 0; i < info.spaceCount; ++i) {
    Space* sp = nullptr;
    if (XrResult r = lookup(info.spaces[i], sp); XR_FAILED(r)) {
      return r;
    }
    spaces.push_back(sp);
  }
  if (&base->session != &session) {
    return XR_ERROR_VALIDATION_FAILURE;
  }
  for (const Space* sp : spaces) {
    if (&sp->session != &session) {
      return XR_ERROR_VALIDATION_FAILURE;
    }
  }
  return XR_SUCCESS;
}

XrResult locateSpaces(XrSession session, const XrSpacesLocateInfo* info, XrSpaceLocations* out) {
  Session* s = nullptr;
  if (XrResult r = lookup(session, s); XR_FAILED(r)) {
    return r;
  }
  XrSpaceVelocities* velocities = out != nullptr ? findVelocities(out->next) : nullptr;
  if (XrResult r = checkLocateInfo(info, out, velocities); XR_FAILED(r)) {
    return r;
  }
  std::vector<Space*> spaces;
  Space* base = nullptr;
  if (XrResult r = lookupSpaces(*s, *info, spaces, base); XR_FAILED(r)) {
    return r;
  }
  if (info->time <= 0) {
    return XR_ERROR_TIME_INVALID;
  }
  for (std::uint32_t i = 0; i < info->spaceCount; ++i) {
    XrSpaceLocationData& location = out->locations[i];
    location.locationFlags = locateSpace(*spaces[i], *base, info->time, location.pose);
    if (velocities != nullptr) {
      // The stream gives poses only: a tracked pose held between lines is at rest.
      XrSpaceVelocityData& v = velocities->velocities[i];
      v.velocityFlags = location.locationFlags != 0 ? XR_SPACE_VELOCITY_LINEAR_VALID_BIT |
                                                          XR_SPACE_VELOCITY_ANGULAR_VALID_BIT
                                                    : 0;
      v.linearVelocity = XrVector3f{.x = 0, .y = 0, .z = 0};
      v.angularVelocity = XrVector3f{.x = 0, .y = 0, .z = 0};
    }
  }
  return s->lossPending ? XR_SESSION_LOSS_PENDING : XR_SUCCESS;
}

}  // namespace

namespace api {

XrResult XRAPI_CALL xrLocateSpaces(XrSession session, const XrSpacesLocateInfo* locateInfo,
                                   XrSpaceLocations* spaceLocations) {
  return guarded([&] { return locateSpaces(session, locateInfo, spaceLocations); });
}

XrResult XRAPI_CALL xrLocateSpacesKHR(XrSession session, const XrSpacesLocateInfo* locateInfo,
                                      XrSpaceLocations* spaceLocations) {
  return guarded([&] { return locateSpaces(session, locateInfo, spaceLocations); });
}

}  // namespace api
}  // namespace praxis::xrsim
