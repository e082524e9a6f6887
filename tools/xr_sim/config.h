// Configuration of the simulated device, read once per instance from the environment
// (PRAXIS_XR_SIM_*; docs/xr-sim.md lists them).
#pragma once

#include <openxr/openxr.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace praxis::xrsim {

struct Config {
  /// Environment blend modes offered, the first preferred (PRAXIS_XR_SIM_BLEND).
  std::vector<XrEnvironmentBlendMode> blendModes{XR_ENVIRONMENT_BLEND_MODE_OPAQUE};
  /// After this many xrWaitFrame calls the runtime asks the session to exit (PRAXIS_XR_SIM_FRAMES).
  std::optional<std::uint64_t> exitAfterFrames;
  /// Folder for the eye images of submitted projection layers (PRAXIS_XR_SIM_CAPTURE).
  std::string captureDir;
  /// The device stream, JSON Lines (PRAXIS_XR_SIM_INPUT).
  std::string inputPath;
  /// false: xrWaitFrame never sleeps (PRAXIS_XR_SIM_PACE=free).
  bool realtime = true;
  /// Recommended per-eye image size (PRAXIS_XR_SIM_VIEW_SIZE=WxH).
  std::uint32_t viewWidth = 1832;
  std::uint32_t viewHeight = 1920;
  /// The form factors whose system is connected (PRAXIS_XR_SIM_FORM_FACTOR): both, or only
  /// the HMD (stereo) or only the handheld display (mono), as a phone-AR runtime offers.
  bool hmdConnected = true;
  bool handheldConnected = true;
  /// Interpupillary distance in metres (PRAXIS_XR_SIM_IPD, millimetres).
  float ipd = 0.063F;
  /// Problems found while reading the environment, one sentence each; logged on stderr.
  std::vector<std::string> warnings;
};

/// Reads the PRAXIS_XR_SIM_* variables; a malformed value keeps the default and adds a warning.
Config readConfig();

/// Whether PRAXIS_XR_SIM_WITHHOLD (extension names, comma-separated) withholds `extension`: the
/// runtime then neither lists nor enables it, so an application's fallback can be tested (e.g.
/// XR_KHR_vulkan_enable without XR_KHR_vulkan_enable2). Read at every enumeration: the
/// extensions are asked for before any instance exists.
[[nodiscard]] bool withheldExtension(std::string_view extension);

}  // namespace praxis::xrsim
