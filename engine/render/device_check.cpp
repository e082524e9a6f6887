// The checks a device picked by a VulkanCreator goes through before vkCreateDevice, and the
// Vulkan version asked for: pure functions over what was read, so they are tested without a GPU.
#include <string>

#include "render/vulkan_creator.h"

namespace praxis::render {
namespace {

constexpr std::uint32_t kRequired = VK_API_VERSION_1_3;

/// major.minor only: the patch never changes the API a renderer may use.
std::uint32_t minorLevel(std::uint32_t version) {
  return VK_MAKE_API_VERSION(0, VK_API_VERSION_MAJOR(version), VK_API_VERSION_MINOR(version), 0);
}

std::string text(std::uint32_t version) {
  return std::to_string(VK_API_VERSION_MAJOR(version)) + "." +
         std::to_string(VK_API_VERSION_MINOR(version));
}

}  // namespace

core::Result<std::uint32_t> chooseApiVersion(const ApiVersionRange& range,
                                             std::string_view pickedBy) {
  const std::uint32_t min = minorLevel(range.min);
  const std::uint32_t max = minorLevel(range.max);
  if (min > max) {
    return core::fail(pickedBy, " asks for Vulkan ", text(min), " at least but ", text(max),
                      " at most: its graphics requirements are inconsistent; update it");
  }
  if (max < kRequired) {
    return core::fail(pickedBy, " supports Vulkan up to ", text(max), ", Praxis needs ",
                      text(kRequired), " (dynamic rendering, synchronization2): update ", pickedBy,
                      " or its GPU driver");
  }
  return min > kRequired ? min : kRequired;
}

core::Result<void> checkDevice(const DeviceCapabilities& device, std::uint32_t apiVersion,
                               std::string_view pickedBy) {
  const std::string who = "the Vulkan device " + device.name + " (picked by " +
                          std::string(pickedBy) + ")";
  const char* fix = ": update its driver, or choose another GPU in the settings of ";
  if (minorLevel(device.apiVersion) < minorLevel(apiVersion)) {
    return core::fail(who, " has Vulkan ", text(device.apiVersion), ", Praxis needs ",
                      text(apiVersion), fix, pickedBy);
  }
  if (!device.graphicsQueue) return core::fail(who, " has no graphics queue", fix, pickedBy);
  const char* missing = !device.dynamicRendering   ? "dynamic rendering"
                        : !device.synchronization2 ? "synchronization2"
                        : !device.multiview        ? "multiview (stereo)"
                                                   : nullptr;
  if (missing != nullptr) return core::fail(who, " lacks ", missing, fix, pickedBy);
  return {};
}

}  // namespace praxis::render
