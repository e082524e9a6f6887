// Facts about the simulated systems that sessions, frames and spaces share.
#pragma once

#include "runtime.h"

namespace praxis::xrsim {

/// The one view configuration each system has: stereo for the HMD, mono for the handheld.
XrViewConfigurationType viewConfigurationOf(XrSystemId systemId);
std::uint32_t viewCountOf(XrViewConfigurationType type);
/// XR_SUCCESS, VIEW_CONFIGURATION_TYPE_UNSUPPORTED (a real type this system lacks) or
/// VALIDATION_FAILURE (not a view configuration type at all).
XrResult checkViewConfiguration(XrSystemId systemId, XrViewConfigurationType type);
/// The field of view of every eye.
XrFovf viewFov(const Config& config);
/// Fills extension structs chained to XrSystemProperties (hand tracking, …).
void fillSystemPropertiesChain(const Instance& instance, XrSystemId systemId, XrSystemProperties* properties);

}  // namespace praxis::xrsim
