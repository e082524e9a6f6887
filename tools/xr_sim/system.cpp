// The simulated systems and what they offer: a stereo HMD (and a mono handheld AR device), their
// view configurations and environment blend modes.
#include <cmath>
#include <cstdio>

#include "entry_points.h"
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
  return systemId == kHandheldSystemId ? XR_VIEW_CONFIGURATION_TYPE_PRIMARY_MONO
                                       : XR_VIEW_CONFIGURATION_TYPE_PRIMARY_STEREO;
}

std::uint32_t viewCountOf(XrViewConfigurationType type) {
  return type == XR_VIEW_CONFIGURATION_TYPE_PRIMARY_STEREO ? 2 : 1;
}

XrResult checkViewConfiguration(XrSystemId systemId, XrViewConfigurationType type) {
  if (type == viewConfigurationOf(systemId)) {
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
  return checkViewConfiguration(systemId, type);
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
    return twoCall(capacity, countOutput, types, 1, [&](XrViewConfigurationType& t, std::uint32_t) {
      t = viewConfigurationOf(systemId);
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
    if (XrResult r = checkViewConfiguration(systemId, type); XR_FAILED(r)) {
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
