// The HUD's screens, top to bottom as the trainee sees them: the step panel (top left), the
// time (top right), the label under the cursor, a fault that waits to be acknowledged, the
// F1 help, the Esc pause menu and the end screen.
#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <utility>

#include "app/controls_help.h"
#include "app/hud_detail.h"

namespace praxis::app {
namespace {

constexpr ImGuiWindowFlags kFixed = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                    ImGuiWindowFlags_NoSavedSettings |
                                    ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav;

std::string clock(double seconds) {
  const auto total = static_cast<int>(std::max(0.0, std::floor(seconds)));
  char text[16];
  std::snprintf(text, sizeof(text), "%02d:%02d", total / 60, total % 60);
  return text;
}

void wrapped(const std::string& text) {
  ImGui::PushTextWrapPos(0.0F);
  ImGui::TextUnformatted(text.c_str());
  ImGui::PopTextWrapPos();
}

void coloured(const ImVec4& colour, const std::string& text) {
  ImGui::PushStyleColor(ImGuiCol_Text, colour);
  wrapped(text);
  ImGui::PopStyleColor();
}

/// A window centred on the display, `widthEm` wide (at most 90 % of the display), opaque,
/// over the rest of the HUD and the scene dimmed: a menu reads on its own.
void centredWindow(float widthEm, float em) {
  const ImGuiIO& io = ImGui::GetIO();
  ImGui::SetNextWindowPos(ImVec2(0.0F, 0.0F));
  ImGui::SetNextWindowSize(io.DisplaySize);
  ImGui::PushStyleColor(ImGuiCol_WindowBg, ImVec4(0.0F, 0.0F, 0.0F, 0.6F));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0.0F);
  ImGui::Begin("##dim", nullptr, kFixed | ImGuiWindowFlags_NoInputs);
  ImGui::End();
  ImGui::PopStyleVar();
  ImGui::PopStyleColor();
  ImGui::SetNextWindowBgAlpha(1.0F);
  const float width = std::min(widthEm * em, io.DisplaySize.x * 0.9F);
  ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5F, io.DisplaySize.y * 0.5F),
                          ImGuiCond_Always, ImVec2(0.5F, 0.5F));
  ImGui::SetNextWindowSizeConstraints(ImVec2(width, 0.0F), ImVec2(width, io.DisplaySize.y * 0.9F));
}

/// Makes the item just submitted the keyboard focus of a window that is appearing, shown
/// as such, so Enter presses it. (ImGui 1.86 hides the focus until an arrow key is used,
/// and a hidden focus does not take Enter.)
void focusForKeyboard() {
  ImGui::SetItemDefaultFocus();
  ImGui::GetCurrentContext()->NavDisableHighlight = false;
}

bool wideButton(const std::string& label) {
  return ImGui::Button(label.c_str(), ImVec2(-FLT_MIN, 0.0F));
}

/// A row of equally wide buttons; `current` is drawn pressed (none when out of range) and
/// the first gets the keyboard focus when `focusFirst`. Returns the index clicked, or -1.
int choiceRow(const std::vector<std::string>& labels, std::size_t current,
              bool focusFirst = false) {
  int clicked = -1;
  const float spacing = ImGui::GetStyle().ItemSpacing.x;
  const float width =
      (ImGui::GetContentRegionAvail().x - spacing * static_cast<float>(labels.size() - 1)) /
      static_cast<float>(labels.size());
  for (std::size_t i = 0; i < labels.size(); ++i) {
    if (i > 0) ImGui::SameLine();
    const bool selected = i == current;
    if (selected)
      ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
    if (selected) ImGui::PushStyleColor(ImGuiCol_Border, detail::kTitleYellow);
    if (ImGui::Button(labels[i].c_str(), ImVec2(width, 0.0F))) clicked = static_cast<int>(i);
    if (selected) ImGui::PopStyleColor(2);
    if (i == 0 && focusFirst) focusForKeyboard();
  }
  return clicked;
}

std::string severityText(scenario::Severity severity, std::string_view language) {
  switch (severity) {
    case scenario::Severity::Minor: return hudText(HudText::Fault, language);
    case scenario::Severity::Major: return hudText(HudText::FaultMajor, language);
    case scenario::Severity::Critical: return hudText(HudText::FaultCritical, language);
  }
  return hudText(HudText::Fault, language);
}

HudText endReasonText(scenario::EndReason reason) {
  switch (reason) {
    case scenario::EndReason::Completed: return HudText::EndCompleted;
    case scenario::EndReason::CriticalFault: return HudText::EndCriticalFault;
    case scenario::EndReason::TimeLimit: return HudText::EndTimeLimit;
    case scenario::EndReason::Aborted: return HudText::EndAborted;
  }
  return HudText::EndAborted;
}

}  // namespace

float Hud::stepPanelWidth() const {
  return std::min(ImGui::GetIO().DisplaySize.x * 0.46F, 28.0F * em());
}

void Hud::drawStep(const HudState& state) {
  const ImGuiIO& io = ImGui::GetIO();
  const auto size = static_cast<std::size_t>(options_.textSize);
  const float margin = 0.6F * em();
  const float width = stepPanelWidth();
  ImGui::SetNextWindowPos(ImVec2(margin, margin));
  // Fixed width, height to fit: the instruction wraps and is never cut (past the bottom of
  // the screen the panel scrolls).
  ImGui::SetNextWindowSizeConstraints(ImVec2(width, 0.0F),
                                      ImVec2(width, io.DisplaySize.y - 4.0F * em()));
  ImGui::Begin("##step", nullptr, kFixed | ImGuiWindowFlags_AlwaysAutoResize);
  std::string title =
      state.stepNumber > 0
          ? hudText(HudText::StepOfCount, state.language,
                    {std::to_string(state.stepNumber), std::to_string(state.stepCount)})
          : std::string();
  if (!state.stepTitle.empty()) title += " · " + state.stepTitle;
  ImGui::PushFont(fonts_->bold[size]);
  coloured(detail::kTitleYellow, title);
  ImGui::PopFont();
  const float done = state.stepCount > 0
                         ? static_cast<float>(state.stepsDone) / static_cast<float>(state.stepCount)
                         : 0.0F;
  ImGui::ProgressBar(done, ImVec2(-FLT_MIN, 0.35F * em()), "");
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  ImGui::TextUnformatted(hudText(HudText::StepsDone, state.language,
                                 {std::to_string(state.stepsDone), std::to_string(state.stepCount)})
                             .c_str());
  ImGui::PopStyleColor();
  ImGui::Separator();
  wrapped(state.instruction);
  if (!state.hint.empty()) {
    ImGui::Spacing();
    ImGui::PushFont(fonts_->bold[size]);
    coloured(detail::kSkyBlue, hudText(HudText::Hint, state.language));
    ImGui::PopFont();
    wrapped(state.hint);
  }
  ImGui::End();

  // The keys to help and menu, small, bottom left.
  ImGui::SetNextWindowPos(ImVec2(margin, io.DisplaySize.y - margin), ImGuiCond_Always,
                          ImVec2(0.0F, 1.0F));
  ImGui::Begin("##keys", nullptr,
               kFixed | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoInputs);
  ImGui::TextUnformatted(hudText(HudText::HelpAndMenu, state.language).c_str());
  ImGui::End();
}

void Hud::drawTimer(const HudState& state) {
  const ImGuiIO& io = ImGui::GetIO();
  const float margin = 0.6F * em();
  ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x - margin, margin), ImGuiCond_Always,
                          ImVec2(1.0F, 0.0F));
  ImGui::Begin("##time", nullptr,
               kFixed | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoInputs);
  std::string text = hudText(HudText::Time, state.language) + "  " + clock(state.elapsedSeconds);
  bool late = false;
  if (state.timeLimitSeconds) {
    text += " / " + clock(*state.timeLimitSeconds);
    late = *state.timeLimitSeconds - state.elapsedSeconds <
           std::max(60.0, *state.timeLimitSeconds * 0.2);
  }
  ImGui::PushFont(fonts_->bold[static_cast<std::size_t>(options_.textSize)]);
  ImGui::PushStyleColor(ImGuiCol_Text, late ? detail::kVermillion : ImVec4(1.0F, 1.0F, 1.0F, 1.0F));
  ImGui::TextUnformatted(text.c_str());  // one line: an auto-sized window would wrap it per letter
  ImGui::PopStyleColor();
  ImGui::PopFont();
  ImGui::End();
}

void Hud::drawHovered(const HudInput& input, const HudState& state) {
  const ImGuiIO& io = ImGui::GetIO();
  if (!state.notice.empty()) {  // what the controls say (too far to reach): bottom centre
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5F, io.DisplaySize.y - 0.6F * em()),
                            ImGuiCond_Always, ImVec2(0.5F, 1.0F));
    ImGui::SetNextWindowSizeConstraints(ImVec2(0.0F, 0.0F),
                                        ImVec2(io.DisplaySize.x * 0.5F, FLT_MAX));
    ImGui::Begin("##notice", nullptr,
                 kFixed | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoInputs);
    ImGui::PushFont(fonts_->bold[static_cast<std::size_t>(options_.textSize)]);
    ImGui::PushStyleColor(ImGuiCol_Text, detail::kTitleYellow);
    ImGui::TextUnformatted(state.notice.c_str());
    ImGui::PopStyleColor();
    ImGui::PopFont();
    ImGui::End();
  }
  if (state.hoveredLabel.empty()) return;
  // Beside the pointer; with the cursor captured the pointer is the centre (the captured
  // cursor's position means nothing); without one (keyboard selection) at the bottom centre.
  if (state.crosshair != Crosshair::Hidden) {
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5F + 1.2F * em(),
                                   io.DisplaySize.y * 0.5F + 1.2F * em()),
                            ImGuiCond_Always);
  } else if (input.mouse) {
    const ImVec2 at(input.mouse->x + 1.2F * em(), input.mouse->y + 1.2F * em());
    const ImVec2 pivot(at.x > io.DisplaySize.x * 0.75F ? 1.0F : 0.0F,
                       at.y > io.DisplaySize.y * 0.85F ? 1.0F : 0.0F);
    ImGui::SetNextWindowPos(at, ImGuiCond_Always, pivot);
  } else {
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5F, io.DisplaySize.y - 3.6F * em()),
                            ImGuiCond_Always, ImVec2(0.5F, 1.0F));
  }
  ImGui::Begin("##hovered", nullptr,
               kFixed | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoInputs);
  ImGui::TextUnformatted(state.hoveredLabel.c_str());
  ImGui::End();
}

void Hud::drawCrosshair(const HudState& state) const {
  if (state.crosshair == Crosshair::Hidden) return;
  // Behind the HUD's windows, outlined so it shows on a white wall as on a dark floor. In
  // reach: a bright yellow cross with a ring (a click acts); out of reach or over nothing: a
  // small grey cross (a click would only say "step closer").
  const ImGuiIO& io = ImGui::GetIO();
  const ImVec2 c(std::round(io.DisplaySize.x * 0.5F), std::round(io.DisplaySize.y * 0.5F));
  const bool reach = state.crosshair == Crosshair::InReach;
  const float arm = (reach ? 0.45F : 0.3F) * em();
  const float gap = 0.12F * em();
  const float width = std::max(1.5F, 0.08F * em());
  const ImU32 colour = reach ? ImGui::GetColorU32(detail::kTitleYellow)
                             : (state.crosshair == Crosshair::OutOfReach ? IM_COL32(175, 175, 175, 255)
                                                                         : IM_COL32(235, 235, 235, 230));
  const ImU32 outline = IM_COL32(0, 0, 0, 210);
  ImDrawList* list = ImGui::GetBackgroundDrawList();
  for (const auto& [thickness, col] : {std::pair{width + 3.0F, outline}, std::pair{width, colour}}) {
    list->AddLine(ImVec2(c.x - arm, c.y), ImVec2(c.x - gap, c.y), col, thickness);
    list->AddLine(ImVec2(c.x + gap, c.y), ImVec2(c.x + arm, c.y), col, thickness);
    list->AddLine(ImVec2(c.x, c.y - arm), ImVec2(c.x, c.y - gap), col, thickness);
    list->AddLine(ImVec2(c.x, c.y + gap), ImVec2(c.x, c.y + arm), col, thickness);
    if (reach) list->AddCircle(c, arm * 0.75F, col, 24, thickness);
  }
}

void Hud::drawFault(const HudState& state) {
  if (acknowledgedFaults_ >= state.faults.size()) return;
  const HudFault& fault = state.faults.back();
  const ImGuiIO& io = ImGui::GetIO();
  // Top right, beside the step panel and under the time: it never hides the instruction
  // (the trainee needs both), and the renderer's vermillion flash draws the eye to it.
  const float margin = 0.6F * em();
  const float width =
      std::max(std::min(30.0F * em(), io.DisplaySize.x - stepPanelWidth() - 3.0F * margin),
               io.DisplaySize.x * 0.4F);
  ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x - margin, margin + 2.6F * em()), ImGuiCond_Always,
                          ImVec2(1.0F, 0.0F));
  ImGui::SetNextWindowSizeConstraints(ImVec2(width, 0.0F), ImVec2(width, io.DisplaySize.y * 0.6F));
  ImGui::PushStyleColor(ImGuiCol_WindowBg, detail::kFaultBackground);
  ImGui::PushStyleColor(ImGuiCol_Border, detail::kVermillion);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0.2F * em());
  ImGui::Begin("##fault", nullptr,
               (kFixed & ~ImGuiWindowFlags_NoNav) | ImGuiWindowFlags_AlwaysAutoResize);
  const auto size = static_cast<std::size_t>(options_.textSize);
  ImGui::PushFont(fonts_->heading[size]);
  std::string title = "✗ " + severityText(fault.severity, state.language);
  if (const auto waiting = state.faults.size() - acknowledgedFaults_; waiting > 1) {
    title += "  (+" + std::to_string(waiting - 1) + ")";
  }
  wrapped(title);
  ImGui::PopFont();
  wrapped(fault.message);
  ImGui::Spacing();
  if (wideButton(hudText(HudText::Acknowledge, state.language))) {
    acknowledgedFaults_ = state.faults.size();
  }
  ImGui::End();
  ImGui::PopStyleVar();
  ImGui::PopStyleColor(2);
}

void Hud::drawHelp(const HudState& state, std::vector<HudAction>& actions) {
  centredWindow(40.0F, em());
  ImGui::Begin("##help", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize);
  const auto size = static_cast<std::size_t>(options_.textSize);
  ImGui::PushFont(fonts_->heading[size]);
  coloured(detail::kTitleYellow, hudText(HudText::Controls, state.language));
  ImGui::PopFont();
  if (ImGui::BeginTable("controls", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH)) {
    ImGui::TableSetupColumn("keys", ImGuiTableColumnFlags_WidthFixed, 9.0F * em());
    ImGui::TableSetupColumn("action", ImGuiTableColumnFlags_WidthStretch);
    for (const auto& row : controlsHelp(state.language)) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::PushFont(fonts_->bold[size]);
      wrapped(relabelKeys(row.keys, options_.keyLabels));
      ImGui::PopFont();
      ImGui::TableNextColumn();
      wrapped(std::string(row.action));
    }
    ImGui::EndTable();
  }
  ImGui::Spacing();
  if (wideButton(hudText(HudText::CloseHelp, state.language)))
    setOverlay(menuOpen_, false, actions);
  ImGui::End();
}

void Hud::drawMenu(const HudState& state, std::vector<HudAction>& actions) {
  if (helpOpen_) return;  // the help is on top; Esc or F1 closes it first
  centredWindow(24.0F, em());
  if (focusMenu_) ImGui::SetNextWindowFocus();
  ImGui::Begin("##menu", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize);
  const auto size = static_cast<std::size_t>(options_.textSize);
  const std::string& lang = state.language;
  ImGui::PushFont(fonts_->heading[size]);
  coloured(detail::kTitleYellow, hudText(HudText::Paused, lang));
  ImGui::PopFont();
  const bool resume = wideButton(hudText(HudText::Resume, lang));
  if (ImGui::IsWindowAppearing()) focusForKeyboard();  // Enter resumes; arrows move down
  focusMenu_ = false;
  if (wideButton(hudText(HudText::Restart, lang))) {
    actions.push_back(HudAction{.kind = HudActionKind::Restart,
                                .language = {},
                                .textSize = options_.textSize,
                                .phrase = -1});
    setOverlay(false, false, actions);
  }
  ImGui::Spacing();
  ImGui::TextUnformatted(hudText(HudText::Language, lang).c_str());
  std::vector<std::string> names;
  std::size_t current = 0;
  for (std::size_t i = 0; i < std::size(kHudLanguages); ++i) {
    names.emplace_back(languageName(kHudLanguages[i]));
    if (languageName(lang) == names.back()) current = i;
  }
  if (const int chosen = choiceRow(names, current); chosen >= 0) {
    actions.push_back(HudAction{.kind = HudActionKind::SetLanguage,
                                .language = std::string(kHudLanguages[chosen]),
                                .textSize = options_.textSize,
                                .phrase = -1});
  }
  ImGui::TextUnformatted(hudText(HudText::TextSize, lang).c_str());
  const std::vector<std::string> sizes{hudText(HudText::TextSmall, lang),
                                       hudText(HudText::TextNormal, lang),
                                       hudText(HudText::TextLarge, lang)};
  if (const int chosen = choiceRow(sizes, size); chosen >= 0) {
    options_.textSize = static_cast<TextSize>(chosen);
    actions.push_back(HudAction{.kind = HudActionKind::SetTextSize,
                                .language = {},
                                .textSize = options_.textSize,
                                .phrase = -1});
  }
  ImGui::Spacing();
  ImGui::Separator();
  ImGui::PushStyleColor(ImGuiCol_Button, detail::kFaultBackground);
  const bool quit = wideButton(hudText(HudText::Quit, lang));
  ImGui::PopStyleColor();
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  wrapped(hudText(HudText::QuitCountsAsStopped, lang));
  ImGui::PopStyleColor();
  ImGui::End();
  if (resume) setOverlay(false, false, actions);
  if (quit)
    actions.push_back(HudAction{
        .kind = HudActionKind::Quit, .language = {}, .textSize = options_.textSize, .phrase = -1});
}

// The phrase menu: beside the crosshair, where the person spoken to stands (one faces whom one
// speaks to), numbered as the keys that choose each phrase; a click chooses too.
void Hud::drawPhraseMenu(const HudState& state, std::vector<HudAction>& actions) {
  const ImGuiIO& io = ImGui::GetIO();
  ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5F + 2.0F * em(), io.DisplaySize.y * 0.5F),
                          ImGuiCond_Always, ImVec2(0.0F, 0.5F));
  ImGui::SetNextWindowSizeConstraints(ImVec2(0.0F, 0.0F),
                                      ImVec2(io.DisplaySize.x * 0.45F, FLT_MAX));
  ImGui::Begin("##phrases", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize |
                   ImGuiWindowFlags_NoFocusOnAppearing);
  const std::string& lang = state.language;
  ImGui::PushFont(fonts_->bold[static_cast<std::size_t>(options_.textSize)]);
  // Unwrapped: an auto-sized window would take a frame's height from text wrapped at no width.
  const std::string title = state.phraseTo.empty()
                                ? hudText(HudText::Say, lang)
                                : hudText(HudText::SayTo, lang, {state.phraseTo});
  ImGui::TextColored(detail::kTitleYellow, "%s", title.c_str());
  ImGui::PopFont();
  for (std::size_t i = 0; i < state.phrases.size(); ++i) {
    // Numbered as the keys that choose them (a scenario has at most nine phrases).
    if (ImGui::Button(
            (std::to_string(i + 1) + "  " + state.phrases[i] + "##phrase" + std::to_string(i))
                .c_str())) {
      actions.push_back(HudAction{.kind = HudActionKind::SayPhrase,
                                  .language = {},
                                  .textSize = options_.textSize,
                                  .phrase = static_cast<int>(i)});
    }
  }
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  ImGui::TextUnformatted(hudText(HudText::SayCancel, lang).c_str());
  ImGui::PopStyleColor();
  ImGui::End();
}

void Hud::drawEnd(const HudState& state, std::vector<HudAction>& actions) {
  centredWindow(34.0F, em());
  ImGui::SetNextWindowFocus();
  ImGui::Begin("##end", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize);
  const auto size = static_cast<std::size_t>(options_.textSize);
  const std::string& lang = state.language;
  const bool passed = state.outcome == scenario::Outcome::Passed;
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  wrapped(state.scenarioTitle);
  ImGui::PopStyleColor();
  ImGui::PushFont(fonts_->heading[size]);
  coloured(passed ? detail::kPassGreen : detail::kVermillion,
           (passed ? "✓ " : "✗ ") + hudText(passed ? HudText::Passed : HudText::NotPassed, lang));
  ImGui::PopFont();
  wrapped(hudText(endReasonText(state.endReason), lang));
  ImGui::PushFont(fonts_->bold[size]);
  wrapped(hudText(HudText::ScoreLine, lang,
                  {std::to_string(state.score), std::to_string(state.maxScore),
                   std::to_string(state.passScore)}));
  ImGui::PopFont();
  const float fraction =
      state.maxScore > 0
          ? std::clamp(static_cast<float>(state.score) / static_cast<float>(state.maxScore), 0.0F,
                       1.0F)
          : 0.0F;
  ImGui::PushStyleColor(ImGuiCol_PlotHistogram, passed ? detail::kPassGreen : detail::kVermillion);
  ImGui::ProgressBar(fraction, ImVec2(-FLT_MIN, 0.5F * em()), "");
  ImGui::PopStyleColor();
  ImGui::Separator();
  ImGui::PushFont(fonts_->bold[size]);
  ImGui::TextUnformatted(hudText(HudText::Mistakes, lang).c_str());
  ImGui::PopFont();
  if (state.faults.empty()) wrapped(hudText(HudText::NoMistakes, lang));
  for (const auto& fault : state.faults) {
    coloured(
        fault.severity == scenario::Severity::Critical ? detail::kVermillion : detail::kTitleYellow,
        "• " + severityText(fault.severity, lang) +
            (fault.penalty > 0
                 ? "  " + hudText(HudText::PenaltyPoints, lang, {std::to_string(fault.penalty)})
                 : std::string()));
    ImGui::Indent(1.2F * em());
    wrapped(fault.message);
    ImGui::Unindent(1.2F * em());
  }
  ImGui::Spacing();
  // The report first, with the keyboard focus: Enter opens it.
  constexpr HudActionKind kButtons[] = {HudActionKind::OpenReport, HudActionKind::Restart,
                                        HudActionKind::Quit};
  const int clicked = choiceRow({hudText(HudText::OpenReport, lang),
                                 hudText(HudText::Restart, lang), hudText(HudText::Close, lang)},
                                SIZE_MAX, ImGui::IsWindowAppearing());
  if (clicked >= 0) {
    actions.push_back(HudAction{
        .kind = kButtons[clicked], .language = {}, .textSize = options_.textSize, .phrase = -1});
  }
  ImGui::End();
}

}  // namespace praxis::app
