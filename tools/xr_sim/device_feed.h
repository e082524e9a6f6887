// What the runtime reads of the simulated devices at a frame: the head pose and the one-shot
// events (focus, loss) of the device stream. The stream file itself is parsed by
// SimInputStream (sim_input_stream.h); this adapter holds the runtime's view of it.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "pose_math.h"

namespace praxis::xrsim {

enum class DeviceEvent : std::uint8_t { FocusLoss, FocusGain, SessionLoss, InstanceLoss };

/// The head's pose when the stream says nothing: standing at the stage origin, eyes 1.6 m up,
/// looking down -Z.
inline constexpr float kDefaultEyeHeight = 1.6F;

class DeviceFeed {
 public:
  DeviceFeed() = default;
  explicit DeviceFeed(std::string path);

  /// Moves to xrWaitFrame number `frame`; returns the events of stream lines first reached.
  std::vector<DeviceEvent> advance(std::uint64_t frame);
  /// The head pose (STAGE space) at the current frame.
  [[nodiscard]] Pose head() const { return head_; }

 private:
  std::string path_;
  Pose head_{.orientation = glm::quat(1.0F, 0.0F, 0.0F, 0.0F),
             .position = glm::vec3(0.0F, kDefaultEyeHeight, 0.0F)};
};

}  // namespace praxis::xrsim
