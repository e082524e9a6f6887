#include "app/editor_widgets.h"

#include <imgui.h>

#include <algorithm>
#include <cstring>

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
