// The OpenXR instance and the headset's system: which runtime is there, which Vulkan enable
// extension it speaks, whether it tracks hands and takes depth layers. Absent runtime or
// headset is an expected failure with one line a user can act on (the CLI then falls back to
// the desktop mode and says so).
#pragma once

#include <openxr/openxr.h>

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"
#include "xr/choices.h"
#include "xr/handle.h"

namespace praxis::xr {

struct InstanceOptions {
  /// AR glasses or a handheld: a handheld display is accepted when no headset is there.
  bool augmented = false;
  /// XR_EXT_debug_utils messages (the core validation layer's among them) go here; when set
  /// and the extension is offered, a messenger is created. Tests fail on any message.
  std::function<void(std::string_view)> onMessage;
  /// Use this Vulkan enable extension even when the other is offered (tests of both paths);
  /// unset: enable2 when offered.
  std::optional<VulkanEnable> vulkanEnable;
};

class Instance {
 public:
  /// Creates the instance with XR_KHR_vulkan_enable2 (else _enable), hand tracking and depth
  /// layers where offered, and finds the headset (or, for AR, a handheld display).
  [[nodiscard]] static core::Result<std::unique_ptr<Instance>> create(InstanceOptions options);
  ~Instance();
  Instance(const Instance&) = delete;
  Instance& operator=(const Instance&) = delete;

  [[nodiscard]] XrInstance handle() const { return instance_.get(); }
  [[nodiscard]] XrSystemId system() const { return system_; }
  [[nodiscard]] XrFormFactor formFactor() const { return formFactor_; }
  [[nodiscard]] VulkanEnable vulkanEnable() const { return vulkanEnable_; }
  [[nodiscard]] bool handTracking() const { return handTracking_; }
  [[nodiscard]] bool depthLayers() const { return depthLayers_; }
  /// "Praxis simulated runtime 1.0.0" (name and version from xrGetInstanceProperties).
  [[nodiscard]] const std::string& runtimeName() const { return runtimeName_; }
  /// An instance function by name (extension functions are not exported by the loader).
  [[nodiscard]] core::Result<PFN_xrVoidFunction> function(const char* name) const;
  template <typename F>
  [[nodiscard]] core::Result<F> function(const char* name) const {
    auto f = function(name);
    if (!f) return std::unexpected(f.error());
    return reinterpret_cast<F>(*f);
  }

 private:
  Instance() = default;
  [[nodiscard]] core::Result<void> createMessenger();
  [[nodiscard]] core::Result<void> findSystem(bool augmented);

  InstanceOptions options_;
  std::unique_ptr<std::function<void(std::string_view)>> sink_;  // the messenger's user data
  Handle<XrInstance> instance_;
  Handle<XrDebugUtilsMessengerEXT> messenger_;  // after the instance: destroyed before it
  XrSystemId system_ = XR_NULL_SYSTEM_ID;
  XrFormFactor formFactor_ = XR_FORM_FACTOR_HEAD_MOUNTED_DISPLAY;
  VulkanEnable vulkanEnable_ = VulkanEnable::Enable2;
  bool handTracking_ = false;
  bool depthLayers_ = false;
  std::string runtimeName_;
};

/// Whether VR can start here: an OpenXR runtime with a headset (AR: or a handheld display). Ok with the runtime's name,
/// else the one-line reason ("no OpenXR runtime is installed"). Creates and destroys an
/// instance, so it costs what the runtime's start costs.
[[nodiscard]] core::Result<std::string> probeHeadset(bool augmented = false);

}  // namespace praxis::xr
