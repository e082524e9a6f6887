// Desktop mode under a real X server (Xvfb) and lavapipe with the validation layer on (any
// message fails): the window opens and the reference solution plays to PASSED through it,
// the swapchain follows a resize, minimising and losing focus stop the tick, a content-scale
// change resizes the HUD's text, the pause menu's Quit aborts, the end screen's report button
// works, real X events (xdotool) come through GLFW as plain input events and, into a person's
// controls, walk, grab, release and press a button, kneel, say phrases from the menu (keys
// and a click) and stand up, a desktop recording replays headless
// with the same hash, and without a display `praxis run` says so
// in one line. This suite runs under xvfb-run; without a display it FAILS, it never skips.
#include <gtest/gtest.h>

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <sstream>
#include <thread>

#include "app/desktop_mode.h"
#include "app/desktop_tick_input.h"
#include "app/desktop_window.h"
#include "app/headless.h"
#include "command.h"
#include "core/sim_time.h"
#include "interaction/world.h"
#include "scenario/loader.h"

namespace praxis::app {
namespace {

namespace fs = std::filesystem;
constexpr double kTick = core::kTickSeconds;

fs::path scenarioDir(const char* name) { return fs::path(PRAXIS_SOURCE_DIR) / "scenarios" / name; }

class Desktop : public ::testing::Test {
 protected:
  void SetUp() override {
    // The suite's point is the real window: no display is a failure, not a skip.
    const auto available = desktopAvailable();
    ASSERT_TRUE(available.has_value()) << available.error().message
                                       << " (run this suite under xvfb-run -a)";
    package_ = scenario::loadScenarioPackage(scenarioDir("safe-isolation"));
    ASSERT_TRUE(package_.ok()) << package_.diagnostics.format();
    for (const auto& t : package_.tests) {
      if (t.reference) reference_ = &t;
    }
    ASSERT_NE(reference_, nullptr);
  }
  void TearDown() override {
    for (const auto& m : messages_) ADD_FAILURE() << "validation: " << m;
  }

  std::unique_ptr<DesktopMode> open(std::uint32_t width = 320, std::uint32_t height = 240,
                                    std::function<void(const Attempt&)> onOpenReport = {}) {
    DesktopOptions options;
    options.onOpenReport = std::move(onOpenReport);
    options.packageDir = scenarioDir("safe-isolation");
    options.width = width;
    options.height = height;
    options.validation = true;
    options.onValidationMessage = [this](std::string_view m) { messages_.emplace_back(m); };
    options.attempt.session.seed = reference_->seed;
    options.attempt.session.language = reference_->language;
    const auto* script = reference_;
    auto mode = DesktopMode::open(*package_.scenario, std::move(options), [script](const Session& s) {
      return std::make_unique<ScriptedTickInput>(*script, s);
    });
    EXPECT_TRUE(mode.has_value()) << mode.error().message;
    return mode ? std::move(*mode) : nullptr;
  }

  scenario::PackageLoadResult package_;
  const scenario::TraineeScript* reference_ = nullptr;
  std::vector<std::string> messages_;
};

TEST_F(Desktop, TheReferenceSolutionPassesThroughTheWindowWithTheHeadlessSteps) {
  auto mode = open();
  ASSERT_NE(mode, nullptr);
  EXPECT_EQ(mode->attempt().session().options().mode, Mode::Desktop);
  for (int frame = 0; frame < 100000 && !mode->attempt().ended(); ++frame) {
    ASSERT_TRUE(mode->frame(kTick * 8).has_value());  // 8 ticks a frame: a fast test
  }
  const RunResult desktop = summarise(mode->attempt().session());
  auto headless = runScript(*package_.scenario, *reference_);
  ASSERT_TRUE(headless.has_value());
  EXPECT_EQ(desktop.outcome, scenario::Outcome::Passed);
  EXPECT_EQ(desktop.stepsCompleted, headless->stepsCompleted);
  EXPECT_EQ(desktop.eventLogHash, headless->eventLogHash);  // same inputs, same events
  EXPECT_GT(mode->framesDrawn(), 0);
}

TEST_F(Desktop, TheSwapchainFollowsAResize) {
  auto mode = open(320, 240);
  ASSERT_NE(mode, nullptr);
  ASSERT_TRUE(mode->frame(kTick).has_value());
  EXPECT_EQ(mode->targetExtent(), std::make_pair(320U, 240U));
  glfwSetWindowSize(mode->window(), 400, 300);
  for (int i = 0; i < 20 && mode->targetExtent() != std::make_pair(400U, 300U); ++i) {
    ASSERT_TRUE(mode->frame(kTick).has_value());
  }
  EXPECT_EQ(mode->targetExtent(), std::make_pair(400U, 300U));
}

TEST_F(Desktop, MinimisingAndLosingFocusStopTheTickAndRestoringResumesIt) {
  auto mode = open();
  ASSERT_NE(mode, nullptr);
  const auto tick = [&] { return mode->attempt().session().tick(); };
  ASSERT_TRUE(mode->frame(kTick * 2).has_value());
  EXPECT_EQ(tick(), 2);
  // The events GLFW's iconify and focus callbacks deliver.
  mode->handle(Iconify{true});
  EXPECT_TRUE(mode->paused());
  ASSERT_TRUE(mode->frame(1.0).has_value());
  EXPECT_EQ(tick(), 2);
  mode->handle(Iconify{false});
  ASSERT_TRUE(mode->frame(kTick).has_value());
  EXPECT_EQ(tick(), 3);
  mode->handle(Focus{false});
  ASSERT_TRUE(mode->frame(1.0).has_value());
  EXPECT_EQ(tick(), 3);
  mode->handle(Focus{true});
  EXPECT_FALSE(mode->paused());
  ASSERT_TRUE(mode->frame(kTick).has_value());
  EXPECT_EQ(tick(), 4);
}

TEST_F(Desktop, AContentScaleChangeResizesTheHudTextFromTheNextFrame) {
  auto mode = open();
  ASSERT_NE(mode, nullptr);
  ASSERT_TRUE(mode->frame(kTick).has_value());
  const float start = mode->hudContentScale();
  EXPECT_GT(start, 0.0F);
  // Xvfb never changes its DPI, so the test calls the callback the window registered with
  // GLFW, as GLFW calls it when the window reaches a monitor with another scale.
  GLFWwindowcontentscalefun callback = glfwSetWindowContentScaleCallback(mode->window(), nullptr);
  glfwSetWindowContentScaleCallback(mode->window(), callback);
  ASSERT_NE(callback, nullptr) << "the desktop window does not listen for content-scale changes";
  callback(mode->window(), 2.0F, 2.0F);
  const std::int64_t drawn = mode->framesDrawn();
  ASSERT_TRUE(mode->frame(kTick).has_value());
  EXPECT_EQ(mode->hudContentScale(), 2.0F);
  EXPECT_EQ(mode->framesDrawn(), drawn + 1);  // drawn with the rebuilt font atlas
  mode->handle(ContentScale{start});
  ASSERT_TRUE(mode->frame(kTick).has_value());
  EXPECT_EQ(mode->hudContentScale(), start);
}

TEST_F(Desktop, F11PutsTheWindowOnTheWholeScreenAndBack) {
  auto mode = open(320, 240);
  ASSERT_NE(mode, nullptr);
  ASSERT_TRUE(mode->frame(kTick).has_value());
  const GLFWvidmode* screen = glfwGetVideoMode(glfwGetPrimaryMonitor());
  ASSERT_NE(screen, nullptr);
  const auto full = std::make_pair(static_cast<std::uint32_t>(screen->width),
                                   static_cast<std::uint32_t>(screen->height));
  const auto waitFor = [&](std::pair<std::uint32_t, std::uint32_t> extent) {
    for (int i = 0; i < 100 && mode->targetExtent() != extent; ++i) {
      ASSERT_TRUE(mode->frame(kTick).has_value());
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
  };
  mode->handle(KeyDown{Key::F11});
  mode->handle(KeyUp{Key::F11});
  waitFor(full);
  EXPECT_EQ(mode->targetExtent(), full) << "the swapchain follows the full screen";
  mode->handle(KeyDown{Key::F11});
  mode->handle(KeyUp{Key::F11});
  waitFor({320U, 240U});
  EXPECT_EQ(mode->targetExtent(), std::make_pair(320U, 240U)) << "and returns to the window";
}

TEST(DesktopWindow, TheContentScaleEventTakesTheLargerAxis) {
  EXPECT_EQ(contentScaleEvent(1.25F, 1.5F).scale, 1.5F);
  EXPECT_EQ(contentScaleEvent(2.0F, 2.0F).scale, 2.0F);
}

TEST_F(Desktop, EscapePausesUntilPressedAgain) {
  auto mode = open();
  ASSERT_NE(mode, nullptr);
  // A key press as GLFW delivers it: down, then up. The HUD opens its pause menu.
  mode->handle(KeyDown{Key::Escape});
  mode->handle(KeyUp{Key::Escape});
  ASSERT_TRUE(mode->frame(1.0).has_value());
  EXPECT_TRUE(mode->paused());
  EXPECT_EQ(mode->attempt().session().tick(), 0);
  mode->handle(KeyDown{Key::Escape});
  mode->handle(KeyUp{Key::Escape});
  ASSERT_TRUE(mode->frame(kTick).has_value());
  EXPECT_FALSE(mode->paused());
  EXPECT_EQ(mode->attempt().session().tick(), 1);
}

/// A key pressed and let go as a person does: down in one frame, up in the next.
void press(DesktopMode& mode, Key key) {
  mode.handle(KeyDown{key});
  ASSERT_TRUE(mode.frame(0.0).has_value());
  mode.handle(KeyUp{key});
  ASSERT_TRUE(mode.frame(0.0).has_value());
}

TEST_F(Desktop, QuitInThePauseMenuAbortsTheAttemptAndClosesTheWindow) {
  auto mode = open();
  ASSERT_NE(mode, nullptr);
  ASSERT_TRUE(mode->frame(kTick * 8).has_value());
  press(*mode, Key::Escape);
  ASSERT_TRUE(mode->paused());
  // Resume has the keyboard focus; down past Restart, the language and text size rows.
  for (int i = 0; i < 4; ++i) press(*mode, Key::Down);
  press(*mode, Key::Enter);
  ASSERT_TRUE(mode->attempt().ended()) << "Enter on Quit ends the attempt";
  EXPECT_EQ(summarise(mode->attempt().session()).endReason, scenario::EndReason::Aborted);
  EXPECT_TRUE(mode->shouldClose());
}

TEST_F(Desktop, TheEndScreensReportButtonHandsTheEndedAttemptToTheReportWriter) {
  const Attempt* reported = nullptr;
  auto mode = open(320, 240, [&](const Attempt& a) { reported = &a; });
  ASSERT_NE(mode, nullptr);
  for (int frame = 0; frame < 100000 && !mode->attempt().ended(); ++frame) {
    ASSERT_TRUE(mode->frame(kTick * 8).has_value());
  }
  ASSERT_TRUE(mode->frame(0.0).has_value());  // the end screen is laid out, then shown
  ASSERT_TRUE(mode->frame(0.0).has_value());
  EXPECT_EQ(reported, nullptr);
  press(*mode, Key::Enter);  // the report button has the focus
  EXPECT_EQ(reported, &mode->attempt());
  EXPECT_FALSE(mode->shouldClose());
}

// --- Real X input events (xdotool through the XTEST extension) -------------------------

/// Stands still and keeps every event the window delivered.
class EventLog final : public TickInput {
 public:
  explicit EventLog(std::vector<InputEvent>* events) : events_(events) {}
  void handle(const InputEvent& event) override { events_->push_back(event); }
  std::optional<interaction::TraineeInput> tick(const Session& session) override {
    return session.lastInput();
  }

 private:
  std::vector<InputEvent>* events_;
};

template <typename T>
bool received(const std::vector<InputEvent>& events, const std::function<bool(const T&)>& match) {
  return std::any_of(events.begin(), events.end(), [&](const InputEvent& e) {
    const auto* x = std::get_if<T>(&e);
    return x != nullptr && match(*x);
  });
}

TEST_F(Desktop, RealXKeyAndMouseEventsReachTheTickInputAndEscPauses) {
  std::vector<InputEvent> events;
  DesktopOptions options;
  options.packageDir = scenarioDir("safe-isolation");
  options.width = 320;
  options.height = 240;
  options.validation = true;
  options.onValidationMessage = [this](std::string_view m) { messages_.emplace_back(m); };
  options.title = "praxis-xdotool-" + std::to_string(::getpid());
  auto mode = DesktopMode::open(*package_.scenario, options, [&](const Session&) {
    return std::make_unique<EventLog>(&events);
  });
  ASSERT_TRUE(mode.has_value()) << mode.error().message;
  DesktopMode& m = **mode;
  ASSERT_TRUE(m.frame(kTick).has_value());
  // With no window manager, keys go to the window under the pointer (PointerRoot focus).
  const std::string find = "xdotool search --sync --name '" + options.title + "'";
  const auto moved = test::runCommand("xdotool mousemove --window $(" + find + " | head -1) 100 80"
                                      " && xdotool mousemove_relative 15 5 && xdotool key w"
                                      " && xdotool click 1 && xdotool key Escape 2>&1");
  ASSERT_EQ(moved.exitCode, 0) << "xdotool (package xdotool) is needed: " << moved.output;
  const auto sawAll = [&] {
    return received<KeyDown>(events, [](const KeyDown& k) { return k.key == Key::Escape; }) &&
           received<KeyUp>(events, [](const KeyUp& k) { return k.key == Key::W; }) &&
           received<MouseDown>(events, [](const MouseDown& b) { return b.button == MouseButton::Left; }) &&
           received<MouseMove>(events, [](const MouseMove& mv) { return mv.dx == 15.0 && mv.dy == 5.0; });
  };
  for (int i = 0; i < 200 && !sawAll(); ++i) {
    ASSERT_TRUE(m.frame(0.0).has_value());
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  EXPECT_TRUE(sawAll()) << events.size() << " events arrived";
  EXPECT_TRUE(m.paused()) << "Esc, pressed on the real keyboard, pauses";
  const core::Tick before = m.attempt().session().tick();
  ASSERT_TRUE(m.frame(1.0).has_value());
  EXPECT_EQ(m.attempt().session().tick(), before);
}

/// Whether `subject` had a world event of `kind` (with `state`, when given) in `session`.
bool happened(const Session& session, interaction::EventKind kind, const std::string& subject,
              const std::string& state = "") {
  const auto id = session.scene().find(subject);
  return id && std::any_of(session.worldEvents().begin(), session.worldEvents().end(),
                           [&](const interaction::WorldEvent& e) {
                             return e.kind == kind && e.subject == *id && (state.empty() || e.state == state);
                           });
}

// A person's controls (no script) in the real window, every input a real X event: walk up to
// a block, click to take it, click to let go of it, click the push button behind it.
void xdotool(const std::string& args) {
  const auto run = test::runCommand("xdotool " + args + " 2>&1");
  EXPECT_EQ(run.exitCode, 0) << "xdotool (package xdotool) is needed: " << run.output;
}

/// A person's controls (no script) in a real 640x480 window on the fixture package `name`,
/// for real X events; the pointer in its middle, where keys go without a window manager.
class PersonAtTheDesktop {
 public:
  PersonAtTheDesktop(const char* name, bool captureCursor, std::vector<std::string>& messages)
      : fixture_(fs::path(PRAXIS_SOURCE_DIR) / "tests/app/fixtures" / name),
        package_(scenario::loadScenarioPackage(fixture_)) {
    EXPECT_TRUE(package_.ok()) << package_.diagnostics.format();
    if (!package_.ok()) return;
    DesktopOptions options;
    options.packageDir = fixture_;
    options.width = 640;
    options.height = 480;
    options.captureCursor = captureCursor;
    options.validation = true;
    options.onValidationMessage = [&messages](std::string_view m) { messages.emplace_back(m); };
    options.title = std::string("praxis-xdotool-") + name + "-" + std::to_string(::getpid());
    window = "$(xdotool search --sync --name '" + options.title + "' | head -1)";
    const auto& def = *package_.scenario;
    // The pointer waits outside where the window opens (top left without a window manager):
    // its first position in the window is then where it enters, not a motion that turns the head.
    xdotool("mousemove 1270 710");
    auto opened = DesktopMode::open(
        def, options, [&def](const Session&) { return std::make_unique<DesktopTickInput>(def); });
    EXPECT_TRUE(opened.has_value()) << opened.error().message;
    if (!opened) return;
    mode = std::move(*opened);
    EXPECT_TRUE(mode->frame(kTick).has_value());
    xdotool("mousemove --window " + window + " 320 240");
    pump([] { return false; }, 5);
  }
  /// Frames (one tick each) until `done` or `frames` have passed.
  void pump(const std::function<bool()>& done, int frames) {
    for (int i = 0; i < frames && !done(); ++i) {
      ASSERT_TRUE(mode->frame(kTick).has_value());
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
  }
  [[nodiscard]] const Session& session() const { return mode->attempt().session(); }

  std::unique_ptr<DesktopMode> mode;
  std::string window;  // a shell expression for the window's X id

 private:
  fs::path fixture_;
  scenario::PackageLoadResult package_;
};

TEST_F(Desktop, RealXEventsWalkGrabAndReleaseAndPressAButtonThroughTheControls) {
  PersonAtTheDesktop person("desktop-reach", false, messages_);
  ASSERT_NE(person.mode, nullptr);
  const Session& s = person.session();
  const auto pump = [&](const std::function<bool()>& done, int frames) {
    person.pump(done, frames);
  };
  const float startZ = s.lastInput().head.position.z;
  xdotool("keydown w");
  pump([&] { return s.lastInput().head.position.z < startZ - 0.6F; }, 400);
  xdotool("keyup w");
  pump([] { return false; }, 10);
  const float walkedTo = s.lastInput().head.position.z;
  EXPECT_LT(walkedTo, startZ - 0.6F) << "W, held down, walks forward";
  pump([] { return false; }, 20);
  EXPECT_EQ(s.lastInput().head.position.z, walkedTo) << "and stops when let go of";

  xdotool("click 1");
  pump([&] { return s.world().held(interaction::HandSide::Right) == s.scene().find("block"); }, 400);
  EXPECT_TRUE(happened(s, interaction::EventKind::Grabbed, "block")) << "a click takes the block";
  pump([] { return false; }, 45);  // carried: a person looks before the next click

  xdotool("click 1");
  pump([&] { return happened(s, interaction::EventKind::Released, "block"); }, 400);
  EXPECT_TRUE(happened(s, interaction::EventKind::Released, "block")) << "another click lets go";

  // The block fell: the cross now points at the button behind it (the last step).
  pump([] { return false; }, 90);
  xdotool("click 1");
  pump([&] { return happened(s, interaction::EventKind::StateChanged, "start", "pressed"); }, 400);
  EXPECT_TRUE(happened(s, interaction::EventKind::StateChanged, "start", "pressed"))
      << "a click presses the button";
  EXPECT_EQ(summarise(s).stepsCompleted, (std::vector<std::string>{"take", "press"}));
}

/// Whether `session` heard `phrase` said to `person`.
bool said(const Session& session, const std::string& phrase, const std::string& person) {
  return std::any_of(session.attemptEvents().begin(), session.attemptEvents().end(),
                     [&](const auto& e) {
                       return e.kind == scenario::AttemptEventKind::Said && e.phrase == phrase &&
                              e.person == person;
                     });
}

// Format 2 in the real window, every input a real X event, the cursor captured as for a
// person: K kneels; T opens the phrase menu (and frees the pointer for it); a number key says
// a phrase to the person faced; a click on the menu says another; X stands up.
TEST_F(Desktop, RealXKeysKneelSayPhrasesByKeyAndByClickAndStandUp) {
  PersonAtTheDesktop person("desktop-speech", true, messages_);
  ASSERT_NE(person.mode, nullptr);
  DesktopMode& m = *person.mode;
  const Session& s = person.session();
  const std::string& window = person.window;
  const auto pump = [&](const std::function<bool()>& done, int frames) {
    person.pump(done, frames);
  };
  const auto steps = [&] { return summarise(s).stepsCompleted.size(); };
  const auto pointerFree = [&] {
    return glfwGetInputMode(m.window(), GLFW_CURSOR) == GLFW_CURSOR_NORMAL;
  };
  ASSERT_FALSE(pointerFree()) << "a person plays with the cursor captured";

  xdotool("key k");
  pump([&] { return steps() >= 1; }, 300);
  EXPECT_LT(s.lastInput().head.position.y, 1.3F) << "K kneels: the eyes come down";
  EXPECT_EQ(steps(), 1U);

  xdotool("key t");
  pump(pointerFree, 100);
  EXPECT_TRUE(pointerFree()) << "the phrase menu frees the pointer to click a phrase";
  xdotool("key 1");
  pump([&] { return said(s, "call_help", "colleague"); }, 100);
  EXPECT_TRUE(said(s, "call_help", "colleague")) << "1 says the first phrase, to the person faced";
  pump([&] { return !pointerFree(); }, 100);
  EXPECT_EQ(steps(), 1U) << "the wrong phrase does not do";

  // A click: the menu sits right of the centre; from its bottom up, the last phrase comes first.
  xdotool("key t");
  pump(pointerFree, 100);
  ASSERT_TRUE(pointerFree());
  for (int y = 340; y > 150 && !said(s, "stand_clear", "colleague"); y -= 5) {
    xdotool("mousemove --window " + window + " 420 " + std::to_string(y) + " click 1");
    pump([&] { return said(s, "stand_clear", "colleague"); }, 6);
  }
  EXPECT_TRUE(said(s, "stand_clear", "colleague")) << "a click on a phrase says it";
  EXPECT_EQ(steps(), 2U);

  pump([&] { return !pointerFree(); }, 100);
  xdotool("key x");
  pump([&] { return m.attempt().ended(); }, 300);
  EXPECT_EQ(summarise(s).stepsCompleted, (std::vector<std::string>{"kneel", "warn", "rise"}));
  EXPECT_EQ(summarise(s).outcome, scenario::Outcome::Passed);
}

// While a person plays, the cursor is captured: GLFW's virtual cursor position drifts with
// every look and can come to lie over a HUD panel (the step panel, top left). A click there
// must still reach the controls, not vanish into the HUD.
TEST_F(Desktop, WithTheCursorCapturedAClickOverAHudPanelStillReachesTheControls) {
  std::vector<InputEvent> events;
  DesktopOptions options;
  options.packageDir = scenarioDir("safe-isolation");
  options.width = 640;
  options.height = 480;
  options.validation = true;
  options.onValidationMessage = [this](std::string_view m) { messages_.emplace_back(m); };
  options.captureCursor = true;
  auto mode = DesktopMode::open(*package_.scenario, options, [&](const Session&) {
    return std::make_unique<EventLog>(&events);
  });
  ASSERT_TRUE(mode.has_value()) << mode.error().message;
  DesktopMode& m = **mode;
  // Captured in the first frame; GLFW reports the cursor it centred in the next ones.
  for (int i = 0; i < 3; ++i) ASSERT_TRUE(m.frame(kTick).has_value());
  m.handle(MouseMove{30.0, 30.0, -400.0, -300.0});  // looked far up and to the left
  ASSERT_TRUE(m.frame(kTick).has_value());
  ASSERT_TRUE(m.frame(kTick).has_value());
  m.handle(MouseDown{MouseButton::Left});
  m.handle(MouseUp{MouseButton::Left});
  EXPECT_TRUE(received<MouseDown>(events, [](const MouseDown& b) { return b.button == MouseButton::Left; }))
      << "the click went to the HUD's step panel instead of the controls";
}

// --- The CLI, as a user runs it -------------------------------------------------------

std::string isolated(const fs::path& home) {
  return "XDG_DATA_HOME='" + home.string() + "' XDG_CACHE_HOME='" + home.string() + "/cache'";
}

TEST_F(Desktop, ARecordedDesktopAttemptReplaysHeadlessWithTheSameHash) {
  const fs::path dir = fs::path(::testing::TempDir()) / "praxis-desktop-record";
  fs::remove_all(dir);
  fs::create_directories(dir);
  const fs::path rec = dir / "attempt.rec";
  const fs::path png = dir / "last.png";
  auto run = test::runPraxis("run '" + scenarioDir("safe-isolation").string() +
                                 "' --mode desktop --autopilot --speed 30 --exit --validate --no-xapi"
                                 " --record '" + rec.string() + "' --screenshot '" + png.string() + "'",
                             isolated(dir));
  ASSERT_EQ(run.exitCode, 0) << run.output;
  EXPECT_NE(run.output.find("desktop"), std::string::npos) << run.output;
  EXPECT_NE(run.output.find("result: PASSED"), std::string::npos) << run.output;
  EXPECT_TRUE(fs::exists(png) && fs::file_size(png) > 1000) << run.output;
  auto replay = test::runPraxis("replay '" + rec.string() + "'", isolated(dir));
  EXPECT_EQ(replay.exitCode, 0) << replay.output;
  EXPECT_NE(replay.output.find("matches"), std::string::npos) << replay.output;
}

/// No OpenXR runtime and no --mode: `praxis run` plays in the desktop window and says why not
/// VR in one line (the loader's own error lines are kept quiet).
TEST_F(Desktop, WithoutAnOpenXrRuntimeRunPlaysOnTheDesktopAndSaysWhyInOneLine) {
  const fs::path dir = fs::path(::testing::TempDir()) / "praxis-desktop-no-runtime";
  fs::remove_all(dir);
  fs::create_directories(dir);
  auto run = test::runPraxis("run '" + scenarioDir("safe-isolation").string() +
                                 "' --autopilot --speed 30 --exit --validate --no-xapi",
                             isolated(dir) + " XR_RUNTIME_JSON=/nonexistent/runtime.json");
  ASSERT_EQ(run.exitCode, 0) << run.output;
  EXPECT_NE(run.output.find("result: PASSED"), std::string::npos) << run.output;
  std::istringstream lines(run.output);
  int said = 0;
  for (std::string line; std::getline(lines, line);) {
    if (line.find("OpenXR") == std::string::npos) continue;
    ++said;
    EXPECT_TRUE(line.starts_with("desktop mode: no OpenXR runtime")) << line;
  }
  EXPECT_EQ(said, 1) << run.output;
  EXPECT_NE(run.output.find(", desktop, "), std::string::npos) << "the attempt's mode: " << run.output;
}

TEST(DesktopCli, WithoutADisplayRunSaysSoInOneLineAndSuggestsHeadless) {
  auto run = test::runPraxis("run '" + scenarioDir("safe-isolation").string() + "' --autopilot",
                             "env -u DISPLAY -u WAYLAND_DISPLAY");
  EXPECT_EQ(run.exitCode, 2) << run.output;
  EXPECT_NE(run.output.find("--headless"), std::string::npos) << run.output;
  EXPECT_EQ(std::count(run.output.begin(), run.output.end(), '\n'), 1) << run.output;
}

TEST(DesktopCli, VrWithoutAnOpenXrRuntimeSaysSoInOneLine) {
  auto run = test::runPraxis("run '" + scenarioDir("safe-isolation").string() + "' --mode vr --autopilot --no-xapi",
                             "XR_RUNTIME_JSON=/nonexistent/runtime.json");
  EXPECT_EQ(run.exitCode, 2) << run.output;
  EXPECT_NE(run.output.find("no OpenXR runtime"), std::string::npos) << run.output;
  EXPECT_EQ(std::count(run.output.begin(), run.output.end(), '\n'), 1) << run.output;
}

}  // namespace
}  // namespace praxis::app
