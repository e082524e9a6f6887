// The window target under a real X server (Xvfb in CI): GLFW window, swapchain, present,
// resize; validation layer on, any message fails.
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <gtest/gtest.h>

#include "render_fixture.h"

namespace praxis::render::testing {
namespace {

TEST(WindowTarget, PresentsFramesAndSurvivesAResize) {
  ensureRuntimeDir();
  // No display is a missing test dependency: a failure, never a skip that reads as a pass.
  ASSERT_EQ(glfwInit(), GLFW_TRUE) << "no display (CTest runs this under xvfb-run)";
  glfwWindowHint(GLFW_CLIENT_API, GLFW_NO_API);
  GLFWwindow* window = glfwCreateWindow(320, 240, "praxis render test", nullptr, nullptr);
  ASSERT_NE(window, nullptr);
  std::vector<std::string> messages;
  {
    auto options = testOptions(&messages);
    options.windowing = true;
    options.instanceExtensions = windowInstanceExtensions();
    ASSERT_FALSE(options.instanceExtensions.empty());
    auto renderer = Renderer::create(options);
    ASSERT_TRUE(renderer.has_value()) << renderer.error().message;
    auto target = (*renderer)->createWindowTarget(window);
    ASSERT_TRUE(target.has_value()) << target.error().message;
    EXPECT_EQ((*target)->extent().width, 320U);
    const auto scene = primitivesScene();
    FrameInput input;
    input.scene = &scene;
    input.views = {goldenView(320.0F / 240.0F)};
    for (int i = 0; i < 6; ++i) {
      if (i == 3) glfwSetWindowSize(window, 400, 300);
      glfwPollEvents();
      auto stats = (*renderer)->render(input, **target);
      ASSERT_TRUE(stats.has_value()) << stats.error().message;
    }
    target->reset();
  }
  glfwDestroyWindow(window);
  glfwTerminate();
  for (const auto& m : messages) ADD_FAILURE() << m;
}

TEST(WindowTarget, NeedsWindowingInTheOptions) {
  std::vector<std::string> messages;
  auto renderer = Renderer::create(testOptions(&messages));
  ASSERT_TRUE(renderer.has_value());
  auto target = (*renderer)->createWindowTarget(reinterpret_cast<GLFWwindow*>(0x1));
  ASSERT_FALSE(target.has_value());
  EXPECT_NE(target.error().message.find("windowing"), std::string::npos);
}

}  // namespace
}  // namespace praxis::render::testing
