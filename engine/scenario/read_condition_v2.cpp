// Format-2 conditions (`praxis: 2`): count, rate, held, active, touching, posture, said, and
// the format-2 keys of older kinds (`hand:` on touched, `since: {condition}` on elapsed).
// See docs/scenario-format.md, "Conditions".
#include "scenario/readers.h"

namespace praxis::scenario::detail {
namespace {

class Format2Reader : ConditionReaderBase {
 public:
  using ConditionReaderBase::ConditionReaderBase;

  void read() {
    switch (c_.kind) {
      case ConditionKind::Count: return readCount();
      case ConditionKind::Rate: return readRate();
      case ConditionKind::Held: return readHeld();
      case ConditionKind::Active: return shortForm(c_.state, "step");
      case ConditionKind::Touching: return readTouching();
      case ConditionKind::Posture: return readPosture();
      case ConditionKind::Said: return readSaid();
      default: return;
    }
  }

 private:
  // `of:` — the condition whose occurrences (times it becomes true) are judged.
  void readOf(const MapView& m) {
    if (const Field* of = m.find("of")) {
      if (auto child = readCondition(r_, *of, depth_ + 1)) c_.children.push_back(std::move(*child));
    }
  }
  void readCount() {
    auto m = map();
    if (!m) return;
    readOf(*m);
    readInto(*m, "min", c_.atLeast, [&](const Field& f) { return r_.integer(f, 0, 1'000'000); });
    if (const Field* f = m->find("max")) {
      if (auto n = r_.integer(*f, 0, 1'000'000)) c_.atMost = static_cast<int>(*n);
    }
    readInto(*m, "within", c_.seconds, [&](const Field& f) { return r_.number(f, 1e-3, kMaxSeconds); });
    if (m->find("min") == nullptr && m->find("max") == nullptr) {
      r_.error(body_.span, what_ + " needs 'min', 'max' or both");
    } else if (c_.atMost && c_.atLeast > *c_.atMost) {
      r_.error(body_.span, what_ + ": 'min' is greater than 'max'");
    }
  }
  void readRate() {
    auto m = map();
    if (!m) return;
    readOf(*m);
    readInto(*m, "min", c_.minimum, [&](const Field& f) { return r_.number(f, 1e-3, 100'000.0); });
    readInto(*m, "max", c_.maximum, [&](const Field& f) { return r_.number(f, 1e-3, 100'000.0); });
    c_.lastEvents = 5;
    readInto(*m, "last", c_.lastEvents, [&](const Field& f) { return r_.integer(f, 2, 10'000); });
    readInto(*m, "tolerance", c_.tolerance, [&](const Field& f) { return r_.integer(f, 0, 10'000); });
    if (c_.minimum > c_.maximum) r_.error(body_.span, what_ + ": 'min' is greater than 'max'");
    if (c_.tolerance > c_.lastEvents - 2) {
      r_.error(spanOf(c_.fields, "tolerance", body_.span),
               what_ + ": 'tolerance' must leave at least one of the " + std::to_string(c_.lastEvents - 1) +
                   " intervals judged (at most " + std::to_string(c_.lastEvents - 2) + ")");
    }
  }
  void readHeld() {
    auto m = map();
    if (!m) return;
    readOf(*m);
    readInto(*m, "seconds", c_.seconds, [&](const Field& f) { return r_.number(f, 0.0, kMaxSeconds); });
  }
  void readTouching() {
    if (!body_.node.IsMap()) return shortForm(c_.target, "target");
    if (auto m = map()) {
      str(*m, "target", c_.target);
      readToucher(r_, *m, c_);
    }
  }
  void readPosture() {
    // Kneeling and crouching look the same to the engine (eye height): one posture, two names.
    if (auto p = r_.choice<std::string>(body_, {{"standing", "standing"}, {"crouching", "crouching"}, {"kneeling", "crouching"}})) {
      c_.state = *p;
      c_.fields["is"] = body_.span;
    }
  }
  void readSaid() {
    if (!body_.node.IsMap()) return shortForm(c_.state, "phrase");
    if (auto m = map()) {
      str(*m, "phrase", c_.state);
      str(*m, "to", c_.object);
    }
  }
};

}  // namespace

bool isFormat2(ConditionKind kind) {
  switch (kind) {
    case ConditionKind::Count:
    case ConditionKind::Rate:
    case ConditionKind::Held:
    case ConditionKind::Active:
    case ConditionKind::Touching:
    case ConditionKind::Posture:
    case ConditionKind::Said: return true;
    default: return false;
  }
}

void readFormat2Condition(Reader& r, Condition& c, const Field& body, int depth) {
  Format2Reader(r, c, body, depth).read();
}

void readToucher(Reader& r, const MapView& m, Condition& c) {
  if (const Field* by = m.find("by")) {
    if (auto s = r.string(*by)) {
      if (*s == "hand") {
        c.by = ToucherKind::Hand;
      } else if (*s == "tool") {
        c.by = ToucherKind::Tool;
      } else {
        c.by = ToucherKind::Tool;  // a specific tool's id
        c.tool = *s;
      }
    }
  }
  if (const Field* hand = m.find("hand"); hand != nullptr && r.requireFormat(*hand, 2, "hand: on a touch")) {
    if (auto h = readHand(r, *hand)) c.hand = *h;
  }
}

std::optional<Hand> readHand(Reader& r, const Field& field) {
  return r.choice<Hand>(field,
                        {{"left", Hand::Left}, {"right", Hand::Right}, {"either", Hand::Either}});
}

void readSinceCondition(Reader& r, Condition& c, const Field& since, int depth) {
  if (!r.requireFormat(since, 2, "since: a condition")) return;
  if (auto child = readCondition(r, since, depth + 1)) {
    c.sinceCondition = true;
    c.children.push_back(std::move(*child));
  }
}

}  // namespace praxis::scenario::detail
