// XR_MSFT_controller_model: the simulated controllers have no render model to give, which the
// extension allows: their model key is XR_NULL_CONTROLLER_MODEL_KEY_MSFT ("no model
// available"), so every model key an application passes is invalid.
#include "ext_entry_points.h"

namespace praxis::xrsim {
namespace {

/// The session, and XR_ERROR_CONTROLLER_MODEL_KEY_INVALID_MSFT for any key: none is ever handed
/// out.
XrResult lookupModel(XrSession session, XrControllerModelKeyMSFT /*modelKey*/) {
  Session* s = nullptr;
  if (XrResult r = lookup(session, s); XR_FAILED(r)) {
    return r;
  }
  return XR_ERROR_CONTROLLER_MODEL_KEY_INVALID_MSFT;
}

}  // namespace

namespace api {

XrResult XRAPI_CALL
xrGetControllerModelKeyMSFT(XrSession session, XrPath topLevelUserPath,
                            XrControllerModelKeyStateMSFT* controllerModelKeyState) {
  return guarded([&]() -> XrResult {
    Session* s = nullptr;
    if (XrResult r = lookup(session, s); XR_FAILED(r)) {
      return r;
    }
    if (badStruct(controllerModelKeyState, XR_TYPE_CONTROLLER_MODEL_KEY_STATE_MSFT)) {
      return XR_ERROR_VALIDATION_FAILURE;
    }
    auto path = pathString(s->instance, topLevelUserPath);
    if (!path) {
      return XR_ERROR_PATH_INVALID;
    }
    if (*path != "/user/hand/left" && *path != "/user/hand/right") {
      return XR_ERROR_PATH_UNSUPPORTED;  // the simulated controllers are the only devices
    }
    controllerModelKeyState->modelKey = XR_NULL_CONTROLLER_MODEL_KEY_MSFT;
    return XR_SUCCESS;
  });
}

XrResult XRAPI_CALL xrLoadControllerModelMSFT(XrSession session, XrControllerModelKeyMSFT modelKey,
                                              std::uint32_t /*bufferCapacityInput*/,
                                              std::uint32_t* bufferCountOutput,
                                              std::uint8_t* /*buffer*/) {
  return guarded([&]() -> XrResult {
    if (bufferCountOutput == nullptr) {
      return XR_ERROR_VALIDATION_FAILURE;
    }
    return lookupModel(session, modelKey);
  });
}

XrResult XRAPI_CALL
xrGetControllerModelPropertiesMSFT(XrSession session, XrControllerModelKeyMSFT modelKey,
                                   XrControllerModelPropertiesMSFT* properties) {
  return guarded([&]() -> XrResult {
    if (badStruct(properties, XR_TYPE_CONTROLLER_MODEL_PROPERTIES_MSFT)) {
      return XR_ERROR_VALIDATION_FAILURE;
    }
    return lookupModel(session, modelKey);
  });
}

XrResult XRAPI_CALL xrGetControllerModelStateMSFT(XrSession session,
                                                  XrControllerModelKeyMSFT modelKey,
                                                  XrControllerModelStateMSFT* state) {
  return guarded([&]() -> XrResult {
    if (badStruct(state, XR_TYPE_CONTROLLER_MODEL_STATE_MSFT)) {
      return XR_ERROR_VALIDATION_FAILURE;
    }
    return lookupModel(session, modelKey);
  });
}

}  // namespace api
}  // namespace praxis::xrsim
