// An owning wrapper for any OpenXR handle (STYLE.md: RAII for every handle): move-only, and
// destroyed with the function it was given, core (xrDestroySession) or an extension's
// (xrDestroyHandTrackerEXT, found through xrGetInstanceProcAddr). A parent handle destroys its
// children in OpenXR, but owners still declare children after parents so they go first.
#pragma once

#include <openxr/openxr.h>

#include <utility>

namespace praxis::xr {

template <typename T>
class Handle {
 public:
  using Destroy = XrResult(XRAPI_PTR*)(T);

  Handle() = default;
  Handle(T handle, Destroy destroy) : handle_(handle), destroy_(destroy) {}
  ~Handle() { reset(); }
  Handle(Handle&& other) noexcept
      : handle_(std::exchange(other.handle_, T{XR_NULL_HANDLE})),
        destroy_(std::exchange(other.destroy_, nullptr)) {}
  Handle& operator=(Handle&& other) noexcept {
    if (this != &other) {
      reset();
      handle_ = std::exchange(other.handle_, T{XR_NULL_HANDLE});
      destroy_ = std::exchange(other.destroy_, nullptr);
    }
    return *this;
  }
  Handle(const Handle&) = delete;
  Handle& operator=(const Handle&) = delete;

  [[nodiscard]] T get() const { return handle_; }
  [[nodiscard]] explicit operator bool() const { return handle_ != T{XR_NULL_HANDLE}; }
  /// Destroys the handle now (a lost session before it is created again).
  void reset() {
    if (handle_ != T{XR_NULL_HANDLE} && destroy_ != nullptr) destroy_(handle_);
    handle_ = T{XR_NULL_HANDLE};
  }

 private:
  T handle_{XR_NULL_HANDLE};
  Destroy destroy_ = nullptr;
};

}  // namespace praxis::xr
