// xr::Session on the simulated OpenXR runtime (tools/xr_sim) through the real loader, with the
// core validation layer and Vulkan validation on (any message fails): both Vulkan enable
// extensions, both swapchain layouts, depth layers, frames drawn and ended, exit on request.
#include <gtest/gtest.h>

#include <cstdlib>
#include <string>
#include <vector>

#include "render/renderer.h"
#include "scene/scene.h"
#include "xr/session.h"
#include "xr/vulkan_binding.h"

namespace praxis::xr {
namespace {

struct Case {
  VulkanEnable enable;
  SwapchainLayout layout;
};

class XrSessionOnSim : public ::testing::TestWithParam<Case> {
 protected:
  void SetUp() override {
    ::setenv("XR_RUNTIME_JSON", PRAXIS_XR_SIM_MANIFEST, 1);
    ::setenv("XR_ENABLE_API_LAYERS", "XR_APILAYER_LUNARG_core_validation", 1);
    ::setenv("PRAXIS_XR_SIM_PACE", "free", 1);
    ::setenv("PRAXIS_XR_SIM_VIEW_SIZE", "64x48", 1);
    ::unsetenv("PRAXIS_XR_SIM_INPUT");
    if (std::getenv("XDG_RUNTIME_DIR") == nullptr) ::setenv("XDG_RUNTIME_DIR", "/tmp", 1);
  }
  std::vector<std::string> messages_;
};

TEST_P(XrSessionOnSim, RunsFramesWithLayersAndEndsOnRequest) {
  const auto sink = [this](std::string_view m) { messages_.emplace_back(m); };
  {
    auto instance = Instance::create({.augmented = false, .onMessage = sink, .vulkanEnable = GetParam().enable});
    ASSERT_TRUE(instance.has_value()) << instance.error().message;
    EXPECT_EQ((*instance)->vulkanEnable(), GetParam().enable);
    auto creator = makeVulkanCreator(**instance);
    ASSERT_TRUE(creator.has_value()) << creator.error().message;
    render::RendererOptions ro;
    ro.creator = *creator;
    ro.validation = true;
    ro.onValidationMessage = sink;
    ro.preference = render::DevicePreference::Cpu;
    ro.msaaSamples = render::kMsaaAuto;
    ro.pipelineCacheFile = std::filesystem::path();
    auto renderer = render::Renderer::create(ro);
    ASSERT_TRUE(renderer.has_value()) << renderer.error().message;
    auto session = Session::create(**instance, **renderer, {.augmented = false, .blend = std::nullopt,
                                                            .layout = GetParam().layout, .depth = true});
    ASSERT_TRUE(session.has_value()) << session.error().message;
    EXPECT_EQ((*session)->layout(), GetParam().layout);
    EXPECT_TRUE((*session)->submitsDepth());
    EXPECT_TRUE((*session)->stageSpace());
    EXPECT_EQ((*session)->viewCount(), 2U);
    scene::Scene scene;
    int drawn = 0;
    int frames = 0;
    bool exited = false;
    for (int i = 0; i < 400 && !exited; ++i) {
      auto action = (*session)->pollEvents();
      ASSERT_TRUE(action.has_value()) << action.error().message;
      if (*action == SessionAction::Exit) {
        exited = true;
        break;
      }
      if (!(*session)->state().running()) continue;
      auto timing = (*session)->beginFrame();
      ASSERT_TRUE(timing.has_value()) << timing.error().message;
      ASSERT_TRUE(timing->has_value());
      auto views = (*session)->locateViews((*timing)->predictedDisplayTime);
      ASSERT_TRUE(views.has_value()) << views.error().message;
      auto device = (*session)->sync((*timing)->predictedDisplayTime);
      ASSERT_TRUE(device.has_value()) << device.error().message;
      render::FrameInput frame;
      frame.scene = &scene;
      for (std::size_t v = 0; v < views->poses.size(); ++v) {
        const XrFovf& f = views->fovs[v];
        frame.views.push_back(render::makeFovView(views->poses[v], f.angleLeft, f.angleRight, f.angleUp, f.angleDown));
      }
      auto stats = (*session)->endFrame(**timing, *views, &frame);
      ASSERT_TRUE(stats.has_value()) << stats.error().message;
      drawn += stats->skipped ? 0 : 1;
      if (++frames == 20) (*session)->requestExit();
    }
    EXPECT_TRUE(exited) << "STOPPING and EXITING follow xrRequestExitSession";
    EXPECT_GE(drawn, 15);
    EXPECT_FALSE((*session)->state().running());
  }
  for (const auto& m : messages_) ADD_FAILURE() << m;
}

INSTANTIATE_TEST_SUITE_P(
    BothExtensionsBothLayouts, XrSessionOnSim,
    ::testing::Values(Case{VulkanEnable::Enable2, SwapchainLayout::Array},
                      Case{VulkanEnable::Enable2, SwapchainLayout::PerView},
                      Case{VulkanEnable::Enable1, SwapchainLayout::Array}),
    [](const ::testing::TestParamInfo<Case>& param) {
      return std::string(param.param.enable == VulkanEnable::Enable2 ? "Enable2" : "Enable1") +
             (param.param.layout == SwapchainLayout::Array ? "Array" : "PerView");
    });

}  // namespace
}  // namespace praxis::xr
