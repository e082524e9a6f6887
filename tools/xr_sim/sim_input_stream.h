// The simulated runtime's device stream (PRAXIS_XR_SIM_INPUT): JSON Lines of HMD and controller
// state, appended by a writer (a test, Praxis's VR autopilot) and read frame by frame by the
// runtime. No OpenXR dependency, so the praxis CLI can write it. Format: docs/xr-sim.md.
#pragma once

#include <array>
#include <cstdint>
#include <cstdio>
#include <deque>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace praxis::xrsim {

/// A rigid pose in STAGE space: metres, unit quaternion (x, y, z, w).
struct StreamPose {
  std::array<float, 3> position{0.0F, 0.0F, 0.0F};
  std::array<float, 4> orientation{0.0F, 0.0F, 0.0F, 1.0F};
  bool operator==(const StreamPose&) const = default;
};

/// One controller. Values the profiles' inputs are derived from (docs/xr-sim.md).
struct HandState {
  StreamPose grip;
  float squeeze = 0.0F;                         ///< 0..1
  float trigger = 0.0F;                         ///< 0..1
  std::array<float, 2> thumbstick{0.0F, 0.0F};  ///< each -1..1
  bool primary = false;    ///< A on the right hand, X on the left (Touch, Index)
  bool secondary = false;  ///< B on the right hand, Y on the left
  bool menu = false;
  bool tracked = true;
  /// The hand holds its controller. false: the controller is put down and only hand tracking
  /// sees the bare hand: the controller's actions read inactive and its poses invalid, `grip`
  /// is where thumb tip and index tip meet and `squeeze` pinches them (docs/xr-sim.md).
  bool controller = true;
  bool operator==(const HandState&) const = default;
};

/// A session or instance event the stream asks the runtime to raise at its frame.
enum class StreamEvent { None, FocusLoss, FocusGain, SessionLoss, InstanceLoss };
[[nodiscard]] std::string_view toString(StreamEvent event);

/// The device state from frame `frame` (0-based xrWaitFrame index) on.
struct DeviceState {
  std::uint64_t frame = 0;
  StreamPose head;
  HandState left;
  HandState right;
  StreamEvent event = StreamEvent::None;
  bool operator==(const DeviceState&) const = default;
};

/// The state before the first line (and without a stream): standing 1.6 m tall at the stage
/// origin, looking down -Z, both controllers tracked in front of the chest.
[[nodiscard]] DeviceState defaultDeviceState();

/// One JSON line (no newline) for `state`.
[[nodiscard]] std::string toJsonLine(const DeviceState& state);
/// Parses one line. Missing keys keep defaultDeviceState()'s values; unknown keys, wrong types
/// and out-of-range values are errors. On error: a message without the line number.
[[nodiscard]] std::optional<DeviceState> parseJsonLine(std::string_view line, std::string* error);

/// Reads a stream incrementally. Only complete lines are consumed, so a writer may append
/// while the runtime reads; a malformed line is reported (file:line: cause) and skipped.
class InputStreamReader {
 public:
  using ErrorSink = std::function<void(const std::string&)>;
  /// `onError` defaults to stderr. The file need not exist yet.
  explicit InputStreamReader(std::filesystem::path path, ErrorSink onError = {});

  /// Reads what was appended, then makes current the latest line with frame <= `frame`.
  /// Returns the current state (defaultDeviceState() before the first line).
  const DeviceState& advanceTo(std::uint64_t frame);
  [[nodiscard]] const DeviceState& current() const { return current_; }
  /// Events of the lines made current since the last call, in stream order.
  [[nodiscard]] std::vector<StreamEvent> takeEvents();

 private:
  void readAppended();
  void consumeLine(std::string_view line);
  void report(const std::string& message) const;

  std::filesystem::path path_;
  ErrorSink onError_;
  std::uint64_t offset_ = 0;           // bytes of the file already consumed
  std::uint64_t lineNumber_ = 0;       // lines consumed, for messages
  std::string partial_;                // an incomplete last line, kept until its newline comes
  bool consumedUnterminated_ = false;  // the last line was complete JSON without its newline
  std::deque<DeviceState> pending_;    // parsed lines whose frame lies ahead
  DeviceState current_;
  std::vector<StreamEvent> events_;
};

/// Appends lines to a stream, one whole line per write, flushed, so a reader never sees half
/// a line it could mistake for a complete one.
class InputStreamWriter {
 public:
  /// Truncates or creates the file. Empty string on success, else the cause.
  [[nodiscard]] std::string open(const std::filesystem::path& path);
  [[nodiscard]] std::string write(const DeviceState& state);
  [[nodiscard]] bool isOpen() const { return file_ != nullptr; }
  void close();
  ~InputStreamWriter() { close(); }
  InputStreamWriter() = default;
  InputStreamWriter(const InputStreamWriter&) = delete;
  InputStreamWriter& operator=(const InputStreamWriter&) = delete;

 private:
  std::FILE* file_ = nullptr;
  std::filesystem::path path_;
};

/// A haptic output the runtime applied or stopped (PRAXIS_XR_SIM_HAPTICS, JSON Lines), so a
/// test can see "haptics on grab" without access to the runtime's memory.
struct HapticRecord {
  std::uint64_t frame = 0;
  std::string action;  ///< the action's name
  std::string source;  ///< the bound output path, e.g. /user/hand/right/output/haptic
  bool stop = false;   ///< xrStopHapticFeedback
  float amplitude = 0.0F;
  std::int64_t durationNs = 0;
  float frequency = 0.0F;  ///< 0 = XR_FREQUENCY_UNSPECIFIED
  bool operator==(const HapticRecord&) const = default;
};
[[nodiscard]] std::string toJsonLine(const HapticRecord& record);
[[nodiscard]] std::optional<HapticRecord> parseHapticLine(std::string_view line,
                                                          std::string* error);

}  // namespace praxis::xrsim
