// scenario.yaml's top level, the trainee start and the objects with their components.
#include <algorithm>
#include <limits>

#include "core/localized_text.h"
#include "scenario/readers.h"

namespace praxis::scenario::detail {
namespace {

/// `size` per shape (scene/shape.h): box [x, y, z]; cylinder/capsule [diameter, height];
/// sphere [diameter] or a number; plane [x, z].
std::optional<core::Vec3> readSize(Reader& r, const Field& f, scene::ShapeKind kind) {
  using scene::ShapeKind;
  const std::size_t want = kind == ShapeKind::Box ? 3 : kind == ShapeKind::Sphere ? 1 : 2;
  auto v = r.numbers(f, want, want);
  if (!v) return std::nullopt;
  for (const float x : *v) {
    if (x <= 0.0F) {
      r.error(f.span, f.name + ": sizes must be greater than 0");
      return std::nullopt;
    }
  }
  switch (kind) {
    case ShapeKind::Box: return core::Vec3((*v)[0], (*v)[1], (*v)[2]);
    case ShapeKind::Sphere: return core::Vec3((*v)[0]);
    case ShapeKind::Cylinder:
    case ShapeKind::Capsule: return core::Vec3((*v)[0], (*v)[1], (*v)[0]);
    case ShapeKind::Plane: return core::Vec3((*v)[0], 0.0F, (*v)[1]);
  }
  return std::nullopt;
}

std::optional<scene::ShapeKind> readShapeKind(Reader& r, const Field& f) {
  using scene::ShapeKind;
  return r.choice<ShapeKind>(f, {{"box", ShapeKind::Box},
                                 {"cylinder", ShapeKind::Cylinder},
                                 {"sphere", ShapeKind::Sphere},
                                 {"capsule", ShapeKind::Capsule},
                                 {"plane", ShapeKind::Plane}});
}

/// shape + size + pos + rot (+ colour) of an object or a part.
void readLook(Reader& r, const MapView& m, scene::Shape& shape, core::Pose& pose, scene::Colour& colour) {
  readInto(m, "shape", shape.kind, [&](const Field& f) { return readShapeKind(r, f); });
  readInto(m, "size", shape.size, [&](const Field& f) { return readSize(r, f, shape.kind); });
  readInto(m, "pos", pose.position, [&](const Field& f) { return r.vec3(f); });
  if (const Field* f = m.find("rot")) {
    if (auto v = r.vec3(*f)) pose.orientation = core::quatFromEulerDegrees(*v);
  }
  readInto(m, "colour", colour, [&](const Field& f) { return r.colour(f); });
}

std::optional<scene::Part> readPart(Reader& r, const Field& f) {
  auto m = r.map(f, "part", "part");
  if (!m) return std::nullopt;
  scene::Part part;
  readLook(r, *m, part.shape, part.pose, part.colour);
  return part;
}

void readVisual(Reader& r, const MapView& m, ObjectDef& o) {
  readLook(r, m, o.visual.shape, o.pose, o.visual.colour);
  readInto(m, "model", o.visual.model, [&](const Field& f) { return r.string(f); });
  if (const Field* f = m.find("parts")) {
    if (auto items = r.list(*f)) {
      for (const auto& item : *items) {
        if (auto part = readPart(r, item)) o.visual.parts.push_back(std::move(*part));
      }
    }
  }
  readInto(m, "collider", o.collider, [&](const Field& f) { return r.boolean(f); });
  // Zones are volumes, not things: hidden unless the author asks otherwise.
  o.visual.visible = m.find("zone") == nullptr;
  readInto(m, "visible", o.visual.visible, [&](const Field& f) { return r.boolean(f); });
}

void readGrabbable(Reader& r, const Field& f, ObjectDef& o) {
  if (!f.node.IsMap()) {
    if (auto b = r.boolean(f); b && *b) o.grabbable = scene::Grabbable{};
    return;
  }
  auto m = r.map(f, "grabbable", "grabbable", &o.fields, "grabbable.");
  if (!m) return;
  scene::Grabbable g;
  readInto(*m, "mass", g.mass, [&](const Field& x) { return r.number(x, 1e-3, 1e4); });
  if (const Field* grip = m->find("grip")) {
    if (auto items = r.list(*grip)) {
      for (const auto& item : *items) {
        if (auto p = r.vec3(item)) g.gripPoints.push_back(core::Pose{*p, {}});
      }
    }
  }
  o.grabbable = std::move(g);
}

void readSocket(Reader& r, const Field& f, ObjectDef& o) {
  auto m = r.map(f, "socket", "socket", &o.fields, "socket.");
  if (!m) return;
  scene::Socket s;
  readInto(*m, "accepts", s.accepts, [&](const Field& x) { return r.names(x, &o.fields, "socket."); });
  if (const Field* snap = m->find("snap")) {
    if (auto sm = r.map(*snap, "snap", "socket snap")) {
      scene::Colour unused;
      scene::Shape noShape;
      readLook(r, *sm, noShape, s.snapPose, unused);
    }
  }
  readInto(*m, "tolerance", s.tolerance, [&](const Field& x) { return r.number(x, 1e-4, 10.0); });
  o.socket = std::move(s);
}

void readSwitch(Reader& r, const Field& f, ObjectDef& o) {
  auto m = r.map(f, "switch", "switch", &o.fields, "switch.");
  if (!m) return;
  scene::Switch s;
  const Field* states = m->find("states");
  if (states == nullptr) return;
  auto names = r.names(*states);
  if (!names) return;
  if (names->size() < 2) {
    r.error(states->span, "states: a switch needs at least two states");
    return;
  }
  for (std::size_t i = 0; i < names->size(); ++i) {
    if (std::find(names->begin(), names->begin() + static_cast<long>(i), (*names)[i]) != names->begin() + static_cast<long>(i)) {
      r.error(states->span, "states: duplicate state '" + (*names)[i] + "'");
      return;
    }
  }
  s.states = std::move(*names);
  if (const Field* initial = m->find("initial")) {
    auto name = r.string(*initial);
    if (!name) return;
    const auto it = std::find(s.states.begin(), s.states.end(), *name);
    if (it == s.states.end()) {
      std::string list;
      for (const auto& st : s.states) list += (list.empty() ? "" : ", ") + st;
      r.error(initial->span, "initial: '" + *name + "' is not one of the states " + list);
      return;
    }
    s.current = static_cast<std::size_t>(it - s.states.begin());
  }
  o.toggle = std::move(s);
}

void readDetents(Reader& r, const Field& f, scene::Lever& lever) {
  auto entries = r.entries(f);
  if (!entries) return;
  for (const auto& [name, value] : *entries) {
    if (auto v = r.number(value)) lever.detents.push_back(scene::Detent{name, static_cast<float>(*v)});
  }
}

void readLever(Reader& r, const Field& f, ObjectDef& o) {
  auto m = r.map(f, "lever", "lever", &o.fields, "lever.");
  if (!m) return;
  const std::size_t before = r.errorCount();
  scene::Lever l;
  readInto(*m, "kind", l.kind, [&](const Field& x) {
    return r.choice<scene::Lever::Kind>(x, {{"lever", scene::Lever::Kind::Lever}, {"dial", scene::Lever::Kind::Dial}});
  });
  readInto(*m, "min", l.minimum, [&](const Field& x) { return r.number(x); });
  readInto(*m, "max", l.maximum, [&](const Field& x) { return r.number(x); });
  l.value = l.minimum;
  readInto(*m, "initial", l.value, [&](const Field& x) { return r.number(x); });
  readInto(*m, "axis", l.axis, [&](const Field& x) { return r.vec3(x); });
  readInto(*m, "travel", l.travel, [&](const Field& x) { return r.number(x, 1e-6, kBig); });
  if (const Field* d = m->find("detents")) readDetents(r, *d, l);
  if (r.errorCount() != before) return;
  if (l.minimum >= l.maximum) {
    r.error(spanOf(o.fields, "lever.max", f.span), "lever: 'max' must be greater than 'min'");
    return;
  }
  if (glm::length(l.axis) < 1e-6F) r.error(spanOf(o.fields, "lever.axis", f.span), "lever: 'axis' must not be zero");
  if (l.value < l.minimum || l.value > l.maximum) {
    r.error(spanOf(o.fields, "lever.initial", f.span), "lever: 'initial' must be between 'min' and 'max'");
  }
  for (const auto& d : l.detents) {
    if (d.value < l.minimum || d.value > l.maximum) {
      r.error(spanOf(o.fields, "lever.detents", f.span), "lever: detent '" + d.name + "' lies outside 'min'…'max'");
    }
  }
  o.lever = std::move(l);
}

void readTool(Reader& r, const Field& f, ObjectDef& o) {
  auto m = r.map(f, "tool", "tool", &o.fields, "tool.");
  if (!m) return;
  scene::Tool t;
  readInto(*m, "tip", t.tip, [&](const Field& x) { return r.vec3(x); });
  if (const Field* d = m->find("direction")) {
    if (auto v = r.vec3(*d)) {
      if (glm::length(*v) < 1e-6F) {
        r.error(d->span, "direction: must not be zero");
      } else {
        t.direction = glm::normalize(*v);
      }
    }
  }
  readInto(*m, "range", t.range, [&](const Field& x) { return r.number(x, 0.0, 1000.0); });
  readInto(*m, "trigger", t.needsTrigger, [&](const Field& x) { return r.boolean(x); });
  o.tool = t;
}

void readZone(Reader& r, const Field& f, ObjectDef& o) {
  auto m = r.map(f, "zone", "zone", &o.fields, "zone.");
  if (!m) return;
  const Field* size = m->find("size");
  if (size == nullptr) return;
  auto v = r.vec3(*size);
  if (!v) return;
  if (v->x <= 0.0F || v->y <= 0.0F || v->z <= 0.0F) {
    r.error(size->span, "size: sizes must be greater than 0");
    return;
  }
  o.zone = scene::Zone{*v * 0.5F};
}

void readComponents(Reader& r, const MapView& m, ObjectDef& o) {
  if (const Field* f = m.find("grabbable")) readGrabbable(r, *f, o);
  if (const Field* f = m.find("socket")) readSocket(r, *f, o);
  if (const Field* f = m.find("switch")) readSwitch(r, *f, o);
  if (const Field* f = m.find("button")) {
    if (auto b = r.boolean(*f); b && *b) o.button = scene::Button{};
  }
  if (const Field* f = m.find("lever")) readLever(r, *f, o);
  if (const Field* f = m.find("tool")) readTool(r, *f, o);
  if (const Field* f = m.find("target")) readTarget(r, *f, o);
  if (const Field* f = m.find("zone")) readZone(r, *f, o);
  if (const Field* f = m.find("behaviour")) readBehaviour(r, *f, o);
  if (const Field* f = m.find("display")) readDisplay(r, *f, o);
  if (const Field* f = m.find("measures")) readMeasures(r, *f, o);
}

void readTrainee(Reader& r, const Field& f, ScenarioDef& out) {
  auto m = r.map(f, "trainee", "trainee", &out.fields, "trainee.");
  if (!m) return;
  readInto(*m, "position", out.trainee.position, [&](const Field& x) { return r.vec3(x); });
  readInto(*m, "facing", out.trainee.yawDegrees, [&](const Field& x) { return r.number(x, -360.0, 360.0); });
  readInto(*m, "eye_height", out.trainee.eyeHeight, [&](const Field& x) { return r.number(x, 0.5, 2.5); });
}

void readLanguages(Reader& r, const Field& f, ScenarioDef& out) {
  auto names = r.names(f, &out.fields);
  if (!names) return;
  for (std::size_t i = 0; i < names->size(); ++i) {
    const auto& tag = (*names)[i];
    const SourceSpan& at = spanOf(out.fields, "languages[" + std::to_string(i) + "]", f.span);
    if (std::count(names->begin(), names->end(), tag) > 1 &&
        std::find(names->begin(), names->end(), tag) != names->begin() + static_cast<long>(i)) {
      r.error(at, "languages: '" + tag + "' is listed twice");
      continue;
    }
    if (!core::isLanguageTag(tag)) {
      r.error(at, "languages: '" + tag + "' is not a BCP 47 language tag (e.g. nl-BE, en)");
      continue;
    }
    out.meta.languages.push_back(tag);
  }
}

template <typename T, typename Read>
void readList(Reader& r, const MapView& m, std::string_view key, std::vector<T>& out, Read&& read) {
  const Field* f = m.find(key);
  if (f == nullptr) return;
  auto items = r.list(*f);
  if (!items) return;
  for (const auto& item : *items) {
    if (r.stopped()) return;
    if (auto v = read(r, item)) out.push_back(std::move(*v));
  }
}

}  // namespace

std::optional<ObjectDef> readObject(Reader& r, const Field& field) {
  ObjectDef o;
  o.span = field.span;
  auto m = r.map(field, "object", "object", &o.fields);
  if (!m) return std::nullopt;
  readInto(*m, "id", o.id, [&](const Field& f) { return r.id(f, IdStyle::Object); });
  readInto(*m, "label", o.label, [&](const Field& f) { return r.text(f); });
  readInto(*m, "parent", o.parent, [&](const Field& f) { return r.string(f); });
  readVisual(r, *m, o);
  readComponents(r, *m, o);
  if (o.id.empty()) return std::nullopt;  // nothing can refer to it; its errors are reported
  return o;
}

void readScenario(Reader& r, const Field& root, ScenarioDef& out) {
  out.span = root.span;
  auto m = r.map(root, "scenario", "the scenario", &out.fields);
  if (!m) return;
  if (const Field* f = m->find("praxis")) {
    if (auto v = r.integer(*f, 0, kBigInt); v && (*v < 1 || *v > kNewestFormat)) {
      r.error(f->span, "praxis: unsupported format version " + std::to_string(*v) + " (this build reads 1 to " +
                           std::to_string(kNewestFormat) + ")");
    } else if (v) {
      r.setFormat(static_cast<int>(*v));
      out.meta.format = static_cast<int>(*v);
    }
  }
  readInto(*m, "id", out.meta.id, [&](const Field& f) { return r.id(f, IdStyle::Scenario); });
  readInto(*m, "version", out.meta.version, [&](const Field& f) { return r.string(f); });
  readInto(*m, "title", out.meta.title, [&](const Field& f) { return r.text(f); });
  readInto(*m, "description", out.meta.description, [&](const Field& f) { return r.text(f); });
  readInto(*m, "minutes", out.meta.estimatedMinutes, [&](const Field& f) { return r.number(f, 0.0, kBig); });
  if (const Field* f = m->find("languages")) readLanguages(r, *f, out);
  if (const Field* f = m->find("trainee")) readTrainee(r, *f, out);
  readList(r, *m, "objects", out.objects, readObject);
  readList(r, *m, "steps", out.steps, readStep);
  if (const Field* f = m->find("steps"); f != nullptr && f->node.IsSequence() && f->node.size() == 0) {
    r.error(f->span, "steps: a scenario needs at least one step");
  }
  readList(r, *m, "faults", out.faults, readFault);
  if (const Field* f = m->find("scoring")) readScoring(r, *f, out.scoring);
}

}  // namespace praxis::scenario::detail
