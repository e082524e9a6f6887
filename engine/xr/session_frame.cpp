// The session's frame loop: wait and begin, locate the eyes, sync the actions, draw into the
// swapchain images and end the frame with a projection layer (and depth for the compositor).

#include "xr/check.h"

#include <vulkan/vulkan_core.h>
// After Vulkan: the XR_KHR_vulkan_enable(2) declarations need its types.
#include <openxr/openxr_platform.h>
#include "xr/session.h"

namespace praxis::xr {
namespace {

core::Pose toPose(const XrPosef& p) {
  return core::Pose{{p.position.x, p.position.y, p.position.z},
                    core::Quat(p.orientation.w, p.orientation.x, p.orientation.y, p.orientation.z)};
}

XrPosef toXr(const core::Pose& p) {
  XrPosef out{};
  out.position = {p.position.x, p.position.y, p.position.z};
  out.orientation = {p.orientation.x, p.orientation.y, p.orientation.z, p.orientation.w};
  return out;
}

/// The renderer's projection's depth range (render::makeFovView's defaults).
constexpr float kNearZ = 0.05F;
constexpr float kFarZ = 100.0F;

}  // namespace

core::Result<std::optional<FrameTiming>> Session::beginFrame() {
  const XrSession session = objects_.session.get();
  auto waitInfo = xrStruct<XrFrameWaitInfo>(XR_TYPE_FRAME_WAIT_INFO);
  auto frameState = xrStruct<XrFrameState>(XR_TYPE_FRAME_STATE);
  XrResult r = xrWaitFrame(session, &waitInfo, &frameState);
  ++framesWaited_;
  if (r == XR_ERROR_SESSION_LOST) return std::optional<FrameTiming>{};
  if (auto ok = check(r, "xrWaitFrame"); !ok) return std::unexpected(ok.error());
  auto beginInfo = xrStruct<XrFrameBeginInfo>(XR_TYPE_FRAME_BEGIN_INFO);
  r = xrBeginFrame(session, &beginInfo);
  if (r == XR_ERROR_SESSION_LOST) return std::optional<FrameTiming>{};
  if (auto ok = check(r, "xrBeginFrame"); !ok) return std::unexpected(ok.error());
  return FrameTiming{frameState.predictedDisplayTime, frameState.predictedDisplayPeriod,
                     frameState.shouldRender == XR_TRUE};
}

core::Result<LocatedViews> Session::locateViews(XrTime time) {
  auto info = xrStruct<XrViewLocateInfo>(XR_TYPE_VIEW_LOCATE_INFO);
  info.viewConfigurationType = viewConfiguration_;
  info.displayTime = time;
  info.space = objects_.reference.get();
  auto viewState = xrStruct<XrViewState>(XR_TYPE_VIEW_STATE);
  std::vector<XrView> views(viewCount(), xrStruct<XrView>(XR_TYPE_VIEW));
  std::uint32_t count = 0;
  if (auto ok = check(xrLocateViews(objects_.session.get(), &info, &viewState, viewCount(), &count, views.data()),
                      "xrLocateViews");
      !ok) {
    return std::unexpected(ok.error());
  }
  LocatedViews out;
  const XrViewStateFlags both = XR_VIEW_STATE_POSITION_VALID_BIT | XR_VIEW_STATE_ORIENTATION_VALID_BIT;
  out.valid = (viewState.viewStateFlags & both) == both;
  for (const XrView& v : views) {
    out.poses.push_back(toPose(v.pose));
    out.fovs.push_back(v.fov);
  }
  return out;
}

core::Result<DeviceState> Session::sync(XrTime time) {
  return actions_->sync(objects_.reference.get(), objects_.view.get(), time);
}

core::Result<void> Session::acquireImages() {
  const bool array = layout_ == SwapchainLayout::Array;
  for (bool depth : {false, true}) {
    auto& chains = depth ? objects_.depth : objects_.colour;
    for (std::size_t v = 0; v < chains.size(); ++v) {
      const XrSwapchain chain = chains[v].handle.get();
      auto acquire = xrStruct<XrSwapchainImageAcquireInfo>(XR_TYPE_SWAPCHAIN_IMAGE_ACQUIRE_INFO);
      std::uint32_t index = 0;
      if (auto ok = check(xrAcquireSwapchainImage(chain, &acquire, &index), "xrAcquireSwapchainImage"); !ok) return ok;
      auto wait = xrStruct<XrSwapchainImageWaitInfo>(XR_TYPE_SWAPCHAIN_IMAGE_WAIT_INFO);
      wait.timeout = XR_INFINITE_DURATION;
      if (auto ok = check(xrWaitSwapchainImage(chain, &wait), "xrWaitSwapchainImage"); !ok) return ok;
      objects_.target->setCurrentImage(depth, array ? 0U : static_cast<std::uint32_t>(v), index);
    }
  }
  return {};
}

core::Result<void> Session::releaseImages() {
  for (auto* chains : {&objects_.colour, &objects_.depth}) {
    for (auto& chain : *chains) {
      auto release = xrStruct<XrSwapchainImageReleaseInfo>(XR_TYPE_SWAPCHAIN_IMAGE_RELEASE_INFO);
      if (auto ok = check(xrReleaseSwapchainImage(chain.handle.get(), &release), "xrReleaseSwapchainImage");
          !ok) {
        return ok;
      }
    }
  }
  return {};
}

core::Result<render::FrameStats> Session::endFrame(const FrameTiming& timing, const LocatedViews& views,
                                                   const render::FrameInput* frame) {
  render::FrameStats stats{.skipped = true};
  const bool draw = frame != nullptr && timing.shouldRender && views.valid;
  const bool array = layout_ == SwapchainLayout::Array;
  std::vector<XrCompositionLayerProjectionView> projected;
  std::vector<XrCompositionLayerDepthInfoKHR> depths(viewCount(),
                                                     xrStruct<XrCompositionLayerDepthInfoKHR>(XR_TYPE_COMPOSITION_LAYER_DEPTH_INFO_KHR));
  if (draw) {
    if (auto ok = acquireImages(); !ok) return std::unexpected(ok.error());
    auto drawn = renderer_.render(*frame, *objects_.target);
    // Release even after a failed draw: an acquired image must go back before xrEndFrame.
    if (auto ok = releaseImages(); !ok) return std::unexpected(ok.error());
    if (!drawn) return std::unexpected(drawn.error());
    stats = *drawn;
    for (std::uint32_t v = 0; v < viewCount(); ++v) {
      auto view = xrStruct<XrCompositionLayerProjectionView>(XR_TYPE_COMPOSITION_LAYER_PROJECTION_VIEW);
      view.pose = toXr(views.poses[v]);
      view.fov = views.fovs[v];
      view.subImage.swapchain = objects_.colour[array ? 0 : v].handle.get();
      view.subImage.imageRect.extent = {static_cast<std::int32_t>(extent_.width), static_cast<std::int32_t>(extent_.height)};
      view.subImage.imageArrayIndex = array ? v : 0U;
      if (submitsDepth()) {
        depths[v].subImage = view.subImage;
        depths[v].subImage.swapchain = objects_.depth[array ? 0 : v].handle.get();
        depths[v].minDepth = 0.0F;
        depths[v].maxDepth = 1.0F;
        depths[v].nearZ = kNearZ;
        depths[v].farZ = kFarZ;
        view.next = &depths[v];
      }
      projected.push_back(view);
    }
  }
  auto layer = xrStruct<XrCompositionLayerProjection>(XR_TYPE_COMPOSITION_LAYER_PROJECTION);
  layer.space = objects_.reference.get();
  layer.viewCount = static_cast<std::uint32_t>(projected.size());
  layer.views = projected.data();
  // Alpha blend shows the real world where the clear colour's alpha is 0.
  if (blend_ == XR_ENVIRONMENT_BLEND_MODE_ALPHA_BLEND) {
    layer.layerFlags = XR_COMPOSITION_LAYER_BLEND_TEXTURE_SOURCE_ALPHA_BIT;
  }
  const XrCompositionLayerBaseHeader* layers[] = {reinterpret_cast<const XrCompositionLayerBaseHeader*>(&layer)};
  auto end = xrStruct<XrFrameEndInfo>(XR_TYPE_FRAME_END_INFO);
  end.displayTime = timing.predictedDisplayTime;
  end.environmentBlendMode = blend_;
  end.layerCount = draw ? 1U : 0U;
  end.layers = layers;
  const XrResult r = xrEndFrame(objects_.session.get(), &end);
  if (r == XR_ERROR_SESSION_LOST) return stats;  // LOSS_PENDING follows; the loop recreates it
  if (auto ok = check(r, "xrEndFrame"); !ok) return std::unexpected(ok.error());
  return stats;
}

}  // namespace praxis::xr
