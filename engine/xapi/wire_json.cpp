#include "xapi/wire_json.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <vector>

namespace praxis::xapi {
namespace {

// ECMAScript's "array index": a canonical decimal integer below 2^32 - 1. Objects list such
// keys first, in numeric order, whatever order they were written in.
std::optional<std::uint32_t> arrayIndex(const std::string& key) {
  if (key.empty() || key.size() > 10 || (key.size() > 1 && key[0] == '0')) return std::nullopt;
  std::uint64_t value = 0;
  for (const char c : key) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + static_cast<std::uint64_t>(c - '0');
  }
  if (value >= 0xFFFFFFFFULL) return std::nullopt;
  return static_cast<std::uint32_t>(value);
}

void writeString(const std::string& text, std::string& out) {
  // nlohmann escapes exactly what JSON.stringify escapes (", \, \b \f \n \r \t, other
  // controls as lowercase \u00xx) when told to leave non-ASCII alone.
  out += Json(text).dump(-1, ' ', false, Json::error_handler_t::replace);
}

void write(const Json& json, std::string& out) {
  switch (json.type()) {
    case Json::value_t::object: {
      std::vector<std::pair<std::uint32_t, const std::string*>> indexed;
      for (const auto& [key, value] : json.items()) {
        if (auto index = arrayIndex(key)) indexed.emplace_back(*index, &key);
      }
      std::sort(indexed.begin(), indexed.end());
      out += '{';
      bool first = true;
      auto member = [&](const std::string& key) {
        if (!first) out += ',';
        first = false;
        writeString(key, out);
        out += ':';
        write(json.at(key), out);
      };
      for (const auto& entry : indexed) member(*entry.second);
      for (const auto& [key, value] : json.items()) {
        if (!arrayIndex(key)) member(key);
      }
      out += '}';
      return;
    }
    case Json::value_t::array: {
      out += '[';
      for (std::size_t i = 0; i < json.size(); ++i) {
        if (i > 0) out += ',';
        write(json[i], out);
      }
      out += ']';
      return;
    }
    case Json::value_t::string: writeString(json.get_ref<const std::string&>(), out); return;
    case Json::value_t::boolean: out += json.get<bool>() ? "true" : "false"; return;
    case Json::value_t::number_integer: {
      const auto v = json.get<std::int64_t>();
      // JavaScript numbers are doubles: beyond 2^53 an integer comes back rounded.
      out += std::llabs(v) <= (std::int64_t{1} << 53) ? std::to_string(v)
                                                      : javascriptNumber(static_cast<double>(v));
      return;
    }
    case Json::value_t::number_unsigned: {
      const auto v = json.get<std::uint64_t>();
      out += v <= (std::uint64_t{1} << 53) ? std::to_string(v)
                                           : javascriptNumber(static_cast<double>(v));
      return;
    }
    case Json::value_t::number_float: out += javascriptNumber(json.get<double>()); return;
    case Json::value_t::null:
    case Json::value_t::binary:
    case Json::value_t::discarded: out += "null"; return;
  }
}

}  // namespace

std::string javascriptNumber(double value) {
  if (!std::isfinite(value)) return "null";
  if (value == 0.0) return "0";  // -0 too, as JSON.stringify writes it
  // Shortest round-trip digits (the same choice ECMAScript makes), then its layout rules
  // (Number::toString, ECMA-262 §6.1.6.1.20): k digits, decimal exponent n.
  char buffer[64];
  const auto result =
      std::to_chars(buffer, buffer + sizeof buffer, std::abs(value), std::chars_format::scientific);
  const std::string_view text(buffer, static_cast<std::size_t>(result.ptr - buffer));
  const auto e = text.find('e');
  std::string digits;
  for (const char c : text.substr(0, e)) {
    if (c != '.') digits += c;
  }
  while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
  const int k = static_cast<int>(digits.size());
  const int n = std::atoi(std::string(text.substr(e + 1)).c_str()) + 1;
  std::string out = value < 0 ? "-" : "";
  if (k <= n && n <= 21) {
    out += digits + std::string(static_cast<std::size_t>(n - k), '0');
  } else if (0 < n && n <= 21) {
    out += digits.substr(0, static_cast<std::size_t>(n)) + "." +
           digits.substr(static_cast<std::size_t>(n));
  } else if (-6 < n && n <= 0) {
    out += "0." + std::string(static_cast<std::size_t>(-n), '0') + digits;
  } else {
    out += digits.substr(0, 1);
    if (k > 1) out += "." + digits.substr(1);
    out += n - 1 >= 0 ? "e+" : "e-";
    out += std::to_string(std::abs(n - 1));
  }
  return out;
}

std::string wireText(const Json& json) {
  std::string out;
  write(json, out);
  return out;
}

}  // namespace praxis::xapi
