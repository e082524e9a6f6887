// The cube, cylinder and equirect layers (XR_KHR_composition_layer_cube, _cylinder, _equirect)
// and XR_FB_space_warp's motion vectors: accepted and checked as the specification says; the
// simulated compositor shows nothing, so eye-image capture ignores them.
#include <cmath>

#include "entry_points.h"
#include "layer_checks.h"

namespace praxis::xrsim {
namespace {

bool validEye(XrEyeVisibility eye) {
  return eye >= XR_EYE_VISIBILITY_BOTH && eye <= XR_EYE_VISIBILITY_RIGHT;
}

XrResult checkCube(const Session& session, const XrCompositionLayerCubeKHR& layer) {
  if (!validEye(layer.eyeVisibility)) {
    return XR_ERROR_VALIDATION_FAILURE;
  }
  if (!isValidPose(XrPosef{.orientation = layer.orientation,
                           .position = {.x = 0.0F, .y = 0.0F, .z = 0.0F}})) {
    return XR_ERROR_POSE_INVALID;
  }
  Swapchain* sc = nullptr;
  if (XrResult r = lookup(layer.swapchain, sc); XR_FAILED(r)) {
    return r;
  }
  if (&sc->session != &session || !sc->everReleased || sc->info.faceCount != 6) {
    return XR_ERROR_LAYER_INVALID;  // foreign, never released, or not a cube map
  }
  return layer.imageArrayIndex < sc->info.arraySize ? XR_SUCCESS : XR_ERROR_VALIDATION_FAILURE;
}

XrResult checkCylinder(const Session& session, const XrCompositionLayerCylinderKHR& layer) {
  if (!validEye(layer.eyeVisibility)) {
    return XR_ERROR_VALIDATION_FAILURE;
  }
  if (!isValidPose(layer.pose)) {
    return XR_ERROR_POSE_INVALID;
  }
  // radius 0 and +infinity are allowed (an infinitely distant cylinder); the angle is in [0, 2π].
  constexpr float kTwoPi = 6.2831855F;
  if (std::isnan(layer.radius) || layer.radius < 0.0F || !(layer.centralAngle >= 0.0F) ||
      layer.centralAngle > kTwoPi || !(layer.aspectRatio > 0.0F)) {
    return XR_ERROR_VALIDATION_FAILURE;
  }
  return checkSubImage(session, layer.subImage);
}

XrResult checkEquirect(const Session& session, const XrCompositionLayerEquirectKHR& layer) {
  if (!validEye(layer.eyeVisibility)) {
    return XR_ERROR_VALIDATION_FAILURE;
  }
  if (!isValidPose(layer.pose)) {
    return XR_ERROR_POSE_INVALID;
  }
  if (std::isnan(layer.radius) || layer.radius < 0.0F) {
    return XR_ERROR_VALIDATION_FAILURE;
  }
  return checkSubImage(session, layer.subImage);
}

template <typename T>
const T& as(const XrCompositionLayerBaseHeader& layer) {
  return *reinterpret_cast<const T*>(
      &layer);  // NOLINT(cppcoreguidelines-pro-type-reinterpret-cast)
}

/// XR_COMPOSITION_LAYER_SPACE_WARP_INFO_FRAME_SKIP_BIT_FB (spec version 2; Debian's 1.0.20
/// headers have version 1, without flags).
constexpr XrFlags64 kSpaceWarpFrameSkip = 0x1;

}  // namespace

XrResult checkSpaceWarpInfo(const Session& session, const XrCompositionLayerSpaceWarpInfoFB& info) {
  if (!session.instance.enabled(XR_FB_SPACE_WARP_EXTENSION_NAME)) {
    return XR_SUCCESS;
  }
  // appSpaceDeltaPose is not checked: the CTS passes an all-zero pose, and nothing reads it.
  if ((info.layerFlags & ~kSpaceWarpFrameSkip) != 0) {
    return XR_ERROR_VALIDATION_FAILURE;
  }
  if (XrResult r = checkSubImage(session, info.motionVectorSubImage); XR_FAILED(r)) {
    return r;
  }
  if (XrResult r = checkSubImage(session, info.depthSubImage); XR_FAILED(r)) {
    return r;
  }
  // As XrCompositionLayerDepthInfoKHR: a depth range in [0, 1]; near and far may be infinite.
  bool rangeOk = info.minDepth >= 0.0F && info.minDepth < info.maxDepth && info.maxDepth <= 1.0F &&
                 info.nearZ != info.farZ && !std::isnan(info.nearZ) && !std::isnan(info.farZ);
  return rangeOk ? XR_SUCCESS : XR_ERROR_VALIDATION_FAILURE;
}

XrResult checkExtensionLayer(const Session& session, const XrCompositionLayerBaseHeader& layer) {
  const Instance& instance = session.instance;
  switch (layer.type) {
    case XR_TYPE_COMPOSITION_LAYER_CUBE_KHR:
      return instance.enabled(XR_KHR_COMPOSITION_LAYER_CUBE_EXTENSION_NAME)
                 ? checkCube(session, as<XrCompositionLayerCubeKHR>(layer))
                 : XR_ERROR_LAYER_INVALID;
    case XR_TYPE_COMPOSITION_LAYER_CYLINDER_KHR:
      return instance.enabled(XR_KHR_COMPOSITION_LAYER_CYLINDER_EXTENSION_NAME)
                 ? checkCylinder(session, as<XrCompositionLayerCylinderKHR>(layer))
                 : XR_ERROR_LAYER_INVALID;
    case XR_TYPE_COMPOSITION_LAYER_EQUIRECT_KHR:
      return instance.enabled(XR_KHR_COMPOSITION_LAYER_EQUIRECT_EXTENSION_NAME)
                 ? checkEquirect(session, as<XrCompositionLayerEquirectKHR>(layer))
                 : XR_ERROR_LAYER_INVALID;
    default: return XR_ERROR_LAYER_INVALID;
  }
}

}  // namespace praxis::xrsim
