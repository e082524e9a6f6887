#include "xr/check.h"

#include <openxr/openxr_reflection.h>

namespace praxis::xr {

std::string resultName(XrResult result) {
  switch (result) {
#define PRAXIS_XR_RESULT_CASE(name, value) \
  case name: return #name;
    XR_LIST_ENUM_XrResult(PRAXIS_XR_RESULT_CASE)
#undef PRAXIS_XR_RESULT_CASE
    default: return "XrResult(" + std::to_string(static_cast<int>(result)) + ")";
  }
}

core::Result<void> check(XrResult result, std::string_view call) {
  if (XR_SUCCEEDED(result)) return {};
  return core::fail(call, ": ", resultName(result));
}

}  // namespace praxis::xr
