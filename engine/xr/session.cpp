// The session's lifecycle: configuration chosen from the runtime's offers, the XrSession with
// its spaces and swapchains, and the events that begin, end, recreate or close it.
#include "xr/session.h"

#include <vulkan/vulkan_core.h>
// After Vulkan: the XR_KHR_vulkan_enable(2) declarations need its types.
#include <openxr/openxr_platform.h>


#include "xr/check.h"

namespace praxis::xr {
namespace {

template <typename T, typename F>
core::Result<std::vector<T>> enumerate(const char* name, T zero, F&& call) {
  std::uint32_t count = 0;
  if (auto ok = check(call(0U, &count, nullptr), name); !ok) return std::unexpected(ok.error());
  std::vector<T> out(count, zero);
  if (auto ok = check(call(count, &count, out.data()), name); !ok) return std::unexpected(ok.error());
  out.resize(count);
  return out;
}

}  // namespace

Session::~Session() { close(); }

core::Result<std::unique_ptr<Session>> Session::create(const Instance& instance,
                                                       render::Renderer& renderer,
                                                       SessionOptions options) {
  std::unique_ptr<Session> out(new Session(instance, renderer, options));
  auto actions = Actions::create(instance);
  if (!actions) return std::unexpected(actions.error());
  out->actions_ = std::move(*actions);
  if (auto ok = out->chooseConfiguration(); !ok) return std::unexpected(ok.error());
  if (auto ok = out->open(); !ok) return std::unexpected(ok.error());
  return out;
}

core::Result<void> Session::chooseConfiguration() {
  const XrInstance xr = instance_.handle();
  const XrSystemId system = instance_.system();
  auto configs = enumerate("xrEnumerateViewConfigurations", XrViewConfigurationType{},
                           [&](std::uint32_t n, std::uint32_t* c, XrViewConfigurationType* p) {
                             return xrEnumerateViewConfigurations(xr, system, n, c, p);
                           });
  if (!configs) return std::unexpected(configs.error());
  auto config = chooseViewConfiguration(*configs);
  if (!config) return std::unexpected(config.error());
  viewConfiguration_ = *config;
  auto views = enumerate("xrEnumerateViewConfigurationViews",
                         xrStruct<XrViewConfigurationView>(XR_TYPE_VIEW_CONFIGURATION_VIEW),
                         [&](std::uint32_t n, std::uint32_t* c, XrViewConfigurationView* p) {
                           return xrEnumerateViewConfigurationViews(xr, system, viewConfiguration_, n, c, p);
                         });
  if (!views) return std::unexpected(views.error());
  if (views->empty() || views->size() > 2) return core::fail("the OpenXR runtime asks for ", std::to_string(views->size()), " views; Praxis draws 1 or 2");
  viewSizes_ = std::move(*views);
  layout_ = viewSizes_.size() == 1 ? SwapchainLayout::Array : chooseSwapchainLayout(viewSizes_, options_.layout);
  // One size for every view: the largest recommended (an array swapchain needs one anyway).
  for (const auto& v : viewSizes_) {
    extent_.width = std::max(extent_.width, v.recommendedImageRectWidth);
    extent_.height = std::max(extent_.height, v.recommendedImageRectHeight);
  }
  auto modes = enumerate("xrEnumerateEnvironmentBlendModes", XrEnvironmentBlendMode{},
                         [&](std::uint32_t n, std::uint32_t* c, XrEnvironmentBlendMode* p) {
                           return xrEnumerateEnvironmentBlendModes(xr, system, viewConfiguration_, n, c, p);
                         });
  if (!modes) return std::unexpected(modes.error());
  auto blend = chooseBlendMode(*modes, options_.augmented, options_.blend);
  if (!blend) return std::unexpected(blend.error());
  blend_ = *blend;
  return {};
}

core::Result<void> Session::open() {
  const auto handles = renderer_.nativeHandles();
  // XrGraphicsBindingVulkan2KHR is an alias of this struct, with the same structure type.
  auto binding = xrStruct<XrGraphicsBindingVulkanKHR>(XR_TYPE_GRAPHICS_BINDING_VULKAN_KHR);
  binding.instance = handles.instance;
  binding.physicalDevice = handles.physicalDevice;
  binding.device = handles.device;
  binding.queueFamilyIndex = handles.queueFamily;
  binding.queueIndex = handles.queueIndex;
  auto info = xrStruct<XrSessionCreateInfo>(XR_TYPE_SESSION_CREATE_INFO, &binding);
  info.systemId = instance_.system();
  XrSession session = XR_NULL_HANDLE;
  if (auto ok = check(xrCreateSession(instance_.handle(), &info, &session), "xrCreateSession"); !ok) return ok;
  objects_.session = Handle<XrSession>(session, &xrDestroySession);
  if (auto ok = createSpaces(); !ok) return ok;
  if (auto ok = createSwapchains(); !ok) return ok;
  return actions_->attach(session);
}

core::Result<void> Session::createSpaces() {
  const XrSession session = objects_.session.get();
  auto spaces = enumerate("xrEnumerateReferenceSpaces", XrReferenceSpaceType{},
                          [&](std::uint32_t n, std::uint32_t* c, XrReferenceSpaceType* p) {
                            return xrEnumerateReferenceSpaces(session, n, c, p);
                          });
  if (!spaces) return std::unexpected(spaces.error());
  space_ = chooseReferenceSpace(*spaces);
  for (auto [type, slot] : {std::pair{space_, &objects_.reference},
                            std::pair{XR_REFERENCE_SPACE_TYPE_VIEW, &objects_.view}}) {
    auto info = xrStruct<XrReferenceSpaceCreateInfo>(XR_TYPE_REFERENCE_SPACE_CREATE_INFO);
    info.referenceSpaceType = type;
    info.poseInReferenceSpace.orientation.w = 1.0F;
    XrSpace space = XR_NULL_HANDLE;
    if (auto ok = check(xrCreateReferenceSpace(session, &info, &space), "xrCreateReferenceSpace"); !ok) return ok;
    *slot = Handle<XrSpace>(space, &xrDestroySpace);
  }
  return {};
}

core::Result<Session::Swapchain> Session::createSwapchain(std::int64_t format, std::uint32_t layers,
                                                          bool depth) {
  auto info = xrStruct<XrSwapchainCreateInfo>(XR_TYPE_SWAPCHAIN_CREATE_INFO);
  // TRANSFER_DST: where stereo is drawn one eye per pass, the MSAA resolve is a copy.
  info.usageFlags = depth ? XR_SWAPCHAIN_USAGE_DEPTH_STENCIL_ATTACHMENT_BIT
                          : XR_SWAPCHAIN_USAGE_COLOR_ATTACHMENT_BIT | XR_SWAPCHAIN_USAGE_TRANSFER_DST_BIT;
  info.format = format;
  info.sampleCount = 1;
  info.width = extent_.width;
  info.height = extent_.height;
  info.faceCount = 1;
  info.arraySize = layers;
  info.mipCount = 1;
  XrSwapchain raw = XR_NULL_HANDLE;
  if (auto ok = check(xrCreateSwapchain(objects_.session.get(), &info, &raw), "xrCreateSwapchain"); !ok) {
    return std::unexpected(ok.error());
  }
  Swapchain out{Handle<XrSwapchain>(raw, &xrDestroySwapchain), {}};
  auto images = enumerate("xrEnumerateSwapchainImages",
                          xrStruct<XrSwapchainImageVulkanKHR>(XR_TYPE_SWAPCHAIN_IMAGE_VULKAN_KHR),
                          [&](std::uint32_t n, std::uint32_t* c, XrSwapchainImageVulkanKHR* p) {
                            return xrEnumerateSwapchainImages(raw, n, c, reinterpret_cast<XrSwapchainImageBaseHeader*>(p));
                          });
  if (!images) return std::unexpected(images.error());
  for (const auto& image : *images) out.images.push_back(image.image);
  return out;
}

core::Result<void> Session::createSwapchains() {
  const XrSession session = objects_.session.get();
  auto formats = enumerate("xrEnumerateSwapchainFormats", std::int64_t{},
                           [&](std::uint32_t n, std::uint32_t* c, std::int64_t* p) {
                             return xrEnumerateSwapchainFormats(session, n, c, p);
                           });
  if (!formats) return std::unexpected(formats.error());
  auto colour = chooseColourFormat(*formats);
  if (!colour) return std::unexpected(colour.error());
  colourFormat_ = *colour;
  const bool depth = options_.depth && instance_.depthLayers() && offersDepthFormat(*formats);
  const auto views = viewCount();
  const bool array = layout_ == SwapchainLayout::Array;
  render::ExternalImages images;
  images.format = static_cast<VkFormat>(colourFormat_);
  images.extent = extent_;
  images.viewCount = views;
  for (std::uint32_t i = 0; i < (array ? 1U : views); ++i) {
    auto c = createSwapchain(colourFormat_, array ? views : 1U, false);
    if (!c) return std::unexpected(c.error());
    (array ? images.images : images.perView.emplace_back()) = c->images;
    objects_.colour.push_back(std::move(*c));
    if (!depth) continue;
    auto d = createSwapchain(render::kXrDepthFormat, array ? views : 1U, true);
    if (!d) return std::unexpected(d.error());
    (array ? images.depth : images.depthPerView.emplace_back()) = d->images;
    objects_.depth.push_back(std::move(*d));
  }
  auto target = renderer_.createExternalTarget(images);
  if (!target) return std::unexpected(target.error());
  objects_.target = std::move(*target);
  return {};
}

void Session::close() {
  if (!objects_.session) return;
  renderer_.waitIdle();  // the swapchain images may still be drawn into
  objects_.target.reset();
  actions_->detach();
  objects_.depth.clear();
  objects_.colour.clear();
  objects_.view.reset();
  objects_.reference.reset();
  objects_.session.reset();
}

core::Result<void> Session::act(SessionAction action) {
  const XrSession session = objects_.session.get();
  switch (action) {
    case SessionAction::Begin: {
      auto info = xrStruct<XrSessionBeginInfo>(XR_TYPE_SESSION_BEGIN_INFO);
      info.primaryViewConfigurationType = viewConfiguration_;
      if (auto ok = check(xrBeginSession(session, &info), "xrBeginSession"); !ok) return ok;
      state_.began();
      return {};
    }
    case SessionAction::End:
      state_.ended();
      return check(xrEndSession(session), "xrEndSession");
    case SessionAction::Recreate:
      close();
      if (auto ok = open(); !ok) return ok;
      state_.recreated(objects_.session.get());
      return {};
    case SessionAction::Exit:
      close();
      return {};
    case SessionAction::None: return {};
  }
  return {};
}

core::Result<SessionAction> Session::pollEvents() {
  if (state_.instanceLost() || !objects_.session) return SessionAction::Exit;
  for (;;) {
    auto event = xrStruct<XrEventDataBuffer>(XR_TYPE_EVENT_DATA_BUFFER);
    const XrResult r = xrPollEvent(instance_.handle(), &event);
    if (r == XR_EVENT_UNAVAILABLE) return SessionAction::None;
    if (auto ok = check(r, "xrPollEvent"); !ok) return std::unexpected(ok.error());
    const SessionAction action = state_.handle(event);
    if (auto ok = act(action); !ok) return std::unexpected(ok.error());
    if (action == SessionAction::Exit) return SessionAction::Exit;
  }
}

void Session::requestExit() {
  state_.exitRequested();
  if (objects_.session && state_.running()) (void)xrRequestExitSession(objects_.session.get());
}

}  // namespace praxis::xr
