// Facts about the simulated systems that sessions, frames and spaces share.
#pragma once

#include "runtime.h"

namespace praxis::xrsim {

/// The primary view configuration of each system: stereo for the HMD, mono for the handheld.
XrViewConfigurationType viewConfigurationOf(XrSystemId systemId);
/// All the view configurations a system offers to `instance` (quad views with XR_VARJO_quad_views).
std::vector<XrViewConfigurationType> viewConfigurationsOf(const Instance& instance, XrSystemId systemId);
std::uint32_t viewCountOf(XrViewConfigurationType type);
/// XR_SUCCESS, VIEW_CONFIGURATION_TYPE_UNSUPPORTED (a real type this system lacks) or
/// VALIDATION_FAILURE (not a view configuration type at all).
XrResult checkViewConfiguration(const Instance& instance, XrSystemId systemId, XrViewConfigurationType type);
/// The field of view of view `index` of `type`: the inset views of quad views are half as wide.
XrFovf viewFovOf(const Config& config, XrViewConfigurationType type, std::uint32_t index);
/// The field of view of every eye.
XrFovf viewFov(const Config& config);
/// Fills extension structs chained to XrSystemProperties (hand tracking, …).
void fillSystemPropertiesChain(const Instance& instance, XrSystemId systemId, XrSystemProperties* properties);

}  // namespace praxis::xrsim
