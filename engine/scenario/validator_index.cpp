#include "scenario/validator_index.h"

#include <algorithm>

#include "scenario/suggest.h"

namespace praxis::scenario::detail {

Index::Index(const ScenarioDef& def, Diagnostics& out) : def_(def), out_(out) {
  for (const auto& o : def.objects) {
    objects_.emplace(o.id, &o);
    objectIds_.push_back(o.id);
  }
  for (std::size_t i = 0; i < def.steps.size(); ++i) {
    steps_.emplace(def.steps[i].id, static_cast<int>(i));
    stepIds_.push_back(def.steps[i].id);
  }
  for (const auto& f : def.faults) faultIds_.push_back(f.id);
}

const ObjectDef* Index::object(std::string_view id) const {
  const auto it = objects_.find(id);
  return it == objects_.end() ? nullptr : it->second;
}

int Index::stepIndex(std::string_view id) const {
  const auto it = steps_.find(id);
  return it == steps_.end() ? -1 : it->second;
}

bool Index::hasFault(std::string_view id) const {
  return std::find(faultIds_.begin(), faultIds_.end(), id) != faultIds_.end();
}

const ObjectDef* Index::requireObject(std::string_view id, const SourceSpan& at, std::string_view context) const {
  if (const ObjectDef* o = object(id)) return o;
  out_.error(at, std::string(context) + ": unknown object '" + std::string(id) + "'" + didYouMean(id, objectIds_));
  return nullptr;
}

bool Index::requireStep(std::string_view id, const SourceSpan& at, std::string_view context, bool allowEnd) const {
  if (stepIndex(id) >= 0 || (allowEnd && id == kEndStep)) return true;
  std::vector<std::string> candidates = stepIds_;
  if (allowEnd) candidates.emplace_back(kEndStep);
  out_.error(at, std::string(context) + ": unknown step '" + std::string(id) + "'" + didYouMean(id, candidates));
  return false;
}

bool Index::requireFault(std::string_view id, const SourceSpan& at, std::string_view context) const {
  if (hasFault(id)) return true;
  out_.error(at, std::string(context) + ": unknown fault '" + std::string(id) + "'" + didYouMean(id, faultIds_));
  return false;
}

bool Index::check(bool ok, const ObjectDef& o, const SourceSpan& at, std::string_view context,
                  std::string_view problem) const {
  if (!ok) out_.error(at, std::string(context) + ": '" + o.id + "' " + std::string(problem));
  return ok;
}

std::vector<std::string> statesOf(const ObjectDef& o) {
  std::vector<std::string> states;
  if (o.behaviour) {
    for (const auto& s : o.behaviour->states) states.push_back(s.name);
    return states;  // a behaviour's state is the object's state
  }
  if (o.toggle) states = o.toggle->states;
  if (o.button) {
    states.emplace_back("pressed");
    states.emplace_back("released");
  }
  if (o.lever) {
    for (const auto& d : o.lever->detents) states.push_back(d.name);
  }
  if (o.socket) {
    states.emplace_back("occupied");
    states.emplace_back("empty");
  }
  return states;
}

std::string joined(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

}  // namespace praxis::scenario::detail
