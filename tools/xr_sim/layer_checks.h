// The checks xrEndFrame runs on each submitted composition layer (spec 10.5), shared by the core
// layers (frame.cpp) and the extension layers (composition_layers.cpp).
#pragma once

#include "runtime.h"

namespace praxis::xrsim {

/// A layer's sub-image against its swapchain: LAYER_INVALID, SWAPCHAIN_RECT_INVALID, ….
XrResult checkSubImage(const Session& session, const XrSwapchainSubImage& sub);
/// A cube, cylinder or equirect layer (XR_KHR_composition_layer_*): LAYER_INVALID when its
/// extension is not enabled or the type is none of these.
XrResult checkExtensionLayer(const Session& session, const XrCompositionLayerBaseHeader& layer);
/// XR_FB_space_warp's info chained to a projection view (ignored, as any unknown struct, while
/// the extension is not enabled).
XrResult checkSpaceWarpInfo(const Session& session, const XrCompositionLayerSpaceWarpInfoFB& info);

}  // namespace praxis::xrsim
