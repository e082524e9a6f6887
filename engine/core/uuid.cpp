#include "core/uuid.h"

#include <sys/random.h>

#include <array>
#include <cerrno>
#include <cstring>

namespace praxis::core {

Result<std::string> newUuidV4() {
  std::array<unsigned char, 16> b{};
  std::size_t filled = 0;
  while (filled < b.size()) {
    const ssize_t n = getrandom(b.data() + filled, b.size() - filled, 0);
    if (n < 0) {
      if (errno == EINTR) continue;
      return fail("cannot read the OS random source: ", std::strerror(errno));
    }
    filled += static_cast<std::size_t>(n);
  }
  b[6] = static_cast<unsigned char>((b[6] & 0x0FU) | 0x40U);  // version 4
  b[8] = static_cast<unsigned char>((b[8] & 0x3FU) | 0x80U);  // RFC 4122 variant
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(36);
  for (std::size_t i = 0; i < b.size(); ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) out.push_back('-');
    out.push_back(kHex[b[i] >> 4U]);
    out.push_back(kHex[b[i] & 0xFU]);
  }
  return out;
}

bool isUuid(std::string_view text) {
  if (text.size() != 36) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const bool dash = (i == 8 || i == 13 || i == 18 || i == 23);
    if (dash != (c == '-')) return false;
    if (!dash && !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
      return false;
    }
  }
  return true;
}

}  // namespace praxis::core
