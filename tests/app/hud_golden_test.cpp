// Golden images of the HUD over a shipped scenario (lavapipe, validation layer on), 960x540:
// a step in nl-BE (with a fault waiting), fr-BE and en, with the crosshair (within reach,
// and out of reach in fr-BE), the phrase menu (format 2), the pause menu and the end screen;
// the help (the longest screen) at 1280x720, the smallest window it is laid out for.
// Tolerance: render_fixture.h (a channel may differ by 6, 0.5 % of pixels may differ).
#include <glm/gtc/quaternion.hpp>
#include <gtest/gtest.h>

#include "../render/render_fixture.h"
#include "app/hud.h"
#include "app/session.h"
#include "scenario/loader.h"

namespace praxis::app {
namespace {

constexpr std::uint32_t kWidth = 960;
constexpr std::uint32_t kHeight = 540;

class HudGolden : public render::testing::RenderTest {
 protected:
  void SetUp() override {
    RenderTest::SetUp();
    auto loaded =
        scenario::loadScenario(std::string(PRAXIS_SOURCE_DIR) + "/scenarios/safe-isolation");
    ASSERT_TRUE(loaded.ok()) << loaded.diagnostics.format();
    def_ = std::move(*loaded.scenario);
    auto session = Session::create(def_, SessionOptions{});
    ASSERT_TRUE(session.has_value()) << session.error().message;
    session_ = std::move(*session);
    // 21 s without progress: the step's first hint is showing.
    for (int i = 0; i < 21 * core::kTicksPerSecond; ++i) session_->step(session_->initialInput());
    auto hud = Hud::create();
    ASSERT_TRUE(hud.has_value()) << hud.error().message;
    hud_ = std::move(*hud);
  }

  /// The trainee's view of the highlighted breaker, with the HUD laid out from `state`
  /// after `keys` (two frames: ImGui sizes new windows in the first).
  render::Image draw(const HudState& state, std::initializer_list<HudKey> keys = {},
                     std::optional<glm::vec2> mouse = std::nullopt, std::uint32_t width = kWidth,
                     std::uint32_t height = kHeight) {
    render::FrameInput input;
    input.scene = &session_->scene();
    core::Pose head = session_->lastInput().head;
    for (const auto& id : session_->feedback().highlight) {
      if (auto entity = session_->scene().find(id)) input.highlighted.push_back(*entity);
    }
    if (!input.highlighted.empty()) {
      const core::Vec3 at = session_->scene().at(input.highlighted.front()).worldPose.position;
      head.orientation = glm::quatLookAt(glm::normalize(at - head.position), {0, 1, 0});
    }
    input.views = {render::makePerspectiveView(
        head, glm::radians(70.0F), static_cast<float>(width) / static_cast<float>(height))};
    HudInput hudInput;
    hudInput.displaySize = glm::vec2(width, height);
    hudInput.mouse = mouse;
    for (auto key : keys) hudInput.keys.push_back(HudKeyEvent{.key = key, .down = true});
    (void)hud_->frame(hudInput, state);
    hudInput.keys.clear();
    input.overlay = hud_->frame(hudInput, state).drawData;
    return render(input, width, height);
  }

  HudFault fault(std::size_t index, std::string_view language) const {
    const auto& f = def_.faults.at(index);
    return HudFault{.message = f.message.in(language),
                    .severity = f.severity,
                    .penalty = f.penalty.value_or(20),
                    .tick = 900};
  }

  scenario::ScenarioDef def_;
  std::unique_ptr<Session> session_;
  std::unique_ptr<Hud> hud_;
};

/// A step as the trainee sees it: the crosshair at the centre (the captured cursor) on the
/// breaker, its label beside it.
HudState stepState(const Session& session, std::string_view language, Crosshair crosshair) {
  HudState state = hudState(session, language, "breaker_q1");
  state.crosshair = crosshair;
  return state;
}

TEST_F(HudGolden, StepInDutchWithAFaultWaiting) {
  HudState state = stepState(*session_, "nl-BE", Crosshair::InReach);
  state.faults.push_back(fault(0, "nl-BE"));
  render::testing::expectMatchesGolden(draw(state), "hud_step_nl");
}

TEST_F(HudGolden, StepInFrenchOutOfReach) {
  render::testing::expectMatchesGolden(draw(stepState(*session_, "fr-BE", Crosshair::OutOfReach)),
                                       "hud_step_fr");
}

TEST_F(HudGolden, StepInEnglish) {
  render::testing::expectMatchesGolden(draw(stepState(*session_, "en", Crosshair::InReach)),
                                       "hud_step_en");
}

TEST_F(HudGolden, PhraseMenuInDutch) {
  HudState state = stepState(*session_, "nl-BE", Crosshair::Idle);
  state.phrases = {"Blijf op afstand!", "Bel 112!", "Haal de AED, alsjeblieft."};
  state.phraseMenu = true;
  state.phraseTo = "Collega";
  state.hoveredLabel.clear();  // as DesktopHud does: the menu sits where the label would
  render::testing::expectMatchesGolden(draw(state), "hud_phrases_nl");
}

TEST_F(HudGolden, PauseMenuInDutch) {
  render::testing::expectMatchesGolden(draw(hudState(*session_, "nl-BE"), {HudKey::Escape}),
                                       "hud_pause_nl");
}

TEST_F(HudGolden, HelpInEnglishAt720p) {
  render::testing::expectMatchesGolden(
      draw(hudState(*session_, "en"), {HudKey::F1}, std::nullopt, 1280, 720), "hud_help_en");
}

TEST_F(HudGolden, EndScreenInFrench) {
  session_->abort();
  HudState state = hudState(*session_, "fr-BE");
  ASSERT_TRUE(state.ended);
  state.faults = {fault(0, "fr-BE"), fault(1, "fr-BE")};
  render::testing::expectMatchesGolden(draw(state), "hud_end_fr");
}

}  // namespace
}  // namespace praxis::app
