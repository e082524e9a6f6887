// Device stream: JSON Lines parsing and formatting, incremental reading, appending.
#include "sim_input_stream.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>
#include <iostream>
#include <utility>

namespace praxis::xrsim {
namespace {

using Json = nlohmann::json;

constexpr std::array<std::pair<StreamEvent, std::string_view>, 4> kEventNames{{
    {StreamEvent::FocusLoss, "focus_loss"},
    {StreamEvent::FocusGain, "focus_gain"},
    {StreamEvent::SessionLoss, "session_loss"},
    {StreamEvent::InstanceLoss, "instance_loss"},
}};

// Reads fields of one JSON object, collecting the first error with the key's path.
class FieldReader {
 public:
  FieldReader(const Json& object, std::string where, std::string* error)
      : object_(object), where_(std::move(where)), error_(error) {}

  bool checkKeys(std::initializer_list<std::string_view> known) {
    if (!object_.is_object()) return fail(where_ + " must be an object");
    for (const auto& [key, value] : object_.items()) {
      bool found = false;
      for (auto k : known) found = found || key == k;
      if (!found) return fail("unknown key '" + where_ + key + "'");
    }
    return true;
  }
  bool number(std::string_view key, float lo, float hi, float& out) {
    const Json* v = find(key);
    if (!v) return ok_;
    if (!v->is_number()) return fail("'" + where_ + std::string(key) + "' must be a number");
    const auto value = v->get<double>();
    if (!std::isfinite(value) || value < lo || value > hi) {
      return fail("'" + where_ + std::string(key) + "' must lie in [" + fmt(lo) + ", " + fmt(hi) +
                  "]");
    }
    out = static_cast<float>(value);
    return ok_;
  }
  bool boolean(std::string_view key, bool& out) {
    const Json* v = find(key);
    if (!v) return ok_;
    if (!v->is_boolean()) return fail("'" + where_ + std::string(key) + "' must be true or false");
    out = v->get<bool>();
    return ok_;
  }
  template <std::size_t N>
  bool vector(std::string_view key, float lo, float hi, std::array<float, N>& out) {
    const Json* v = find(key);
    if (!v) return ok_;
    if (!v->is_array() || v->size() != N) {
      return fail("'" + where_ + std::string(key) + "' must be an array of " + std::to_string(N) +
                  " numbers");
    }
    FieldReader items(*v, where_ + std::string(key), error_);
    for (std::size_t i = 0; i < N && items.ok_; ++i) {
      const Json& item = (*v)[i];
      if (!item.is_number() || !std::isfinite(item.get<double>()) || item.get<double>() < lo ||
          item.get<double>() > hi) {
        return fail("'" + where_ + std::string(key) + "' must hold " + std::to_string(N) +
                    " numbers in [" + fmt(lo) + ", " + fmt(hi) + "]");
      }
      out[i] = item.get<float>();
    }
    return ok_;
  }
  const Json* find(std::string_view key) const {
    auto it = object_.find(key);
    return it == object_.end() ? nullptr : &*it;
  }
  bool fail(const std::string& message) {
    if (ok_ && error_) *error_ = message;
    ok_ = false;
    return false;
  }
  [[nodiscard]] bool ok() const { return ok_; }

 private:
  static std::string fmt(float v) {
    std::string s = std::to_string(v);
    while (s.size() > 1 && s.back() == '0') s.pop_back();
    if (!s.empty() && s.back() == '.') s.pop_back();
    return s;
  }
  const Json& object_;
  std::string where_;
  std::string* error_;
  bool ok_ = true;
};

constexpr float kMaxCoordinate = 1.0e4F;  // metres: anything beyond is a unit mistake

bool readPose(const Json& json, const std::string& where, std::string* error, StreamPose& pose) {
  FieldReader r(json, where, error);
  if (!r.checkKeys({"position", "orientation"})) return false;
  r.vector(std::string_view("position"), -kMaxCoordinate, kMaxCoordinate, pose.position);
  r.vector(std::string_view("orientation"), -1.0F, 1.0F, pose.orientation);
  if (!r.ok()) return false;
  const auto& q = pose.orientation;
  const float norm = std::sqrt(q[0] * q[0] + q[1] * q[1] + q[2] * q[2] + q[3] * q[3]);
  if (std::fabs(norm - 1.0F) > 1.0e-3F)
    return r.fail("'" + where + "orientation' must be a unit quaternion");
  return true;
}

bool readHand(const Json& json, const std::string& where, std::string* error, HandState& hand) {
  FieldReader r(json, where, error);
  if (!r.checkKeys({"grip", "squeeze", "trigger", "thumbstick", "primary", "secondary", "menu",
                    "tracked", "controller"})) {
    return false;
  }
  if (const Json* grip = r.find("grip");
      grip && !readPose(*grip, where + "grip.", error, hand.grip)) {
    return false;
  }
  r.number("squeeze", 0.0F, 1.0F, hand.squeeze);
  r.number("trigger", 0.0F, 1.0F, hand.trigger);
  r.vector(std::string_view("thumbstick"), -1.0F, 1.0F, hand.thumbstick);
  r.boolean("primary", hand.primary);
  r.boolean("secondary", hand.secondary);
  r.boolean("menu", hand.menu);
  r.boolean("tracked", hand.tracked);
  r.boolean("controller", hand.controller);
  return r.ok();
}

bool readEvent(const Json& json, std::string* error, StreamEvent& event) {
  if (json.is_string()) {
    for (const auto& [value, name] : kEventNames) {
      if (json.get<std::string>() == name) {
        event = value;
        return true;
      }
    }
  }
  if (error) *error = "'event' must be one of focus_loss, focus_gain, session_loss, instance_loss";
  return false;
}

Json toJson(const StreamPose& pose) {
  return Json{{"position", pose.position}, {"orientation", pose.orientation}};
}

Json toJson(const HandState& hand) {
  return Json{{"grip", toJson(hand.grip)}, {"squeeze", hand.squeeze},
              {"trigger", hand.trigger},   {"thumbstick", hand.thumbstick},
              {"primary", hand.primary},   {"secondary", hand.secondary},
              {"menu", hand.menu},         {"tracked", hand.tracked},
              {"controller", hand.controller}};
}

}  // namespace

std::string_view toString(StreamEvent event) {
  for (const auto& [value, name] : kEventNames) {
    if (value == event) return name;
  }
  return "none";
}

DeviceState defaultDeviceState() {
  DeviceState state;
  state.head.position = {0.0F, 1.6F, 0.0F};
  state.left.grip.position = {-0.2F, 1.3F, -0.35F};
  state.right.grip.position = {0.2F, 1.3F, -0.35F};
  return state;
}

std::string toJsonLine(const DeviceState& state) {
  Json json{{"frame", state.frame},
            {"head", toJson(state.head)},
            {"left", toJson(state.left)},
            {"right", toJson(state.right)}};
  if (state.event != StreamEvent::None) json["event"] = std::string(toString(state.event));
  return json.dump();
}

std::optional<DeviceState> parseJsonLine(std::string_view line, std::string* error) {
  const Json json = Json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (json.is_discarded()) {
    if (error) *error = "not valid JSON";
    return std::nullopt;
  }
  FieldReader r(json, "", error);
  if (!r.checkKeys({"frame", "head", "left", "right", "event"})) return std::nullopt;
  const Json* frame = r.find("frame");
  if (!frame || !frame->is_number_unsigned()) {
    r.fail("'frame' (a non-negative integer: the xrWaitFrame index) is required");
    return std::nullopt;
  }
  DeviceState state = defaultDeviceState();
  state.frame = frame->get<std::uint64_t>();
  if (const Json* head = r.find("head"); head && !readPose(*head, "head.", error, state.head))
    return std::nullopt;
  if (const Json* left = r.find("left"); left && !readHand(*left, "left.", error, state.left))
    return std::nullopt;
  if (const Json* right = r.find("right"); right && !readHand(*right, "right.", error, state.right))
    return std::nullopt;
  if (const Json* event = r.find("event"); event && !readEvent(*event, error, state.event))
    return std::nullopt;
  return state;
}

InputStreamReader::InputStreamReader(std::filesystem::path path, ErrorSink onError)
    : path_(std::move(path)), onError_(std::move(onError)), current_(defaultDeviceState()) {}

void InputStreamReader::report(const std::string& message) const {
  if (onError_) {
    onError_(message);
  } else {
    std::cerr << "praxis_xr_sim: " << message << '\n';
  }
}

void InputStreamReader::readAppended() {
  std::ifstream file(path_, std::ios::binary);
  if (!file) return;  // not written yet: the default state holds
  file.seekg(0, std::ios::end);
  const auto size = static_cast<std::uint64_t>(file.tellg());
  if (size <= offset_) return;
  std::string chunk(size - offset_, '\0');
  file.seekg(static_cast<std::streamoff>(offset_));
  file.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
  chunk.resize(static_cast<std::size_t>(file.gcount()));
  offset_ += chunk.size();
  // The newline that ends a line already consumed without one (below) is not a blank line.
  if (consumedUnterminated_ && !chunk.empty()) {
    if (chunk.front() == '\n') chunk.erase(0, 1);
    consumedUnterminated_ = false;
  }
  partial_ += chunk;
  std::size_t start = 0;
  for (std::size_t end = partial_.find('\n'); end != std::string::npos;
       start = end + 1, end = partial_.find('\n', start)) {
    consumeLine(std::string_view(partial_).substr(start, end - start));
  }
  partial_.erase(0, start);
  // A last line without its newline is consumed only once it parses as a whole: a writer in
  // the middle of a line never produces a complete JSON object, a file written upfront does.
  if (!partial_.empty()) {
    std::string ignored;
    if (parseJsonLine(partial_, &ignored)) {
      consumeLine(partial_);
      partial_.clear();
      consumedUnterminated_ = true;
    }
  }
}

void InputStreamReader::consumeLine(std::string_view line) {
  ++lineNumber_;
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  if (line.find_first_not_of(" \t") == std::string_view::npos) return;  // blank lines are allowed
  const std::string where = path_.string() + ":" + std::to_string(lineNumber_) + ": ";
  std::string error;
  auto state = parseJsonLine(line, &error);
  if (!state) {
    report(where + error + " (line skipped)");
    return;
  }
  const std::uint64_t last = pending_.empty() ? current_.frame : pending_.back().frame;
  if (state->frame < last) {
    report(where + "frame " + std::to_string(state->frame) + " comes after frame " +
           std::to_string(last) + "; frames must not decrease (line skipped)");
    return;
  }
  pending_.push_back(*state);
}

const DeviceState& InputStreamReader::advanceTo(std::uint64_t frame) {
  readAppended();
  while (!pending_.empty() && pending_.front().frame <= frame) {
    current_ = pending_.front();
    pending_.pop_front();
    if (current_.event != StreamEvent::None) events_.push_back(current_.event);
  }
  return current_;
}

std::vector<StreamEvent> InputStreamReader::takeEvents() {
  return std::exchange(events_, {});
}

std::string InputStreamWriter::open(const std::filesystem::path& path) {
  close();
  file_ = std::fopen(path.c_str(), "wb");
  if (!file_) return "cannot write the device stream " + path.string();
  path_ = path;
  return {};
}

std::string InputStreamWriter::write(const DeviceState& state) {
  if (!file_) return "the device stream is not open";
  const std::string line = toJsonLine(state) + "\n";
  if (std::fwrite(line.data(), 1, line.size(), file_) != line.size() || std::fflush(file_) != 0) {
    return "cannot append to the device stream " + path_.string();
  }
  return {};
}

void InputStreamWriter::close() {
  if (file_) std::fclose(file_);
  file_ = nullptr;
}

std::string toJsonLine(const HapticRecord& record) {
  Json json{{"frame", record.frame}, {"action", record.action}, {"source", record.source}};
  if (record.stop) {
    json["stop"] = true;
  } else {
    json["amplitude"] = record.amplitude;
    json["duration_ns"] = record.durationNs;
    json["frequency"] = record.frequency;
  }
  return json.dump();
}

std::optional<HapticRecord> parseHapticLine(std::string_view line, std::string* error) {
  const Json json = Json::parse(line, nullptr, false);
  FieldReader r(json, "", error);
  if (json.is_discarded() || !r.checkKeys({"frame", "action", "source", "stop", "amplitude",
                                           "duration_ns", "frequency"})) {
    if (json.is_discarded() && error) *error = "not valid JSON";
    return std::nullopt;
  }
  HapticRecord record;
  const Json* frame = r.find("frame");
  const Json* action = r.find("action");
  const Json* source = r.find("source");
  if (!frame || !frame->is_number_unsigned() || !action || !action->is_string() || !source ||
      !source->is_string()) {
    r.fail("'frame', 'action' and 'source' are required");
    return std::nullopt;
  }
  record.frame = frame->get<std::uint64_t>();
  record.action = action->get<std::string>();
  record.source = source->get<std::string>();
  r.boolean("stop", record.stop);
  r.number("amplitude", 0.0F, 1.0F, record.amplitude);
  r.number("frequency", 0.0F, 1.0e6F, record.frequency);
  if (const Json* d = r.find("duration_ns"); d) {
    if (!d->is_number_integer()) {
      r.fail("'duration_ns' must be an integer");
    } else {
      record.durationNs = d->get<std::int64_t>();
    }
  }
  if (!r.ok()) return std::nullopt;
  return record;
}

}  // namespace praxis::xrsim
