#include "app/editor_template.h"

#include <fstream>
#include <regex>
#include <sstream>

#include "core/paths.h"

namespace praxis::app {
namespace {

constexpr const char* kScenario = R"(# yaml-language-server: $schema=../schema/scenario.schema.json
# A new scenario from the Praxis editor's template: replace the table and the button with your
# own objects, and the step with your procedure (docs/editor.md, docs/scenario-format.md).
praxis: 1
id: @ID@
version: 0.1.0
title:
  nl-BE: Nieuw scenario
  fr-BE: Nouveau scénario
  en: New scenario
languages: [nl-BE, fr-BE, en]

trainee:
  position: [0, 0, 0.8]
  facing: 0

objects:
  - id: floor
    shape: plane
    size: [8, 8]
    colour: "#9a9a94"
    collider: true

  - id: table
    label: {nl-BE: Tafel, fr-BE: Table, en: Table}
    shape: box
    size: [1.2, 0.75, 0.6]
    pos: [0, 0.375, 0]
    colour: "#b08d62"
    collider: true

  - id: start_button
    label: {nl-BE: Startknop, fr-BE: Bouton de démarrage, en: Start button}
    parent: table
    shape: cylinder
    size: [0.06, 0.03]
    pos: [0, 0.39, 0.1]
    colour: "#2f9e44"
    button: true

steps:
  - id: press_start
    title: {nl-BE: Starten, fr-BE: Démarrer, en: Start}
    instruction:
      nl-BE: Druk op de groene startknop op de tafel.
      fr-BE: Appuyez sur le bouton de démarrage vert sur la table.
      en: Press the green start button on the table.
    highlight: [start_button]
    done_when: {state: {object: start_button, is: pressed}}
    points: 10

scoring:
  pass: 10
)";

constexpr const char* kReference = R"(# yaml-language-server: $schema=../../schema/trainee-test.schema.json
# The reference solution: what a trainee who does everything right does.
name: reference solution
reference: true
language: nl-BE
actions:
  - press: start_button
expect:
  outcome: passed
  steps: [press_start]
)";

}  // namespace

core::Result<void> createFromTemplate(const std::filesystem::path& dir, const std::string& id) {
  if (!std::regex_match(id, std::regex("[a-z0-9-]+"))) {
    return core::fail("'", id, "' is not a scenario id (lower-case letters, digits and '-')");
  }
  if (std::filesystem::exists(dir / "scenario.yaml")) {
    return core::fail(dir.string(), " already holds a scenario.yaml");
  }
  std::error_code ec;
  std::filesystem::create_directories(dir / "tests", ec);
  if (ec) return core::fail("cannot create ", (dir / "tests").string(), ": ", ec.message());
  std::string text = kScenario;
  text.replace(text.find("@ID@"), 4, id);
  if (auto written = core::writeFileAtomic(dir / "scenario.yaml", text); !written) return written;
  return core::writeFileAtomic(dir / "tests" / "reference.yaml", kReference);
}

core::Result<std::string> copyModelIntoPackage(const std::filesystem::path& dir,
                                               const std::filesystem::path& source) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(source, ec)) return core::fail(source.string(), ": no such file");
  const std::filesystem::path target = dir / "assets" / source.filename();
  std::filesystem::create_directories(target.parent_path(), ec);
  if (ec) return core::fail("cannot create ", target.parent_path().string(), ": ", ec.message());
  const auto bytes = [](const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
  };
  const std::string content = bytes(source);
  if (std::filesystem::exists(target) && bytes(target) != content) {
    return core::fail(target.string(), " exists with other content: rename the model first");
  }
  if (!std::filesystem::exists(target)) {
    if (auto written = core::writeFileAtomic(target, content); !written) return std::unexpected(written.error());
  }
  return "assets/" + source.filename().string();
}

}  // namespace praxis::app
