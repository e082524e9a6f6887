// XR_KHR_convert_timespec_time (XrTime is CLOCK_MONOTONIC in nanoseconds, see now()) and
// XR_EXT_debug_utils (messengers receive the runtime's own warnings too).
#include "entry_points.h"

namespace praxis::xrsim {
namespace api {

XrResult XRAPI_CALL xrConvertTimespecTimeToTimeKHR(XrInstance instance, const struct timespec* timespecTime,
                                                   XrTime* time) {
  return guarded([&]() -> XrResult {
    Instance* owner = nullptr;
    if (XrResult r = lookup(instance, owner); XR_FAILED(r)) {
      return r;
    }
    if (timespecTime == nullptr || time == nullptr) {
      return XR_ERROR_VALIDATION_FAILURE;
    }
    XrTime converted = static_cast<XrTime>(timespecTime->tv_sec) * 1'000'000'000 + timespecTime->tv_nsec;
    if (converted <= 0) {
      return XR_ERROR_TIME_INVALID;
    }
    *time = converted;
    return XR_SUCCESS;
  });
}

XrResult XRAPI_CALL xrConvertTimeToTimespecTimeKHR(XrInstance instance, XrTime time, struct timespec* timespecTime) {
  return guarded([&]() -> XrResult {
    Instance* owner = nullptr;
    if (XrResult r = lookup(instance, owner); XR_FAILED(r)) {
      return r;
    }
    if (timespecTime == nullptr) {
      return XR_ERROR_VALIDATION_FAILURE;
    }
    if (time <= 0) {
      return XR_ERROR_TIME_INVALID;
    }
    timespecTime->tv_sec = static_cast<time_t>(time / 1'000'000'000);
    timespecTime->tv_nsec = static_cast<long>(time % 1'000'000'000);
    return XR_SUCCESS;
  });
}

XrResult XRAPI_CALL xrSetDebugUtilsObjectNameEXT(XrInstance instance, const XrDebugUtilsObjectNameInfoEXT* nameInfo) {
  return guarded([&]() -> XrResult {
    Instance* owner = nullptr;
    if (XrResult r = lookup(instance, owner); XR_FAILED(r)) {
      return r;
    }
    if (badStruct(nameInfo, XR_TYPE_DEBUG_UTILS_OBJECT_NAME_INFO_EXT) ||
        nameInfo->objectType == XR_OBJECT_TYPE_UNKNOWN) {
      return XR_ERROR_VALIDATION_FAILURE;
    }
    return XR_SUCCESS;  // names only help debuggers; the runtime's messages use handles
  });
}

XrResult XRAPI_CALL xrCreateDebugUtilsMessengerEXT(XrInstance instance,
                                                   const XrDebugUtilsMessengerCreateInfoEXT* createInfo,
                                                   XrDebugUtilsMessengerEXT* messenger) {
  return guarded([&]() -> XrResult {
    Instance* owner = nullptr;
    if (XrResult r = lookup(instance, owner); XR_FAILED(r)) {
      return r;
    }
    if (badStruct(createInfo, XR_TYPE_DEBUG_UTILS_MESSENGER_CREATE_INFO_EXT) || messenger == nullptr ||
        createInfo->userCallback == nullptr || createInfo->messageSeverities == 0 ||
        createInfo->messageTypes == 0) {
      return XR_ERROR_VALIDATION_FAILURE;
    }
    auto created = std::make_unique<Messenger>(ObjectType::Messenger, Registry::get().newHandle());
    created->owner = owner;
    created->severities = createInfo->messageSeverities;
    created->types = createInfo->messageTypes;
    created->callback = createInfo->userCallback;
    created->userData = createInfo->userData;
    Registry::get().add(*created);
    *messenger = fromRaw<XrDebugUtilsMessengerEXT>(created->handle);
    owner->messengers[created->handle] = std::move(created);
    return XR_SUCCESS;
  });
}

XrResult XRAPI_CALL xrDestroyDebugUtilsMessengerEXT(XrDebugUtilsMessengerEXT messenger) {
  return guarded([&]() -> XrResult {
    auto* m = Registry::get().find<Messenger>(toRaw(messenger));
    if (m == nullptr) {
      return XR_ERROR_HANDLE_INVALID;
    }
    m->owner->messengers.erase(m->handle);
    return XR_SUCCESS;
  });
}

XrResult XRAPI_CALL xrSubmitDebugUtilsMessageEXT(XrInstance instance, XrDebugUtilsMessageSeverityFlagsEXT severity,
                                                 XrDebugUtilsMessageTypeFlagsEXT types,
                                                 const XrDebugUtilsMessengerCallbackDataEXT* callbackData) {
  return guarded([&]() -> XrResult {
    Instance* owner = nullptr;
    if (XrResult r = lookup(instance, owner); XR_FAILED(r)) {
      return r;
    }
    if (badStruct(callbackData, XR_TYPE_DEBUG_UTILS_MESSENGER_CALLBACK_DATA_EXT) || severity == 0 || types == 0) {
      return XR_ERROR_VALIDATION_FAILURE;
    }
    for (auto& [handle, m] : owner->messengers) {
      if ((m->severities & severity) != 0 && (m->types & types) != 0) {
        m->callback(severity, types, callbackData, m->userData);
      }
    }
    return XR_SUCCESS;
  });
}

XrResult XRAPI_CALL xrSessionBeginDebugUtilsLabelRegionEXT(XrSession session, const XrDebugUtilsLabelEXT* labelInfo) {
  return guarded([&]() -> XrResult {
    Session* s = nullptr;
    if (XrResult r = lookup(session, s); XR_FAILED(r)) {
      return r;
    }
    return badStruct(labelInfo, XR_TYPE_DEBUG_UTILS_LABEL_EXT) ? XR_ERROR_VALIDATION_FAILURE : XR_SUCCESS;
  });
}

XrResult XRAPI_CALL xrSessionEndDebugUtilsLabelRegionEXT(XrSession session) {
  return guarded([&]() -> XrResult {
    Session* s = nullptr;
    return lookup(session, s);
  });
}

XrResult XRAPI_CALL xrSessionInsertDebugUtilsLabelEXT(XrSession session, const XrDebugUtilsLabelEXT* labelInfo) {
  return guarded([&]() -> XrResult {
    Session* s = nullptr;
    if (XrResult r = lookup(session, s); XR_FAILED(r)) {
      return r;
    }
    return badStruct(labelInfo, XR_TYPE_DEBUG_UTILS_LABEL_EXT) ? XR_ERROR_VALIDATION_FAILURE : XR_SUCCESS;
  });
}

}  // namespace api
}  // namespace praxis::xrsim
