// Speech: a phrase the trainee says (TraineeInput::say) becomes a Said event, addressed to
// the person the trainee faces, if any: what "You, call 112!" means in a room of people.
#include <cmath>

#include "interaction/world.h"

namespace praxis::interaction {
namespace {

constexpr float kAddressCos = 0.866F;   // within 30 degrees of where the head faces
constexpr float kAddressRange = 6.0F;   // metres: beyond this one calls, not tells

}  // namespace

scene::EntityId World::addressee(const core::Pose& head) const {
  scene::EntityId addressee = scene::kNoEntity;
  float best = kAddressCos;
  const core::Vec3 forward = head.forward();
  for (const scene::EntityId person : people_) {
    if (person == scene::kNoEntity) continue;
    const core::Vec3 to = scene_.at(person).worldPose.position - head.position;
    const float distance = glm::length(to);
    if (distance < 1e-3F || distance > kAddressRange) continue;
    const float cosine = glm::dot(forward, to / distance);
    if (cosine >= best) {
      best = cosine;
      addressee = person;
    }
  }
  return addressee;
}

void World::say(core::Tick tick, const TraineeInput& input, std::vector<WorldEvent>& out) const {
  const auto index = static_cast<std::size_t>(input.say);
  if (index >= phrases_.size()) return;  // not a phrase of this scenario: nothing was said
  out.push_back({tick, EventKind::Said, addressee(input.head), scene::kNoEntity, HandSide::Right,
                 phrases_[index]});
}

}  // namespace praxis::interaction
