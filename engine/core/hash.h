// Stable 64-bit hashing (FNV-1a) for determinism checks and content-addressed caches.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <type_traits>

namespace praxis::core {

/// Incremental FNV-1a. Same bytes in, same hash out, on every platform and build.
class Hasher {
 public:
  void bytes(const void* data, std::size_t size);
  void text(std::string_view s) {
    value(s.size());
    bytes(s.data(), s.size());
  }
  template <typename T>
    requires std::is_arithmetic_v<T>
  void value(T v) {
    bytes(&v, sizeof v);
  }
  [[nodiscard]] std::uint64_t digest() const { return state_; }
  /// 16 lowercase hex digits.
  [[nodiscard]] std::string hex() const;

 private:
  std::uint64_t state_ = 0xCBF29CE484222325ULL;
};

[[nodiscard]] std::uint64_t hashBytes(std::string_view data);
[[nodiscard]] std::string toHex64(std::uint64_t v);

}  // namespace praxis::core
