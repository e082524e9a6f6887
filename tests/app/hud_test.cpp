// The HUD without a GPU: the font's glyphs, text paging, the strings table, keys and
// actions, fault acknowledgement, ImGui context hygiene, HudState from a real Session, the
// instruction panel's title and placement, and the panel-text warnings of `praxis validate`.
#include "app/hud.h"

#include <gtest/gtest.h>
#include <imgui.h>

#include <filesystem>
#include <set>
#include <sstream>

#include "app/desktop_hud.h"
#include "app/frame_builder.h"
#include "app/instruction_panel.h"
#include "app/session.h"
#include "app/vr_mode.h"
#include "render/ui_font.h"
#include "scenario/loader.h"

namespace praxis::app {
namespace {

const std::string kShipped = std::string(PRAXIS_SOURCE_DIR) + "/scenarios/";

std::set<std::string> owners(const ImDrawData* data) {
  std::set<std::string> out;
  for (int i = 0; i < data->CmdListsCount; ++i) {
    if (data->CmdLists[i]->_OwnerName != nullptr) out.insert(data->CmdLists[i]->_OwnerName);
  }
  return out;
}

/// The height, in display units, of what the HUD window `owner` drew.
float drawnHeight(const ImDrawData* data, std::string_view owner) {
  float top = 1e9F;
  float bottom = -1e9F;
  for (int i = 0; i < data->CmdListsCount; ++i) {
    const ImDrawList* list = data->CmdLists[i];
    if (list->_OwnerName == nullptr || owner != list->_OwnerName) continue;
    for (const ImDrawVert& v : list->VtxBuffer) {
      top = std::min(top, v.pos.y);
      bottom = std::max(bottom, v.pos.y);
    }
  }
  return bottom - top;
}

HudInput keys(std::initializer_list<HudKey> pressed) {
  HudInput input;
  for (auto key : pressed) input.keys.push_back(HudKeyEvent{.key = key, .down = true});
  return input;
}

bool has(const std::vector<HudAction>& actions, HudActionKind kind) {
  return std::any_of(actions.begin(), actions.end(), [&](const auto& a) { return a.kind == kind; });
}

HudState stepState() {
  HudState state;
  state.stepNumber = 3;
  state.stepCount = 8;
  state.stepsDone = 2;
  state.stepTitle = "Vergrendelen";
  state.instruction = "Vergrendel Q1 met je persoonlijk hangslot.";
  return state;
}

TEST(UiFont, EveryGlyphNlFrAndEnUseIsVisibleInTheAtlas) {
  ImFontAtlas atlas;
  auto font = render::addUiFont(atlas, 24.0F, render::kDefaultFontFile);
  ASSERT_TRUE(font.has_value()) << font.error().message;
  ASSERT_TRUE(atlas.Build());
  std::u32string wanted;
  for (char32_t c = U'!'; c <= U'~'; ++c) wanted += c;
  for (const char32_t c : render::requiredGlyphs()) wanted += c;
  for (const char32_t c : U"éèêëàâçôûïœ«»—–“”‘’…€°±") {
    if (c != 0) {
      ASSERT_NE(wanted.find(c), std::u32string::npos) << "U+" << std::hex << static_cast<int>(c);
    }
  }
  for (const char32_t c : wanted) {
    const ImFontGlyph* glyph = (*font)->FindGlyphNoFallback(static_cast<ImWchar>(c));
    ASSERT_NE(glyph, nullptr) << "no glyph for U+" << std::hex << static_cast<int>(c);
    if (c == U' ' || c == U'\u00a0') continue;
    EXPECT_TRUE(glyph->Visible && glyph->X1 > glyph->X0 && glyph->Y1 > glyph->Y0)
        << "empty glyph for U+" << std::hex << static_cast<int>(c);
  }
}

TEST(UiFont, AMissingFontFileIsAnErrorNamingTheFileAndPackage) {
  ImFontAtlas atlas;
  auto font = render::addUiFont(atlas, 24.0F, "/nonexistent/DejaVuSans.ttf");
  ASSERT_FALSE(font.has_value());
  EXPECT_NE(font.error().message.find("/nonexistent/DejaVuSans.ttf"), std::string::npos);
  EXPECT_NE(font.error().message.find("fonts-dejavu-core"), std::string::npos);
  HudOptions options;
  options.fontFile = "/nonexistent/DejaVuSans.ttf";
  auto hud = Hud::create(options);
  ASSERT_FALSE(hud.has_value());
  EXPECT_NE(hud.error().message.find("fonts-dejavu-core"), std::string::npos);
}

TEST(PageText, LongTextWrapsIntoPagesAndKeepsEveryWord) {
  ImFontAtlas atlas;
  auto font = render::addUiFont(atlas, 26.0F, render::kDefaultFontFile);
  ASSERT_TRUE(font.has_value());
  atlas.Build();
  const std::string text =
      "Meet de afwezigheid van spanning op L1, L2, L3 en N, telkens tegen de aarde en tussen de "
      "fasen onderling, met de spanningstester die je net op de testbron hebt gecontroleerd; "
      "leg daarna de tester terug op de werkbank « rechts » — niet op de kast.";
  const auto paged = render::pageText(**font, text, 344.0F, 3);
  EXPECT_GT(paged.pages.size(), 1U);
  EXPECT_FALSE(paged.wordTooWide);
  std::string joined;
  for (const auto& page : paged.pages) {
    EXPECT_LE(page.size(), 3U);
    for (const auto& line : page) {
      EXPECT_LE((*font)->CalcTextSizeA(26.0F, FLT_MAX, 0.0F, line.c_str()).x, 344.5F) << line;
      joined += (joined.empty() ? "" : " ") + line;
    }
  }
  EXPECT_EQ(joined, text);
  EXPECT_TRUE(
      render::pageText(**font, "Spanningsafwezigheidscontroleprocedure", 120.0F, 3).wordTooWide);
}

TEST(HudStrings, EveryStringExistsInEachLanguageWithItsPlaceholdersFilled) {
  for (int i = 0; i < static_cast<int>(HudText::Count); ++i) {
    for (const auto language : kHudLanguages) {
      const auto text = hudText(static_cast<HudText>(i), language, {"7", "8", "9"});
      EXPECT_FALSE(text.empty()) << i << " " << language;
      EXPECT_EQ(text.find('{'), std::string::npos) << text;
    }
  }
  EXPECT_EQ(hudText(HudText::StepOfCount, "nl-BE", {"3", "8"}), "Stap 3 van 8");
  EXPECT_EQ(hudText(HudText::StepOfCount, "fr-BE", {"3", "8"}), "Étape 3 sur 8");
  EXPECT_EQ(hudText(HudText::StepOfCount, "en", {"3", "8"}), "Step 3 of 8");
  EXPECT_EQ(hudText(HudText::Resume, "de-DE"), "Resume");  // unknown: English
}

TEST(Hud, EscOpensThePauseMenuAndEnterResumes) {
  auto hud = Hud::create();
  ASSERT_TRUE(hud.has_value()) << hud.error().message;
  auto frame = (*hud)->frame(HudInput{}, stepState());
  EXPECT_FALSE((*hud)->paused());
  EXPECT_EQ(owners(frame.drawData).count("##menu"), 0U);
  frame = (*hud)->frame(keys({HudKey::Escape}), stepState());
  EXPECT_TRUE((*hud)->paused());
  EXPECT_TRUE(has(frame.actions, HudActionKind::Pause));
  EXPECT_TRUE(frame.wantsKeyboard);
  // ImGui sizes an auto-sized window in its first frame and shows it from the second.
  frame = (*hud)->frame(HudInput{}, stepState());
  EXPECT_EQ(owners(frame.drawData).count("##menu"), 1U);
  frame = (*hud)->frame(keys({HudKey::Enter}), stepState());
  HudInput release;
  release.keys.push_back(HudKeyEvent{.key = HudKey::Enter, .down = false});
  auto after = (*hud)->frame(release, stepState());
  const bool resumed =
      has(frame.actions, HudActionKind::Resume) || has(after.actions, HudActionKind::Resume);
  EXPECT_TRUE(resumed);
  EXPECT_FALSE((*hud)->paused());
}

TEST(Hud, F1ShowsTheControlsAndPausesUntilClosed) {
  auto hud = Hud::create();
  ASSERT_TRUE(hud.has_value());
  auto frame = (*hud)->frame(keys({HudKey::F1}), stepState());
  EXPECT_TRUE(has(frame.actions, HudActionKind::Pause));
  frame = (*hud)->frame(HudInput{}, stepState());
  EXPECT_EQ(owners(frame.drawData).count("##help"), 1U);
  frame = (*hud)->frame(keys({HudKey::Escape}), stepState());  // Esc closes the help first
  EXPECT_TRUE(has(frame.actions, HudActionKind::Resume));
  EXPECT_EQ(owners(frame.drawData).count("##help"), 0U);
  EXPECT_FALSE((*hud)->paused());
}

/// The vertices drawn behind the HUD's windows, where the crosshair is.
std::vector<ImDrawVert> background(const ImDrawData* data) {
  for (int i = 0; i < data->CmdListsCount; ++i) {
    const ImDrawList* list = data->CmdLists[i];
    if (list->_OwnerName != nullptr && std::string_view(list->_OwnerName) == "##Background") {
      return {list->VtxBuffer.begin(), list->VtxBuffer.end()};
    }
  }
  return {};
}

TEST(Hud, TheCrosshairMarksTheCentreAndShowsWhetherTheObjectIsWithinReach) {
  auto hud = Hud::create();
  ASSERT_TRUE(hud.has_value());
  HudState state = stepState();
  const auto drawn = [&](Crosshair crosshair, const HudInput& input = {}) {
    state.crosshair = crosshair;
    return background((*hud)->frame(input, state).drawData);
  };
  EXPECT_TRUE(drawn(Crosshair::Hidden).empty());
  const auto extent = [](const std::vector<ImDrawVert>& v) {
    glm::vec2 lo(1e9F);
    glm::vec2 hi(-1e9F);
    for (const auto& p : v) {
      lo = glm::min(lo, glm::vec2(p.pos.x, p.pos.y));
      hi = glm::max(hi, glm::vec2(p.pos.x, p.pos.y));
    }
    return std::pair{lo, hi};
  };
  const auto colours = [](const std::vector<ImDrawVert>& v) {
    std::set<ImU32> out;
    for (const auto& p : v) out.insert(p.col);
    return out;
  };
  const auto reach = drawn(Crosshair::InReach);
  const auto far = drawn(Crosshair::OutOfReach);
  ASSERT_FALSE(reach.empty());
  ASSERT_FALSE(far.empty());
  for (const auto& v : {reach, far}) {  // centred on the 1280x720 screen, small
    const auto [lo, hi] = extent(v);
    EXPECT_NEAR((lo.x + hi.x) * 0.5F, 640.0F, 1.0F);
    EXPECT_NEAR((lo.y + hi.y) * 0.5F, 360.0F, 1.0F);
    EXPECT_LT(hi.x - lo.x, 60.0F);
  }
  EXPECT_NE(colours(reach), colours(far)) << "within and out of reach look alike";
  EXPECT_GT(extent(reach).second.x, extent(far).second.x) << "within reach is the larger mark";
  // Not over the help (or a menu): it opens in one frame and the crosshair goes.
  EXPECT_TRUE(drawn(Crosshair::InReach, keys({HudKey::F1})).empty());
  EXPECT_TRUE(drawn(Crosshair::InReach).empty());
  (void)(*hud)->frame(keys({HudKey::Escape}), state);  // closes the help
  EXPECT_FALSE(drawn(Crosshair::InReach).empty());
  state.ended = true;
  EXPECT_TRUE(drawn(Crosshair::InReach).empty()) << "drawn over the end screen";
}

TEST(Hud, AFaultStaysUntilAcknowledged) {
  auto hud = Hud::create();
  ASSERT_TRUE(hud.has_value());
  HudState state = stepState();
  state.faults.push_back(HudFault{.message = "Je hebt de kast geopend zonder te vergrendelen.",
                                  .severity = scenario::Severity::Critical,
                                  .penalty = 20,
                                  .tick = 90});
  (void)(*hud)->frame(HudInput{}, state);  // sized in the first frame, shown from the second
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(owners((*hud)->frame(HudInput{}, state).drawData).count("##fault"), 1U) << i;
  }
  (void)(*hud)->frame(keys({HudKey::Enter}), state);
  EXPECT_EQ(owners((*hud)->frame(HudInput{}, state).drawData).count("##fault"), 0U);
  state.faults.push_back(HudFault{.message = "Nog een fout.",
                                  .severity = scenario::Severity::Minor,
                                  .penalty = 5,
                                  .tick = 200});
  (void)(*hud)->frame(HudInput{}, state);
  EXPECT_EQ(owners((*hud)->frame(HudInput{}, state).drawData).count("##fault"), 1U);
}

TEST(Hud, ClicksOnTheMenuChangeLanguageAndTextSize) {
  auto hud = Hud::create();
  ASSERT_TRUE(hud.has_value());
  (void)(*hud)->frame(keys({HudKey::Escape}), stepState());
  // Find the menu's buttons by clicking down its middle column until "English" reacts: the
  // layout is the HUD's own business, the test only needs a click to land on each row.
  bool language = false;
  bool size = false;
  for (float y = 100.0F; y < 700.0F && !(language && size); y += 6.0F) {
    for (const float x : {560.0F, 640.0F, 720.0F}) {
      HudInput press;
      press.mouse = glm::vec2(x, y);
      press.mouseDown[0] = true;
      (void)(*hud)->frame(press, stepState());
      HudInput up;
      up.mouse = glm::vec2(x, y);
      auto frame = (*hud)->frame(up, stepState());
      for (const auto& a : frame.actions) {
        if (a.kind == HudActionKind::SetLanguage) language = true;
        if (a.kind == HudActionKind::SetTextSize) size = true;
        ASSERT_NE(a.kind, HudActionKind::Quit) << "the scan reached Quit first";
      }
      if (!(*hud)->paused()) {  // Resume or Restart closed the menu: open it again
        (void)(*hud)->frame(keys({HudKey::Escape}), stepState());
        (void)(*hud)->frame(HudInput{}, stepState());
      }
    }
  }
  EXPECT_TRUE(language);
  EXPECT_TRUE(size);
}

TEST(Hud, AClickOnAPhraseInThePhraseMenuSaysIt) {
  auto hud = Hud::create();
  ASSERT_TRUE(hud.has_value());
  HudState state = stepState();
  state.phrases = {"Blijf op afstand!", "Bel 112!"};
  state.phraseTo = "Collega";
  (void)(*hud)->frame(HudInput{}, state);
  EXPECT_FALSE((*hud)->paused());
  const auto clickAt = [&](glm::vec2 at) {
    HudInput press;
    press.mouse = at;
    press.mouseDown[0] = true;
    (void)(*hud)->frame(press, state);
    HudInput up;
    up.mouse = at;
    return (*hud)->frame(up, state);
  };
  EXPECT_TRUE(clickAt({700.0F, 360.0F}).actions.empty()) << "closed, the menu takes no click";
  state.phraseMenu = true;
  (void)(*hud)->frame(HudInput{}, state);  // ImGui sizes a new window in its first frame
  // The menu sits beside the centre's cross: scan down its column for the phrases' buttons.
  std::set<int> said;
  bool overMenu = false;
  for (float y = 250.0F; y < 470.0F; y += 4.0F) {
    for (const float x : {720.0F, 780.0F}) {
      auto frame = clickAt({x, y});
      overMenu = overMenu || frame.wantsMouse;
      for (const auto& a : frame.actions) {
        ASSERT_EQ(a.kind, HudActionKind::SayPhrase);
        said.insert(a.phrase);
      }
    }
  }
  EXPECT_EQ(said, (std::set<int>{0, 1}));
  EXPECT_TRUE(overMenu) << "a click on the menu must not also reach the controls";
  EXPECT_FALSE((*hud)->paused()) << "talking does not stop the clock";
}

// The headset's phrase menu (B / Y): a panel in front of the eyes, titled with the person
// faced, one numbered phrase a line, the stick's choice marked.
TEST(VrPhrasePanel, TitlesThePersonFacedAndMarksTheChoiceInFrontOfTheEyes) {
  const auto package = scenario::loadScenarioPackage(std::filesystem::path(PRAXIS_SOURCE_DIR) /
                                                     "tests/app/fixtures/desktop-speech");
  ASSERT_TRUE(package.ok()) << package.diagnostics.format();
  SessionOptions options;
  options.language = "en";
  auto session = Session::create(*package.scenario, options);
  ASSERT_TRUE(session.has_value()) << session.error().message;
  (*session)->step(
      (*session)->initialInput());  // standing where the scenario starts, facing the colleague
  const render::Panel panel = phrasePanel(**session, 1);
  EXPECT_EQ(panel.title, "Say to Colleague:");
  EXPECT_NE(panel.body.find("   1  Call for help!\n> 2  Stand clear!"), std::string::npos)
      << panel.body;
  const core::Pose head = (*session)->lastInput().head;
  const core::Vec3 toPanel = panel.pose.position - head.position;
  EXPECT_GT(glm::dot(toPanel, head.forward()), 0.3F) << "in front of the eyes";
  EXPECT_LT(toPanel.y, 0.0F) << "a little below them";
  EXPECT_GT(glm::dot(panel.pose.orientation * core::Vec3(0, 0, 1), -head.forward()), 0.99F)
      << "facing the trainee";
}

TEST(Hud, KeepsTheCallersImGuiContextCurrent) {
  ImGuiContext* mine = ImGui::CreateContext();
  ImGui::SetCurrentContext(mine);
  {
    auto hud = Hud::create();
    ASSERT_TRUE(hud.has_value());
    EXPECT_EQ(ImGui::GetCurrentContext(), mine);
    (void)(*hud)->frame(HudInput{}, stepState());
    EXPECT_EQ(ImGui::GetCurrentContext(), mine);
  }
  EXPECT_EQ(ImGui::GetCurrentContext(), mine);
  ImGui::DestroyContext(mine);
}

TEST(Hud, AHiDpiScaleRebuildsLargerFontsAndPassesTheFramebufferScale) {
  auto hud = Hud::create();
  ASSERT_TRUE(hud.has_value());
  const int before = (*hud)->fonts().TexHeight * (*hud)->fonts().TexWidth;
  ASSERT_TRUE((*hud)->setContentScale(2.0F).has_value());
  EXPECT_GT((*hud)->fonts().TexHeight * (*hud)->fonts().TexWidth, before);
  HudInput input;
  input.displaySize = glm::vec2(640.0F, 360.0F);
  input.framebufferScale = glm::vec2(2.0F, 2.0F);
  const auto frame = (*hud)->frame(input, stepState());
  EXPECT_EQ(frame.drawData->FramebufferScale.x, 2.0F);
  EXPECT_EQ(frame.drawData->DisplaySize.x, 640.0F);
}

TEST(Hud, TheEndScreenListsTheResultAndOffersTheReport) {
  auto hud = Hud::create();
  ASSERT_TRUE(hud.has_value());
  HudState state = stepState();
  state.ended = true;
  state.outcome = scenario::Outcome::Failed;
  state.faults.push_back(HudFault{.message = "Niet vergrendeld.",
                                  .severity = scenario::Severity::Major,
                                  .penalty = 20,
                                  .tick = 10});
  (void)(*hud)->frame(HudInput{}, state);
  auto frame = (*hud)->frame(HudInput{}, state);
  EXPECT_EQ(owners(frame.drawData).count("##end"), 1U);
  EXPECT_EQ(owners(frame.drawData).count("##fault"), 0U);  // listed on the end screen instead
  EXPECT_EQ(owners(frame.drawData).count("##step"), 0U);
  EXPECT_TRUE(frame.wantsKeyboard);
  (void)(*hud)->frame(HudInput{}, state);
  // The report button has the keyboard focus: Enter opens the report.
  frame = (*hud)->frame(keys({HudKey::Enter}), state);
  HudInput release;
  release.keys.push_back(HudKeyEvent{.key = HudKey::Enter, .down = false});
  auto after = (*hud)->frame(release, state);
  EXPECT_TRUE(has(frame.actions, HudActionKind::OpenReport) ||
              has(after.actions, HudActionKind::OpenReport));
}

class ShippedHud : public ::testing::Test {
 protected:
  void SetUp() override {
    auto loaded = scenario::loadScenario(kShipped + "safe-isolation");
    ASSERT_TRUE(loaded.ok()) << loaded.diagnostics.format();
    def_ = std::move(*loaded.scenario);
    auto session = Session::create(def_, SessionOptions{});
    ASSERT_TRUE(session.has_value()) << session.error().message;
    session_ = std::move(*session);
  }
  scenario::ScenarioDef def_;
  std::unique_ptr<Session> session_;
};

TEST_F(ShippedHud, StateShowsStepNumberHumanTitleAndHintInTheChosenLanguage) {
  HudState nl = hudState(*session_, "nl-BE", "breaker_q1");
  EXPECT_EQ(nl.stepNumber, 1);
  EXPECT_EQ(nl.stepCount, 8);
  EXPECT_EQ(nl.stepTitle, "Uitschakelen");
  EXPECT_NE(nl.stepTitle, "switch_off");
  EXPECT_FALSE(nl.instruction.empty());
  EXPECT_TRUE(nl.hint.empty());
  EXPECT_FALSE(nl.hoveredLabel.empty());
  HudState fr = hudState(*session_, "fr-BE", "breaker_q1");
  EXPECT_EQ(fr.stepTitle, "Couper");
  EXPECT_NE(fr.instruction, nl.instruction);
  EXPECT_NE(fr.hoveredLabel, nl.hoveredLabel);
  // The first hint comes after 20 s without progress.
  const auto idle = session_->initialInput();
  for (int i = 0; i < 21 * core::kTicksPerSecond; ++i) session_->step(idle);
  EXPECT_FALSE(hudState(*session_, "en", "").hint.empty());
  EXPECT_NEAR(hudState(*session_, "en", "").elapsedSeconds, 21.0, 0.1);
}

/// The glyphs (textured quads: 4 vertices each) that the HUD window `owner` drew.
std::size_t drawnGlyphs(const ImDrawData* data, std::string_view owner, const ImFontAtlas& atlas) {
  std::size_t vertices = 0;
  for (int i = 0; i < data->CmdListsCount; ++i) {
    const ImDrawList* list = data->CmdLists[i];
    if (list->_OwnerName == nullptr || owner != list->_OwnerName) continue;
    for (const ImDrawVert& v : list->VtxBuffer) {
      // Shapes sample the atlas's white pixel; glyphs sample their own place in it.
      if (v.uv.x != atlas.TexUvWhitePixel.x || v.uv.y != atlas.TexUvWhitePixel.y) ++vertices;
    }
  }
  return vertices / 4;
}

TEST(Hud, ALongInstructionWrapsAndEveryLetterOfItIsDrawnWithinTheScreen) {
  auto hud = Hud::create();
  ASSERT_TRUE(hud.has_value());
  HudState state = stepState();
  std::string words;
  for (int i = 0; i < 12; ++i) words += "Controleer met de spanningstester alle geleiders. ";
  state.instruction = words;
  HudInput input;
  input.displaySize = glm::vec2(1280.0F, 720.0F);
  (void)(*hud)->frame(input, state);
  const auto frame = (*hud)->frame(input, state);
  const std::size_t letters = static_cast<std::size_t>(
      std::count_if(words.begin(), words.end(), [](char c) { return c != ' '; }));
  EXPECT_GE(drawnGlyphs(frame.drawData, "##step", (*hud)->fonts()), letters) << "no letter of it is cut";
  const float height = drawnHeight(frame.drawData, "##step");
  EXPECT_GT(height, 5.0F * 24.0F) << "it wraps over many lines";
  EXPECT_LE(height, 720.0F) << "and stays on the screen";
}

TEST_F(ShippedHud, TheTimerShowsTheElapsedTimeAgainstTheScenariosTimeLimit) {
  const HudState state = hudState(*session_, "en");
  ASSERT_TRUE(state.timeLimitSeconds.has_value());
  ASSERT_TRUE(def_.scoring.timeLimitSeconds.has_value());
  EXPECT_EQ(*state.timeLimitSeconds, *def_.scoring.timeLimitSeconds);
  auto hud = Hud::create();
  ASSERT_TRUE(hud.has_value());
  HudInput input;
  input.displaySize = glm::vec2(1280.0F, 720.0F);
  (void)(*hud)->frame(input, state);
  const auto frame = (*hud)->frame(input, state);
  // "Time  0:00 / 10:00" (or as long as the limit is): every glyph of it drawn.
  EXPECT_GE(drawnGlyphs(frame.drawData, "##time", (*hud)->fonts()), 10U);
}

TEST_F(ShippedHud, TheDesktopHudFollowsAContentScaleChangeAtRunTime) {
  // The window moved to a 200 % monitor: GLFW's content-scale callback becomes a
  // ContentScale event, and the desktop loop hands it to the HUD before its next frame.
  auto hud = DesktopHud::create(1.0F, "nl-BE");
  ASSERT_TRUE(hud.has_value()) << hud.error().message;
  const auto stepHeight = [&] {
    // ImGui sizes an auto-sized window in one frame and draws it from the next.
    (void)(*hud)->frame(*session_, glm::vec2(1600.0F, 900.0F), glm::vec2(1.0F), 0.016, "");
    return drawnHeight((*hud)->frame(*session_, glm::vec2(1600.0F, 900.0F), glm::vec2(1.0F), 0.016, "").drawData,
                       "##step");
  };
  const float before = stepHeight();
  ASSERT_GT(before, 0.0F);
  ASSERT_TRUE((*hud)->setContentScale(2.0F).has_value());
  EXPECT_EQ((*hud)->contentScale(), 2.0F);
  const float after = stepHeight();
  EXPECT_GT(after, 1.6F * before) << before << " -> " << after;
  // And back: the same panel as before the change.
  ASSERT_TRUE((*hud)->setContentScale(1.0F).has_value());
  EXPECT_NEAR(stepHeight(), before, 1.0F);
}

TEST_F(ShippedHud, TheInstructionPanelIsTitledWithNumberAndTitleAndNeverCoversTheHighlight) {
  const auto feedback = session_->feedback();
  const scene::Scene& scene = session_->scene();
  ASSERT_FALSE(feedback.highlight.empty());
  const auto target = scene.find(feedback.highlight.front());
  ASSERT_TRUE(target.has_value());
  // Look straight at the highlighted breaker from 1.2 m: the default place (low right) would
  // hide nothing, so also look from where the breaker sits low and right of the view.
  const core::Vec3 at = scene.at(*target).worldPose.position;
  for (const core::Vec3 offset : {core::Vec3(0.0F, 0.0F, 1.2F), core::Vec3(-0.34F, 0.2F, 1.2F),
                                  core::Vec3(0.34F, 0.2F, 1.2F), core::Vec3(0.0F, -0.3F, 1.2F)}) {
    core::Pose head;
    head.position = at + offset;
    const core::Vec3 look =
        glm::normalize(at + core::Vec3(-offset.x, -offset.y, 0.0F) - head.position);
    head.orientation = glm::quatLookAt(look, {0, 1, 0});
    auto panel = instructionPanel(def_, feedback, scene, head, "nl-BE", 0.0);
    ASSERT_TRUE(panel.has_value());
    EXPECT_EQ(panel->title, "1 · Uitschakelen");
    EXPECT_FALSE(panelCovers(head, panel->pose, panel->sizeMetres, scene.at(*target)))
        << "offset " << offset.x << "," << offset.y;
  }
  auto later = instructionPanel(def_, feedback, scene, core::Pose{}, "en", kPanelPageSeconds * 2.5);
  ASSERT_TRUE(later.has_value());
  EXPECT_EQ(later->page, 2U);
}

/// VR's text size (--text-size): the instruction panel grows by the factor and keeps its
/// texture size, so the layout (line breaks, pages) is the same and the text is larger.
TEST_F(ShippedHud, TheVrTextSizeScalesTheInstructionPanelAndKeepsItsLayout) {
  FrameOptions options;
  options.eyes = Eyes::Both;
  options.panelAnchor = session_->initialInput().head;
  const render::FrameInput normal = buildFrame(*session_, options);
  options.panelScale = 1.5F;
  const render::FrameInput large = buildFrame(*session_, options);
  ASSERT_EQ(normal.panels.size(), 1U);
  ASSERT_EQ(large.panels.size(), 1U);
  const render::Panel& a = normal.panels.front();
  const render::Panel& b = large.panels.front();
  EXPECT_FLOAT_EQ(b.sizeMetres.x, 1.5F * a.sizeMetres.x);
  EXPECT_FLOAT_EQ(b.sizeMetres.y, 1.5F * a.sizeMetres.y);
  EXPECT_NEAR(b.sizeMetres.x * static_cast<float>(b.pixelsPerMetre),
              a.sizeMetres.x * static_cast<float>(a.pixelsPerMetre), 2.0F)
      << "the same texture width in pixels: the same line breaks";
  EXPECT_EQ(b.body, a.body);
  EXPECT_EQ(b.page, a.page);
}

TEST(PanelText, ValidateWarnsAboutTextThatDoesNotFitTheDefaultPanel) {
  const std::string yaml = R"(praxis: 1
id: long-text
version: 1.0.0
title: {nl-BE: Lang, fr-BE: Long, en: Long}
languages: [nl-BE, fr-BE, en]
objects:
  - id: box
    shape: box
    size: [0.2, 0.2, 0.2]
    target: true
steps:
  - id: one
    title: {nl-BE: Kort, fr-BE: Court, en: Short}
    instruction:
      nl-BE: Druk op de knop.
      fr-BE: Appuyez sur le bouton.
      en: "Press the button, then read this very long instruction that goes on and on about the box, its colour, its size, where it stands and what you must never do with it, because a panel only holds a few lines."
    done_when: {touched: {target: box}}
scoring:
  pass: 5
)";
  auto loaded = scenario::loadScenarioText(yaml, "long/scenario.yaml", "long");
  ASSERT_TRUE(loaded.ok()) << loaded.diagnostics.format();
  scenario::Diagnostics diagnostics;
  ASSERT_TRUE(checkPanelText(*loaded.scenario, diagnostics).has_value());
  const std::string text = diagnostics.format();
  EXPECT_EQ(diagnostics.warningCount(), 1U) << text;
  EXPECT_NE(text.find("long/scenario.yaml:15:"), std::string::npos) << text;
  EXPECT_NE(text.find("step 'one' instruction (en) needs"), std::string::npos) << text;
}

}  // namespace
}  // namespace praxis::app
