#include "config.h"

#include <charconv>
#include <cstdlib>
#include <string_view>

namespace praxis::xrsim {
namespace {

std::string_view env(const char* name) {
  const char* value = std::getenv(name);  // NOLINT(concurrency-mt-unsafe): read at instance creation
  return value != nullptr ? std::string_view(value) : std::string_view();
}

template <typename T>
std::optional<T> parseNumber(std::string_view text) {
  T value{};
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) {
    return std::nullopt;
  }
  return value;
}

std::optional<XrEnvironmentBlendMode> parseBlend(std::string_view name) {
  if (name == "opaque") {
    return XR_ENVIRONMENT_BLEND_MODE_OPAQUE;
  }
  if (name == "additive") {
    return XR_ENVIRONMENT_BLEND_MODE_ADDITIVE;
  }
  if (name == "alpha_blend") {
    return XR_ENVIRONMENT_BLEND_MODE_ALPHA_BLEND;
  }
  return std::nullopt;
}

void readBlend(Config& config) {
  std::string_view list = env("PRAXIS_XR_SIM_BLEND");
  if (list.empty()) {
    return;
  }
  std::vector<XrEnvironmentBlendMode> modes;
  while (!list.empty()) {
    std::size_t comma = list.find(',');
    std::string_view name = list.substr(0, comma);
    if (auto mode = parseBlend(name)) {
      modes.push_back(*mode);
    } else {
      config.warnings.push_back("PRAXIS_XR_SIM_BLEND: unknown mode '" + std::string(name) +
                                "' (expected opaque, additive or alpha_blend)");
    }
    list = comma == std::string_view::npos ? std::string_view() : list.substr(comma + 1);
  }
  if (!modes.empty()) {
    config.blendModes = modes;
  }
}

void readViewSize(Config& config) {
  std::string_view size = env("PRAXIS_XR_SIM_VIEW_SIZE");
  if (size.empty()) {
    return;
  }
  std::size_t x = size.find('x');
  auto width = parseNumber<std::uint32_t>(size.substr(0, x));
  auto height = x == std::string_view::npos ? std::nullopt : parseNumber<std::uint32_t>(size.substr(x + 1));
  if (!width || !height || *width == 0 || *height == 0 || *width > 8192 || *height > 8192) {
    config.warnings.push_back("PRAXIS_XR_SIM_VIEW_SIZE: expected WIDTHxHEIGHT (1..8192), got '" +
                              std::string(size) + "'");
    return;
  }
  config.viewWidth = *width;
  config.viewHeight = *height;
}

void readFormFactor(Config& config) {
  std::string_view which = env("PRAXIS_XR_SIM_FORM_FACTOR");
  if (which.empty() || which == "both") {
    return;
  }
  if (which != "hmd" && which != "handheld") {
    config.warnings.push_back("PRAXIS_XR_SIM_FORM_FACTOR: expected hmd, handheld or both, got '" +
                              std::string(which) + "'");
    return;
  }
  config.hmdConnected = which == "hmd";
  config.handheldConnected = which == "handheld";
}

}  // namespace

bool withheldExtension(std::string_view extension) {
  std::string_view list = env("PRAXIS_XR_SIM_WITHHOLD");
  while (!list.empty()) {
    const std::size_t comma = list.find(',');
    if (list.substr(0, comma) == extension) {
      return true;
    }
    list = comma == std::string_view::npos ? std::string_view() : list.substr(comma + 1);
  }
  return false;
}

Config readConfig() {
  Config config;
  readBlend(config);
  readViewSize(config);
  readFormFactor(config);
  if (auto frames = env("PRAXIS_XR_SIM_FRAMES"); !frames.empty()) {
    if (auto n = parseNumber<std::uint64_t>(frames)) {
      config.exitAfterFrames = *n;
    } else {
      config.warnings.push_back("PRAXIS_XR_SIM_FRAMES: expected a frame count, got '" +
                                std::string(frames) + "'");
    }
  }
  if (auto pace = env("PRAXIS_XR_SIM_PACE"); !pace.empty()) {
    if (pace == "free" || pace == "realtime") {
      config.realtime = pace == "realtime";
    } else {
      config.warnings.push_back("PRAXIS_XR_SIM_PACE: expected realtime or free, got '" +
                                std::string(pace) + "'");
    }
  }
  if (auto ipd = env("PRAXIS_XR_SIM_IPD"); !ipd.empty()) {
    auto mm = parseNumber<float>(ipd);
    if (mm && *mm > 40.0F && *mm < 90.0F) {
      config.ipd = *mm / 1000.0F;
    } else {
      config.warnings.push_back("PRAXIS_XR_SIM_IPD: expected millimetres (40..90), got '" +
                                std::string(ipd) + "'");
    }
  }
  config.captureDir = std::string(env("PRAXIS_XR_SIM_CAPTURE"));
  config.inputPath = std::string(env("PRAXIS_XR_SIM_INPUT"));
  return config;
}

}  // namespace praxis::xrsim
