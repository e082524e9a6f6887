// The handle registry of the simulated runtime: every XrInstance, XrSession, XrSpace, … the
// runtime hands out is a number looked up here, so a stale, foreign or wrong-typed handle is
// XR_ERROR_HANDLE_INVALID instead of a wild pointer, and one lock serialises the entry points.
//
// Why a process-wide object: the OpenXR C ABI passes bare handles with no context pointer, so
// the runtime must find its objects from the handle alone (Monado keeps the same kind of table).
// It is the runtime's only global; everything else hangs off an Instance.
#pragma once

#include <openxr/openxr.h>

#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <unordered_map>

namespace praxis::xrsim {

enum class ObjectType : std::uint8_t {
  Instance,
  Session,
  Space,
  Swapchain,
  ActionSet,
  Action,
  HandTracker,
  PlaneDetector,
};

/// Base of every object behind an OpenXR handle. Owned by its parent (an Instance by the
/// Runtime, a Session by its Instance, …); the registry only indexes it.
struct Object {
  Object(ObjectType objectType, std::uint64_t objectHandle) : type(objectType), handle(objectHandle) {}
  Object(const Object&) = delete;
  Object& operator=(const Object&) = delete;
  /// Leaves the registry, so the handle is invalid from here on.
  virtual ~Object();

  ObjectType type;
  std::uint64_t handle;
};

class Registry {
 public:
  static Registry& get();

  /// The lock every entry point holds while it runs. Recursive because destroying a parent
  /// destroys its children through the same paths an application's destroy calls take.
  std::recursive_mutex& mutex() { return mutex_; }

  /// A fresh handle value, never reused in this process, even across reloads of the runtime
  /// (so a destroyed handle stays invalid).
  std::uint64_t newHandle() { return next_++; }
  void add(Object& object) { objects_[object.handle] = &object; }
  void remove(std::uint64_t handle) { objects_.erase(handle); }

  /// Instances are owned here (every other object by its parent).
  void adoptRoot(std::unique_ptr<Object> root) {
    add(*root);
    roots_[root->handle] = std::move(root);
  }
  void destroyRoot(std::uint64_t handle) {
    remove(handle);
    roots_.erase(handle);
  }

  template <typename F>
  void forEachRoot(F&& visit) {
    for (auto& [handle, root] : roots_) {
      visit(*root);
    }
  }

  /// The object behind `handle` if it is live and of type T, else nullptr.
  template <typename T>
  T* find(std::uint64_t handle) const {
    auto it = objects_.find(handle);
    if (it == objects_.end() || it->second->type != T::kType) {
      return nullptr;
    }
    return static_cast<T*>(it->second);
  }

 private:
  // The loader unloads the runtime when an application's last instance goes, and loads it again
  // for the next: handle values start from the clock so a reload never repeats one the
  // application or the loader may still hold (the loader keys its messenger records by handle).
  Registry()
      : next_((static_cast<std::uint64_t>(std::chrono::steady_clock::now().time_since_epoch().count()) << 16) | 1U) {}
  std::recursive_mutex mutex_;
  std::unordered_map<std::uint64_t, Object*> objects_;
  std::unordered_map<std::uint64_t, std::unique_ptr<Object>> roots_;
  std::uint64_t next_;
};

/// Handle conversions: the handle types are pointers on 64-bit platforms.
template <typename H>
std::uint64_t toRaw(H handle) {
  return reinterpret_cast<std::uint64_t>(handle);  // NOLINT(cppcoreguidelines-pro-type-reinterpret-cast)
}
template <typename H>
H fromRaw(std::uint64_t raw) {
  return reinterpret_cast<H>(raw);  // NOLINT(cppcoreguidelines-pro-type-reinterpret-cast)
}

}  // namespace praxis::xrsim
