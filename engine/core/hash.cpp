#include "core/hash.h"

namespace praxis::core {

void Hasher::bytes(const void* data, std::size_t size) {
  const auto* p = static_cast<const unsigned char*>(data);
  for (std::size_t i = 0; i < size; ++i) {
    state_ ^= p[i];
    state_ *= 0x100000001B3ULL;
  }
}

std::string Hasher::hex() const { return toHex64(state_); }

std::uint64_t hashBytes(std::string_view data) {
  Hasher h;
  h.bytes(data.data(), data.size());
  return h.digest();
}

std::string toHex64(std::uint64_t v) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i) {
    out[static_cast<std::size_t>(i)] = kDigits[v & 0xFU];
    v >>= 4U;
  }
  return out;
}

}  // namespace praxis::core
