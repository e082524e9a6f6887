// Scenario format 2's devices that respond: an object's `behaviour` (named states with
// on_enter actions and transitions), its `display`, `measures` and a target's `voltage`;
// the actions steps and states run. See docs/scenario-format.md, "Devices that respond".
#include "scenario/readers.h"

namespace praxis::scenario::detail {
namespace {

struct ActionName {
  std::string_view name;
  DeviceActionKind kind;
};

constexpr ActionName kActions[] = {
    {"set", DeviceActionKind::Set},         {"show", DeviceActionKind::Show},
    {"hide", DeviceActionKind::Hide},       {"display", DeviceActionKind::Display},
    {"enable", DeviceActionKind::Enable},   {"disable", DeviceActionKind::Disable},
    {"cue", DeviceActionKind::Cue},
};

void readSetAction(Reader& r, const Field& body, DeviceAction& a) {
  auto m = r.map(body, "device_action_set", "action 'set'", &a.fields);
  if (!m) return;
  readInto(*m, "object", a.object, [&](const Field& f) { return r.string(f); });
  readInto(*m, "state", a.state, [&](const Field& f) { return r.string(f); });
  if (const Field* f = m->find("value")) a.value = r.number(*f);
  if ((m->find("state") == nullptr) == (m->find("value") == nullptr)) {
    r.error(body.span, "action 'set' takes 'state' or 'value' (one of them)");
  }
}

void readDisplayAction(Reader& r, const Field& body, DeviceAction& a) {
  auto m = r.map(body, "device_action_display", "action 'display'", &a.fields);
  if (!m) return;
  readInto(*m, "object", a.object, [&](const Field& f) { return r.string(f); });
  if (const Field* f = m->find("text")) {
    // An empty string clears the display; otherwise a text per language.
    if (f->node.IsScalar() && f->node.Scalar().empty()) {
      a.text = LocalizedText{};
    } else if (auto t = r.text(*f)) {
      a.text = std::move(*t);
    }
  }
  readInto(*m, "value", a.valueOf, [&](const Field& f) { return r.string(f); });
  readInto(*m, "decimals", a.decimals, [&](const Field& f) { return r.integer(f, 0, 6); });
  if (m->find("text") == nullptr && m->find("value") == nullptr) {
    r.error(body.span, "action 'display' needs 'text', 'value' or both");
  }
}

void readCueAction(Reader& r, const Field& body, DeviceAction& a) {
  auto m = r.map(body, "device_action_cue", "action 'cue'", &a.fields);
  if (!m) return;
  readInto(*m, "object", a.object, [&](const Field& f) { return r.string(f); });
  readInto(*m, "sound", a.sound, [&](const Field& f) { return r.string(f); });
  readInto(*m, "say", a.text, [&](const Field& f) { return r.text(f); });
  if (m->find("sound") == nullptr && m->find("say") == nullptr) {
    r.error(body.span, "action 'cue' needs 'sound', 'say' or both");
  }
}

std::optional<DeviceAction> readAction(Reader& r, const Field& field) {
  const std::size_t before = r.errorCount();
  auto body = r.single(field, "device_action", "action");
  if (!body) return std::nullopt;
  DeviceAction a;
  a.span = field.span;
  for (const auto& k : kActions) {
    if (k.name == body->name) a.kind = k.kind;
  }
  switch (a.kind) {
    case DeviceActionKind::Set: readSetAction(r, *body, a); break;
    case DeviceActionKind::Display: readDisplayAction(r, *body, a); break;
    case DeviceActionKind::Cue: readCueAction(r, *body, a); break;
    default:  // show/hide/enable/disable name their object: `hide: lamp`
      if (auto id = r.string(*body)) {
        a.object = std::move(*id);
        a.fields["object"] = body->span;
      }
  }
  if (r.errorCount() != before) return std::nullopt;
  return a;
}

std::optional<TransitionDef> readTransition(Reader& r, const Field& field) {
  TransitionDef t;
  t.span = field.span;
  auto m = r.map(field, "transition", "transition", &t.fields);
  if (!m) return std::nullopt;
  if (const Field* f = m->find("after")) t.afterSeconds = r.number(*f, 0.0, kMaxSeconds);
  if (const Field* f = m->find("if")) t.when = readCondition(r, *f, 1);
  readInto(*m, "goto", t.next, [&](const Field& f) { return r.string(f); });
  if (m->find("after") == nullptr && m->find("if") == nullptr) {
    r.error(field.span, "a transition needs 'after' (seconds in the state), 'if' (a condition) or both");
  }
  return t;
}

std::optional<DeviceStateDef> readState(Reader& r, const std::string& name, const Field& field) {
  DeviceStateDef s;
  s.name = name;
  s.span = field.span;
  if (field.node.IsNull()) return s;  // `idle:` a state that only waits for a `set`
  auto m = r.map(field, "device_state", "state '" + name + "'");
  if (!m) return std::nullopt;
  if (const Field* f = m->find("on_enter")) readActions(r, *f, s.onEnter);
  if (const Field* f = m->find("transitions")) {
    if (auto items = r.list(*f)) {
      for (const auto& item : *items) {
        if (auto t = readTransition(r, item)) s.transitions.push_back(std::move(*t));
      }
    }
  }
  return s;
}

}  // namespace

void readActions(Reader& r, const Field& field, std::vector<DeviceAction>& out) {
  if (!r.requireFormat(field, 2, "actions (" + field.name + ")")) return;
  auto items = r.list(field);
  if (!items) return;
  for (const auto& item : *items) {
    if (r.stopped()) return;
    if (auto a = readAction(r, item)) out.push_back(std::move(*a));
  }
}

void readBehaviour(Reader& r, const Field& field, ObjectDef& o) {
  if (!r.requireFormat(field, 2, "a behaviour")) return;
  BehaviourDef b;
  b.span = field.span;
  auto m = r.map(field, "behaviour", "behaviour", &b.fields);
  if (!m) return;
  readInto(*m, "initial", b.initial, [&](const Field& f) { return r.string(f); });
  const Field* states = m->find("states");
  if (states == nullptr) return;
  auto entries = r.entries(*states);
  if (!entries) return;
  if (entries->empty()) r.error(states->span, "states: a behaviour needs at least one state");
  for (const auto& [name, value] : *entries) {
    b.fields["states." + name] = value.span;
    if (auto s = readState(r, name, value)) b.states.push_back(std::move(*s));
  }
  o.behaviour = std::move(b);
}

void readDisplay(Reader& r, const Field& field, ObjectDef& o) {
  if (!r.requireFormat(field, 2, "a display")) return;
  DisplayDef d;
  d.span = field.span;
  auto m = r.map(field, "display", "display", &d.fields);
  if (!m) return;
  readInto(*m, "pos", d.pose.position, [&](const Field& f) { return r.vec3(f); });
  if (const Field* f = m->find("rot")) {
    if (auto v = r.vec3(*f)) d.pose.orientation = core::quatFromEulerDegrees(*v);
  }
  if (const Field* f = m->find("size")) {
    if (auto v = r.numbers(*f, 2, 2)) {
      if ((*v)[0] <= 0.0F || (*v)[1] <= 0.0F) {
        r.error(f->span, "size: sizes must be greater than 0");
      } else {
        d.width = (*v)[0];
        d.height = (*v)[1];
      }
    }
  }
  o.display = std::move(d);
}

void readMeasures(Reader& r, const Field& field, ObjectDef& o) {
  if (!r.requireFormat(field, 2, "'measures'")) return;
  if (auto v = r.choice<Measure>(field, {{"voltage", Measure::Voltage}})) o.measures = *v;
}

void readTarget(Reader& r, const Field& field, ObjectDef& o) {
  if (!field.node.IsMap()) {
    if (auto b = r.boolean(field); b && *b) o.touchTarget = scene::TouchTarget{};
    return;
  }
  if (!r.requireFormat(field, 2, "a target with a value")) return;
  auto m = r.map(field, "target", "target", &o.fields, "target.");
  if (!m) return;
  o.touchTarget = scene::TouchTarget{};
  if (const Field* f = m->find("voltage")) o.voltage = r.number(*f, -1e6, 1e6);
}

}  // namespace praxis::scenario::detail
