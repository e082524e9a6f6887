// The desktop HUD: a screen-space Dear ImGui overlay with the step, its instruction, hints,
// faults, the time, the label under the cursor, help (F1), the pause menu (Esc) and the end
// screen. Plain input in, ImGui draw data and a list of actions out: no GLFW, no Vulkan, so
// tests and the autopilot drive it exactly as a person's mouse and keys do.
//
// Each frame:   HudFrame f = hud.frame(input, hudState(session, language, hovered));
//               frameInput.overlay = f.drawData;   // drawn after the scene pass
//               for (auto& a : f.actions) ...      // the front end carries them out
#pragma once

#include <array>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/controls_help.h"
#include "app/hud_strings.h"
#include "core/math.h"
#include "core/result.h"
#include "core/sim_time.h"
#include "render/ui_font.h"
#include "scenario/attempt.h"

struct ImDrawData;
struct ImGuiContext;
struct ImFont;
struct ImFontAtlas;

namespace praxis::app {

class Session;

enum class TextSize { Small, Normal, Large };

enum class HudKey { Escape, F1, Enter, Space, Tab, Up, Down, Left, Right };
struct HudKeyEvent {
  HudKey key = HudKey::Enter;
  bool down = true;  // false: released
};

/// One frame of plain input, in the window's screen coordinates (GLFW's window size and
/// cursor position); framebufferScale turns them into pixels (2 on a HiDPI display).
struct HudInput {
  glm::vec2 displaySize{1280.0F, 720.0F};
  glm::vec2 framebufferScale{1.0F, 1.0F};
  std::optional<glm::vec2> mouse;                      // unset: no pointer (keyboard only)
  std::array<bool, 3> mouseDown{false, false, false};  // left, right, middle: held now
  float wheel = 0.0F;                                  // scroll this frame, + is away from the user
  std::vector<HudKeyEvent> keys;                       // key changes since the last frame
  double deltaSeconds = 1.0 / 60.0;
};

/// A fault raised so far, in the chosen language.
struct HudFault {
  std::string message;
  scenario::Severity severity = scenario::Severity::Major;
  int penalty = 0;
  core::Tick tick = 0;
};

/// The mark at the screen's centre, where the captured cursor points (desktop controls):
/// hidden without them, and while a menu, the help or the end screen is open.
enum class Crosshair {
  Hidden,
  Idle,       // nothing under it
  InReach,    // a click takes, presses or touches what is under it
  OutOfReach  // what is under it is beyond arm's reach: step closer
};

/// What the HUD shows: plain data built from a Session by hudState(), or by a test.
struct HudState {
  std::string language = "nl-BE";
  std::string scenarioTitle;
  int stepNumber = 0;  // 1-based position of the active step; 0 once ended
  int stepCount = 0;
  int stepsDone = 0;
  std::string stepTitle;  // the step's human title ("" when it has none); never its id
  std::string instruction;
  std::string hint;              // the latest hint of this step, "" before any
  std::vector<HudFault> faults;  // every fault so far, oldest first
  double elapsedSeconds = 0.0;
  std::optional<double> timeLimitSeconds;
  std::string hoveredLabel;  // the label of the object under the cursor, "" for none
  std::string notice;        // a control message ("Too far away to reach: step closer.")
  Crosshair crosshair = Crosshair::Hidden;  // with it, the label sits beside the centre
  // Format 2: the phrases the trainee can say, in the language and the scenario's order; the
  // menu (desktop: T) is open, and the label of the person faced ("" for nobody).
  std::vector<std::string> phrases;
  bool phraseMenu = false;
  std::string phraseTo;
  // Once ended:
  bool ended = false;
  scenario::Outcome outcome = scenario::Outcome::Failed;
  scenario::EndReason endReason = scenario::EndReason::Aborted;
  int score = 0;
  int maxScore = 0;
  int passScore = 0;
};

/// The HUD's state of `session` in `language`; `hoveredObject` is the object id under the
/// cursor ("" for none).
[[nodiscard]] HudState hudState(const Session& session, std::string_view language,
                                std::string_view hoveredObject = {});

enum class HudActionKind {
  Pause,        // a menu or the help opened: stop the simulation tick
  Resume,       // it closed: go on
  Restart,      // a new attempt of the same scenario
  SetLanguage,  // HudAction::language; the next HudState is built in it
  SetTextSize,  // HudAction::textSize (the HUD already uses it; persist it if you like)
  Quit,         // abort the attempt (reported as aborted) and close
  OpenReport,   // write the HTML report of the ended attempt and open it
  SayPhrase,    // HudAction::phrase was clicked in the phrase menu
};
struct HudAction {
  HudActionKind kind = HudActionKind::Resume;
  std::string language;
  TextSize textSize = TextSize::Normal;
  int phrase = -1;  // SayPhrase: the index into HudState::phrases
};

struct HudFrame {
  const ImDrawData* drawData = nullptr;  // valid until the next frame(); FrameInput::overlay
  std::vector<HudAction> actions;
  bool wantsMouse = false;     // the pointer is over the HUD: do not turn clicks into grabs
  bool wantsKeyboard = false;  // a menu, the help or the end screen has the keys
};

struct HudOptions {
  std::filesystem::path fontFile{render::kDefaultFontFile};
  std::filesystem::path boldFontFile{render::kDefaultBoldFontFile};
  float contentScale = 1.0F;  // WindowTarget::contentScale(): text is sized in pixels by it
  TextSize textSize = TextSize::Normal;
  KeyLabels keyLabels;  // the keyboard layout's names for the help (controls_help.h)
};

class Hud {
 public:
  /// Fails, naming the file and package, when the font cannot be read.
  [[nodiscard]] static core::Result<std::unique_ptr<Hud>> create(HudOptions options = {});
  ~Hud();
  Hud(const Hud&) = delete;
  Hud& operator=(const Hud&) = delete;

  /// Lays out one frame. Saves and restores ImGui's current context, so it can run between
  /// other ImGui users (the renderer's panels, an editor).
  [[nodiscard]] HudFrame frame(const HudInput& input, const HudState& state);

  /// A menu or the help is open (the front end should not tick the simulation).
  [[nodiscard]] bool paused() const;
  [[nodiscard]] TextSize textSize() const { return options_.textSize; }
  /// Rebuilds the fonts for a new content scale (the window moved to another monitor).
  [[nodiscard]] core::Result<void> setContentScale(float scale);
  [[nodiscard]] float contentScale() const { return options_.contentScale; }
  /// The font atlas (tests check its glyphs).
  [[nodiscard]] const ImFontAtlas& fonts() const;

  struct Fonts;

 private:
  explicit Hud(HudOptions options);
  [[nodiscard]] core::Result<void> buildFonts();
  void feed(const HudInput& input);
  void handleKeys(const HudInput& input, const HudState& state, std::vector<HudAction>& actions);
  void drawStep(const HudState& state);
  void drawTimer(const HudState& state);
  void drawHovered(const HudInput& input, const HudState& state);
  void drawFault(const HudState& state);
  void drawCrosshair(const HudState& state) const;
  void drawHelp(const HudState& state, std::vector<HudAction>& actions);
  void drawMenu(const HudState& state, std::vector<HudAction>& actions);
  void drawPhraseMenu(const HudState& state, std::vector<HudAction>& actions);
  void drawEnd(const HudState& state, std::vector<HudAction>& actions);
  void setOverlay(bool menu, bool help, std::vector<HudAction>& actions);
  [[nodiscard]] float em() const;
  [[nodiscard]] float stepPanelWidth() const;

  HudOptions options_;
  ImGuiContext* imgui_ = nullptr;  // owned (destroyed in ~Hud), with its own font atlas
  std::unique_ptr<Fonts> fonts_;
  bool menuOpen_ = false;
  bool helpOpen_ = false;
  bool focusMenu_ = false;  // move keyboard focus into a window that just opened
  std::size_t acknowledgedFaults_ = 0;
};

}  // namespace praxis::app
