#include "xr/haptics.h"

namespace praxis::xr {
namespace {

using interaction::EventKind;
using interaction::HandSide;

constexpr std::int64_t kMs = 1'000'000;

}  // namespace

std::vector<HapticPulse> hapticsFor(std::span<const interaction::WorldEvent> events) {
  std::vector<HapticPulse> out;
  for (const auto& e : events) {
    if (e.kind == EventKind::Grabbed) out.push_back({e.hand, 0.35F, 30 * kMs});
    if (e.kind != EventKind::Snapped) continue;
    bool released = false;
    for (const auto& r : events) {
      if (r.kind == EventKind::Released && r.subject == e.subject) {
        out.push_back({r.hand, 0.7F, 60 * kMs});
        released = true;
      }
    }
    if (!released) {
      out.push_back({HandSide::Left, 0.7F, 60 * kMs});
      out.push_back({HandSide::Right, 0.7F, 60 * kMs});
    }
  }
  return out;
}

std::vector<HapticPulse> faultHaptics() {
  return {{HandSide::Left, 1.0F, 400 * kMs}, {HandSide::Right, 1.0F, 400 * kMs}};
}

}  // namespace praxis::xr
