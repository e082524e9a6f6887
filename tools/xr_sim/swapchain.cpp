// Swapchains (spec 10.1): formats, creation on the application's VkDevice, and the
// acquire → wait → release cycle with its call-order rules.
#include <algorithm>

#include "entry_points.h"
#include "swapchain_images.h"
#include "vulkan_device.h"

namespace praxis::xrsim {
namespace {

/// Images per swapchain: three, so an application can render one while two are queued.
constexpr std::uint32_t kImageCount = 3;

XrResult checkCreateInfo(const Session& session, const XrSwapchainCreateInfo* info) {
  if (badStruct(info, XR_TYPE_SWAPCHAIN_CREATE_INFO)) {
    return XR_ERROR_VALIDATION_FAILURE;
  }
  constexpr XrSwapchainCreateFlags kKnownFlags =
      XR_SWAPCHAIN_CREATE_PROTECTED_CONTENT_BIT | XR_SWAPCHAIN_CREATE_STATIC_IMAGE_BIT;
  if ((info->createFlags & ~kKnownFlags) != 0) {
    return XR_ERROR_VALIDATION_FAILURE;
  }
  std::vector<VkFormat> formats = swapchainFormats(*session.vulkan);
  if (std::find(formats.begin(), formats.end(), static_cast<VkFormat>(info->format)) == formats.end()) {
    return XR_ERROR_SWAPCHAIN_FORMAT_UNSUPPORTED;
  }
  if (info->width == 0 || info->height == 0 || info->sampleCount == 0 || info->arraySize == 0 ||
      info->mipCount == 0 || (info->faceCount != 1 && info->faceCount != 6)) {
    return XR_ERROR_VALIDATION_FAILURE;
  }
  // Protected content is not offered; cube maps (square) only with XR_KHR_composition_layer_cube.
  bool cubeOffered = session.instance.enabled(XR_KHR_COMPOSITION_LAYER_CUBE_EXTENSION_NAME) &&
                     info->width == info->height;
  if ((info->createFlags & XR_SWAPCHAIN_CREATE_PROTECTED_CONTENT_BIT) != 0 || (info->faceCount == 6 && !cubeOffered) ||
      info->width > kMaxSwapchainSize || info->height > kMaxSwapchainSize ||
      (info->sampleCount & (info->sampleCount - 1)) != 0) {
    return XR_ERROR_FEATURE_UNSUPPORTED;
  }
  return XR_SUCCESS;
}

}  // namespace

Swapchain::Swapchain(std::uint64_t swapchainHandle, Session& owner) : Object(ObjectType::Swapchain, swapchainHandle), session(owner) {}

Swapchain::~Swapchain() = default;

namespace api {

XrResult XRAPI_CALL xrEnumerateSwapchainFormats(XrSession session, std::uint32_t capacity, std::uint32_t* countOutput,
                                                std::int64_t* formats) {
  return guarded([&]() -> XrResult {
    Session* s = nullptr;
    if (XrResult r = lookup(session, s); XR_FAILED(r)) {
      return r;
    }
    std::vector<VkFormat> list = swapchainFormats(*s->vulkan);
    return twoCall(capacity, countOutput, formats, static_cast<std::uint32_t>(list.size()),
                   [&](std::int64_t& f, std::uint32_t i) {
                     f = list[i];
                     return XR_SUCCESS;
                   });
  });
}

XrResult XRAPI_CALL xrCreateSwapchain(XrSession session, const XrSwapchainCreateInfo* createInfo,
                                      XrSwapchain* swapchain) {
  return guarded([&]() -> XrResult {
    Session* s = nullptr;
    if (XrResult r = lookup(session, s); XR_FAILED(r)) {
      return r;
    }
    if (swapchain == nullptr) {
      return XR_ERROR_VALIDATION_FAILURE;
    }
    if (XrResult r = checkCreateInfo(*s, createInfo); XR_FAILED(r)) {
      return r;
    }
    bool isStatic = (createInfo->createFlags & XR_SWAPCHAIN_CREATE_STATIC_IMAGE_BIT) != 0;
    auto images = std::make_unique<SwapchainImages>(*s->vulkan, *createInfo, isStatic ? 1 : kImageCount);
    if (XR_FAILED(images->result())) {
      return images->result();
    }
    auto created = std::make_unique<Swapchain>(Registry::get().newHandle(), *s);
    created->info = *createInfo;
    created->info.next = nullptr;
    created->imageCount = images->count();
    created->images = std::move(images);
    Registry::get().add(*created);
    *swapchain = fromRaw<XrSwapchain>(created->handle);
    s->swapchains[created->handle] = std::move(created);
    return s->lossPending ? XR_SESSION_LOSS_PENDING : XR_SUCCESS;
  });
}

XrResult XRAPI_CALL xrDestroySwapchain(XrSwapchain swapchain) {
  return guarded([&]() -> XrResult {
    auto* sc = Registry::get().find<Swapchain>(toRaw(swapchain));
    if (sc == nullptr) {
      return XR_ERROR_HANDLE_INVALID;
    }
    sc->session.swapchains.erase(sc->handle);
    return XR_SUCCESS;
  });
}

XrResult XRAPI_CALL xrEnumerateSwapchainImages(XrSwapchain swapchain, std::uint32_t capacity,
                                               std::uint32_t* countOutput, XrSwapchainImageBaseHeader* images) {
  return guarded([&]() -> XrResult {
    Swapchain* sc = nullptr;
    if (XrResult r = lookup(swapchain, sc); XR_FAILED(r)) {
      return r;
    }
    auto* vkImages = reinterpret_cast<XrSwapchainImageVulkanKHR*>(images);  // NOLINT: the Vulkan binding's type
    return twoCall(capacity, countOutput, vkImages, sc->imageCount, [&](XrSwapchainImageVulkanKHR& out, std::uint32_t i) {
      if (out.type != XR_TYPE_SWAPCHAIN_IMAGE_VULKAN_KHR) {
        return XR_ERROR_VALIDATION_FAILURE;
      }
      out.image = sc->images->image(i);
      return XR_SUCCESS;
    });
  });
}

XrResult XRAPI_CALL xrAcquireSwapchainImage(XrSwapchain swapchain, const XrSwapchainImageAcquireInfo* acquireInfo,
                                            std::uint32_t* index) {
  return guarded([&]() -> XrResult {
    Swapchain* sc = nullptr;
    if (XrResult r = lookup(swapchain, sc); XR_FAILED(r)) {
      return r;
    }
    if ((acquireInfo != nullptr && acquireInfo->type != XR_TYPE_SWAPCHAIN_IMAGE_ACQUIRE_INFO) || index == nullptr) {
      return XR_ERROR_VALIDATION_FAILURE;
    }
    if (XrResult r = sc->images->prepare(*sc->session.vulkan); XR_FAILED(r)) {
      return r;
    }
    bool isStatic = (sc->info.createFlags & XR_SWAPCHAIN_CREATE_STATIC_IMAGE_BIT) != 0;
    // All images acquired and not yet released, or a static image acquired once already.
    if (sc->acquired.size() == sc->imageCount || (isStatic && sc->staticAcquires > 0)) {
      return XR_ERROR_CALL_ORDER_INVALID;
    }
    *index = sc->nextAcquire;
    sc->acquired.push_back(sc->nextAcquire);
    sc->nextAcquire = (sc->nextAcquire + 1) % sc->imageCount;
    sc->staticAcquires += isStatic ? 1 : 0;
    return sc->session.lossPending ? XR_SESSION_LOSS_PENDING : XR_SUCCESS;
  });
}

XrResult XRAPI_CALL xrWaitSwapchainImage(XrSwapchain swapchain, const XrSwapchainImageWaitInfo* waitInfo) {
  return guarded([&]() -> XrResult {
    Swapchain* sc = nullptr;
    if (XrResult r = lookup(swapchain, sc); XR_FAILED(r)) {
      return r;
    }
    if (badStruct(waitInfo, XR_TYPE_SWAPCHAIN_IMAGE_WAIT_INFO)) {
      return XR_ERROR_VALIDATION_FAILURE;
    }
    // Waits apply to the oldest acquired image; one waited image at a time until released.
    if (sc->acquired.empty() || sc->waited) {
      return XR_ERROR_CALL_ORDER_INVALID;
    }
    // The runtime never holds an image the application acquired: it is ready at once.
    sc->waited = true;
    return sc->session.lossPending ? XR_SESSION_LOSS_PENDING : XR_SUCCESS;
  });
}

XrResult XRAPI_CALL xrReleaseSwapchainImage(XrSwapchain swapchain, const XrSwapchainImageReleaseInfo* releaseInfo) {
  return guarded([&]() -> XrResult {
    Swapchain* sc = nullptr;
    if (XrResult r = lookup(swapchain, sc); XR_FAILED(r)) {
      return r;
    }
    if (releaseInfo != nullptr && releaseInfo->type != XR_TYPE_SWAPCHAIN_IMAGE_RELEASE_INFO) {
      return XR_ERROR_VALIDATION_FAILURE;
    }
    if (sc->acquired.empty() || !sc->waited) {
      return XR_ERROR_CALL_ORDER_INVALID;
    }
    sc->lastReleased = sc->acquired.front();
    sc->acquired.pop_front();
    sc->waited = false;
    sc->everReleased = true;
    return sc->session.lossPending ? XR_SESSION_LOSS_PENDING : XR_SUCCESS;
  });
}

}  // namespace api
}  // namespace praxis::xrsim
