// Sessions and their state machine (spec 9.3): IDLE → READY → SYNCHRONIZED → VISIBLE → FOCUSED,
// STOPPING on an exit request, LOSS_PENDING on a lost session, each change queued as an event.
#include "entry_points.h"
#include "ext_entry_points.h"
#include "swapchain_images.h"
#include "system_info.h"
#include "vulkan_device.h"

namespace praxis::xrsim {
namespace {

const XrGraphicsBindingVulkanKHR* findVulkanBinding(const void* next) {
  for (auto* header = static_cast<const XrBaseInStructure*>(next); header != nullptr; header = header->next) {
    if (header->type == XR_TYPE_GRAPHICS_BINDING_VULKAN_KHR) {
      return reinterpret_cast<const XrGraphicsBindingVulkanKHR*>(header);  // NOLINT
    }
  }
  return nullptr;
}

XrResult makeVulkan(Instance& owner, const XrGraphicsBindingVulkanKHR* binding, std::unique_ptr<VulkanDevice>& out) {
  if (binding == nullptr || binding->instance == VK_NULL_HANDLE || binding->physicalDevice == VK_NULL_HANDLE ||
      binding->device == VK_NULL_HANDLE) {
    return XR_ERROR_GRAPHICS_DEVICE_INVALID;
  }
  // The application must render on the device the runtime named for its VkInstance (it may
  // have asked through an earlier XrInstance, so only a contradiction is refused).
  auto chosen = owner.chosenDevices.find(binding->instance);
  if (chosen != owner.chosenDevices.end() && chosen->second != binding->physicalDevice) {
    return XR_ERROR_GRAPHICS_DEVICE_INVALID;
  }
  VulkanBinding vk{.instance = binding->instance,
                   .physicalDevice = binding->physicalDevice,
                   .device = binding->device,
                   .queueFamilyIndex = binding->queueFamilyIndex,
                   .queueIndex = binding->queueIndex,
                   .getInstanceProcAddr = owner.getInstanceProcAddr != nullptr ? owner.getInstanceProcAddr
                                                                               : vkGetInstanceProcAddr};
  out = std::make_unique<VulkanDevice>(vk);
  return out->ok() ? XR_SUCCESS : XR_ERROR_GRAPHICS_DEVICE_INVALID;
}

XrResult checkCreateSession(Instance& owner, const XrSessionCreateInfo* info) {
  if (badStruct(info, XR_TYPE_SESSION_CREATE_INFO) || info->createFlags != 0) {
    return XR_ERROR_VALIDATION_FAILURE;
  }
  if (info->systemId != kHmdSystemId && info->systemId != kHandheldSystemId) {
    return XR_ERROR_SYSTEM_INVALID;
  }
  if (!owner.enabled(XR_KHR_VULKAN_ENABLE_EXTENSION_NAME) && !owner.enabled(XR_KHR_VULKAN_ENABLE2_EXTENSION_NAME)) {
    return XR_ERROR_GRAPHICS_DEVICE_INVALID;  // no graphics API enabled: no binding can be valid
  }
  if (!owner.graphicsRequirementsQueried) {
    return XR_ERROR_GRAPHICS_REQUIREMENTS_CALL_MISSING;
  }
  return XR_SUCCESS;
}

/// Events of a destroyed session are no longer delivered: their handle would be invalid.
void dropSessionEvents(Instance& instance, XrSession session) {
  std::erase_if(instance.events, [&](const XrEventDataBuffer& event) {
    if (event.type == XR_TYPE_EVENT_DATA_SESSION_STATE_CHANGED) {
      return reinterpret_cast<const XrEventDataSessionStateChanged&>(event).session == session;  // NOLINT
    }
    if (event.type == XR_TYPE_EVENT_DATA_INTERACTION_PROFILE_CHANGED) {
      return reinterpret_cast<const XrEventDataInteractionProfileChanged&>(event).session == session;  // NOLINT
    }
    if (event.type == XR_TYPE_EVENT_DATA_USER_PRESENCE_CHANGED_EXT) {
      return reinterpret_cast<const XrEventDataUserPresenceChangedEXT&>(event).session == session;  // NOLINT
    }
    return false;
  });
}

/// A session that is running and not being lost: what ending or leaving it needs.
XrResult lookupRunning(XrSession session, Session*& s) {
  if (XrResult r = lookup(session, s); XR_FAILED(r)) {
    return r;
  }
  if (s->lossPending) {
    return XR_ERROR_SESSION_LOST;
  }
  return s->running ? XR_SUCCESS : XR_ERROR_SESSION_NOT_RUNNING;
}

}  // namespace

Session::Session(std::uint64_t sessionHandle, Instance& owner) : Object(ObjectType::Session, sessionHandle), instance(owner) {}

Session::~Session() {
  // Children first: swapchain images live on the device the VulkanDevice holds functions of.
  children.clear();
  swapchains.clear();
  spaces.clear();
}

void changeState(Session& session, XrSessionState state) {
  session.state = state;
  XrEventDataSessionStateChanged event{.type = XR_TYPE_EVENT_DATA_SESSION_STATE_CHANGED,
                                       .next = nullptr,
                                       .session = fromRaw<XrSession>(session.handle),
                                       .state = state,
                                       .time = now()};
  pushEvent(session.instance, event);
}

void requestStop(Session& session) {
  session.exitRequested = true;
  if (session.state == XR_SESSION_STATE_FOCUSED) {
    changeState(session, XR_SESSION_STATE_VISIBLE);
  }
  if (session.state == XR_SESSION_STATE_VISIBLE) {
    changeState(session, XR_SESSION_STATE_SYNCHRONIZED);
  }
  if (session.state == XR_SESSION_STATE_READY) {
    changeState(session, XR_SESSION_STATE_SYNCHRONIZED);
  }
  if (session.state == XR_SESSION_STATE_SYNCHRONIZED) {
    changeState(session, XR_SESSION_STATE_STOPPING);
  }
}

void applyDeviceEvents(Instance& instance, const std::vector<DeviceEvent>& events) {
  for (DeviceEvent event : events) {
    if (event == DeviceEvent::InstanceLoss && !instance.lost) {
      XrEventDataInstanceLossPending pending{.type = XR_TYPE_EVENT_DATA_INSTANCE_LOSS_PENDING,
                                             .next = nullptr,
                                             .lossTime = now()};
      pushEvent(instance, pending);
      instance.lost = true;
      continue;
    }
    for (auto& [handle, session] : instance.sessions) {
      Session& s = *session;
      if (s.lossPending) {
        continue;
      }
      if (event == DeviceEvent::FocusLoss) {
        s.focusAvailable = false;
        if (s.state == XR_SESSION_STATE_FOCUSED) {
          changeState(s, XR_SESSION_STATE_VISIBLE);
        }
      } else if (event == DeviceEvent::FocusGain) {
        s.focusAvailable = true;
        if (s.state == XR_SESSION_STATE_VISIBLE && !s.exitRequested) {
          changeState(s, XR_SESSION_STATE_FOCUSED);
        }
      } else if (event == DeviceEvent::SessionLoss) {
        s.lossPending = true;
        changeState(s, XR_SESSION_STATE_LOSS_PENDING);
      }
    }
  }
}

namespace api {

XrResult XRAPI_CALL xrCreateSession(XrInstance instance, const XrSessionCreateInfo* createInfo, XrSession* session) {
  return guarded([&]() -> XrResult {
    Instance* owner = nullptr;
    if (XrResult r = lookup(instance, owner); XR_FAILED(r)) {
      return r;
    }
    if (session == nullptr) {
      return XR_ERROR_VALIDATION_FAILURE;
    }
    if (XrResult r = checkCreateSession(*owner, createInfo); XR_FAILED(r)) {
      return r;
    }
    std::unique_ptr<VulkanDevice> vulkan;
    if (XrResult r = makeVulkan(*owner, findVulkanBinding(createInfo->next), vulkan); XR_FAILED(r)) {
      return r;
    }
    auto created = std::make_unique<Session>(Registry::get().newHandle(), *owner);
    created->systemId = createInfo->systemId;
    created->viewConfiguration = viewConfigurationOf(createInfo->systemId);
    created->vulkan = std::move(vulkan);
    Session& s = *created;
    Registry::get().add(s);
    owner->sessions[s.handle] = std::move(created);
    changeState(s, XR_SESSION_STATE_IDLE);
    changeState(s, XR_SESSION_STATE_READY);
    *session = fromRaw<XrSession>(s.handle);
    return XR_SUCCESS;
  });
}

XrResult XRAPI_CALL xrDestroySession(XrSession session) {
  return guarded([&]() -> XrResult {
    Session* s = Registry::get().find<Session>(toRaw(session));
    if (s == nullptr) {
      return XR_ERROR_HANDLE_INVALID;
    }
    inputSessionDestroyed(*s);
    dropSessionEvents(s->instance, session);
    s->instance.sessions.erase(s->handle);
    return XR_SUCCESS;
  });
}

XrResult XRAPI_CALL xrBeginSession(XrSession session, const XrSessionBeginInfo* beginInfo) {
  return guarded([&]() -> XrResult {
    Session* s = nullptr;
    if (XrResult r = lookup(session, s); XR_FAILED(r)) {
      return r;
    }
    if (badStruct(beginInfo, XR_TYPE_SESSION_BEGIN_INFO)) {
      return XR_ERROR_VALIDATION_FAILURE;
    }
    if (s->lossPending) {
      return XR_ERROR_SESSION_LOST;
    }
    if (s->running) {
      return XR_ERROR_SESSION_RUNNING;
    }
    if (XrResult r = checkViewConfiguration(s->instance, s->systemId, beginInfo->primaryViewConfigurationType); XR_FAILED(r)) {
      return r;
    }
    if (s->state != XR_SESSION_STATE_READY) {
      return XR_ERROR_SESSION_NOT_READY;
    }
    s->running = true;
    s->viewConfiguration = beginInfo->primaryViewConfigurationType;
    s->framesWaited = 0;
    s->framesBegun = 0;
    s->frameInProgress = false;
    announceUserPresence(*s);
    return XR_SUCCESS;
  });
}

XrResult XRAPI_CALL xrEndSession(XrSession session) {
  return guarded([&]() -> XrResult {
    Session* s = nullptr;
    if (XrResult r = lookupRunning(session, s); XR_FAILED(r)) {
      return r;
    }
    if (s->state != XR_SESSION_STATE_STOPPING) {
      return XR_ERROR_SESSION_NOT_STOPPING;
    }
    s->running = false;
    s->frameInProgress = false;
    s->frameChanged.notify_all();
    changeState(*s, XR_SESSION_STATE_IDLE);
    // Every STOPPING here comes from an exit request (the application's or the runtime's).
    changeState(*s, XR_SESSION_STATE_EXITING);
    return XR_SUCCESS;
  });
}

XrResult XRAPI_CALL xrRequestExitSession(XrSession session) {
  return guarded([&]() -> XrResult {
    Session* s = nullptr;
    if (XrResult r = lookupRunning(session, s); XR_FAILED(r)) {
      return r;
    }
    requestStop(*s);
    return XR_SUCCESS;
  });
}

}  // namespace api
}  // namespace praxis::xrsim
