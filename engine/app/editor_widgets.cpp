#include "app/editor_widgets.h"

#include <imgui.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <optional>

namespace praxis::app {

bool editText(EditorMode::Ui& ui, const char* label, const std::string& current, std::string& out,
              bool multiline) {
  const ImGuiID id = ImGui::GetID(label);
  auto& buffer = ui.buffers[id];
  // While the field is not being typed in, it shows the document's text.
  if (ui.activeText != id || buffer.empty()) {
    buffer.assign(std::max<std::size_t>(current.size() + 1024, 2048), '\0');
    std::memcpy(buffer.data(), current.data(), current.size());
  }
  if (multiline) {
    ImGui::InputTextMultiline(label, buffer.data(), buffer.size(),
                              ImVec2(-1.0F, ImGui::GetTextLineHeight() * 3.6F));
  } else {
    ImGui::InputText(label, buffer.data(), buffer.size());
  }
  if (ImGui::IsItemActive()) {
    ui.activeText = id;
  } else if (ui.activeText == id) {
    ui.activeText = 0;
  }
  if (!ImGui::IsItemDeactivatedAfterEdit()) return false;
  out = buffer.data();
  return out != current;
}

std::vector<std::string> languagesOf(const scenario::ScenarioDef& def) {
  if (!def.meta.languages.empty()) return def.meta.languages;
  return core::kRequiredLanguages;
}

void editTexts(PanelContext& c, const char* label, const core::LocalizedText& text,
               const std::string& target, const std::string& path, bool multiline) {
  ImGui::PushID(label);
  ImGui::TextUnformatted(label);
  for (const auto& lang : languagesOf(c.doc.def())) {
    ImGui::PushID(lang.c_str());
    const bool missing = !text.has(lang);
    if (missing) {
      ImGui::TextColored(ImVec4(0.95F, 0.55F, 0.30F, 1.0F), "%-6s missing", lang.c_str());
    } else {
      ImGui::TextDisabled("%-6s", lang.c_str());
    }
    ImGui::SameLine(64.0F);
    ImGui::SetNextItemWidth(-1.0F);
    std::string value;
    const std::string current = missing ? std::string() : text.all().at(lang);
    const bool edited = editText(c.ui, "##t", current, value, multiline);
    recordWidget(c.ui, target + "/" + path + "/" + lang);
    if (edited) {
      applyCommand(c, {{"op", "set_text"}, {"target", target}, {"path", path}, {"lang", lang}, {"value", value}});
    }
    ImGui::PopID();
  }
  ImGui::PopID();
}

namespace {

/// `text` as a number, or nothing when it is not one (or not whole when `integer`).
std::optional<double> parseNumber(const std::string& text, bool integer) {
  const std::size_t b = text.find_first_not_of(' ');
  const std::size_t e = text.find_last_not_of(' ');
  if (b == std::string::npos) return std::nullopt;
  double value = 0.0;
  const auto [ptr, ec] = std::from_chars(text.data() + b, text.data() + e + 1, value);
  if (ec != std::errc() || ptr != text.data() + e + 1 || !std::isfinite(value)) return std::nullopt;
  if (integer && value != std::floor(value)) return std::nullopt;
  return value;
}

}  // namespace

void editNumber(PanelContext& c, const char* label, double current, const std::string& target,
                const std::string& path, bool integer) {
  std::array<char, 32> shown{};
  std::snprintf(shown.data(), shown.size(), "%g", current);
  std::string typed;
  const bool edited = editText(c.ui, label, shown.data(), typed);
  recordWidget(c.ui, target + "/" + path);
  if (!edited) return;
  const auto value = parseNumber(typed, integer);
  if (!value) {
    c.ui.status = "'" + typed + "' is not " + (integer ? "a whole number" : "a number") + " (" + path + ")";
    return;
  }
  // A whole number is written as the author would type it: 2, not 2.0.
  const bool whole = *value == std::floor(*value) && std::abs(*value) < 1e9;
  const auto json = whole ? nlohmann::ordered_json(static_cast<long long>(*value)) : nlohmann::ordered_json(*value);
  applyCommand(c, {{"op", "set"}, {"target", target}, {"path", path}, {"value", json}});
}

void editFlag(PanelContext& c, const char* label, bool current, const std::string& target, const std::string& path) {
  bool on = current;
  const bool clicked = ImGui::Checkbox(label, &on);
  recordWidget(c.ui, target + "/" + path);
  if (clicked) applyCommand(c, {{"op", "set"}, {"target", target}, {"path", path}, {"value", on}});
}

bool editVec3(EditorMode::Ui& ui, const char* label, const core::Vec3& current, core::Vec3& out,
              float speed, const char* format) {
  const ImGuiID id = ImGui::GetID(label);
  // While dragged, the field keeps its own value: the document changes when the drag ends.
  if (ui.activeVec3 != id) ui.vec3 = current;
  ImGui::DragFloat3(label, &ui.vec3.x, speed, 0.0F, 0.0F, format);
  if (ImGui::IsItemActive()) {
    ui.activeVec3 = id;
  } else if (ui.activeVec3 == id) {
    ui.activeVec3 = 0;
  }
  if (!ImGui::IsItemDeactivatedAfterEdit()) return false;
  out = ui.vec3;
  return true;
}

void recordWidget(EditorMode::Ui& ui, std::string key) {
  const ImVec2 a = ImGui::GetItemRectMin();
  const ImVec2 b = ImGui::GetItemRectMax();
  ui.widgetRects[std::move(key)] = glm::vec4(a.x, a.y, b.x, b.y);
}

bool pickId(const char* label, const std::string& current, const std::vector<std::string>& choices,
            std::string& out, const char* none) {
  const char* shown = current.empty() && none != nullptr ? none : current.c_str();
  bool picked = false;
  if (ImGui::BeginCombo(label, shown)) {
    if (none != nullptr && ImGui::Selectable(none, current.empty())) {
      out.clear();
      picked = true;
    }
    ImGuiListClipper clipper;  // 2,000 objects: only the visible rows
    clipper.Begin(static_cast<int>(choices.size()));
    while (clipper.Step()) {
      for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
        const auto& choice = choices[static_cast<std::size_t>(i)];
        if (ImGui::Selectable(choice.c_str(), choice == current)) {
          out = choice;
          picked = true;
        }
      }
    }
    ImGui::EndCombo();
  }
  return picked && out != current;
}

std::vector<std::string> objectIds(const scenario::ScenarioDef& def,
                                   const std::function<bool(const scenario::ObjectDef&)>& keep) {
  std::vector<std::string> ids;
  for (const auto& o : def.objects) {
    if (keep(o)) ids.push_back(o.id);
  }
  return ids;
}

}  // namespace praxis::app
