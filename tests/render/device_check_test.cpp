// The renderer's seam for OpenXR: a device picked by a VulkanCreator is checked like the plain
// creator's, with one actionable sentence, and the Vulkan version comes from the creator's
// range (xrGetVulkanGraphicsRequirements2KHR's min/max), not a constant.
#include <gtest/gtest.h>

#include "render_fixture.h"

namespace praxis::render::testing {
namespace {

constexpr std::uint32_t v(std::uint32_t major, std::uint32_t minor, std::uint32_t patch = 0) {
  return VK_MAKE_API_VERSION(0, major, minor, patch);
}

TEST(ApiVersion, PraxisAsksForVulkan13WithinTheRuntimesRange) {
  EXPECT_EQ(chooseApiVersion({.min = v(1, 0), .max = v(1, 3)}, "the runtime"), v(1, 3));
  EXPECT_EQ(chooseApiVersion({}, "Praxis"), v(1, 3));
  // A runtime's max names the minor version it was tested with; the patch does not count.
  EXPECT_EQ(chooseApiVersion({.min = v(1, 1), .max = v(1, 3, 0)}, "the runtime"), v(1, 3));
  // A runtime that needs more than 1.3 gets what it needs.
  EXPECT_EQ(chooseApiVersion({.min = v(1, 4), .max = v(1, 4)}, "the runtime"), v(1, 4));
}

TEST(ApiVersion, ARuntimeBelowVulkan13IsOneSentenceThatSaysWhatToDo) {
  const auto old = chooseApiVersion({.min = v(1, 0), .max = v(1, 2)}, "the OpenXR runtime");
  ASSERT_FALSE(old.has_value());
  EXPECT_EQ(old.error().message,
            "the OpenXR runtime supports Vulkan up to 1.2, Praxis needs 1.3 (dynamic rendering, "
            "synchronization2): update the OpenXR runtime or its GPU driver");
  const auto inconsistent = chooseApiVersion({.min = v(1, 3), .max = v(1, 1)}, "the runtime");
  ASSERT_FALSE(inconsistent.has_value());
  EXPECT_NE(inconsistent.error().message.find("inconsistent"), std::string::npos);
}

DeviceCapabilities goodDevice() {
  return {.name = "GPU X", .apiVersion = v(1, 3, 250), .graphicsQueue = true, .multiview = true,
          .dynamicRendering = true, .synchronization2 = true};
}

TEST(DeviceCheck, AFullDevicePasses) {
  EXPECT_TRUE(checkDevice(goodDevice(), v(1, 3), "the OpenXR runtime").has_value());
}

TEST(DeviceCheck, EachMissingPieceIsNamedWithTheDeviceAndWhoPickedIt) {
  const auto check = [](DeviceCapabilities caps) {
    auto r = checkDevice(caps, v(1, 3), "the OpenXR runtime");
    return r ? std::string() : r.error().message;
  };
  auto old = goodDevice();
  old.apiVersion = v(1, 2, 200);
  EXPECT_EQ(check(old),
            "the Vulkan device GPU X (picked by the OpenXR runtime) has Vulkan 1.2, Praxis needs "
            "1.3: update its driver, or choose another GPU in the settings of the OpenXR runtime");
  auto noDynamic = goodDevice();
  noDynamic.dynamicRendering = false;
  EXPECT_NE(check(noDynamic).find("lacks dynamic rendering"), std::string::npos);
  auto noSync2 = goodDevice();
  noSync2.synchronization2 = false;
  EXPECT_NE(check(noSync2).find("lacks synchronization2"), std::string::npos);
  auto noMultiview = goodDevice();
  noMultiview.multiview = false;
  EXPECT_NE(check(noMultiview).find("lacks multiview"), std::string::npos);
  auto noQueue = goodDevice();
  noQueue.graphicsQueue = false;
  EXPECT_NE(check(noQueue).find("has no graphics queue"), std::string::npos);
}

/// A creator like an OpenXR runtime's: plain Vulkan underneath, its own name and version range.
class RangedCreator final : public VulkanCreator {
 public:
  explicit RangedCreator(ApiVersionRange range)
      : plain_(makePlainVulkanCreator(DevicePreference::Cpu)), range_(range) {}
  ApiVersionRange apiVersions() const override { return range_; }
  std::string pickedBy() const override { return "the test runtime"; }
  core::Result<VkInstance> createInstance(PFN_vkGetInstanceProcAddr get,
                                          const VkInstanceCreateInfo& info) override {
    requested = info.pApplicationInfo->apiVersion;
    return plain_->createInstance(get, info);
  }
  core::Result<VkPhysicalDevice> pickPhysicalDevice(VkInstance instance) override {
    return plain_->pickPhysicalDevice(instance);
  }
  core::Result<VkDevice> createDevice(VkPhysicalDevice device, const VkDeviceCreateInfo& info) override {
    ++devicesCreated;
    return plain_->createDevice(device, info);
  }
  std::uint32_t requested = 0;
  int devicesCreated = 0;

 private:
  std::unique_ptr<VulkanCreator> plain_;
  ApiVersionRange range_;
};

TEST(CreatorSeam, TheInstanceAsksForTheVersionTheRangeAllows) {
  std::vector<std::string> messages;
  auto options = testOptions(&messages);
  auto creator = std::make_shared<RangedCreator>(ApiVersionRange{.min = v(1, 0), .max = v(1, 3)});
  options.creator = creator;
  {
    auto renderer = Renderer::create(options);
    ASSERT_TRUE(renderer.has_value()) << renderer.error().message;
  }
  EXPECT_EQ(creator->requested, v(1, 3));
  EXPECT_EQ(creator->devicesCreated, 1);
  for (const auto& m : messages) ADD_FAILURE() << m;
}

TEST(CreatorSeam, ADeviceBelowTheRuntimesMinimumFailsBeforeVkCreateDevice) {
  std::vector<std::string> messages;
  auto options = testOptions(&messages);
  // lavapipe has Vulkan 1.3; a runtime that needs 1.4 cannot use it.
  auto creator = std::make_shared<RangedCreator>(ApiVersionRange{.min = v(1, 4), .max = v(1, 4)});
  options.creator = creator;
  auto renderer = Renderer::create(options);
  ASSERT_FALSE(renderer.has_value());
  EXPECT_NE(renderer.error().message.find("(picked by the test runtime) has Vulkan 1.3, Praxis needs 1.4"),
            std::string::npos)
      << renderer.error().message;
  EXPECT_EQ(creator->devicesCreated, 0);
  // The loader rightly warns that its layers know Vulkan 1.3 only, for an instance asking 1.4:
  // that warning is the situation under test; any other message fails.
  for (const auto& m : messages) {
    if (m.find("older than the application specified API version of 1.4") == std::string::npos) {
      ADD_FAILURE() << m;
    }
  }
}

TEST(CreatorSeam, ARuntimeBelowVulkan13FailsBeforeAnyInstance) {
  std::vector<std::string> messages;
  auto options = testOptions(&messages);
  auto creator = std::make_shared<RangedCreator>(ApiVersionRange{.min = v(1, 0), .max = v(1, 1)});
  options.creator = creator;
  auto renderer = Renderer::create(options);
  ASSERT_FALSE(renderer.has_value());
  EXPECT_NE(renderer.error().message.find("the test runtime supports Vulkan up to 1.1"),
            std::string::npos);
  EXPECT_EQ(creator->requested, 0U);
}

}  // namespace
}  // namespace praxis::render::testing
