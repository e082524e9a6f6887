#include "device_feed.h"

namespace praxis::xrsim {

DeviceFeed::DeviceFeed(const std::string& path) {
  if (!path.empty()) {
    reader_.emplace(path);  // malformed lines are reported on stderr as FILE:LINE: cause
  }
}

std::vector<DeviceEvent> DeviceFeed::advance(std::uint64_t frame) {
  if (!reader_) {
    return {};
  }
  reader_->advanceTo(frame);
  std::vector<DeviceEvent> events;
  for (StreamEvent e : reader_->takeEvents()) {
    switch (e) {
      case StreamEvent::FocusLoss:
        events.push_back(DeviceEvent::FocusLoss);
        break;
      case StreamEvent::FocusGain:
        events.push_back(DeviceEvent::FocusGain);
        break;
      case StreamEvent::SessionLoss:
        events.push_back(DeviceEvent::SessionLoss);
        break;
      case StreamEvent::InstanceLoss:
        events.push_back(DeviceEvent::InstanceLoss);
        break;
      case StreamEvent::None:
        break;
    }
  }
  return events;
}

}  // namespace praxis::xrsim
