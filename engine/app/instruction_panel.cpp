// The instruction panel: title, paging, placement away from highlighted objects; and the
// panel-text check of `praxis validate`.
#include "app/instruction_panel.h"

#include <imgui.h>

#include <algorithm>
#include <array>
#include <cfloat>
#include <cmath>

#include "render/ui_font.h"

namespace praxis::app {
namespace {

constexpr float kPanelDistance = 0.7F;     // metres in front of the eyes
constexpr std::size_t kMaxTitleLines = 2;  // more leaves the instruction too little room

struct Rect {
  glm::vec2 lo{FLT_MAX};
  glm::vec2 hi{-FLT_MAX};
  [[nodiscard]] bool overlaps(const Rect& o) const {
    return lo.x < o.hi.x && o.lo.x < hi.x && lo.y < o.hi.y && o.lo.y < hi.y;
  }
};

}  // namespace

std::string stepPanelTitle(const scenario::ScenarioDef& def, std::string_view stepId,
                           std::string_view language) {
  for (std::size_t i = 0; i < def.steps.size(); ++i) {
    if (def.steps[i].id != stepId) continue;
    std::string title = std::to_string(i + 1);
    if (const auto& name = def.steps[i].title.in(language); !name.empty()) title += " · " + name;
    return title;
  }
  return {};
}

bool panelCovers(const core::Pose& head, const core::Pose& pose, glm::vec2 sizeMetres,
                 const scene::Entity& entity) {
  // Everything in head space, projected onto the plane at the panel's distance.
  const core::Pose toHead = head.inverse();
  const core::Vec3 centre = toHead.apply(pose.position);
  if (centre.z >= -0.01F) return false;
  const float distance = -centre.z;
  const Rect panel{glm::vec2(centre) - sizeMetres * 0.5F, glm::vec2(centre) + sizeMetres * 0.5F};
  const core::Vec3 half = entity.visual.shape.halfExtents();
  Rect object;
  float nearest = FLT_MAX;
  for (int corner = 0; corner < 8; ++corner) {
    const core::Vec3 local((corner & 1) != 0 ? half.x : -half.x,
                           (corner & 2) != 0 ? half.y : -half.y,
                           (corner & 4) != 0 ? half.z : -half.z);
    const core::Vec3 p = toHead.apply(entity.worldPose.apply(local));
    if (p.z >= -0.01F)
      return false;  // the object reaches behind the eyes: it surrounds the trainee
    const glm::vec2 onPlane = glm::vec2(p) * (distance / -p.z);
    object.lo = glm::min(object.lo, onPlane);
    object.hi = glm::max(object.hi, onPlane);
    nearest = std::min(nearest, -p.z);
  }
  return nearest > distance && panel.overlaps(object);
}

std::optional<render::Panel> instructionPanel(const scenario::ScenarioDef& def,
                                              const scenario::Feedback& feedback,
                                              const scene::Scene& scene, const core::Pose& head,
                                              std::string_view language, double secondsOnStep) {
  if (feedback.ended || feedback.instruction == nullptr) return std::nullopt;
  render::Panel panel;
  panel.title = stepPanelTitle(def, feedback.stepId, language);
  panel.body = feedback.instruction->in(language);
  panel.sizeMetres = kInstructionPanelMetres;
  panel.pixelsPerMetre = kInstructionPanelPixelsPerMetre;
  panel.page = static_cast<std::uint32_t>(std::max(0.0, secondsOnStep) / kPanelPageSeconds);
  const std::array<core::Vec3, 5> places{
      core::Vec3(0.2F, -0.12F, -kPanelDistance), core::Vec3(-0.2F, -0.12F, -kPanelDistance),
      core::Vec3(0.2F, 0.14F, -kPanelDistance), core::Vec3(-0.2F, 0.14F, -kPanelDistance),
      core::Vec3(0.0F, -0.26F, -kPanelDistance)};
  panel.pose = core::Pose{head.apply(places[0]), head.orientation};
  for (const auto& place : places) {
    const core::Pose pose{head.apply(place), head.orientation};
    const bool covers =
        std::any_of(feedback.highlight.begin(), feedback.highlight.end(), [&](const auto& id) {
          const auto entity = scene.find(id);
          return entity && panelCovers(head, pose, panel.sizeMetres, scene.at(*entity));
        });
    if (!covers) {
      panel.pose = pose;
      break;
    }
  }
  return panel;
}

core::Result<void> checkPanelText(const scenario::ScenarioDef& def,
                                  scenario::Diagnostics& diagnostics) {
  ImFontAtlas atlas;
  auto body = render::addUiFont(atlas, render::kPanelFontPixels, render::kDefaultFontFile);
  if (!body) return std::unexpected(body.error());
  auto bold = render::addUiFont(atlas, render::kPanelFontPixels, render::kDefaultBoldFontFile);
  if (!bold) return std::unexpected(bold.error());
  atlas.Build();
  const glm::vec2 pixels =
      kInstructionPanelMetres * static_cast<float>(kInstructionPanelPixelsPerMetre);
  const float width = render::panelTextBox(pixels.x, pixels.y, 0).width;
  for (const auto& step : def.steps) {
    for (const auto& [language, text] : step.instruction.all()) {
      const auto titleLines =
          render::pageText(**bold, stepPanelTitle(def, step.id, language), width, 1000)
              .pages.front()
              .size();
      const auto box = render::panelTextBox(pixels.x, pixels.y, static_cast<int>(titleLines));
      const auto paged = render::pageText(**body, text, box.width, box.lines);
      const auto& span = scenario::spanOf(step.fields, "instruction", step.span);
      if (paged.wordTooWide) {
        diagnostics.warning(span, "step '" + step.id + "' instruction (" + language +
                                      "): a word is wider than the instruction panel");
      }
      if (paged.pages.size() > 1) {
        diagnostics.warning(span, "step '" + step.id + "' instruction (" + language + ") needs " +
                                      std::to_string(paged.pages.size()) +
                                      " pages on the default panel (" + std::to_string(box.lines) +
                                      " lines fit): shorten it or split the step");
      }
    }
    for (const auto& [language, text] : step.title.all()) {
      const auto lines =
          render::pageText(**bold, stepPanelTitle(def, step.id, language), width, 1000)
              .pages.front()
              .size();
      if (lines > kMaxTitleLines) {
        diagnostics.warning(scenario::spanOf(step.fields, "title", step.span),
                            "step '" + step.id + "' title (" + language + ") takes " +
                                std::to_string(lines) + " lines on the default panel (at most " +
                                std::to_string(kMaxTitleLines) + "): keep it short");
      }
    }
  }
  return {};
}

}  // namespace praxis::app
