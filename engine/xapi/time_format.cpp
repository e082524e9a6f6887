#include "xapi/time_format.h"

#include <cctype>
#include <cmath>
#include <cstdio>
#include <ctime>

namespace praxis::xapi {
namespace {

bool digits(std::string_view s, std::size_t pos, std::size_t count) {
  if (pos + count > s.size()) return false;
  for (std::size_t i = pos; i < pos + count; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
  }
  return true;
}

int number(std::string_view s, std::size_t pos, std::size_t count) {
  int v = 0;
  for (std::size_t i = pos; i < pos + count; ++i) v = v * 10 + (s[i] - '0');
  return v;
}

}  // namespace

std::string formatTimestamp(WallClock::time_point time) {
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(time.time_since_epoch());
  auto seconds = static_cast<std::time_t>(ms.count() / 1000);
  auto millis = static_cast<int>(ms.count() % 1000);
  if (millis < 0) {
    millis += 1000;
    --seconds;
  }
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", utc.tm_year + 1900,
                utc.tm_mon + 1, utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec, millis);
  return buf;
}

bool isTimestamp(std::string_view s) {
  // YYYY-MM-DDTHH:MM:SS[.fff](Z|±HH:MM)
  if (!digits(s, 0, 4) || s.size() < 20 || s[4] != '-' || !digits(s, 5, 2) || s[7] != '-' ||
      !digits(s, 8, 2) || (s[10] != 'T' && s[10] != 't') || !digits(s, 11, 2) || s[13] != ':' ||
      !digits(s, 14, 2) || s[16] != ':' || !digits(s, 17, 2)) {
    return false;
  }
  const int month = number(s, 5, 2), day = number(s, 8, 2);
  if (month < 1 || month > 12 || day < 1 || day > 31 || number(s, 11, 2) > 23 ||
      number(s, 14, 2) > 59 || number(s, 17, 2) > 60) {
    return false;
  }
  std::size_t pos = 19;
  if (pos < s.size() && s[pos] == '.') {
    ++pos;
    const std::size_t start = pos;
    while (pos < s.size() && std::isdigit(static_cast<unsigned char>(s[pos]))) ++pos;
    if (pos == start) return false;
  }
  if (pos == s.size()) return false;
  if (s[pos] == 'Z' || s[pos] == 'z') return pos + 1 == s.size();
  if (s[pos] != '+' && s[pos] != '-') return false;
  return s.size() == pos + 6 && digits(s, pos + 1, 2) && s[pos + 3] == ':' &&
         digits(s, pos + 4, 2) && number(s, pos + 1, 2) <= 23 && number(s, pos + 4, 2) <= 59;
}

std::string formatDuration(double seconds) {
  if (!(seconds > 0.0)) return "PT0S";
  auto centis = static_cast<long long>(std::llround(seconds * 100.0));
  const long long hours = centis / 360000;
  centis %= 360000;
  const long long minutes = centis / 6000;
  centis %= 6000;
  std::string out = "PT";
  if (hours > 0) out += std::to_string(hours) + "H";
  if (minutes > 0) out += std::to_string(minutes) + "M";
  if (centis > 0 || out == "PT") {
    char buf[32];
    if (centis % 100 == 0) {
      std::snprintf(buf, sizeof buf, "%lldS", centis / 100);
    } else {
      std::snprintf(buf, sizeof buf, "%lld.%02lldS", centis / 100, centis % 100);
      std::string trimmed = buf;  // "1.50S" → "1.5S"
      if (trimmed.size() > 2 && trimmed[trimmed.size() - 2] == '0') {
        trimmed.erase(trimmed.size() - 2, 1);
      }
      return out + trimmed;
    }
    out += buf;
  }
  return out;
}

std::optional<double> parseDuration(std::string_view s) {
  // P[nY][nM][nW][nD][T[nH][nM][n[.n]S]]; at least one component; fraction only on the last.
  if (s.size() < 2 || s[0] != 'P') return std::nullopt;
  std::size_t pos = 1;
  bool inTime = false, any = false, fractionSeen = false;
  double total = 0.0;
  std::string_view order = "YMWD";
  std::size_t orderIndex = 0;
  while (pos < s.size()) {
    if (s[pos] == 'T') {
      if (inTime || pos + 1 == s.size()) return std::nullopt;
      inTime = true;
      order = "HMS";
      orderIndex = 0;
      ++pos;
      continue;
    }
    if (fractionSeen) return std::nullopt;
    const std::size_t start = pos;
    while (pos < s.size() &&
           (std::isdigit(static_cast<unsigned char>(s[pos])) || s[pos] == '.' || s[pos] == ',')) {
      ++pos;
    }
    if (pos == start || pos == s.size()) return std::nullopt;
    std::string numberText(s.substr(start, pos - start));
    for (auto& c : numberText) c = (c == ',') ? '.' : c;
    if (numberText.front() == '.' || numberText.back() == '.' ||
        numberText.find('.') != numberText.rfind('.')) {
      return std::nullopt;
    }
    fractionSeen = numberText.find('.') != std::string::npos;
    const double value = std::strtod(numberText.c_str(), nullptr);
    const auto unit = order.find(s[pos], orderIndex);
    if (unit == std::string_view::npos) return std::nullopt;
    orderIndex = unit + 1;
    static constexpr double kDate[] = {365 * 86400.0, 30 * 86400.0, 7 * 86400.0, 86400.0};
    static constexpr double kTime[] = {3600.0, 60.0, 1.0};
    total += value * (inTime ? kTime[unit] : kDate[unit]);
    any = true;
    ++pos;
  }
  if (!any) return std::nullopt;
  return total;
}

}  // namespace praxis::xapi
