// Internal to the HUD: its fonts and colours, shared by hud.cpp and hud_screens.cpp.
#pragma once

#include <imgui.h>

#include <array>

#include "app/hud.h"

namespace praxis::app {

/// Regular, bold and heading (1.5x bold) fonts for each TextSize, owned by the HUD's atlas.
struct Hud::Fonts {
  std::array<ImFont*, 3> regular{};
  std::array<ImFont*, 3> bold{};
  std::array<ImFont*, 3> heading{};
};

namespace detail {

/// The Normal text size in pixels at content scale 1: readable at arm's length on a laptop.
inline constexpr float kBaseTextPixels = 24.0F;

// Okabe-Ito colours (distinct for colour-blind trainees) and the title yellow.
inline const ImVec4 kSkyBlue{0.34F, 0.71F, 0.91F, 1.0F};
inline const ImVec4 kTitleYellow{1.0F, 0.85F, 0.30F, 1.0F};
inline const ImVec4 kVermillion{0.90F, 0.40F, 0.05F, 1.0F};
inline const ImVec4 kFaultBackground{0.45F, 0.06F, 0.02F, 0.97F};
inline const ImVec4 kPassGreen{0.0F, 0.75F, 0.55F, 1.0F};

}  // namespace detail
}  // namespace praxis::app
