// The window target under a real X server (Xvfb in CI): GLFW window, swapchain, present,
// resize, vsync switch, minimise, an overlay; validation layer on, any message fails. Without
// a display the tests fail: a skipped window test is not a pass.
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <gtest/gtest.h>
#include <imgui.h>

#include <cstdio>
#include <memory>

#include "render_fixture.h"

namespace praxis::render::testing {
namespace {

class WindowTest : public ::testing::Test {
 protected:
  // GLFW once for the suite: initialising it again after glfwTerminate sometimes fails to
  // reach the X server.
  static void SetUpTestSuite() {
    ensureRuntimeDir();
    glfwSetErrorCallback([](int, const char* what) { std::fprintf(stderr, "GLFW: %s\n", what); });
    glfwReady_ = glfwInit() == GLFW_TRUE;
  }
  static void TearDownTestSuite() {
    if (glfwReady_) glfwTerminate();
  }
  void SetUp() override {
    ASSERT_TRUE(glfwReady_) << "no display: run under xvfb-run -a";
    glfwDefaultWindowHints();
    glfwWindowHint(GLFW_CLIENT_API, GLFW_NO_API);
    window_ = glfwCreateWindow(320, 240, "praxis render test", nullptr, nullptr);
    ASSERT_NE(window_, nullptr);
    auto options = testOptions(&messages_);
    options.windowing = true;
    options.instanceExtensions = windowInstanceExtensions();
    ASSERT_FALSE(options.instanceExtensions.empty());
    auto renderer = Renderer::create(options);
    ASSERT_TRUE(renderer.has_value()) << renderer.error().message;
    renderer_ = std::move(*renderer);
    auto target = renderer_->createWindowTarget(window_);
    ASSERT_TRUE(target.has_value()) << target.error().message;
    target_ = std::move(*target);
    input_.scene = &scene_;
    input_.views = {goldenView(320.0F / 240.0F)};
    // A screen-space overlay on every frame: the overlay pass must follow the swapchain.
    overlay_ = ImGui::CreateContext();
    ImGui::SetCurrentContext(overlay_);
    ASSERT_TRUE(addUiFont(*ImGui::GetIO().Fonts, 18.0F, kDefaultFontFile).has_value());
    bindOverlayAtlas(*ImGui::GetIO().Fonts);
  }
  void TearDown() override {
    target_.reset();
    renderer_.reset();
    if (overlay_ != nullptr) ImGui::DestroyContext(overlay_);
    if (window_ != nullptr) glfwDestroyWindow(window_);
    for (const auto& m : messages_) ADD_FAILURE() << m;
  }
  /// Pumps events until the framebuffer has the size (the X server answers asynchronously).
  void waitForSize(int width, int height) {
    for (int i = 0; i < 200; ++i) {
      glfwWaitEventsTimeout(0.01);
      int w = 0;
      int h = 0;
      glfwGetFramebufferSize(window_, &w, &h);
      if (w == width && h == height) return;
    }
    FAIL() << "the window never became " << width << "x" << height;
  }
  FrameStats draw() {
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(static_cast<float>(target_->extent().width),
                            static_cast<float>(target_->extent().height));
    io.DisplaySize.x = std::max(io.DisplaySize.x, 1.0F);
    io.DisplaySize.y = std::max(io.DisplaySize.y, 1.0F);
    ImGui::NewFrame();
    ImGui::Begin("Étape 1 sur 8");
    ImGui::TextUnformatted("Coupez le disjoncteur Q1 « machine » — 1 500 €");
    ImGui::End();
    ImGui::Render();
    input_.overlay = ImGui::GetDrawData();
    auto stats = renderer_->render(input_, *target_);
    EXPECT_TRUE(stats.has_value()) << stats.error().message;
    return stats.value_or(FrameStats{});
  }

  static inline bool glfwReady_ = false;
  std::vector<std::string> messages_;  // outlives the renderer that writes to it
  GLFWwindow* window_ = nullptr;
  std::unique_ptr<Renderer> renderer_;
  std::unique_ptr<WindowTarget> target_;
  scene::Scene scene_ = primitivesScene();
  FrameInput input_;
  ImGuiContext* overlay_ = nullptr;
};

TEST_F(WindowTest, ResizeRebuildsTheSwapchainAtTheNewSize) {
  EXPECT_EQ(target_->extent().width, 320U);
  EXPECT_EQ(target_->extent().height, 240U);
  for (int i = 0; i < 3; ++i) EXPECT_FALSE(draw().skipped);
  const auto builds = target_->swapchainBuilds();
  glfwSetWindowSize(window_, 400, 300);
  waitForSize(400, 300);
  for (int i = 0; i < 3; ++i) EXPECT_FALSE(draw().skipped);
  EXPECT_EQ(target_->extent().width, 400U);
  EXPECT_EQ(target_->extent().height, 300U);
  EXPECT_EQ(target_->swapchainBuilds(), builds + 1);
  glfwSetWindowSize(window_, 200, 150);
  waitForSize(200, 150);
  EXPECT_FALSE(draw().skipped);
  EXPECT_EQ(target_->extent().width, 200U);
  EXPECT_EQ(target_->extent().height, 150U);
}

TEST_F(WindowTest, VsyncOffPicksANonBlockingPresentModeAndBackToFifo) {
  EXPECT_TRUE(target_->vsync());
  (void)draw();
  EXPECT_EQ(target_->presentMode(), VK_PRESENT_MODE_FIFO_KHR);
  target_->setVsync(false);
  (void)draw();
  // lavapipe on X offers MAILBOX and IMMEDIATE; either one does not wait for a vblank.
  EXPECT_NE(target_->presentMode(), VK_PRESENT_MODE_FIFO_KHR);
  target_->setVsync(true);
  (void)draw();
  EXPECT_EQ(target_->presentMode(), VK_PRESENT_MODE_FIFO_KHR);
  EXPECT_GE(target_->contentScale(), 1.0F);
}

TEST_F(WindowTest, AMinimisedWindowSkipsFramesWithoutErrorsAndResumesOnRestore) {
  (void)draw();
  glfwIconifyWindow(window_);
  for (int i = 0; i < 50 && glfwGetWindowAttrib(window_, GLFW_ICONIFIED) == 0; ++i) {
    glfwWaitEventsTimeout(0.01);
  }
  // Without a window manager Xvfb unmaps the window but keeps its size; either way a frame
  // is drawn or skipped, never an error.
  for (int i = 0; i < 3; ++i) (void)draw();
  glfwRestoreWindow(window_);
  waitForSize(320, 240);
  EXPECT_FALSE(draw().skipped);
  EXPECT_EQ(target_->extent().width, 320U);
}

TEST_F(WindowTest, FullscreenFillsTheScreenAndReturnsToTheWindow) {
  (void)draw();
  target_->setFullscreen(true);
  EXPECT_TRUE(target_->fullscreen());
  waitForSize(1280, 720);  // xvfb-run -s "-screen 0 1280x720x24"
  (void)draw();
  EXPECT_EQ(target_->extent().width, 1280U);
  EXPECT_EQ(target_->extent().height, 720U);
  target_->setFullscreen(false);
  EXPECT_FALSE(target_->fullscreen());
  waitForSize(320, 240);
  (void)draw();
  EXPECT_EQ(target_->extent().width, 320U);
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
