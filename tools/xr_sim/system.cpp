// The simulated systems and what they offer: a stereo HMD (and a mono handheld AR device), their
// view configurations and environment blend modes.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "ext_entry_points.h"
#include "system_info.h"

namespace praxis::xrsim {
namespace {

XrResult checkSystem(const Instance& instance, XrSystemId systemId) {
  (void)instance;
  return systemId == kHmdSystemId || systemId == kHandheldSystemId ? XR_SUCCESS : XR_ERROR_SYSTEM_INVALID;
}

bool isKnownViewConfiguration(XrViewConfigurationType type) {
  switch (type) {
    case XR_VIEW_CONFIGURATION_TYPE_PRIMARY_MONO:
    case XR_VIEW_CONFIGURATION_TYPE_PRIMARY_STEREO:
    case XR_VIEW_CONFIGURATION_TYPE_PRIMARY_QUAD_VARJO:
    case XR_VIEW_CONFIGURATION_TYPE_SECONDARY_MONO_FIRST_PERSON_OBSERVER_MSFT:
      return true;
    default:
      return false;
  }
}

}  // namespace

XrViewConfigurationType viewConfigurationOf(XrSystemId systemId) {
  return systemId == kHmdSystemId ? XR_VIEW_CONFIGURATION_TYPE_PRIMARY_STEREO : XR_VIEW_CONFIGURATION_TYPE_PRIMARY_MONO;
}

std::vector<XrViewConfigurationType> viewConfigurationsOf(const Instance& instance, XrSystemId systemId) {
  std::vector<XrViewConfigurationType> types{viewConfigurationOf(systemId)};
  // XR_VARJO_quad_views (PRIMARY_STEREO_WITH_FOVEATED_INSET in OpenXR 1.1): the HMD's stereo
  // views, each with a narrower inset view in the middle.
  if (systemId == kHmdSystemId && (instance.enabled(XR_VARJO_QUAD_VIEWS_EXTENSION_NAME) || instance.enabled(kCore11))) {
    types.push_back(XR_VIEW_CONFIGURATION_TYPE_PRIMARY_QUAD_VARJO);
  }
  return types;
}

std::uint32_t viewCountOf(XrViewConfigurationType type) {
  switch (type) {
    case XR_VIEW_CONFIGURATION_TYPE_PRIMARY_STEREO:
      return 2;
    case XR_VIEW_CONFIGURATION_TYPE_PRIMARY_QUAD_VARJO:
      return 4;
    default:
      return 1;
  }
}

XrResult checkViewConfiguration(const Instance& instance, XrSystemId systemId, XrViewConfigurationType type) {
  auto offered = viewConfigurationsOf(instance, systemId);
  if (std::find(offered.begin(), offered.end(), type) != offered.end()) {
    return XR_SUCCESS;
  }
  return isKnownViewConfiguration(type) ? XR_ERROR_VIEW_CONFIGURATION_TYPE_UNSUPPORTED
                                        : XR_ERROR_VALIDATION_FAILURE;
}

/// The instance, checked for the system and its view configuration, in the order the
/// enumeration calls check them.
XrResult lookupViewConfiguration(XrInstance instance, XrSystemId systemId, XrViewConfigurationType type,
                                 Instance*& owner) {
  if (XrResult r = lookup(instance, owner); XR_FAILED(r)) {
    return r;
  }
  if (XrResult r = checkSystem(*owner, systemId); XR_FAILED(r)) {
    return r;
  }
  return checkViewConfiguration(*owner, systemId, type);
}

XrFovf viewFov(const Config& config) {
  // 90° across horizontally; vertically as the recommended image's aspect says, so a square
  // pixel on the image is square in the view.
  float tanHalf = 1.0F;
  float tanVertical = tanHalf * static_cast<float>(config.viewHeight) / static_cast<float>(config.viewWidth);
  float vertical = std::atan(tanVertical);
  return XrFovf{.angleLeft = -std::atan(tanHalf), .angleRight = std::atan(tanHalf), .angleUp = vertical,
                .angleDown = -vertical};
}

XrFovf viewFovOf(const Config& config, XrViewConfigurationType type, std::uint32_t index) {
  XrFovf fov = viewFov(config);
  if (type != XR_VIEW_CONFIGURATION_TYPE_PRIMARY_QUAD_VARJO || index < 2) {
    return fov;
  }
  auto inset = [](float angle) { return std::atan(std::tan(angle) / 2.0F); };
  return XrFovf{.angleLeft = inset(fov.angleLeft), .angleRight = inset(fov.angleRight),
                .angleUp = inset(fov.angleUp), .angleDown = inset(fov.angleDown)};
}

namespace api {

XrResult XRAPI_CALL xrGetSystem(XrInstance instance, const XrSystemGetInfo* getInfo, XrSystemId* systemId) {
  return guarded([&]() -> XrResult {
    Instance* owner = nullptr;
    if (XrResult r = lookup(instance, owner); XR_FAILED(r)) {
      return r;
    }
    if (badStruct(getInfo, XR_TYPE_SYSTEM_GET_INFO) || systemId == nullptr) {
      return XR_ERROR_VALIDATION_FAILURE;
    }
    // A form factor the runtime knows but whose device is not connected is UNAVAILABLE (the
    // application may ask again later), not UNSUPPORTED.
    switch (getInfo->formFactor) {
      case XR_FORM_FACTOR_HEAD_MOUNTED_DISPLAY:
        if (!owner->config.hmdConnected) return XR_ERROR_FORM_FACTOR_UNAVAILABLE;
        *systemId = kHmdSystemId;
        return XR_SUCCESS;
      case XR_FORM_FACTOR_HANDHELD_DISPLAY:
        if (!owner->config.handheldConnected) return XR_ERROR_FORM_FACTOR_UNAVAILABLE;
        *systemId = kHandheldSystemId;
        return XR_SUCCESS;
      default:
        return XR_ERROR_FORM_FACTOR_UNSUPPORTED;  // the CTS asks this of XR_FORM_FACTOR_MAX_ENUM too
    }
  });
}

XrResult XRAPI_CALL xrGetSystemProperties(XrInstance instance, XrSystemId systemId, XrSystemProperties* properties) {
  return guarded([&]() -> XrResult {
    Instance* owner = nullptr;
    if (XrResult r = lookup(instance, owner); XR_FAILED(r)) {
      return r;
    }
    if (XrResult r = checkSystem(*owner, systemId); XR_FAILED(r)) {
      return r;
    }
    if (badStruct(properties, XR_TYPE_SYSTEM_PROPERTIES)) {
      return XR_ERROR_VALIDATION_FAILURE;
    }
    properties->systemId = systemId;
    properties->vendorId = 0x50'52;  // "PR"
    std::snprintf(properties->systemName, XR_MAX_SYSTEM_NAME_SIZE, "%s",
                  systemId == kHmdSystemId ? "Praxis simulated HMD" : "Praxis simulated handheld");
    properties->graphicsProperties = XrSystemGraphicsProperties{
        .maxSwapchainImageHeight = kMaxSwapchainSize, .maxSwapchainImageWidth = kMaxSwapchainSize,
        .maxLayerCount = kMaxLayerCount};
    properties->trackingProperties = XrSystemTrackingProperties{.orientationTracking = XR_TRUE,
                                                                .positionTracking = XR_TRUE};
    fillSystemPropertiesChain(*owner, systemId, properties);
    fillDevicePropertiesChain(*owner, systemId, properties);
    return XR_SUCCESS;
  });
}

XrResult XRAPI_CALL xrEnumerateViewConfigurations(XrInstance instance, XrSystemId systemId, std::uint32_t capacity,
                                                  std::uint32_t* countOutput, XrViewConfigurationType* types) {
  return guarded([&]() -> XrResult {
    Instance* owner = nullptr;
    if (XrResult r = lookup(instance, owner); XR_FAILED(r)) {
      return r;
    }
    if (XrResult r = checkSystem(*owner, systemId); XR_FAILED(r)) {
      return r;
    }
    auto offered = viewConfigurationsOf(*owner, systemId);
    return twoCall(capacity, countOutput, types, static_cast<std::uint32_t>(offered.size()),
                   [&](XrViewConfigurationType& t, std::uint32_t i) {
                     t = offered[i];
                     return XR_SUCCESS;
                   });
  });
}

XrResult XRAPI_CALL xrGetViewConfigurationProperties(XrInstance instance, XrSystemId systemId,
                                                     XrViewConfigurationType type,
                                                     XrViewConfigurationProperties* properties) {
  return guarded([&]() -> XrResult {
    Instance* owner = nullptr;
    if (XrResult r = lookup(instance, owner); XR_FAILED(r)) {
      return r;
    }
    if (XrResult r = checkSystem(*owner, systemId); XR_FAILED(r)) {
      return r;
    }
    if (badStruct(properties, XR_TYPE_VIEW_CONFIGURATION_PROPERTIES)) {
      return XR_ERROR_VALIDATION_FAILURE;
    }
    if (XrResult r = checkViewConfiguration(*owner, systemId, type); XR_FAILED(r)) {
      return r;
    }
    properties->viewConfigurationType = type;
    properties->fovMutable = XR_FALSE;
    return XR_SUCCESS;
  });
}

XrResult XRAPI_CALL xrEnumerateViewConfigurationViews(XrInstance instance, XrSystemId systemId,
                                                      XrViewConfigurationType type, std::uint32_t capacity,
                                                      std::uint32_t* countOutput, XrViewConfigurationView* views) {
  return guarded([&]() -> XrResult {
    Instance* owner = nullptr;
    if (XrResult r = lookupViewConfiguration(instance, systemId, type, owner); XR_FAILED(r)) {
      return r;
    }
    const Config& config = owner->config;
    return twoCall(capacity, countOutput, views, viewCountOf(type), [&](XrViewConfigurationView& v, std::uint32_t) {
      if (v.type != XR_TYPE_VIEW_CONFIGURATION_VIEW) {
        return XR_ERROR_VALIDATION_FAILURE;
      }
      v.recommendedImageRectWidth = config.viewWidth;
      v.maxImageRectWidth = kMaxSwapchainSize;
      v.recommendedImageRectHeight = config.viewHeight;
      v.maxImageRectHeight = kMaxSwapchainSize;
      v.recommendedSwapchainSampleCount = 1;
      v.maxSwapchainSampleCount = 4;
      return XR_SUCCESS;
    });
  });
}

XrResult XRAPI_CALL xrEnumerateEnvironmentBlendModes(XrInstance instance, XrSystemId systemId,
                                                     XrViewConfigurationType type, std::uint32_t capacity,
                                                     std::uint32_t* countOutput, XrEnvironmentBlendMode* modes) {
  return guarded([&]() -> XrResult {
    Instance* owner = nullptr;
    if (XrResult r = lookupViewConfiguration(instance, systemId, type, owner); XR_FAILED(r)) {
      return r;
    }
    const auto& offered = owner->config.blendModes;
    return twoCall(capacity, countOutput, modes, static_cast<std::uint32_t>(offered.size()),
                   [&](XrEnvironmentBlendMode& m, std::uint32_t i) {
                     m = offered[i];
                     return XR_SUCCESS;
                   });
  });
}

}  // namespace api
}  // namespace praxis::xrsim
