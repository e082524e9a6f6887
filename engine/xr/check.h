// One check helper for every XrResult (as hello_xr's check.h): a failed call becomes a
// core::Error naming the call and the XrResult, so a user sees e.g.
// "xrCreateSession: XR_ERROR_GRAPHICS_DEVICE_INVALID" instead of a number.
#pragma once

#include <openxr/openxr.h>

#include <string>
#include <string_view>

#include "core/result.h"

namespace praxis::xr {

/// "XR_ERROR_SESSION_LOST", or "XrResult(-1234)" for a value this header does not know.
[[nodiscard]] std::string resultName(XrResult result);

/// An OpenXR struct with its type set and every other field zero (`T x{XR_TYPE_...}` would
/// leave fields to aggregate rules that -Wmissing-field-initializers rejects).
template <typename T>
[[nodiscard]] T xrStruct(XrStructureType type, const void* next = nullptr) {
  T out{};
  out.type = type;
  out.next = const_cast<void*>(next);  // some structs have `const void*`, some `void*`
  return out;
}

/// Success codes (XR_SUCCEEDED, including XR_SESSION_LOSS_PENDING and the like) pass.
[[nodiscard]] core::Result<void> check(XrResult result, std::string_view call);

}  // namespace praxis::xr
