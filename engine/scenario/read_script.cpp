// tests/*.yaml: a scripted trainee's settings, actions and expectations.
#include <limits>

#include "core/localized_text.h"
#include "scenario/readers.h"

namespace praxis::scenario::detail {
namespace {

struct ActionName {
  std::string_view name;
  ActionKind kind;
};

constexpr ActionName kActions[] = {
    {"grab", ActionKind::Grab},     {"release", ActionKind::Release}, {"move", ActionKind::Move},
    {"snap", ActionKind::Snap},     {"press", ActionKind::Press},     {"set", ActionKind::Set},
    {"touch", ActionKind::Touch},   {"use", ActionKind::Use},         {"wait", ActionKind::Wait},
    {"look_at", ActionKind::LookAt}, {"walk_to", ActionKind::WalkTo},
};

class ActionReader {
 public:
  ActionReader(Reader& r, Action& a, const Field& body) : r_(r), a_(a), body_(body), what_("action '" + body.name + "'") {}

  void read() {
    switch (a_.kind) {
      case ActionKind::Grab:
      case ActionKind::Press: return objectOrMap(a_.object, "object");
      case ActionKind::Release: return readRelease();
      case ActionKind::Move: return readMove();
      case ActionKind::Snap: return readSnap();
      case ActionKind::Set: return readSet();
      case ActionKind::Touch: return readTouch();
      case ActionKind::Use: return readUse();
      case ActionKind::Wait: return readWait();
      case ActionKind::LookAt: return objectOrMap(a_.target, "target");
      case ActionKind::WalkTo: return readWalkTo();
    }
  }

 private:
  std::optional<MapView> map() { return r_.map(body_, "action_" + body_.name, what_, &a_.fields); }
  void str(const MapView& m, std::string_view key, std::string& out) {
    readInto(m, key, out, [&](const Field& f) { return r_.string(f); });
  }
  void hand(const MapView& m) {
    readInto(m, "hand", a_.hand, [&](const Field& f) { return readHand(f); });
  }
  std::optional<Hand> readHand(const Field& f) {
    return r_.choice<Hand>(f, {{"left", Hand::Left}, {"right", Hand::Right}});
  }
  // `grab: padlock` or `grab: {object: padlock, hand: left}`.
  void objectOrMap(std::string& out, std::string_view key) {
    if (!body_.node.IsMap()) {
      if (auto s = r_.string(body_)) {
        out = std::move(*s);
        a_.fields[std::string(key)] = body_.span;
      }
      return;
    }
    if (auto m = map()) {
      str(*m, key, out);
      hand(*m);
    }
  }
  // A point [x, y, z] or an object id.
  void pointOrTarget(const Field& f) {
    if (f.node.IsSequence()) {
      a_.point = r_.vec3(f);
    } else if (auto s = r_.string(f)) {
      a_.target = std::move(*s);
    }
  }
  void readRelease() {
    if (!body_.node.IsMap()) {
      if (auto h = readHand(body_)) a_.hand = *h;
      return;
    }
    if (auto m = map()) hand(*m);
  }
  void readMove() {
    auto m = map();
    if (!m) return;
    if (const Field* to = m->find("to")) pointOrTarget(*to);
    if (const Field* offset = m->find("offset")) {
      if (a_.target.empty()) {
        r_.error(offset->span, "offset: only applies when 'to' names an object");
      } else {
        a_.point = r_.vec3(*offset);
      }
    }
    hand(*m);
  }
  void readSnap() {
    if (auto m = map()) {
      str(*m, "object", a_.object);
      str(*m, "into", a_.target);
      hand(*m);
    }
  }
  void readSet() {
    auto m = map();
    if (!m) return;
    str(*m, "object", a_.object);
    const Field* to = m->find("to");
    const Field* value = m->find("value");
    if ((to == nullptr) == (value == nullptr)) {
      r_.error(body_.span, what_ + " needs exactly one of 'to' (a state) and 'value' (a number)");
    }
    if (to != nullptr) str(*m, "to", a_.state);
    if (value != nullptr) {
      if (auto v = r_.number(*value)) a_.value = static_cast<float>(*v);
    }
    hand(*m);
  }
  void readTouch() {
    if (!body_.node.IsMap()) return objectOrMap(a_.target, "target");
    if (auto m = map()) {
      str(*m, "target", a_.target);
      str(*m, "with", a_.object);
      readInto(*m, "seconds", a_.seconds, [&](const Field& f) { return r_.number(f, 0.0, 3600.0); });
      hand(*m);
    }
  }
  void readUse() {
    if (auto m = map()) {
      str(*m, "tool", a_.object);
      str(*m, "on", a_.target);
      readInto(*m, "seconds", a_.seconds, [&](const Field& f) { return r_.number(f, 0.0, 3600.0); });
      hand(*m);
    }
  }
  void readWait() {
    if (!body_.node.IsMap()) {
      if (auto v = r_.number(body_, 0.0, 3600.0)) a_.seconds = *v;
      return;
    }
    if (auto m = map()) {
      readInto(*m, "seconds", a_.seconds, [&](const Field& f) { return r_.number(f, 0.0, 3600.0); });
      if (const Field* until = m->find("until")) readUntil(*until, m->find("seconds") != nullptr);
    }
  }
  // `wait: {until: {object: drill, is: stopped}, seconds: 10}`: until the object is in that
  // state (a device that responds), at most `seconds` (default 60).
  void readUntil(const Field& until, bool hasSeconds) {
    if (!hasSeconds) a_.seconds = 60.0;
    if (auto m = r_.map(until, "wait_until", "wait until", &a_.fields)) {
      str(*m, "object", a_.object);
      str(*m, "is", a_.state);
    }
  }
  void readWalkTo() {
    if (!body_.node.IsMap()) {
      pointOrTarget(body_);
      if (!a_.target.empty()) a_.fields["to"] = body_.span;
      return;
    }
    if (auto m = map()) {
      if (const Field* to = m->find("to")) pointOrTarget(*to);
    }
  }

  Reader& r_;
  Action& a_;
  const Field& body_;
  std::string what_;
};

std::optional<Action> readAction(Reader& r, const Field& field) {
  const std::size_t before = r.errorCount();
  auto body = r.single(field, "action", "action");
  if (!body) return std::nullopt;
  Action a;
  a.span = field.span;
  for (const auto& k : kActions) {
    if (k.name == body->name) a.kind = k.kind;
  }
  ActionReader(r, a, *body).read();
  if (r.errorCount() != before) return std::nullopt;
  return a;
}

void readScore(Reader& r, const Field& f, Expectation& e) {
  if (!f.node.IsMap()) {
    if (auto n = r.integer(f, 0, 1'000'000)) e.scoreMin = e.scoreMax = static_cast<int>(*n);
    return;
  }
  auto m = r.map(f, "score_range", "score", &e.fields, "score.");
  if (!m) return;
  if (const Field* x = m->find("min")) {
    if (auto n = r.integer(*x, 0, 1'000'000)) e.scoreMin = static_cast<int>(*n);
  }
  if (const Field* x = m->find("max")) {
    if (auto n = r.integer(*x, 0, 1'000'000)) e.scoreMax = static_cast<int>(*n);
  }
  if (e.scoreMin && e.scoreMax && *e.scoreMin > *e.scoreMax) r.error(f.span, "score: 'min' is greater than 'max'");
}

void readExpect(Reader& r, const Field& f, Expectation& e) {
  e.span = f.span;
  auto m = r.map(f, "expect", "expect", &e.fields);
  if (!m) return;
  if (const Field* x = m->find("outcome")) {
    e.outcome = r.choice<Outcome>(*x, {{"passed", Outcome::Passed}, {"failed", Outcome::Failed}});
  }
  if (const Field* x = m->find("score")) readScore(r, *x, e);
  if (const Field* x = m->find("faults")) e.faults = r.names(*x, &e.fields);
  if (const Field* x = m->find("steps")) e.stepsCompleted = r.names(*x, &e.fields);
  if (const Field* x = m->find("end")) {
    e.endReason = r.choice<std::string>(
        *x, {{"completed", "completed"}, {"critical_fault", "critical_fault"}, {"time_limit", "time_limit"}, {"aborted", "aborted"}});
  }
}

}  // namespace

void readScript(Reader& r, const Field& root, TraineeScript& out) {
  out.span = root.span;
  auto m = r.map(root, "test", "the test", &out.fields);
  if (!m) return;
  readInto(*m, "name", out.name, [&](const Field& f) { return r.string(f); });
  readInto(*m, "reference", out.reference, [&](const Field& f) { return r.boolean(f); });
  readInto(*m, "language", out.language, [&](const Field& f) -> std::optional<std::string> {
    auto tag = r.string(f);
    // The attempt's statements carry this tag: a bad one would leave it unrecorded.
    if (tag && !core::isLanguageTag(*tag)) {
      r.error(f.span, "language: '" + *tag + "' is not a BCP 47 language tag (e.g. nl-BE, en)");
      return std::nullopt;
    }
    return tag;
  });
  if (const Field* f = m->find("seed")) {
    if (auto n = r.integer(*f, 0, std::numeric_limits<long long>::max())) out.seed = static_cast<std::uint64_t>(*n);
  }
  readInto(*m, "max_seconds", out.maxSeconds, [&](const Field& f) { return r.number(f, 1e-3, kMaxSeconds); });
  if (const Field* f = m->find("actions")) {
    if (auto items = r.list(*f)) {
      if (items->empty()) r.error(f->span, "actions: a test needs at least one action");
      for (const auto& item : *items) {
        if (r.stopped()) break;
        if (auto a = readAction(r, item)) out.actions.push_back(std::move(*a));
      }
    }
  }
  if (const Field* f = m->find("expect")) readExpect(r, *f, out.expect);
}

}  // namespace praxis::scenario::detail
