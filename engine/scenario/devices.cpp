#include "scenario/devices.h"

#include <algorithm>
#include <cstdio>
#include <limits>

namespace praxis::scenario {
namespace {

constexpr float kNoValue = std::numeric_limits<float>::quiet_NaN();
// A chain of transitions that all fire at once (`after: 0`) stops here instead of looping.
constexpr int kMaxTransitionsPerTick = 16;
// A live display that was just bound has shown nothing yet: the next refresh sends it.
constexpr std::string_view kNotShown = "\x01";

std::string replaceValue(std::string text, std::string_view value) {
  constexpr std::string_view kSlot = "{value}";
  for (std::size_t at = text.find(kSlot); at != std::string::npos; at = text.find(kSlot, at + value.size())) {
    text.replace(at, kSlot.size(), value);
  }
  return text;
}

}  // namespace

std::string commandText(const DeviceCommand& c, std::string_view language) {
  if (c.kind == DeviceCommand::Kind::Cue) {
    const std::string said = c.text != nullptr ? c.text->in(language) : std::string();
    if (c.state.empty()) return said;
    return said.empty() ? c.state : c.state + ": " + said;
  }
  if (c.text == nullptr || c.text->empty()) return c.text == nullptr ? c.value : std::string();
  return replaceValue(c.text->in(language), c.value);
}

core::Result<Devices> Devices::create(const ScenarioDef& def, const scene::Scene& scene) {
  Devices out(def);
  out.deviceOf_.assign(def.objects.size(), -1);
  out.values_.assign(def.objects.size(), kNoValue);
  for (std::size_t i = 0; i < def.objects.size(); ++i) {
    const ObjectDef& o = def.objects[i];
    if (o.voltage) out.values_[i] = static_cast<float>(*o.voltage);
    if (o.measures != Measure::None) out.values_[i] = 0.0F;
    if (!o.behaviour || o.behaviour->states.empty()) continue;
    Device d;
    d.entity = static_cast<scene::EntityId>(i);
    d.def = &*o.behaviour;
    if (const DeviceStateDef* initial = o.behaviour->find(o.behaviour->initial)) {
      d.state = static_cast<std::size_t>(initial - o.behaviour->states.data());
    }
    for (const DeviceStateDef& s : o.behaviour->states) {
      std::vector<int> roots;
      for (const TransitionDef& t : s.transitions) {
        if (t.next.empty() || o.behaviour->find(t.next) == nullptr) {
          return core::fail(t.span.where(), ": unknown state '", t.next, "' of object '", o.id, "'");
        }
        if (!t.when) {
          roots.push_back(-1);
          continue;
        }
        auto root = d.tree.addRoot(*t.when, def, scene);
        if (!root) return core::Unexpected<core::Error>(root.error());
        roots.push_back(*root);
      }
      d.roots.push_back(std::move(roots));
    }
    out.deviceOf_[i] = static_cast<int>(out.devices_.size());
    out.devices_.push_back(std::move(d));
  }
  return out;
}

void Devices::start(core::Tick tick) {
  for (Device& d : devices_) enter(d, d.state, tick);
}

void Devices::enter(Device& d, std::size_t state, core::Tick tick) {
  d.state = state;
  d.enteredAt = tick;
  d.tree.reset();
  const DeviceStateDef& s = d.def->states[state];
  commands_.push_back(DeviceCommand{.kind = DeviceCommand::Kind::SetState, .entity = d.entity, .state = s.name, .text = nullptr, .value = {}});
  run(s.onEnter, d.entity, tick);
}

scene::EntityId Devices::entityOf(const std::string& id, scene::EntityId owner) const {
  if (id.empty()) return owner;
  const ObjectDef* o = def_->findObject(id);
  // The validator rejects unknown ids; a definition built in code could still have one.
  return o == nullptr ? scene::kNoEntity : static_cast<scene::EntityId>(o - def_->objects.data());
}

void Devices::run(const std::vector<DeviceAction>& actions, scene::EntityId owner, core::Tick tick) {
  for (const DeviceAction& a : actions) runOne(a, owner, tick);
}

void Devices::runOne(const DeviceAction& a, scene::EntityId owner, core::Tick tick) {
  using Kind = DeviceCommand::Kind;
  const scene::EntityId target = entityOf(a.object, owner);
  const auto command = [&](Kind kind, std::string state = {}, const LocalizedText* text = nullptr) {
    commands_.push_back(DeviceCommand{.kind = kind, .entity = target, .state = std::move(state), .text = text, .value = {}});
  };
  if (target == scene::kNoEntity && a.kind != DeviceActionKind::Cue) return;
  switch (a.kind) {
    case DeviceActionKind::Set: {
      if (a.value) {
        values_[target] = static_cast<float>(*a.value);
        return;
      }
      const int index = deviceOf_[target];
      if (index < 0) return command(Kind::SetState, a.state);
      Device& d = devices_[static_cast<std::size_t>(index)];
      if (const DeviceStateDef* s = d.def->find(a.state)) {
        enter(d, static_cast<std::size_t>(s - d.def->states.data()), tick);
      }
      return;
    }
    case DeviceActionKind::Show: return command(Kind::Show);
    case DeviceActionKind::Hide: return command(Kind::Hide);
    case DeviceActionKind::Enable: return command(Kind::Enable);
    case DeviceActionKind::Disable: return command(Kind::Disable);
    case DeviceActionKind::Display: return display(target, a);
    case DeviceActionKind::Cue: return command(Kind::Cue, a.sound, a.text.empty() ? nullptr : &a.text);
  }
}

void Devices::display(scene::EntityId target, const DeviceAction& a) {
  std::erase_if(live_, [&](const LiveDisplay& l) { return l.display == target; });
  if (!a.valueOf.empty()) {
    // Shown on the next refresh, which knows the scene (a lever's value).
    live_.push_back(LiveDisplay{target, entityOf(a.valueOf, target), &a, std::string(kNotShown)});
    return;
  }
  commands_.push_back(DeviceCommand{.kind = DeviceCommand::Kind::Display, .entity = target, .state = {}, .text = &a.text, .value = {}});
}

void Devices::measure(const WorldFacts& facts) {
  for (std::size_t i = 0; i < def_->objects.size(); ++i) {
    if (def_->objects[i].measures == Measure::None) continue;
    // A tester reads the highest voltage any of its contacts touches (0 when none).
    float reading = 0.0F;
    for (const auto& [pair, since] : facts.toolOn) {
      if (pair.first != i || pair.second >= values_.size() || std::isnan(values_[pair.second])) continue;
      if (def_->objects[pair.second].measures != Measure::None) continue;
      reading = std::max(reading, std::abs(values_[pair.second]));
    }
    values_[i] = reading;
  }
}

void Devices::update(std::span<const interaction::WorldEvent> events, const EvalContext& context) {
  for (Device& d : devices_) {
    d.tree.observe(events, /*latch=*/false);
    for (int fired = 0; fired < kMaxTransitionsPerTick; ++fired) {
      const DeviceStateDef& s = d.def->states[d.state];
      const std::vector<int>& roots = d.roots[d.state];
      std::optional<std::size_t> next;
      for (std::size_t t = 0; t < s.transitions.size() && !next; ++t) {
        const TransitionDef& tr = s.transitions[t];
        const bool timeUp = !tr.afterSeconds || context.tick - d.enteredAt >= core::secondsToTicks(*tr.afterSeconds);
        if (timeUp && (roots[t] < 0 || d.tree.holds(roots[t], context))) {
          next = static_cast<std::size_t>(d.def->find(tr.next) - d.def->states.data());
        }
      }
      if (!next) break;
      enter(d, *next, context.tick);
    }
  }
  refreshLiveDisplays(context.scene);
}

void Devices::refreshLiveDisplays(const scene::Scene& scene) {
  for (LiveDisplay& l : live_) {
    std::string now = formatted(l.source, l.action->decimals, scene);
    if (now == l.shown) continue;
    l.shown = now;
    commands_.push_back(DeviceCommand{.kind = DeviceCommand::Kind::Display, .entity = l.display, .state = {},
                                      .text = l.action->text.empty() ? nullptr : &l.action->text,
                                      .value = std::move(now)});
  }
}

std::string Devices::formatted(scene::EntityId source, int decimals, const scene::Scene& scene) const {
  float v = source < values_.size() ? values_[source] : kNoValue;
  if (source < scene.size() && scene.at(source).lever) v = scene.at(source).lever->value;
  if (std::isnan(v)) return "-";
  char buffer[48];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, static_cast<double>(v));
  // "-0" reads as a fault on a meter: a reading that rounds to zero is "0".
  std::string out = buffer;
  if (out.starts_with('-') && out.find_first_not_of("-0.") == std::string::npos) out.erase(0, 1);
  return out;
}

std::vector<std::string> Devices::states() const {
  std::vector<std::string> out;
  for (const Device& d : devices_) {
    out.push_back(def_->objects[d.entity].id + "=" + d.def->states[d.state].name);
  }
  return out;
}

void Devices::hash(core::Hasher& hasher) const {
  for (const Device& d : devices_) {
    hasher.value(d.state);
    d.tree.hashMemory(hasher);
  }
  for (const float v : values_) hasher.value(std::isnan(v) ? -1.0e30F : v);
  for (const LiveDisplay& l : live_) {
    hasher.value(l.display);
    hasher.value(l.source);
  }
}

}  // namespace praxis::scenario
