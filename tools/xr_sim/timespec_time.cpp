// XR_KHR_convert_timespec_time: XrTime is CLOCK_MONOTONIC in nanoseconds (see now()).
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

}  // namespace api
}  // namespace praxis::xrsim
