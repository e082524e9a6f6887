// Value half of the Reader: scalars, vectors, colours, texts and names, each with the
// "key: expected X, got Y" diagnostic when the document says something else.
#include <charconv>
#include <cmath>
#include <limits>

#include "scenario/suggest.h"
#include "scenario/yaml_reader.h"

namespace praxis::scenario::detail {
namespace {

// yaml-cpp tags plain scalars "?" and quoted or block scalars "!": only plain ones may be
// numbers or booleans, so `"12"` stays a string as YAML intends.
bool isPlain(const YAML::Node& node) { return node.Tag() == "?"; }

std::optional<double> parseNumber(std::string_view s) {
  if (s.starts_with('+')) s.remove_prefix(1);
  double value = 0.0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (ec != std::errc() || end != s.data() + s.size() || s.empty()) return std::nullopt;
  return value;
}

std::optional<bool> parseBool(std::string_view s) {
  if (s == "true" || s == "True" || s == "TRUE") return true;
  if (s == "false" || s == "False" || s == "FALSE") return false;
  return std::nullopt;
}

bool matches(std::string_view s, IdStyle style) {
  if (s.empty()) return false;
  for (const char c : s) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                    (c == '_' && style != IdStyle::Scenario) || (c == '-' && style != IdStyle::Object);
    if (!ok) return false;
  }
  return true;
}

std::string_view idRule(IdStyle style) {
  switch (style) {
    case IdStyle::Scenario: return "lower-case letters, digits and '-'";
    case IdStyle::Object: return "lower-case letters, digits and '_'";
    case IdStyle::Step: return "lower-case letters, digits, '_' and '-'";
  }
  return "";
}

// BCP 47 shape, loosely: a 2-3 letter language, then 2-8 character subtags.
bool isLanguageTag(std::string_view tag) {
  std::size_t part = 0;
  std::size_t start = 0;
  while (start <= tag.size()) {
    std::size_t dash = tag.find('-', start);
    if (dash == std::string_view::npos) dash = tag.size();
    const std::string_view sub = tag.substr(start, dash - start);
    const bool sizeOk = part == 0 ? (sub.size() == 2 || sub.size() == 3) : (sub.size() >= 2 && sub.size() <= 8);
    if (!sizeOk) return false;
    for (const char c : sub) {
      const bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
      if (!alpha && (part == 0 || c < '0' || c > '9')) return false;
    }
    ++part;
    start = dash + 1;
  }
  return true;
}

int hexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Authors pick colours in sRGB (what colour pickers show); the scene stores linear RGB.
float srgbToLinear(float c) {
  return c <= 0.04045F ? c / 12.92F : std::pow((c + 0.055F) / 1.055F, 2.4F);
}

std::optional<scene::Colour> parseHexColour(std::string_view s) {
  if (!s.starts_with('#') || (s.size() != 7 && s.size() != 9)) return std::nullopt;
  float channels[4] = {0.0F, 0.0F, 0.0F, 1.0F};
  for (std::size_t i = 0; 1 + 2 * i < s.size(); ++i) {
    const int hi = hexDigit(s[1 + 2 * i]);
    const int lo = hexDigit(s[2 + 2 * i]);
    if (hi < 0 || lo < 0) return std::nullopt;
    channels[i] = static_cast<float>(hi * 16 + lo) / 255.0F;
  }
  return scene::Colour(srgbToLinear(channels[0]), srgbToLinear(channels[1]), srgbToLinear(channels[2]),
                       channels[3]);
}

}  // namespace

std::string Reader::describe(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Undefined:
    case YAML::NodeType::Null: return "an empty value";
    case YAML::NodeType::Sequence: return "a list";
    case YAML::NodeType::Map: return "a map";
    case YAML::NodeType::Scalar: break;
  }
  if (isPlain(node)) {
    if (parseBool(node.Scalar())) return "a boolean";
    if (parseNumber(node.Scalar())) return "a number";
  }
  return "a string";
}

void Reader::reportBadChoice(const Field& field, std::string_view value, const std::vector<std::string_view>& allowed) {
  std::string list;
  for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
  error(field.span, field.name + ": '" + std::string(value) + "' is not one of " + list + didYouMean(value, allowed));
}

std::optional<std::string> Reader::string(const Field& field) {
  if (!field.node.IsScalar()) {
    expected(field, "a string");
    return std::nullopt;
  }
  return field.node.Scalar();
}

std::optional<std::string> Reader::id(const Field& field, IdStyle style) {
  auto s = string(field);
  if (s && !matches(*s, style)) {
    error(field.span, field.name + ": '" + *s + "' is not a valid id (use " + std::string(idRule(style)) + ")");
    return std::nullopt;
  }
  return s;
}

std::optional<double> Reader::number(const Field& field) {
  std::optional<double> value;
  if (field.node.IsScalar() && isPlain(field.node)) value = parseNumber(field.node.Scalar());
  if (!value) {
    expected(field, "a number");
    return std::nullopt;
  }
  if (!std::isfinite(*value)) {
    error(field.span, field.name + ": expected a finite number, got " + field.node.Scalar());
    return std::nullopt;
  }
  // Most numbers end up in floats; beyond their range a conversion is undefined behaviour.
  if (std::fabs(*value) > static_cast<double>(std::numeric_limits<float>::max())) {
    error(field.span, field.name + ": " + field.node.Scalar() + " is out of range");
    return std::nullopt;
  }
  return value;
}

std::optional<double> Reader::number(const Field& field, double low, double high) {
  auto value = number(field);
  if (!value) return std::nullopt;
  if (*value < low || *value > high) {
    const auto fmt = [](double v) {
      std::string s = std::to_string(v);
      s.erase(s.find_last_not_of('0') + 1);
      if (s.ends_with('.')) s.pop_back();
      return s;
    };
    std::string range = high == std::numeric_limits<double>::max() ? "at least " + fmt(low)
                                                                    : "between " + fmt(low) + " and " + fmt(high);
    error(field.span, field.name + ": must be " + range + ", got " + field.node.Scalar());
    return std::nullopt;
  }
  return value;
}

std::optional<long long> Reader::integer(const Field& field, long long low, long long high) {
  auto value = number(field);
  if (!value) return std::nullopt;
  if (std::floor(*value) != *value || std::fabs(*value) > 9.0e15) {
    error(field.span, field.name + ": expected a whole number, got " + field.node.Scalar());
    return std::nullopt;
  }
  const auto whole = static_cast<long long>(*value);
  if (whole < low || whole > high) {
    const std::string range = high == std::numeric_limits<long long>::max()
                                  ? "at least " + std::to_string(low)
                                  : "between " + std::to_string(low) + " and " + std::to_string(high);
    error(field.span, field.name + ": must be " + range + ", got " + field.node.Scalar());
    return std::nullopt;
  }
  return whole;
}

std::optional<bool> Reader::boolean(const Field& field) {
  std::optional<bool> value;
  if (field.node.IsScalar() && isPlain(field.node)) value = parseBool(field.node.Scalar());
  if (!value) expected(field, "true or false");
  return value;
}

std::optional<std::vector<float>> Reader::numbers(const Field& field, std::size_t minCount, std::size_t maxCount) {
  if (field.node.IsScalar() && minCount <= 1) {
    auto v = number(field);
    if (!v) return std::nullopt;
    return std::vector<float>{static_cast<float>(*v)};
  }
  const std::string count = minCount == maxCount ? std::to_string(minCount)
                                                 : std::to_string(minCount) + " to " + std::to_string(maxCount);
  if (!field.node.IsSequence()) {
    expected(field, "a list of " + count + " numbers");
    return std::nullopt;
  }
  if (field.node.size() < minCount || field.node.size() > maxCount) {
    error(field.span, field.name + ": expected " + count + " numbers, got " + std::to_string(field.node.size()));
    return std::nullopt;
  }
  auto items = list(field);
  if (!items) return std::nullopt;
  std::vector<float> out;
  bool ok = true;
  for (const auto& item : *items) {
    if (auto v = number(item)) {
      out.push_back(static_cast<float>(*v));
    } else {
      ok = false;
    }
  }
  return ok ? std::optional(out) : std::nullopt;
}

std::optional<core::Vec3> Reader::vec3(const Field& field) {
  auto v = numbers(field, 3, 3);
  if (!v) return std::nullopt;
  return core::Vec3((*v)[0], (*v)[1], (*v)[2]);
}

std::optional<scene::Colour> Reader::colour(const Field& field) {
  if (field.node.IsNull()) {
    error(field.span, field.name + ": expected a colour, got an empty value (quote hex colours: \"#ff8800\")");
    return std::nullopt;
  }
  if (field.node.IsScalar()) {
    if (auto c = parseHexColour(field.node.Scalar())) return c;
    error(field.span, field.name + ": '" + field.node.Scalar() +
                          "' is not a colour (use \"#rrggbb\", \"#rrggbbaa\" or [r, g, b] with 0…1)");
    return std::nullopt;
  }
  auto v = numbers(field, 3, 4);
  if (!v) return std::nullopt;
  for (const float c : *v) {
    if (c < 0.0F || c > 1.0F) {
      error(field.span, field.name + ": colour components must be between 0 and 1");
      return std::nullopt;
    }
  }
  return scene::Colour(srgbToLinear((*v)[0]), srgbToLinear((*v)[1]), srgbToLinear((*v)[2]),
                       v->size() == 4 ? (*v)[3] : 1.0F);
}

std::optional<LocalizedText> Reader::text(const Field& field) {
  if (!field.node.IsMap()) {
    expected(field, "a text per language (e.g. {nl-BE: \"…\", en: \"…\"})");
    return std::nullopt;
  }
  if (!charge(field.node.size() + 1)) return std::nullopt;
  LocalizedText out;
  bool ok = true;
  for (auto it = field.node.begin(); it != field.node.end(); ++it) {
    const std::string tag = it->first.IsScalar() ? it->first.Scalar() : std::string();
    if (!isLanguageTag(tag)) {
      error(span(it->first), field.name + ": '" + tag + "' is not a language tag (e.g. nl-BE, fr-BE, en)");
      ok = false;
      continue;
    }
    if (out.has(tag)) {
      error(span(it->first), field.name + ": duplicate language '" + tag + "'");
      ok = false;
      continue;
    }
    const Field value{it->second, it->second.IsNull() ? span(it->first) : span(it->second), field.name + "." + tag};
    if (auto s = string(value)) {
      out.set(tag, std::move(*s));
    } else {
      ok = false;
    }
  }
  if (ok && out.empty()) error(field.span, field.name + ": has no text in any language");
  return ok && !out.empty() ? std::optional(std::move(out)) : std::nullopt;
}

std::optional<std::vector<std::string>> Reader::names(const Field& field, FieldSpans* spans, std::string_view prefix) {
  auto items = list(field);
  if (!items) return std::nullopt;
  std::vector<std::string> out;
  bool ok = true;
  for (std::size_t i = 0; i < items->size(); ++i) {
    auto s = string((*items)[i]);
    if (!s) {
      ok = false;
      continue;
    }
    if (spans != nullptr) {
      (*spans)[std::string(prefix) + field.name + "[" + std::to_string(out.size()) + "]"] = (*items)[i].span;
    }
    out.push_back(std::move(*s));
  }
  return ok ? std::optional(std::move(out)) : std::nullopt;
}

}  // namespace praxis::scenario::detail
