#include "app/coverage.h"

#include <map>

#include "app/session.h"

namespace praxis::app {
namespace {

using scenario::ObjectDef;

struct Verb {
  const char* name;
  bool (*has)(const ObjectDef&);
  const char* field;  // the YAML key that gives the object this interaction
};

// The interactions an object's components allow, in the order tables list them.
constexpr Verb kVerbs[] = {
    {"grab", [](const ObjectDef& o) { return o.grabbable.has_value(); }, "grabbable"},
    {"snap", [](const ObjectDef& o) { return o.socket.has_value(); }, "socket"},
    {"press", [](const ObjectDef& o) { return o.toggle.has_value() || o.button.has_value(); }, "switch"},
    {"set", [](const ObjectDef& o) { return o.lever.has_value(); }, "lever"},
    {"use", [](const ObjectDef& o) { return o.tool.has_value(); }, "tool"},
    {"touch", [](const ObjectDef& o) { return o.touchTarget.has_value(); }, "target"},
    {"enter", [](const ObjectDef& o) { return o.zone.has_value(); }, "zone"},
};

CoverageItem item(CoverageKind kind, std::string id, std::string label, const core::SourceSpan& span) {
  return CoverageItem{.kind = kind, .id = std::move(id), .label = std::move(label), .span = span, .hits = 0};
}

void addStepItems(ScenarioCoverage& c, const scenario::StepDef& step, const scenario::ScenarioDef& def,
                  std::size_t index) {
  c.items.push_back(item(CoverageKind::Step, step.id, "step " + step.id, step.span));
  for (std::size_t b = 0; b < step.branches.size(); ++b) {
    const auto& branch = step.branches[b];
    c.items.push_back(item(CoverageKind::Branch, step.id + "#" + std::to_string(b),
                           "branch " + step.id + " -> " + branch.next, branch.span));
  }
  if (!step.branches.empty()) {  // "otherwise" is a branch too
    std::string next = step.next;
    if (next.empty()) next = index + 1 < def.steps.size() ? def.steps[index + 1].id : "end";
    c.items.push_back(item(CoverageKind::Branch, step.id + "#default", "branch " + step.id + " -> " + next + " (otherwise)",
                           scenario::spanOf(step.fields, "next", step.span)));
  }
  for (std::size_t h = 0; h < step.hints.size(); ++h) {
    c.items.push_back(item(CoverageKind::Hint, step.id + "#hint" + std::to_string(h),
                           "hint " + std::to_string(h + 1) + " of " + step.id, step.hints[h].span));
  }
}

void hit(std::map<std::pair<CoverageKind, std::string>, CoverageItem*>& index, CoverageKind kind,
         const std::string& id) {
  if (auto it = index.find({kind, id}); it != index.end()) ++it->second->hits;
}

// The interaction a world event shows, as "object:verb", or "" for none.
std::string interactionOf(const interaction::WorldEvent& e, const scene::Scene& scene) {
  using interaction::EventKind;
  const auto name = [&](scene::EntityId id) { return id < scene.size() ? scene.at(id).id : std::string(); };
  switch (e.kind) {
    case EventKind::Grabbed:
      return e.subject < scene.size() && scene.at(e.subject).lever ? "" : name(e.subject) + ":grab";
    case EventKind::Snapped: return name(e.other) + ":snap";
    case EventKind::StateChanged: {
      if (e.subject >= scene.size()) return "";
      const scene::Entity& entity = scene.at(e.subject);
      if (entity.toggle || entity.button) return entity.id + ":press";
      if (entity.lever) return entity.id + ":set";
      return "";
    }
    case EventKind::Touched: return name(e.subject) + ":touch";
    case EventKind::ToolStarted: return name(e.subject) + ":use";
    case EventKind::ZoneEntered: return name(e.other) + ":enter";
    default: return "";
  }
}

}  // namespace

std::string_view toString(CoverageKind kind) {
  switch (kind) {
    case CoverageKind::Step: return "steps";
    case CoverageKind::Branch: return "branches";
    case CoverageKind::Fault: return "faults";
    case CoverageKind::Hint: return "hints";
    case CoverageKind::Object: return "objects";
    case CoverageKind::Interaction: return "interactions";
  }
  return "?";
}

ScenarioCoverage coverageItems(const scenario::ScenarioDef& def) {
  ScenarioCoverage c;
  c.scenario = def.meta.id;
  for (std::size_t s = 0; s < def.steps.size(); ++s) addStepItems(c, def.steps[s], def, s);
  for (const auto& fault : def.faults) {
    c.items.push_back(item(CoverageKind::Fault, fault.id, "fault " + fault.id, fault.span));
  }
  for (const ObjectDef& o : def.objects) {
    bool interactive = false;
    for (const Verb& v : kVerbs) {
      if (!v.has(o)) continue;
      interactive = true;
      c.items.push_back(item(CoverageKind::Interaction, o.id + ":" + v.name, "interaction " + std::string(v.name) + " " + o.id,
                             scenario::spanOf(o.fields, v.field, o.span)));
    }
    if (interactive) c.items.push_back(item(CoverageKind::Object, o.id, "object " + o.id, o.span));
  }
  return c;
}

void recordAttempt(ScenarioCoverage& coverage, const Session& session) {
  std::map<std::pair<CoverageKind, std::string>, CoverageItem*> index;
  for (CoverageItem& i : coverage.items) index[{i.kind, i.id}] = &i;
  ++coverage.attempts;
  using K = scenario::AttemptEventKind;
  for (const auto& e : session.attemptEvents()) {
    if (e.kind == K::StepCompleted) {
      hit(index, CoverageKind::Step, e.stepId);
      hit(index, CoverageKind::Branch, e.stepId + "#" + (e.branch >= 0 ? std::to_string(e.branch) : "default"));
    } else if (e.kind == K::FaultRaised) {
      hit(index, CoverageKind::Fault, e.faultId);
    } else if (e.kind == K::HintShown) {
      hit(index, CoverageKind::Hint, e.stepId + "#hint" + std::to_string(e.hintIndex));
    }
  }
  std::map<std::string, bool> objectsUsed;
  for (const auto& e : session.worldEvents()) {
    const std::string used = interactionOf(e, session.scene());
    if (used.empty()) continue;
    hit(index, CoverageKind::Interaction, used);
    objectsUsed[used.substr(0, used.find(':'))] = true;
  }
  for (const auto& [object, used] : objectsUsed) hit(index, CoverageKind::Object, object);
}

CoverageTotals totals(const ScenarioCoverage& coverage, CoverageKind kind) {
  CoverageTotals t;
  for (const auto& i : coverage.items) {
    if (i.kind != kind) continue;
    ++t.total;
    if (i.hits > 0) ++t.covered;
  }
  return t;
}

CoverageTotals totals(const ScenarioCoverage& coverage) {
  CoverageTotals t;
  for (int k = 0; k < kCoverageKinds; ++k) t += totals(coverage, static_cast<CoverageKind>(k));
  return t;
}

ScenarioCoverage& CoverageReport::scenario(ScenarioCoverage fresh) {
  for (auto& s : scenarios) {
    if (s.scenario == fresh.scenario) return s;
  }
  scenarios.push_back(std::move(fresh));
  return scenarios.back();
}

void CoverageReport::merge(const ScenarioCoverage& other) {
  ScenarioCoverage empty{.scenario = other.scenario, .attempts = 0, .items = {}};
  ScenarioCoverage& mine = scenario(std::move(empty));
  mine.attempts += other.attempts;
  for (const CoverageItem& theirs : other.items) {
    bool found = false;
    for (CoverageItem& i : mine.items) {
      if (i.kind == theirs.kind && i.id == theirs.id) {
        i.hits += theirs.hits;
        found = true;
        break;
      }
    }
    if (!found) mine.items.push_back(theirs);
  }
}

CoverageTotals CoverageReport::totals(CoverageKind kind) const {
  CoverageTotals t;
  for (const auto& s : scenarios) t += app::totals(s, kind);
  return t;
}

CoverageTotals CoverageReport::totals() const {
  CoverageTotals t;
  for (const auto& s : scenarios) t += app::totals(s);
  return t;
}

}  // namespace praxis::app
