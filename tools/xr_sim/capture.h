// Eye-image capture (PRAXIS_XR_SIM_CAPTURE=DIR): the first projection layer of a submitted
// frame, each view's sub-image read back from its swapchain and written as
// DIR/frame-NNNNN-eye-E.png (RGBA, 8 bits per channel).
#pragma once

#include "runtime.h"

namespace praxis::xrsim {

/// Reads back and writes the views of the first projection layer in `info`; a problem (an
/// unsupported format, a full disk) is reported through report() and skips the image.
void captureProjection(Session& session, const XrFrameEndInfo& info, std::uint64_t frame);

}  // namespace praxis::xrsim
