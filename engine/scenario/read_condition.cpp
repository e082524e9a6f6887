// Conditions: a map with one key, its kind; several kinds also have a short form
// (`grabbed: padlock`, `elapsed: 30`). See docs/scenario-format.md, "Conditions".
#include <limits>

#include "scenario/readers.h"

namespace praxis::scenario::detail {
namespace {

struct KindName {
  std::string_view name;
  ConditionKind kind;
};

constexpr KindName kKinds[] = {
    {"state", ConditionKind::State},         {"value", ConditionKind::Value},
    {"grabbed", ConditionKind::Grabbed},     {"released", ConditionKind::Released},
    {"snapped", ConditionKind::Snapped},     {"touched", ConditionKind::Touched},
    {"inside", ConditionKind::Inside},       {"tool_on", ConditionKind::ToolOn},
    {"elapsed", ConditionKind::Elapsed},     {"step_done", ConditionKind::StepDone},
    {"looking_at", ConditionKind::LookingAt}, {"all", ConditionKind::All},
    {"any", ConditionKind::Any},             {"not", ConditionKind::Not},
    {"sequence", ConditionKind::Sequence},
    // Format 2 (read_condition_v2.cpp):
    {"count", ConditionKind::Count},         {"rate", ConditionKind::Rate},
    {"held", ConditionKind::Held},           {"active", ConditionKind::Active},
    {"touching", ConditionKind::Touching},   {"posture", ConditionKind::Posture},
    {"said", ConditionKind::Said},
};

class ConditionReader : ConditionReaderBase {
 public:
  using ConditionReaderBase::ConditionReaderBase;

  void read() {
    switch (c_.kind) {
      case ConditionKind::State: return readState();
      case ConditionKind::Value: return readValue();
      case ConditionKind::Grabbed:
      case ConditionKind::Released: return readHeld();
      case ConditionKind::Snapped: return readSnapped();
      case ConditionKind::Touched: return readTouched();
      case ConditionKind::Inside: return readInside();
      case ConditionKind::ToolOn: return readToolOn();
      case ConditionKind::Elapsed: return readElapsed();
      case ConditionKind::StepDone: return shortForm(c_.state);
      case ConditionKind::LookingAt: return readLookingAt();
      case ConditionKind::All:
      case ConditionKind::Any:
      case ConditionKind::Sequence: return readChildren();
      case ConditionKind::Not: return readNot();
      case ConditionKind::Count:
      case ConditionKind::Rate:
      case ConditionKind::Held:
      case ConditionKind::Active:
      case ConditionKind::Touching:
      case ConditionKind::Posture:
      case ConditionKind::Said: return readFormat2Condition(r_, c_, body_, depth_);
    }
  }

 private:
  void shortForm(std::string& out, std::string_view key = "object") {
    ConditionReaderBase::shortForm(out, key);
  }
  void hand(const MapView& m) {
    readInto(m, "hand", c_.hand, [&](const Field& f) { return readHand(r_, f); });
  }

  void readState() {
    if (auto m = map()) {
      str(*m, "object", c_.object);
      str(*m, "is", c_.state);
    }
  }
  void readValue() {
    auto m = map();
    if (!m) return;
    str(*m, "object", c_.object);
    c_.minimum = std::numeric_limits<float>::lowest();
    c_.maximum = std::numeric_limits<float>::max();
    readInto(*m, "min", c_.minimum, [&](const Field& f) { return r_.number(f); });
    readInto(*m, "max", c_.maximum, [&](const Field& f) { return r_.number(f); });
    if (m->find("min") == nullptr && m->find("max") == nullptr) {
      r_.error(body_.span, what_ + " needs 'min', 'max' or both");
    } else if (c_.minimum > c_.maximum) {
      r_.error(body_.span, what_ + ": 'min' is greater than 'max'");
    }
  }
  void readHeld() {
    if (!body_.node.IsMap()) return shortForm(c_.object);
    if (auto m = map()) {
      str(*m, "object", c_.object);
      hand(*m);
    }
  }
  void readSnapped() {
    if (auto m = map()) {
      str(*m, "object", c_.object);
      str(*m, "into", c_.target);
    }
  }
  void readTouched() {
    if (!body_.node.IsMap()) return shortForm(c_.target, "target");
    auto m = map();
    if (!m) return;
    str(*m, "target", c_.target);
    readToucher(r_, *m, c_);
  }
  void readInside() {
    if (auto m = map()) {
      str(*m, "object", c_.object);
      str(*m, "zone", c_.target);
    }
  }
  void readToolOn() {
    if (auto m = map()) {
      str(*m, "tool", c_.tool);
      str(*m, "target", c_.target);
      readInto(*m, "seconds", c_.seconds, [&](const Field& f) { return r_.number(f, 0.0, kMaxSeconds); });
    }
  }
  void readElapsed() {
    if (!body_.node.IsMap()) {
      if (auto v = r_.number(body_, 0.0, kMaxSeconds)) c_.seconds = *v;
      return;
    }
    auto m = map();
    if (!m) return;
    readInto(*m, "seconds", c_.seconds, [&](const Field& f) { return r_.number(f, 0.0, kMaxSeconds); });
    const Field* since = m->find("since");
    if (since != nullptr && since->node.IsMap()) return readSinceCondition(r_, c_, *since, depth_);
    readInto(*m, "since", c_.sinceAttempt, [&](const Field& f) {
      return r_.choice<bool>(f, {{"step", false}, {"attempt", true}});
    });
  }
  void readLookingAt() {
    if (!body_.node.IsMap()) return shortForm(c_.object);
    if (auto m = map()) {
      str(*m, "object", c_.object);
      readInto(*m, "within", c_.degrees, [&](const Field& f) { return r_.number(f, 0.1, 180.0); });
    }
  }
  void readChildren() {
    auto items = r_.list(body_);
    if (!items) return;
    if (items->empty()) r_.error(body_.span, what_ + " needs at least one condition");
    for (const auto& item : *items) {
      if (r_.stopped()) return;
      if (auto child = readCondition(r_, item, depth_ + 1)) c_.children.push_back(std::move(*child));
    }
  }
  void readNot() {
    if (auto child = readCondition(r_, body_, depth_ + 1)) c_.children.push_back(std::move(*child));
  }
};

}  // namespace

std::optional<Condition> readCondition(Reader& r, const Field& field, int depth) {
  if (depth > r.limits().maxDepth) {
    r.error(field.span, "conditions nest deeper than " + std::to_string(r.limits().maxDepth) + " levels");
    return std::nullopt;
  }
  const std::size_t before = r.errorCount();
  auto body = r.single(field, "condition", "condition");
  if (!body) return std::nullopt;
  Condition c;
  c.span = field.span;
  for (const auto& k : kKinds) {
    if (k.name == body->name) c.kind = k.kind;
  }
  if (isFormat2(c.kind) && !r.requireFormat(*body, 2, "condition '" + body->name + "'")) return std::nullopt;
  ConditionReader(r, c, *body, depth).read();
  if (r.errorCount() != before) return std::nullopt;
  return c;
}

}  // namespace praxis::scenario::detail
