// The objects behind the simulated runtime's handles: Instance → Session → Space / Swapchain,
// and what the entry points share (events, state changes, validation helpers).
// Destroying a parent destroys its children, as the specification requires.
#pragma once

#ifndef XR_NO_PROTOTYPES
#define XR_NO_PROTOTYPES
#endif
#include <time.h>  // NOLINT(modernize-deprecated-headers): struct timespec for openxr_platform.h
#include <vulkan/vulkan.h>
#include <openxr/openxr.h>
#include <openxr/openxr_platform.h>

#include <condition_variable>
#include <cstring>
#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "config.h"
#include "device_feed.h"
#include "pose_math.h"
#include "registry.h"

namespace praxis::xrsim {

struct Session;
class VulkanDevice;
class SwapchainImages;
class InputBridge;
/// The input side (paths, actions) is defined in its own files: deleted through them.
struct InputBridgeDeleter {
  void operator()(InputBridge* bridge) const;
};
using InputBridgePtr = std::unique_ptr<InputBridge, InputBridgeDeleter>;

/// The two systems: a stereo head-mounted display, and a handheld (mono) AR device.
inline constexpr XrSystemId kHmdSystemId = 1;
inline constexpr XrSystemId kHandheldSystemId = 2;
/// 90 Hz, in nanoseconds.
inline constexpr XrDuration kFramePeriod = 11'111'111;
/// Events kept for xrPollEvent before the oldest are dropped (XrEventDataEventsLost).
inline constexpr std::size_t kMaxQueuedEvents = 128;
inline constexpr std::uint32_t kMaxLayerCount = 16;
inline constexpr std::uint32_t kMaxSwapchainSize = 8192;

struct Instance : Object {
  static constexpr ObjectType kType = ObjectType::Instance;
  Instance(std::uint64_t instanceHandle, Config cfg);
  ~Instance() override;

  /// An enabled extension, or "XR_VERSION_1_1" (kCore11) for an OpenXR 1.1 instance.
  [[nodiscard]] bool enabled(const std::string& extension) const {
    return extensions.contains(extension) || (extension == "XR_VERSION_1_1" && XR_VERSION_MINOR(apiVersion) >= 1);
  }

  Config config;
  std::set<std::string> extensions;
  XrVersion apiVersion = XR_MAKE_VERSION(1, 0, 0);
  std::string applicationName;
  bool lost = false;
  /// xrGetVulkanGraphicsRequirements(2)KHR was called (xrCreateSession needs it).
  bool graphicsRequirementsQueried = false;
  /// The physical device xrGetVulkanGraphicsDevice(2)KHR returned, per VkInstance.
  std::map<VkInstance, VkPhysicalDevice> chosenDevices;
  /// vkGetInstanceProcAddr of the application (XR_KHR_vulkan_enable2), else the loader's.
  PFN_vkGetInstanceProcAddr getInstanceProcAddr = nullptr;
  std::deque<XrEventDataBuffer> events;
  std::uint32_t lostEvents = 0;
  /// xrWaitFrame calls over all sessions: the device stream's frame index.
  std::uint64_t streamFrame = 0;
  DeviceFeed feed;
  InputBridgePtr input;
  std::map<std::uint64_t, std::unique_ptr<Session>> sessions;
};

struct Space : Object {
  static constexpr ObjectType kType = ObjectType::Space;
  Space(std::uint64_t spaceHandle, Session& owner) : Object(ObjectType::Space, spaceHandle), session(owner) {}
  Session& session;
  /// A reference space has a type; an action space has an action and a subaction path.
  std::optional<XrReferenceSpaceType> referenceType;
  std::uint64_t action = 0;
  XrPath subactionPath = XR_NULL_PATH;
  Pose offset;
};

struct Swapchain : Object {
  static constexpr ObjectType kType = ObjectType::Swapchain;
  Swapchain(std::uint64_t swapchainHandle, Session& owner);
  ~Swapchain() override;
  Session& session;
  XrSwapchainCreateInfo info{};
  std::unique_ptr<SwapchainImages> images;
  std::uint32_t imageCount = 0;
  std::uint32_t nextAcquire = 0;
  /// Acquired, not yet released images, oldest first; `waited` for the front one.
  std::deque<std::uint32_t> acquired;
  bool waited = false;
  bool everReleased = false;
  std::optional<std::uint32_t> lastReleased;
  std::uint32_t staticAcquires = 0;
};

struct Session : Object {
  static constexpr ObjectType kType = ObjectType::Session;
  Session(std::uint64_t sessionHandle, Instance& owner);
  ~Session() override;
  Instance& instance;
  XrSystemId systemId = XR_NULL_SYSTEM_ID;
  XrSessionState state = XR_SESSION_STATE_UNKNOWN;
  bool running = false;
  bool exitRequested = false;
  /// false while the device stream says the user's focus is elsewhere.
  bool focusAvailable = true;
  bool lossPending = false;
  XrViewConfigurationType viewConfiguration = XR_VIEW_CONFIGURATION_TYPE_PRIMARY_STEREO;
  std::unique_ptr<VulkanDevice> vulkan;
  // Frame loop: xrWaitFrame n may return only after xrBeginFrame n-1 (spec 10.4).
  std::uint64_t framesWaited = 0;
  std::uint64_t framesBegun = 0;
  bool frameInProgress = false;
  XrTime lastPredictedTime = 0;
  XrTime lastWaitedTime = 0;
  std::uint64_t framesSubmitted = 0;
  std::condition_variable_any frameChanged;
  std::map<std::uint64_t, std::unique_ptr<Space>> spaces;
  std::map<std::uint64_t, std::unique_ptr<Swapchain>> swapchains;
  /// Objects of extensions (hand trackers), destroyed with the session.
  std::map<std::uint64_t, std::unique_ptr<Object>> children;
  /// XR_META_performance_metrics: the application turned the counters on.
  bool performanceMetrics = false;
};

/// The clock every XrTime is on: CLOCK_MONOTONIC in nanoseconds (so XR_KHR_convert_timespec_time
/// is the identity on that clock).
XrTime now();

/// Queues an event for xrPollEvent (T is one of the XrEventData* structs).
void pushEventBuffer(Instance& instance, const XrEventDataBuffer& event);
template <typename T>
void pushEvent(Instance& instance, const T& event) {
  static_assert(sizeof(T) <= sizeof(XrEventDataBuffer));
  XrEventDataBuffer buffer{.type = XR_TYPE_EVENT_DATA_BUFFER, .next = nullptr, .varying = {}};
  std::memcpy(&buffer, &event, sizeof(T));
  pushEventBuffer(instance, buffer);
}

/// Moves the session to `state` and queues the XrEventDataSessionStateChanged that says so.
void changeState(Session& session, XrSessionState state);
/// The runtime asks the session to end: FOCUSED → VISIBLE → SYNCHRONIZED → STOPPING.
void requestStop(Session& session);
/// Applies what the device stream says from the current frame on (focus, loss).
void applyDeviceEvents(Instance& instance, const std::vector<DeviceEvent>& events);

/// Tells the user about a problem the application cannot see in a result (stderr).
void report(const Instance& instance, const std::string& message);

/// The pose of `space` in STAGE space at `time`, or nullopt when it is not tracked.
std::optional<Pose> spacePoseInStage(const Space& space, XrTime time);
/// `space` in `base` at `time`: its pose and the location flags (0 when either is untracked).
XrSpaceLocationFlags locateSpace(const Space& space, const Space& base, XrTime time, XrPosef& pose);
/// The head (VIEW space origin) in STAGE at the current frame.
Pose headInStage(const Instance& instance);
/// The origin of a reference space in STAGE.
Pose referenceOriginInStage(const Instance& instance, XrReferenceSpaceType type);

}  // namespace praxis::xrsim
