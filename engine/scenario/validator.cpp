// Scenario-wide checks (ids, parents, sockets, models, translations, scoring) and the checks
// of scripted trainees against their scenario. Conditions and the step graph have their own
// files (validator_conditions.cpp, validator_steps.cpp).
#include "scenario/validator.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <system_error>

#include "scenario/suggest.h"
#include "scenario/validator_index.h"

namespace praxis::scenario {
namespace {

using detail::Index;

/// Reports every id seen before in `items` ("duplicate step id 'x' (first at line N)").
template <typename T>
void checkDuplicates(const std::vector<T>& items, std::string_view what, Diagnostics& out) {
  std::map<std::string, const T*, std::less<>> first;
  for (const auto& item : items) {
    auto [it, fresh] = first.emplace(item.id, &item);
    if (!fresh) {
      out.error(spanOf(item.fields, "id", item.span), "duplicate " + std::string(what) + " id '" + item.id +
                                                          "' (first declared at line " +
                                                          std::to_string(it->second->span.line) + ")");
    }
  }
}

void checkModel(const ScenarioDef& def, const ObjectDef& o, Diagnostics& out) {
  const std::string& model = o.visual.model;
  if (model.empty()) return;
  const SourceSpan& at = spanOf(o.fields, "model", o.span);
  const std::filesystem::path rel(model);
  const bool escapes = std::any_of(rel.begin(), rel.end(), [](const auto& part) { return part == ".."; });
  if (rel.is_absolute() || escapes) {
    out.error(at, "model: '" + model + "' must be a path inside the scenario package (e.g. assets/panel.glb)");
    return;
  }
  if (def.folder.empty()) return;
  const std::filesystem::path full = std::filesystem::path(def.folder) / rel;
  std::error_code ec;
  if (!std::filesystem::is_regular_file(full, ec)) {
    out.error(at, "model: file not found: " + full.generic_string());
    return;
  }
  // The path as written stays inside; a symbolic link on the way may not. Compare real paths
  // so that a package cannot make Praxis read (and draw) any file of the machine.
  const auto realPackage = std::filesystem::canonical(def.folder, ec);
  const auto realModel = ec ? std::filesystem::path() : std::filesystem::canonical(full, ec);
  const auto inside = realModel.lexically_relative(realPackage);
  if (ec || inside.empty() || *inside.begin() == "..") {
    out.error(at, "model: '" + model + "' leads outside the scenario package (a symbolic link to " +
                      realModel.generic_string() + ")");
  }
}

void checkObjects(const Index& ix) {
  const ScenarioDef& def = ix.def();
  Diagnostics& out = ix.out();
  checkDuplicates(def.objects, "object", out);
  std::map<std::string, std::size_t, std::less<>> position;  // id → index of first declaration
  for (std::size_t i = 0; i < def.objects.size(); ++i) position.emplace(def.objects[i].id, i);
  for (std::size_t i = 0; i < def.objects.size(); ++i) {
    const ObjectDef& o = def.objects[i];
    const SourceSpan& idAt = spanOf(o.fields, "id", o.span);
    if (std::find(std::begin(kReservedObjectIds), std::end(kReservedObjectIds), o.id) != std::end(kReservedObjectIds)) {
      out.error(idAt, "id: '" + o.id + "' is reserved for the trainee's body (head, left_hand, right_hand)");
    }
    if (!o.parent.empty()) {
      const SourceSpan& at = spanOf(o.fields, "parent", o.span);
      if (const ObjectDef* p = ix.requireObject(o.parent, at, "parent")) {
        if (position[o.parent] >= i) {
          out.error(at, "parent: '" + o.parent + "' must be declared before '" + o.id + "' (it is at line " +
                            std::to_string(p->span.line) + ")");
        }
      }
    }
    if (o.socket) {
      for (std::size_t k = 0; k < o.socket->accepts.size(); ++k) {
        const SourceSpan& at = spanOf(o.fields, "socket.accepts[" + std::to_string(k) + "]", o.span);
        if (const ObjectDef* a = ix.requireObject(o.socket->accepts[k], at, "socket.accepts")) {
          ix.check(a->grabbable.has_value(), *a, at, "socket.accepts", "is not grabbable, so it can never be snapped");
        }
      }
    }
    checkModel(def, o, out);
  }
}

void checkSteps(const Index& ix) {
  const ScenarioDef& def = ix.def();
  checkDuplicates(def.steps, "step", ix.out());
  for (const auto& s : def.steps) {
    for (std::size_t k = 0; k < s.highlight.size(); ++k) {
      ix.requireObject(s.highlight[k], spanOf(s.fields, "highlight[" + std::to_string(k) + "]", s.span), "highlight");
    }
    detail::checkCondition(ix, s.doneWhen);
    for (const auto& b : s.branches) detail::checkCondition(ix, b.when);
  }
  detail::checkStepGraph(ix);
}

void checkFaults(const Index& ix) {
  checkDuplicates(ix.def().faults, "fault", ix.out());
  for (const auto& f : ix.def().faults) {
    detail::checkCondition(ix, f.when);
    if (f.guard) detail::checkCondition(ix, *f.guard);
  }
}

void checkScoring(const ScenarioDef& def, Diagnostics& out) {
  const int max = def.maxScore();
  if (def.scoring.passScore > max) {
    out.error(spanOf(def.scoring.fields, "pass", def.scoring.span),
              "pass: " + std::to_string(def.scoring.passScore) + " points can never be reached: the steps give " +
                  std::to_string(max) + " at most");
  }
}

void checkTranslations(const ScenarioDef& def, Diagnostics& out) {
  for (const auto& ref : def.texts()) {
    for (const auto& language : def.meta.languages) {
      if (!ref.text->has(language)) out.warning(ref.span, "missing " + language + " translation of " + ref.what);
    }
  }
}

}  // namespace

void validateScenario(const ScenarioDef& def, Diagnostics& out) {
  const Index ix(def, out);
  checkObjects(ix);
  checkSteps(ix);
  checkFaults(ix);
  detail::checkDevices(ix);
  checkScoring(def, out);
  checkTranslations(def, out);
}

}  // namespace praxis::scenario
