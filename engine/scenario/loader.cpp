// The loading boundary: files → text → yaml-cpp (whose exceptions stop here) → readers →
// validator. Every failure becomes a Diagnostic with the file's name.
#include "scenario/loader.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>
#include <system_error>

#include "scenario/readers.h"
#include "scenario/validator.h"
#include "scenario/yaml_guard.h"
#include "scenario/yaml_tree.h"

namespace praxis::scenario {
namespace {

namespace fs = std::filesystem;
using detail::Field;
using detail::Reader;

std::string displayName(const fs::path& path) { return path.lexically_normal().generic_string(); }

/// The file's bytes, or nothing after reporting why not (missing, unreadable, too large).
std::optional<std::string> readFile(const fs::path& path, const LoadLimits& limits, Diagnostics& out) {
  const SourceSpan where{displayName(path)};
  std::error_code ec;
  if (!fs::exists(path, ec)) {
    out.error(where, "file not found");
    return std::nullopt;
  }
  if (!fs::is_regular_file(path, ec)) {
    out.error(where, "not a regular file");
    return std::nullopt;
  }
  const auto size = fs::file_size(path, ec);
  if (!ec && size > limits.maxBytes) {
    out.error(where, "file is too large (" + std::to_string(size) + " bytes; the limit is " +
                         std::to_string(limits.maxBytes) + ")");
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    out.error(where, std::string("cannot open: ") + std::strerror(errno));
    return std::nullopt;
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return std::move(buffer).str();
}

}  // namespace

namespace detail {

std::optional<YAML::Node> parse(std::string_view text, const std::string& file, const LoadLimits& limits,
                                Diagnostics& out) {
  if (text.size() > limits.maxBytes) {
    out.error(SourceSpan{file}, "file is too large (" + std::to_string(text.size()) + " bytes; the limit is " +
                                    std::to_string(limits.maxBytes) + ")");
    return std::nullopt;
  }
  if (auto bad = detail::findNonUtf8(text)) {
    char byte[8];
    std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned char>(text[bad->offset]));
    out.error(SourceSpan{file, bad->line, bad->column, bad->offset, bad->offset + 1},
              std::string("the file is not UTF-8 text (byte ") + byte +
                  " here); save it as UTF-8 in the editor");
    return std::nullopt;
  }
  // yaml-cpp's parser recurses once per nesting level; refuse absurd nesting before it does.
  if (auto deep = detail::findExcessiveNesting(text, limits.maxDepth)) {
    out.error(SourceSpan{file, deep->line, deep->column, deep->offset, deep->offset},
              "the document nests deeper than " + std::to_string(limits.maxDepth) + " levels");
    return std::nullopt;
  }
  if (auto second = detail::findSecondDocument(text)) {
    out.error(SourceSpan{file, second->line, second->column, second->offset, second->offset},
              "a file holds one YAML document; remove this second one (or the `---` before it)");
    return std::nullopt;
  }
  try {
    YAML::Node doc = YAML::Load(std::string(text));
    if (doc.IsNull()) {
      out.error(SourceSpan{file}, "the file is empty");
      return std::nullopt;
    }
    return doc;
  } catch (const YAML::Exception& e) {
    SourceSpan at{file};
    std::string message = "YAML syntax error: " + e.msg;
    if (!e.mark.is_null() && e.mark.line >= 0) {
      const auto pos = std::min(static_cast<std::size_t>(std::max(e.mark.pos, 0)), text.size());
      at = SourceSpan{file, e.mark.line + 1, e.mark.column + 1, pos, pos};
      // yaml-cpp notices an unclosed [ or { only where the document ends up not making sense;
      // point at the bracket itself, where the fix goes.
      if (e.msg.find("flow not found") != std::string::npos) {
        if (auto open = detail::findOpenFlow(text, pos)) {
          at = SourceSpan{file, open->line, open->column, open->offset, open->offset + 1};
          message += " (this '" + std::string(1, text[open->offset]) + "' is never closed)";
        }
      }
    }
    out.error(at, message);
  } catch (const std::exception& e) {  // bad_alloc and friends: still a diagnostic, not a crash
    out.error(SourceSpan{file}, std::string("cannot parse: ") + e.what());
  }
  return std::nullopt;
}

}  // namespace detail

namespace {

using detail::parse;

/// Runs `read` with yaml-cpp's remaining exceptions (invalid nodes) turned into a diagnostic.
template <typename Read>
void guarded(const std::string& file, Diagnostics& out, Read&& read) {
  try {
    read();
  } catch (const YAML::Exception& e) {
    out.error(SourceSpan{file}, "cannot read the document: " + e.msg);
  } catch (const std::exception& e) {
    out.error(SourceSpan{file}, std::string("cannot read the document: ") + e.what());
  }
}

/// The scenario as far as it could be read (validated), with its diagnostics.
/// With `tree`, also the document's YamlNode tree (the editor's), from the same parse.
ScenarioDef readScenarioText(std::string_view text, const std::string& file, const fs::path& folder,
                             const LoadLimits& limits, Diagnostics& out, std::optional<YamlNode>* tree = nullptr) {
  ScenarioDef def;
  def.file = file;
  def.folder = folder.empty() ? std::string() : displayName(folder);
  auto doc = parse(text, file, limits, out);
  if (!doc) return def;
  guarded(file, out, [&] {
    if (tree != nullptr) {
      Diagnostics unused;
      Reader treeReader(unused, file, text, limits);
      *tree = detail::buildYamlTree(treeReader, text, *doc);
    }
    Reader reader(out, file, text, limits);
    detail::readScenario(reader, reader.root(*doc, "scenario"), def);
    if (!reader.stopped()) validateScenario(def, out);
  });
  return def;
}

TraineeScript readScriptText(std::string_view text, const std::string& file, const LoadLimits& limits,
                             Diagnostics& out) {
  TraineeScript script;
  script.file = file;
  auto doc = parse(text, file, limits, out);
  if (!doc) return script;
  guarded(file, out, [&] {
    Reader reader(out, file, text, limits);
    detail::readScript(reader, reader.root(*doc, "test"), script);
  });
  return script;
}

}  // namespace

LoadResult loadScenarioText(std::string_view text, std::string fileName, fs::path folder, const LoadLimits& limits) {
  LoadResult result;
  ScenarioDef def = readScenarioText(text, fileName, folder, limits, result.diagnostics);
  if (!result.diagnostics.hasErrors()) result.scenario = std::move(def);
  return result;
}

LoadResult loadScenario(const fs::path& dir, const LoadLimits& limits) {
  LoadResult result;
  const fs::path file = dir / "scenario.yaml";
  auto text = readFile(file, limits, result.diagnostics);
  if (!text) return result;
  return loadScenarioText(*text, displayName(file), dir, limits);
}

ScriptLoadResult loadTraineeScriptText(std::string_view text, std::string fileName, const LoadLimits& limits) {
  ScriptLoadResult result;
  TraineeScript script = readScriptText(text, fileName, limits, result.diagnostics);
  if (!result.diagnostics.hasErrors()) result.script = std::move(script);
  return result;
}

ScriptLoadResult loadTraineeScript(const fs::path& file, const LoadLimits& limits) {
  ScriptLoadResult result;
  auto text = readFile(file, limits, result.diagnostics);
  if (!text) return result;
  return loadTraineeScriptText(*text, displayName(file), limits);
}

bool isScenarioPackage(const fs::path& dir) {
  std::error_code ec;
  return fs::is_regular_file(dir / "scenario.yaml", ec);
}

std::vector<fs::path> findScenarioPackages(const fs::path& dir) {
  if (isScenarioPackage(dir)) return {dir};
  std::vector<fs::path> out;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (entry.is_directory(ec) && isScenarioPackage(entry.path())) out.push_back(entry.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

PackageDraft readScenarioPackageTexts(const PackageTexts& package, const LoadLimits& limits) {
  PackageDraft draft;
  Diagnostics& out = draft.diagnostics;
  draft.scenario =
      readScenarioText(package.scenarioText, package.scenarioFile, package.folder, limits, out, &draft.scenarioTree);
  const bool scenarioRead = !out.hasErrors();
  for (const auto& [name, text] : package.tests) {
    TraineeScript script = readScriptText(text, name, limits, out);
    if (scenarioRead) validateScript(draft.scenario, script, out);
    draft.tests.push_back(std::move(script));
  }
  validateTests(draft.tests, SourceSpan{package.scenarioFile}, out);
  out.sort();
  return draft;
}

PackageLoadResult loadScenarioPackage(const fs::path& dir, const LoadLimits& limits) {
  PackageLoadResult result;
  Diagnostics& out = result.diagnostics;
  const fs::path file = dir / "scenario.yaml";
  ScenarioDef def;
  if (auto text = readFile(file, limits, out)) def = readScenarioText(*text, displayName(file), dir, limits, out);
  const bool scenarioRead = !out.hasErrors();

  std::vector<fs::path> testFiles;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir / "tests", ec)) {
    const auto ext = entry.path().extension();
    if (entry.is_regular_file(ec) && (ext == ".yaml" || ext == ".yml")) testFiles.push_back(entry.path());
  }
  std::sort(testFiles.begin(), testFiles.end(),
            [](const fs::path& a, const fs::path& b) { return a.filename() < b.filename(); });
  for (const auto& testFile : testFiles) {
    const std::string name = displayName(testFile);
    auto text = readFile(testFile, limits, out);
    if (!text) continue;
    TraineeScript script = readScriptText(*text, name, limits, out);
    // Checking actions against a scenario that did not load would only repeat its errors.
    if (scenarioRead) validateScript(def, script, out);
    result.tests.push_back(std::move(script));
  }
  validateTests(result.tests, SourceSpan{displayName(file)}, out);
  out.sort();
  if (!out.hasErrors()) result.scenario = std::move(def);
  return result;
}

}  // namespace praxis::scenario
