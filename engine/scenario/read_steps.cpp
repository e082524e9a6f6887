// Steps (with hints and branches), faults and scoring of scenario.yaml.
#include <limits>

#include "scenario/readers.h"

namespace praxis::scenario::detail {
namespace {

constexpr long long kMaxPoints = 1'000'000;

std::optional<HintDef> readHint(Reader& r, const Field& f) {
  HintDef h;
  h.span = f.span;
  auto m = r.map(f, "hint", "hint", &h.fields);
  if (!m) return std::nullopt;
  readInto(*m, "text", h.text, [&](const Field& x) { return r.text(x); });
  const Field* after = m->find("after");
  const Field* mistakes = m->find("after_mistakes");
  if (after != nullptr && mistakes != nullptr) {
    r.error(mistakes->span, "a hint takes 'after' (seconds) or 'after_mistakes' (a count), not both");
  } else if (after == nullptr && mistakes == nullptr) {
    r.error(f.span, "a hint needs 'after' (seconds without progress) or 'after_mistakes' (a count)");
  }
  if (after != nullptr) h.afterSeconds = r.number(*after, 0.0, kMaxSeconds);
  if (mistakes != nullptr) {
    if (auto n = r.integer(*mistakes, 1, 1000)) h.afterMistakes = static_cast<int>(*n);
  }
  return h;
}

std::optional<BranchDef> readBranch(Reader& r, const Field& f) {
  BranchDef b;
  b.span = f.span;
  auto m = r.map(f, "branch", "branch", &b.fields);
  if (!m) return std::nullopt;
  readInto(*m, "if", b.when, [&](const Field& x) { return readCondition(r, x, 1); });
  readInto(*m, "goto", b.next, [&](const Field& x) { return r.string(x); });
  return b;
}

template <typename T, typename Read>
void readItems(Reader& r, const Field* f, std::vector<T>& out, Read read) {
  if (f == nullptr) return;
  auto items = r.list(*f);
  if (!items) return;
  for (const auto& item : *items) {
    if (auto v = read(r, item)) out.push_back(std::move(*v));
  }
}

void readHighlight(Reader& r, const Field& f, StepDef& s) {
  if (f.node.IsScalar()) {  // a single id is allowed: `highlight: breaker`
    if (auto id = r.string(f)) {
      s.fields["highlight[0]"] = f.span;
      s.highlight.push_back(std::move(*id));
    }
    return;
  }
  if (auto names = r.names(f, &s.fields)) s.highlight = std::move(*names);
}

}  // namespace

std::optional<StepDef> readStep(Reader& r, const Field& field) {
  StepDef s;
  s.span = field.span;
  auto m = r.map(field, "step", "step", &s.fields);
  if (!m) return std::nullopt;
  readInto(*m, "id", s.id, [&](const Field& f) { return r.id(f, IdStyle::Step); });
  if (s.id == kEndStep) {
    r.error(spanOf(s.fields, "id", s.span), "id: 'end' is reserved (`next: end` finishes the scenario)");
  }
  readInto(*m, "title", s.title, [&](const Field& f) { return r.text(f); });
  readInto(*m, "instruction", s.instruction, [&](const Field& f) { return r.text(f); });
  if (const Field* f = m->find("highlight")) readHighlight(r, *f, s);
  readInto(*m, "done_when", s.doneWhen, [&](const Field& f) { return readCondition(r, f, 1); });
  readInto(*m, "points", s.points, [&](const Field& f) { return r.integer(f, 0, kMaxPoints); });
  readItems(r, m->find("hints"), s.hints, readHint);
  readItems(r, m->find("branches"), s.branches, readBranch);
  readInto(*m, "next", s.next, [&](const Field& f) { return r.string(f); });
  if (const Field* f = m->find("on_enter")) readActions(r, *f, s.onEnter);
  if (const Field* f = m->find("on_done")) readActions(r, *f, s.onDone);
  return s;
}

std::optional<FaultDef> readFault(Reader& r, const Field& field) {
  FaultDef fault;
  fault.span = field.span;
  auto m = r.map(field, "fault", "fault", &fault.fields);
  if (!m) return std::nullopt;
  readInto(*m, "id", fault.id, [&](const Field& f) { return r.id(f, IdStyle::Step); });
  readInto(*m, "when", fault.when, [&](const Field& f) { return readCondition(r, f, 1); });
  if (const Field* f = m->find("while")) fault.guard = readCondition(r, *f, 1);
  readInto(*m, "severity", fault.severity, [&](const Field& f) {
    return r.choice<Severity>(f, {{"minor", Severity::Minor}, {"major", Severity::Major}, {"critical", Severity::Critical}});
  });
  if (const Field* f = m->find("penalty")) {
    if (auto n = r.integer(*f, 0, kMaxPoints)) fault.penalty = static_cast<int>(*n);
  }
  readInto(*m, "message", fault.message, [&](const Field& f) { return r.text(f); });
  readInto(*m, "repeat", fault.repeat, [&](const Field& f) { return r.boolean(f); });
  return fault;
}

void readScoring(Reader& r, const Field& field, ScoringDef& out) {
  out.span = field.span;
  auto m = r.map(field, "scoring", "scoring", &out.fields);
  if (!m) return;
  readInto(*m, "pass", out.passScore, [&](const Field& f) { return r.integer(f, 0, kMaxPoints); });
  if (const Field* f = m->find("time_limit")) out.timeLimitSeconds = r.number(*f, 1e-3, kMaxSeconds);
  if (const Field* f = m->find("penalties")) {
    if (auto p = r.map(*f, "penalties", "penalties", &out.fields, "penalties.")) {
      readInto(*p, "minor", out.minorPenalty, [&](const Field& x) { return r.integer(x, 0, kMaxPoints); });
      readInto(*p, "major", out.majorPenalty, [&](const Field& x) { return r.integer(x, 0, kMaxPoints); });
    }
  }
}

}  // namespace praxis::scenario::detail
