// The bottom panel: live validation (each message selects its cause), the translation table
// (nl-BE, fr-BE and en side by side, missing ones marked, a filter on missing) and the
// scripted tests with their results.
#include <imgui.h>

#include "app/editor_widgets.h"
#include "app/headless.h"

namespace praxis::app {
namespace {

const ImVec4 kError{0.95F, 0.40F, 0.32F, 1.0F};
const ImVec4 kWarning{0.95F, 0.75F, 0.30F, 1.0F};
const ImVec4 kGood{0.45F, 0.85F, 0.55F, 1.0F};

bool within(const core::SourceSpan& outer, const core::SourceSpan& inner) {
  return outer.end > outer.begin && inner.begin >= outer.begin && inner.begin < outer.end;
}

/// Selects the object, step or fault whose text holds the diagnostic's position.
void selectCause(PanelContext& c, const scenario::Diagnostic& d) {
  const auto& def = c.doc.def();
  c.ui.selectedObject.clear();
  c.ui.selectedStep.clear();
  c.ui.selectedFault.clear();
  for (const auto& o : def.objects) {
    if (within(o.span, d.span)) {
      c.ui.selectedObject = o.id;
      c.ui.scrollOutlinerToSelection = true;
      return;
    }
  }
  for (const auto& s : def.steps) {
    if (within(s.span, d.span)) {
      c.ui.selectedStep = s.id;
      return;
    }
  }
  for (const auto& f : def.faults) {
    if (within(f.span, d.span)) {
      c.ui.selectedFault = f.id;
      return;
    }
  }
}

void validationTab(PanelContext& c) {
  const auto& all = c.doc.diagnostics().all();
  if (all.empty()) {
    ImGui::TextColored(kGood, "No problems: the scenario validates.");
    return;
  }
  for (std::size_t i = 0; i < all.size(); ++i) {
    const auto& d = all[i];
    ImGui::PushID(static_cast<int>(i));
    ImGui::TextColored(d.level == scenario::Diagnostic::Error ? kError : kWarning, "%s",
                       d.level == scenario::Diagnostic::Error ? "error  " : "warning");
    ImGui::SameLine();
    const std::string where = std::to_string(d.span.line) + ":" + std::to_string(d.span.column);
    const std::string text = where + "  " + d.message;
    if (ImGui::Selectable(text.c_str(), false)) selectCause(c, d);
    ImGui::PopID();
  }
}

/// Every text a trainee sees, with the command target that changes it.
struct TextRow {
  std::string what;
  const core::LocalizedText* text;
  std::string target;
  std::string path;
};

std::vector<TextRow> textRows(const scenario::ScenarioDef& def) {
  std::vector<TextRow> rows;
  rows.push_back({"scenario title", &def.meta.title, "scenario", "title"});
  if (!def.meta.description.empty()) rows.push_back({"scenario description", &def.meta.description, "scenario", "description"});
  for (const auto& o : def.objects) {
    if (!o.label.empty()) rows.push_back({"object " + o.id + " label", &o.label, "objects/" + o.id, "label"});
  }
  for (const auto& s : def.steps) {
    if (!s.title.empty()) rows.push_back({"step " + s.id + " title", &s.title, "steps/" + s.id, "title"});
    rows.push_back({"step " + s.id + " instruction", &s.instruction, "steps/" + s.id, "instruction"});
    for (std::size_t h = 0; h < s.hints.size(); ++h) {
      rows.push_back({"step " + s.id + " hint " + std::to_string(h + 1), &s.hints[h].text,
                      "steps/" + s.id + "/hints/" + std::to_string(h), "text"});
    }
  }
  for (const auto& f : def.faults) rows.push_back({"fault " + f.id + " message", &f.message, "faults/" + f.id, "message"});
  return rows;
}

void translationsTab(PanelContext& c) {
  const auto languages = languagesOf(c.doc.def());
  auto rows = textRows(c.doc.def());
  std::size_t missing = 0;
  for (const auto& r : rows) {
    for (const auto& l : languages) missing += r.text->has(l) ? 0 : 1;
  }
  ImGui::Checkbox("Only rows with a missing translation", &c.ui.onlyMissing);
  ImGui::SameLine();
  ImGui::TextColored(missing > 0 ? kWarning : kGood, "%zu missing", missing);
  if (c.ui.onlyMissing) {
    std::erase_if(rows, [&](const TextRow& r) {
      return std::all_of(languages.begin(), languages.end(), [&](const auto& l) { return r.text->has(l); });
    });
  }
  const int columns = static_cast<int>(languages.size()) + 1;
  if (!ImGui::BeginTable("texts", columns, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV |
                                               ImGuiTableFlags_ScrollY | ImGuiTableFlags_Resizable)) {
    return;
  }
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn("text", ImGuiTableColumnFlags_WidthFixed, 190.0F);
  for (const auto& l : languages) ImGui::TableSetupColumn(l.c_str());
  ImGui::TableHeadersRow();
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(rows.size()));
  while (clipper.Step()) {
    for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
      const TextRow& row = rows[static_cast<std::size_t>(r)];
      ImGui::PushID(r);
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextDisabled("%s", row.what.c_str());
      for (const auto& l : languages) {
        ImGui::TableNextColumn();
        ImGui::PushID(l.c_str());
        const bool has = row.text->has(l);
        if (!has) ImGui::PushStyleColor(ImGuiCol_FrameBg, ImVec4(0.45F, 0.22F, 0.12F, 1.0F));
        ImGui::SetNextItemWidth(-1.0F);
        std::string value;
        if (editText(c.ui, has ? "##t" : "##missing", has ? row.text->all().at(l) : std::string(), value)) {
          applyCommand(c, {{"op", "set_text"}, {"target", row.target}, {"path", row.path}, {"lang", l}, {"value", value}});
        }
        if (!has) ImGui::PopStyleColor();
        ImGui::PopID();
      }
      ImGui::PopID();
    }
  }
  ImGui::EndTable();
}

void runTests(PanelContext& c) {
  c.ui.testResults.clear();
  for (const auto& t : c.doc.tests()) {
    EditorTestResult r{.name = t.name, .file = t.file, .passed = false, .problems = {}};
    auto run = runScript(c.doc.def(), t);
    if (!run) {
      r.problems.push_back(run.error().message);
    } else {
      r.problems = checkExpectations(t.expect, *run);
      if (run->scriptError) r.problems.push_back(run->scriptError->message);
      r.passed = r.problems.empty();
    }
    c.ui.testResults.push_back(std::move(r));
  }
  c.ui.testsRun = true;
}

void testsTab(PanelContext& c) {
  const bool clicked = ImGui::Button("Run the scripted tests");
  recordWidget(c.ui, "tests/run");
  if (clicked || c.ui.runTests) {
    c.ui.runTests = false;
    runTests(c);
  }
  ImGui::SameLine();
  ImGui::TextDisabled("%zu test(s) in tests/", c.doc.tests().size());
  if (!c.ui.testsRun) return;
  for (const auto& r : c.ui.testResults) {
    ImGui::TextColored(r.passed ? kGood : kError, "%s", r.passed ? "PASS" : "FAIL");
    ImGui::SameLine();
    ImGui::Text("%s  (%s)", r.name.c_str(), r.file.c_str());
    for (const auto& p : r.problems) ImGui::BulletText("%s", p.c_str());
  }
}

}  // namespace

void drawBottomTabs(PanelContext& c) {
  ImGui::SetNextWindowPos(ImVec2(kLeftWidth, c.display.y - kStatusHeight - kBottomHeight));
  ImGui::SetNextWindowSize(ImVec2(c.display.x - kLeftWidth - kRightWidth, kBottomHeight));
  ImGui::Begin("##bottom", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
  if (ImGui::BeginTabBar("tabs")) {
    const auto tab = [&c](const char* name, EditorTab which, auto draw) {
      const ImGuiTabItemFlags flags = c.ui.tabChanged && c.ui.tab == which ? ImGuiTabItemFlags_SetSelected : 0;
      if (ImGui::BeginTabItem(name, nullptr, flags)) {
        if (!c.ui.tabChanged) c.ui.tab = which;
        draw(c);
        ImGui::EndTabItem();
      }
    };
    const std::string validation = "Validation (" + std::to_string(c.doc.diagnostics().size()) + ")###validation";
    tab(validation.c_str(), EditorTab::Validation, validationTab);
    tab("Translations", EditorTab::Translations, translationsTab);
    tab("Tests", EditorTab::Tests, testsTab);
    c.ui.tabChanged = false;
    ImGui::EndTabBar();
  }
  ImGui::End();
}

}  // namespace praxis::app
