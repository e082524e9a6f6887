// Format 2: `people:` (non-player characters the trainee can speak to) and `phrases:` (the
// trainee's menu of spoken commands and instructions). See docs/scenario-format.md, "People".
#include "scenario/readers.h"

namespace praxis::scenario::detail {
namespace {

std::optional<PersonDef> readPerson(Reader& r, const Field& f) {
  PersonDef p;
  p.span = f.span;
  auto m = r.map(f, "person", "person", &p.fields);
  if (!m) return std::nullopt;
  readInto(*m, "id", p.id, [&](const Field& x) { return r.id(x, IdStyle::Object); });
  readInto(*m, "label", p.label, [&](const Field& x) { return r.text(x); });
  readInto(*m, "pos", p.pose.position, [&](const Field& x) { return r.vec3(x); });
  float facing = 0.0F;
  readInto(*m, "facing", facing, [&](const Field& x) { return r.number(x, -360.0, 360.0); });
  p.pose.orientation = core::quatFromEulerDegrees({0.0F, facing, 0.0F});
  readInto(*m, "colour", p.colour, [&](const Field& x) { return r.colour(x); });
  if (p.id.empty()) return std::nullopt;
  return p;
}

std::optional<PhraseDef> readPhrase(Reader& r, const Field& f) {
  PhraseDef p;
  p.span = f.span;
  auto m = r.map(f, "phrase", "phrase", &p.fields);
  if (!m) return std::nullopt;
  readInto(*m, "id", p.id, [&](const Field& x) { return r.id(x, IdStyle::Object); });
  readInto(*m, "text", p.text, [&](const Field& x) { return r.text(x); });
  if (p.id.empty()) return std::nullopt;
  return p;
}

template <typename T, typename Read>
void readAll(Reader& r, const Field& field, std::string_view what, std::vector<T>& out, Read read) {
  if (!r.requireFormat(field, 2, what)) return;
  auto items = r.list(field);
  if (!items) return;
  for (const auto& item : *items) {
    if (r.stopped()) return;
    if (auto v = read(r, item)) out.push_back(std::move(*v));
  }
}

}  // namespace

void readPeople(Reader& r, const Field& field, std::vector<PersonDef>& out) {
  readAll(r, field, "people:", out, readPerson);
}

void readPhrases(Reader& r, const Field& field, std::vector<PhraseDef>& out) {
  readAll(r, field, "phrases:", out, readPhrase);
  // The desktop menu picks a phrase with keys 1…9.
  if (out.size() > 9) r.error(field.span, "phrases: at most 9 (the phrase menu's number keys)");
}

}  // namespace praxis::scenario::detail
