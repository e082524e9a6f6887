// The world-space instruction panel (VR, `praxis snapshot`): titled with the step's number
// and human title, paged when the instruction is long, and placed where it does not cover
// what the step highlights. Also the check behind `praxis validate`'s panel-text warnings.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/math.h"
#include "core/result.h"
#include "render/frame_input.h"
#include "scenario/attempt.h"
#include "scenario/definition.h"
#include "scenario/diagnostics.h"
#include "scene/scene.h"

namespace praxis::app {

/// The default instruction panel: 36 x 20 cm at 1000 px/m, 70 cm in front of the eyes.
inline constexpr glm::vec2 kInstructionPanelMetres{0.36F, 0.2F};
inline constexpr std::uint32_t kInstructionPanelPixelsPerMetre = 1000;
/// A long instruction turns its page this often (VR trainees cannot scroll a panel).
inline constexpr double kPanelPageSeconds = 8.0;

/// "3 · Lock out": the step's 1-based number and its title in `language` (the number alone
/// when the step has no title). Never the step id.
[[nodiscard]] std::string stepPanelTitle(const scenario::ScenarioDef& def, std::string_view stepId,
                                         std::string_view language);

/// The instruction panel of the active step, or nothing once the attempt ended. `head` is
/// where the trainee looks from; the panel goes low right of the view, or to the first other
/// place (low left, high right, high left, low centre) where it hides no highlighted entity.
[[nodiscard]] std::optional<render::Panel> instructionPanel(
    const scenario::ScenarioDef& def, const scenario::Feedback& feedback, const scene::Scene& scene,
    const core::Pose& head, std::string_view language, double secondsOnStep);

/// Whether a panel at `pose` with `sizeMetres`, seen from `head`, covers part of `entity`
/// (in front of it, overlapping its silhouette's bounding rectangle).
[[nodiscard]] bool panelCovers(const core::Pose& head, const core::Pose& pose, glm::vec2 sizeMetres,
                               const scene::Entity& entity);

/// Warns (file:line:col) for each step title or instruction, in each language, that does
/// not fit the default instruction panel: a title wider than one line, a word wider than
/// the panel, or an instruction that needs more than one page. Fails only when the UI font
/// cannot be read.
[[nodiscard]] core::Result<void> checkPanelText(const scenario::ScenarioDef& def,
                                                scenario::Diagnostics& diagnostics);

}  // namespace praxis::app
