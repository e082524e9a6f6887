#include "app/input_recording.h"

#include <bit>
#include <cstring>

#include "core/paths.h"

namespace praxis::app {
namespace {

// Version 2 adds the phrase said per tick; version-1 recordings (no phrases) still replay.
constexpr char kMagic[8] = {'P', 'R', 'X', 'R', 'E', 'C', '0', '2'};
constexpr char kMagicV1[8] = {'P', 'R', 'X', 'R', 'E', 'C', '0', '1'};
// Floats per tick: head (3 + 4), then per hand pose (3 + 4), grip, trigger, tracked; then
// (version 2) the phrase said, -1 for none.
constexpr std::size_t kFloatsPerTickV1 = 7 + 2 * (7 + 3);
constexpr std::size_t kFloatsPerTick = kFloatsPerTickV1 + 1;

static_assert(std::endian::native == std::endian::little, "recordings are little-endian");

class Writer {
 public:
  void u64(std::uint64_t v) { raw(&v, sizeof v); }
  void f32(float v) { raw(&v, sizeof v); }
  void str(const std::string& s) {
    u64(s.size());
    raw(s.data(), s.size());
  }
  void pose(const core::Pose& p) {
    f32(p.position.x); f32(p.position.y); f32(p.position.z);
    f32(p.orientation.w); f32(p.orientation.x); f32(p.orientation.y); f32(p.orientation.z);
  }
  std::string bytes;

 private:
  void raw(const void* p, std::size_t n) { bytes.append(static_cast<const char*>(p), n); }
};

class Reader {
 public:
  explicit Reader(std::string_view bytes) : bytes_(bytes) {}
  bool u64(std::uint64_t& v) { return raw(&v, sizeof v); }
  bool f32(float& v) { return raw(&v, sizeof v); }
  bool str(std::string& s) {
    std::uint64_t n = 0;
    if (!u64(n) || n > bytes_.size() - pos_) return false;
    s.assign(bytes_.substr(pos_, n));
    pos_ += n;
    return true;
  }
  bool pose(core::Pose& p) {
    return f32(p.position.x) && f32(p.position.y) && f32(p.position.z) && f32(p.orientation.w) &&
           f32(p.orientation.x) && f32(p.orientation.y) && f32(p.orientation.z);
  }
  [[nodiscard]] std::size_t remaining() const { return bytes_.size() - pos_; }

 private:
  bool raw(void* p, std::size_t n) {
    if (n > remaining()) return false;
    std::memcpy(p, bytes_.data() + pos_, n);
    pos_ += n;
    return true;
  }
  std::string_view bytes_;
  std::size_t pos_ = 0;
};

}  // namespace

core::Result<void> writeRecording(const std::filesystem::path& path, const Recording& rec) {
  Writer w;
  w.bytes.append(kMagic, sizeof kMagic);
  w.str(rec.scenarioFolder);
  w.u64(rec.scenarioHash);
  w.u64(rec.seed);
  w.str(rec.language);
  w.u64(rec.eventLogHash);
  w.u64(rec.inputs.size());
  for (const auto& in : rec.inputs) {
    w.pose(in.head);
    for (const auto& h : in.hands) {
      w.pose(h.pose);
      w.f32(h.grip);
      w.f32(h.trigger);
      w.f32(h.tracked ? 1.0F : 0.0F);
    }
    w.f32(static_cast<float>(in.say));
  }
  return core::writeFileAtomic(path, w.bytes);
}

core::Result<Recording> readRecording(const std::filesystem::path& path) {
  auto bytes = core::readFile(path);
  if (!bytes) return std::unexpected(bytes.error());
  const std::string name = path.string();
  const bool v2 = bytes->size() >= sizeof kMagic && std::memcmp(bytes->data(), kMagic, sizeof kMagic) == 0;
  const bool v1 = bytes->size() >= sizeof kMagicV1 && std::memcmp(bytes->data(), kMagicV1, sizeof kMagicV1) == 0;
  if (!v1 && !v2) return core::fail(name, ": not a Praxis input recording (bad magic)");
  const std::size_t tickBytes = (v2 ? kFloatsPerTick : kFloatsPerTickV1) * sizeof(float);
  Reader r(std::string_view(*bytes).substr(sizeof kMagic));
  Recording rec;
  std::uint64_t count = 0;
  if (!r.str(rec.scenarioFolder) || !r.u64(rec.scenarioHash) || !r.u64(rec.seed) ||
      !r.str(rec.language) || !r.u64(rec.eventLogHash) || !r.u64(count)) {
    return core::fail(name, ": truncated recording header");
  }
  if (count != r.remaining() / tickBytes || r.remaining() % tickBytes != 0) {
    return core::fail(name, ": truncated or damaged recording (", std::to_string(count),
                      " ticks announced, ", std::to_string(r.remaining()), " bytes of input)");
  }
  rec.inputs.resize(count);
  for (auto& in : rec.inputs) {
    r.pose(in.head);
    for (auto& h : in.hands) {
      float tracked = 1.0F;
      r.pose(h.pose);
      r.f32(h.grip);
      r.f32(h.trigger);
      r.f32(tracked);
      h.tracked = tracked != 0.0F;
    }
    float say = -1.0F;
    if (v2) r.f32(say);
    if (!(say >= -1.0F && say <= 32767.0F)) {  // also false for NaN, so the cast below is defined
      return core::fail(name, ": damaged recording (a phrase index of ", std::to_string(say), ")");
    }
    in.say = static_cast<std::int16_t>(say);
  }
  return rec;
}

}  // namespace praxis::app
