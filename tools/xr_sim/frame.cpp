// Frame timing (spec 10.4-10.5): xrWaitFrame paces the application at 90 Hz and drives the
// session into SYNCHRONIZED/VISIBLE/FOCUSED; xrBeginFrame/xrEndFrame check call order and
// every submitted layer; a submitted projection layer's eyes can be captured as PNG.
#include <algorithm>
#include <thread>

#include "capture.h"
#include "entry_points.h"
#include "layer_checks.h"
#include "system_info.h"

namespace praxis::xrsim {
namespace {

constexpr XrCompositionLayerFlags kKnownLayerFlags =
    XR_COMPOSITION_LAYER_CORRECT_CHROMATIC_ABERRATION_BIT | XR_COMPOSITION_LAYER_BLEND_TEXTURE_SOURCE_ALPHA_BIT |
    XR_COMPOSITION_LAYER_UNPREMULTIPLIED_ALPHA_BIT;

bool isKnownBlendMode(XrEnvironmentBlendMode mode) {
  return mode == XR_ENVIRONMENT_BLEND_MODE_OPAQUE || mode == XR_ENVIRONMENT_BLEND_MODE_ADDITIVE ||
         mode == XR_ENVIRONMENT_BLEND_MODE_ALPHA_BLEND;
}

XrResult checkDepthInfo(const Session& session, const XrCompositionLayerDepthInfoKHR& depth) {
  if (!session.instance.enabled(XR_KHR_COMPOSITION_LAYER_DEPTH_EXTENSION_NAME)) {
    return XR_ERROR_LAYER_INVALID;
  }
  if (XrResult r = checkSubImage(session, depth.subImage); XR_FAILED(r)) {
    return r;
  }
  bool rangeOk = depth.minDepth >= 0.0F && depth.minDepth < depth.maxDepth && depth.maxDepth <= 1.0F &&
                 depth.nearZ != depth.farZ;
  return rangeOk ? XR_SUCCESS : XR_ERROR_VALIDATION_FAILURE;
}

XrResult checkProjection(const Session& session, const XrCompositionLayerProjection& layer) {
  if (layer.viewCount != viewCountOf(session.viewConfiguration) || layer.views == nullptr) {
    return XR_ERROR_VALIDATION_FAILURE;
  }
  for (std::uint32_t i = 0; i < layer.viewCount; ++i) {
    const XrCompositionLayerProjectionView& view = layer.views[i];
    if (view.type != XR_TYPE_COMPOSITION_LAYER_PROJECTION_VIEW) {
      return XR_ERROR_VALIDATION_FAILURE;
    }
    if (!isValidPose(view.pose)) {
      return XR_ERROR_POSE_INVALID;
    }
    if (XrResult r = checkSubImage(session, view.subImage); XR_FAILED(r)) {
      return r;
    }
    for (auto* next = static_cast<const XrBaseInStructure*>(view.next); next != nullptr; next = next->next) {
      if (next->type == XR_TYPE_COMPOSITION_LAYER_DEPTH_INFO_KHR) {
        if (XrResult r = checkDepthInfo(session, *reinterpret_cast<const XrCompositionLayerDepthInfoKHR*>(next));  // NOLINT
            XR_FAILED(r)) {
          return r;
        }
      } else if (next->type == XR_TYPE_COMPOSITION_LAYER_SPACE_WARP_INFO_FB) {
        if (XrResult r = checkSpaceWarpInfo(session, *reinterpret_cast<const XrCompositionLayerSpaceWarpInfoFB*>(next));  // NOLINT
            XR_FAILED(r)) {
          return r;
        }
      }
    }
  }
  return XR_SUCCESS;
}

XrResult checkQuad(const Session& session, const XrCompositionLayerQuad& layer) {
  if (layer.eyeVisibility > XR_EYE_VISIBILITY_RIGHT) {
    return XR_ERROR_VALIDATION_FAILURE;
  }
  if (!isValidPose(layer.pose)) {
    return XR_ERROR_POSE_INVALID;
  }
  return checkSubImage(session, layer.subImage);
}

XrResult checkLayer(const Session& session, const XrCompositionLayerBaseHeader* layer) {
  if (layer == nullptr) {
    return XR_ERROR_LAYER_INVALID;
  }
  if ((layer->layerFlags & ~kKnownLayerFlags) != 0) {
    return XR_ERROR_VALIDATION_FAILURE;
  }
  Space* space = nullptr;
  if (XrResult r = lookup(layer->space, space); XR_FAILED(r)) {
    return r;
  }
  switch (layer->type) {
    case XR_TYPE_COMPOSITION_LAYER_PROJECTION:
      return checkProjection(session, *reinterpret_cast<const XrCompositionLayerProjection*>(layer));  // NOLINT
    case XR_TYPE_COMPOSITION_LAYER_QUAD:
      return checkQuad(session, *reinterpret_cast<const XrCompositionLayerQuad*>(layer));  // NOLINT
    default:
      return checkExtensionLayer(session, *layer);
  }
}

XrResult checkFrameEndInfo(const Session& session, const XrFrameEndInfo& info) {
  if (info.displayTime <= 0) {
    return XR_ERROR_TIME_INVALID;
  }
  const auto& offered = session.instance.config.blendModes;
  if (std::find(offered.begin(), offered.end(), info.environmentBlendMode) == offered.end()) {
    return isKnownBlendMode(info.environmentBlendMode) ? XR_ERROR_ENVIRONMENT_BLEND_MODE_UNSUPPORTED
                                                       : XR_ERROR_VALIDATION_FAILURE;
  }
  if (info.layerCount > kMaxLayerCount) {
    return XR_ERROR_LAYER_LIMIT_EXCEEDED;
  }
  if (info.layerCount > 0 && info.layers == nullptr) {
    return XR_ERROR_VALIDATION_FAILURE;
  }
  for (std::uint32_t i = 0; i < info.layerCount; ++i) {
    if (XrResult r = checkLayer(session, info.layers[i]); XR_FAILED(r)) {
      return r;
    }
  }
  return XR_SUCCESS;
}

/// The display time of the next frame, and when xrWaitFrame should return to leave the
/// application one period to render it.
XrTime nextDisplayTime(const Session& session, XrTime current) {
  if (session.lastPredictedTime == 0) {
    return current + kFramePeriod;
  }
  XrTime next = session.lastPredictedTime + kFramePeriod;
  if (session.instance.config.realtime && next < current + kFramePeriod / 2) {
    // The application fell behind: skip to the next display slot from now.
    std::int64_t missed = (current + kFramePeriod / 2 - next + kFramePeriod - 1) / kFramePeriod;
    next += missed * kFramePeriod;
  }
  return next;
}

/// What crossing into a new frame means for the session: stream events, state progression,
/// the exit requested after PRAXIS_XR_SIM_FRAMES frames.
void advanceFrame(Session& s) {
  Instance& instance = s.instance;
  applyDeviceEvents(instance, instance.feed.advance(instance.streamFrame));
  ++instance.streamFrame;
  if (s.lossPending || instance.lost) {
    return;
  }
  const auto& limit = instance.config.exitAfterFrames;
  // Frames 0..N-1 render; the wait for frame N asks the application to end the session.
  if (limit && s.framesWaited > *limit && !s.exitRequested) {
    requestStop(s);
  }
  if (s.state == XR_SESSION_STATE_READY && !s.exitRequested) {
    changeState(s, XR_SESSION_STATE_SYNCHRONIZED);
    changeState(s, XR_SESSION_STATE_VISIBLE);
  }
  if (s.state == XR_SESSION_STATE_VISIBLE && s.focusAvailable && !s.exitRequested) {
    changeState(s, XR_SESSION_STATE_FOCUSED);
  }
}

XrResult waitFrame(XrSession session, const XrFrameWaitInfo* waitInfo, XrFrameState* frameState) {
  std::unique_lock lock(Registry::get().mutex());
  Session* s = nullptr;
  if (XrResult r = lookup(session, s); XR_FAILED(r)) {
    return r;
  }
  if ((waitInfo != nullptr && waitInfo->type != XR_TYPE_FRAME_WAIT_INFO) ||
      badStruct(frameState, XR_TYPE_FRAME_STATE)) {
    return XR_ERROR_VALIDATION_FAILURE;
  }
  if (!s->running) {
    return XR_ERROR_SESSION_NOT_RUNNING;
  }
  // Frame n's wait returns only once frame n-1 has begun (another thread may begin it).
  s->frameChanged.wait(lock, [&] { return s->framesBegun >= s->framesWaited || !s->running; });
  if (!s->running) {
    return XR_ERROR_SESSION_NOT_RUNNING;
  }
  XrTime predicted = nextDisplayTime(*s, now());
  s->lastPredictedTime = predicted;
  ++s->framesWaited;
  if (s->instance.config.realtime && !s->lossPending) {
    lock.unlock();  // other threads keep working while this one sleeps to the frame's start
    std::this_thread::sleep_until(std::chrono::steady_clock::time_point(
        std::chrono::nanoseconds(predicted - kFramePeriod)));
    lock.lock();
  }
  advanceFrame(*s);
  frameState->predictedDisplayTime = predicted;
  frameState->predictedDisplayPeriod = kFramePeriod;
  frameState->shouldRender = static_cast<XrBool32>(s->state == XR_SESSION_STATE_VISIBLE ||
                                                   s->state == XR_SESSION_STATE_FOCUSED);
  return s->lossPending ? XR_SESSION_LOSS_PENDING : XR_SUCCESS;
}

}  // namespace

// Spec 10.5.1.
XrResult checkSubImage(const Session& session, const XrSwapchainSubImage& sub) {
  Swapchain* sc = nullptr;
  if (XrResult r = lookup(sub.swapchain, sc); XR_FAILED(r)) {
    return r;
  }
  if (&sc->session != &session || !sc->everReleased) {
    return XR_ERROR_LAYER_INVALID;  // a foreign swapchain, or one with no image released yet
  }
  const XrRect2Di& rect = sub.imageRect;
  if (rect.offset.x < 0 || rect.offset.y < 0 || rect.extent.width <= 0 || rect.extent.height <= 0 ||
      static_cast<std::int64_t>(rect.offset.x) + rect.extent.width > sc->info.width ||
      static_cast<std::int64_t>(rect.offset.y) + rect.extent.height > sc->info.height) {
    return XR_ERROR_SWAPCHAIN_RECT_INVALID;
  }
  if (sub.imageArrayIndex >= sc->info.arraySize) {
    return XR_ERROR_VALIDATION_FAILURE;
  }
  return XR_SUCCESS;
}

namespace api {

XrResult XRAPI_CALL xrWaitFrame(XrSession session, const XrFrameWaitInfo* frameWaitInfo, XrFrameState* frameState) {
  try {
    return waitFrame(session, frameWaitInfo, frameState);
  } catch (const std::bad_alloc&) {
    return XR_ERROR_OUT_OF_MEMORY;
  } catch (...) {
    return XR_ERROR_RUNTIME_FAILURE;
  }
}

XrResult XRAPI_CALL xrBeginFrame(XrSession session, const XrFrameBeginInfo* frameBeginInfo) {
  return guarded([&]() -> XrResult {
    Session* s = nullptr;
    if (XrResult r = lookup(session, s); XR_FAILED(r)) {
      return r;
    }
    if (frameBeginInfo != nullptr && frameBeginInfo->type != XR_TYPE_FRAME_BEGIN_INFO) {
      return XR_ERROR_VALIDATION_FAILURE;
    }
    if (!s->running) {
      return XR_ERROR_SESSION_NOT_RUNNING;
    }
    if (s->framesBegun >= s->framesWaited) {
      return XR_ERROR_CALL_ORDER_INVALID;  // no xrWaitFrame since the last xrBeginFrame
    }
    // A frame begun and never ended is discarded by the next xrBeginFrame.
    XrResult result = s->frameInProgress ? XR_FRAME_DISCARDED : XR_SUCCESS;
    s->frameInProgress = true;
    ++s->framesBegun;
    s->frameChanged.notify_all();
    return result == XR_SUCCESS && s->lossPending ? XR_SESSION_LOSS_PENDING : result;
  });
}

XrResult XRAPI_CALL xrEndFrame(XrSession session, const XrFrameEndInfo* frameEndInfo) {
  return guarded([&]() -> XrResult {
    Session* s = nullptr;
    if (XrResult r = lookup(session, s); XR_FAILED(r)) {
      return r;
    }
    if (badStruct(frameEndInfo, XR_TYPE_FRAME_END_INFO)) {
      return XR_ERROR_VALIDATION_FAILURE;
    }
    if (!s->running) {
      return XR_ERROR_SESSION_NOT_RUNNING;
    }
    if (!s->frameInProgress) {
      return XR_ERROR_CALL_ORDER_INVALID;
    }
    if (XrResult r = checkFrameEndInfo(*s, *frameEndInfo); XR_FAILED(r)) {
      return r;
    }
    s->frameInProgress = false;
    if (!s->instance.config.captureDir.empty()) {
      captureProjection(*s, *frameEndInfo, s->framesSubmitted);
    }
    ++s->framesSubmitted;
    return s->lossPending ? XR_SESSION_LOSS_PENDING : XR_SUCCESS;
  });
}

}  // namespace api
}  // namespace praxis::xrsim
