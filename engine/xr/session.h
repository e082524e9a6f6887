// One OpenXR session on the renderer's Vulkan device: reference and view spaces, the colour
// (and depth) swapchains as the renderer's external target, the actions, the frame loop and
// the lifecycle (begin, end, recreate a lost session, exit). What to draw stays with the
// caller: it gets the located views and hands back a render::FrameInput.
#pragma once

#include <openxr/openxr.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <vector>

#include "core/result.h"
#include "render/renderer.h"
#include "xr/actions.h"
#include "xr/choices.h"
#include "xr/handle.h"
#include "xr/instance.h"
#include "xr/session_state.h"

namespace praxis::xr {

struct SessionOptions {
  /// AR: see-through blend modes are preferred and cleared transparent.
  bool augmented = false;
  /// --blend: this mode or an error naming what the runtime offers.
  std::optional<XrEnvironmentBlendMode> blend;
  /// Array (multiview) or one swapchain per view; unset: chooseSwapchainLayout.
  std::optional<SwapchainLayout> layout;
  /// Submit depth (XR_KHR_composition_layer_depth) when the runtime takes it.
  bool depth = true;
};

struct FrameTiming {
  XrTime predictedDisplayTime = 0;
  XrDuration predictedPeriod = 0;
  bool shouldRender = false;
};

/// The eyes at a frame's display time, in the reference space.
struct LocatedViews {
  std::vector<core::Pose> poses;
  std::vector<XrFovf> fovs;
  bool valid = false;
};

class Session {
 public:
  /// `instance` and `renderer` (made with makeVulkanCreator's creator) must outlive it.
  [[nodiscard]] static core::Result<std::unique_ptr<Session>> create(const Instance& instance,
                                                                     render::Renderer& renderer,
                                                                     SessionOptions options);
  ~Session();
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  /// Drains xrPollEvent and acts: begins on READY, ends on STOPPING, recreates a lost session
  /// (the caller's attempt goes on). Returns Exit once the loop should stop.
  [[nodiscard]] core::Result<SessionAction> pollEvents();
  /// xrRequestExitSession: the runtime answers with STOPPING, then EXITING.
  void requestExit();
  [[nodiscard]] const SessionStateMachine& state() const { return state_; }

  /// xrWaitFrame and xrBeginFrame; nullopt when the session is being lost (skip the frame).
  [[nodiscard]] core::Result<std::optional<FrameTiming>> beginFrame();
  [[nodiscard]] core::Result<LocatedViews> locateViews(XrTime time);
  [[nodiscard]] core::Result<DeviceState> sync(XrTime time);
  /// Draws `frame` into the swapchains and ends the frame with its projection layer (and
  /// depth); null, or a frame the runtime should not render, ends it without layers.
  [[nodiscard]] core::Result<render::FrameStats> endFrame(const FrameTiming& timing,
                                                          const LocatedViews& views,
                                                          const render::FrameInput* frame);
  void vibrate(std::span<const HapticPulse> pulses) { actions_->vibrate(pulses); }

  [[nodiscard]] XrEnvironmentBlendMode blendMode() const { return blend_; }
  [[nodiscard]] bool stageSpace() const { return space_ == XR_REFERENCE_SPACE_TYPE_STAGE; }
  [[nodiscard]] std::uint32_t viewCount() const { return static_cast<std::uint32_t>(viewSizes_.size()); }
  [[nodiscard]] VkExtent2D viewExtent() const { return extent_; }
  [[nodiscard]] SwapchainLayout layout() const { return layout_; }
  [[nodiscard]] bool submitsDepth() const { return !objects_.depth.empty(); }
  /// xrWaitFrame calls so far, over every session this object created.
  [[nodiscard]] std::uint64_t framesWaited() const { return framesWaited_; }

  struct Swapchain {
    Handle<XrSwapchain> handle;
    std::vector<VkImage> images;
  };

 private:
  Session(const Instance& instance, render::Renderer& renderer, SessionOptions options)
      : instance_(instance), renderer_(renderer), options_(options) {}
  [[nodiscard]] core::Result<void> chooseConfiguration();
  [[nodiscard]] core::Result<void> open();
  [[nodiscard]] core::Result<void> createSpaces();
  [[nodiscard]] core::Result<void> createSwapchains();
  [[nodiscard]] core::Result<Swapchain> createSwapchain(std::int64_t format, std::uint32_t layers, bool depth);
  void close();
  [[nodiscard]] core::Result<void> act(SessionAction action);
  [[nodiscard]] core::Result<void> acquireImages();
  [[nodiscard]] core::Result<void> releaseImages();

  const Instance& instance_;
  render::Renderer& renderer_;
  SessionOptions options_;
  std::unique_ptr<Actions> actions_;
  XrViewConfigurationType viewConfiguration_ = XR_VIEW_CONFIGURATION_TYPE_PRIMARY_STEREO;
  std::vector<XrViewConfigurationView> viewSizes_;
  XrEnvironmentBlendMode blend_ = XR_ENVIRONMENT_BLEND_MODE_OPAQUE;
  XrReferenceSpaceType space_ = XR_REFERENCE_SPACE_TYPE_LOCAL;
  SwapchainLayout layout_ = SwapchainLayout::Array;
  VkExtent2D extent_{};
  std::int64_t colourFormat_ = 0;
  SessionStateMachine state_;
  std::uint64_t framesWaited_ = 0;
  /// What belongs to one XrSession, children after the session so they are destroyed first
  /// (the target last-declared: it waits for the GPU before the images go).
  struct Objects {
    Handle<XrSession> session;
    Handle<XrSpace> reference;
    Handle<XrSpace> view;
    std::vector<Swapchain> colour;  // one array swapchain, or one per view
    std::vector<Swapchain> depth;   // empty, or laid out like colour
    std::unique_ptr<render::ExternalTarget> target;
  } objects_;
};

}  // namespace praxis::xr
