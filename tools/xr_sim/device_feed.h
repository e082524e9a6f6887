// What the runtime reads of the simulated devices at a frame: the device state (head,
// controllers) and the one-shot events (focus, loss) of the device stream. The stream file is
// parsed by InputStreamReader (sim_input_stream.h); this adapter is the runtime's view of it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "pose_math.h"
#include "sim_input_stream.h"

namespace praxis::xrsim {

enum class DeviceEvent : std::uint8_t { FocusLoss, FocusGain, SessionLoss, InstanceLoss };

/// The head's height when the stream says nothing (defaultDeviceState()): LOCAL's origin.
inline constexpr float kDefaultEyeHeight = 1.6F;

/// A stream pose as the runtime's Pose.
inline Pose fromStream(const StreamPose& p) {
  return Pose{.orientation = glm::quat(p.orientation[3], p.orientation[0], p.orientation[1], p.orientation[2]),
              .position = glm::vec3(p.position[0], p.position[1], p.position[2])};
}

class DeviceFeed {
 public:
  /// `path` empty: no stream, the default state holds.
  explicit DeviceFeed(const std::string& path);

  /// Moves to xrWaitFrame number `frame`; returns the events of stream lines first reached.
  std::vector<DeviceEvent> advance(std::uint64_t frame);
  /// The device state (STAGE space) at the current frame.
  [[nodiscard]] const DeviceState& state() const { return reader_ ? reader_->current() : default_; }
  [[nodiscard]] Pose head() const { return fromStream(state().head); }

 private:
  std::optional<InputStreamReader> reader_;
  DeviceState default_ = defaultDeviceState();
};

}  // namespace praxis::xrsim
