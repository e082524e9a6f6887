#include "device_feed.h"

#include <utility>

namespace praxis::xrsim {

DeviceFeed::DeviceFeed(std::string path) : path_(std::move(path)) {}

std::vector<DeviceEvent> DeviceFeed::advance(std::uint64_t /*frame*/) {
  // The device stream (PRAXIS_XR_SIM_INPUT) is wired here once SimInputStream lands; until
  // then the head stays at its default pose and no event arrives.
  return {};
}

}  // namespace praxis::xrsim
