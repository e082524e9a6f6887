// Instance life cycle, extensions, instance properties, events and the string functions.
#include <cstdio>
#include <cstring>
#include <string>
#include <string_view>

#include <openxr/openxr_reflection.h>

#include "ext_entry_points.h"

namespace praxis::xrsim {
namespace {

constexpr const char* kRuntimeName = "Praxis simulated runtime";
constexpr XrVersion kRuntimeVersion = XR_MAKE_VERSION(0, 1, 0);

std::vector<ExtensionInfo> extensionList() {
  std::vector<ExtensionInfo> list{
      {XR_KHR_VULKAN_ENABLE_EXTENSION_NAME, XR_KHR_vulkan_enable_SPEC_VERSION},
      {XR_KHR_VULKAN_ENABLE2_EXTENSION_NAME, XR_KHR_vulkan_enable2_SPEC_VERSION},
      {XR_KHR_COMPOSITION_LAYER_DEPTH_EXTENSION_NAME, XR_KHR_composition_layer_depth_SPEC_VERSION},
      {XR_KHR_CONVERT_TIMESPEC_TIME_EXTENSION_NAME, XR_KHR_convert_timespec_time_SPEC_VERSION},
      {XR_KHR_COMPOSITION_LAYER_CUBE_EXTENSION_NAME, XR_KHR_composition_layer_cube_SPEC_VERSION},
      {XR_KHR_COMPOSITION_LAYER_CYLINDER_EXTENSION_NAME, XR_KHR_composition_layer_cylinder_SPEC_VERSION},
      {XR_KHR_COMPOSITION_LAYER_EQUIRECT_EXTENSION_NAME, XR_KHR_composition_layer_equirect_SPEC_VERSION},
      {XR_KHR_VISIBILITY_MASK_EXTENSION_NAME, XR_KHR_visibility_mask_SPEC_VERSION},
      {XR_KHR_LOCATE_SPACES_EXTENSION_NAME, XR_KHR_locate_spaces_SPEC_VERSION},
      {XR_EXT_LOCAL_FLOOR_EXTENSION_NAME, XR_EXT_local_floor_SPEC_VERSION},
      {XR_EXT_THERMAL_QUERY_EXTENSION_NAME, XR_EXT_thermal_query_SPEC_VERSION},
      {XR_EXT_USER_PRESENCE_EXTENSION_NAME, XR_EXT_user_presence_SPEC_VERSION},
      {XR_META_HEADSET_ID_EXTENSION_NAME, XR_META_headset_id_SPEC_VERSION},
      {XR_META_PERFORMANCE_METRICS_EXTENSION_NAME, XR_META_performance_metrics_SPEC_VERSION},
      {XR_VARJO_QUAD_VIEWS_EXTENSION_NAME, XR_VARJO_quad_views_SPEC_VERSION},
      {XR_MSFT_CONTROLLER_MODEL_EXTENSION_NAME, XR_MSFT_controller_model_SPEC_VERSION},
      {XR_FB_SPACE_WARP_EXTENSION_NAME, 2},  // version 2 adds the frame-skip flag, accepted
      {XR_EXT_PLANE_DETECTION_EXTENSION_NAME, XR_EXT_plane_detection_SPEC_VERSION},
  };
  for (const ExtensionInfo& e : inputExtensions()) {
    list.push_back(e);
  }
  std::erase_if(list, [](const ExtensionInfo& e) { return withheldExtension(e.name); });
  return list;
}

bool knownExtension(std::string_view name) {
  for (const ExtensionInfo& e : extensionList()) {
    if (name == e.name) {
      return true;
    }
  }
  return false;
}

/// Application and engine names must be non-empty, NUL-terminated within their arrays.
bool validName(const char* name, std::size_t capacity) {
  std::size_t length = strnlen(name, capacity);
  return length > 0 && length < capacity;
}

XrResult checkCreateInfo(const XrInstanceCreateInfo* info) {
  if (badStruct(info, XR_TYPE_INSTANCE_CREATE_INFO) || info->createFlags != 0) {
    return XR_ERROR_VALIDATION_FAILURE;
  }
  const XrApplicationInfo& app = info->applicationInfo;
  if (!validName(app.applicationName, XR_MAX_APPLICATION_NAME_SIZE)) {
    return XR_ERROR_NAME_INVALID;
  }
  if (strnlen(app.engineName, XR_MAX_ENGINE_NAME_SIZE) == XR_MAX_ENGINE_NAME_SIZE) {
    return XR_ERROR_NAME_INVALID;
  }
  // This runtime implements OpenXR 1.0 and 1.1: any 1.0.x or 1.1.x is accepted, nothing else.
  if (XR_VERSION_MAJOR(app.apiVersion) != 1 || XR_VERSION_MINOR(app.apiVersion) > 1) {
    return XR_ERROR_API_VERSION_UNSUPPORTED;
  }
  // API layers are the loader's business: it loads them and may still pass their names on.
  if (info->enabledExtensionCount > 0 && info->enabledExtensionNames == nullptr) {
    return XR_ERROR_VALIDATION_FAILURE;
  }
  for (std::uint32_t i = 0; i < info->enabledExtensionCount; ++i) {
    const char* name = info->enabledExtensionNames[i];
    // XR_EXT_debug_utils is the loader's own (it implements it whole for a runtime without it);
    // an older loader may still pass the name on.
    if (name != nullptr && std::string_view(name) == XR_EXT_DEBUG_UTILS_EXTENSION_NAME) {
      continue;
    }
    if (name == nullptr || !knownExtension(name)) {
      return XR_ERROR_EXTENSION_NOT_PRESENT;
    }
  }
  return XR_SUCCESS;
}

template <typename E>
XrResult enumToString(const char* (*name)(E), E value, const char* unknownPrefix, char* buffer) {
  const char* known = name(value);
  if (known != nullptr) {
    std::snprintf(buffer, XR_MAX_RESULT_STRING_SIZE, "%s", known);
  } else {
    std::snprintf(buffer, XR_MAX_RESULT_STRING_SIZE, "%s%d", unknownPrefix, static_cast<int>(value));
  }
  return XR_SUCCESS;
}

const char* resultName(XrResult value) {
  switch (value) {
#define PRAXIS_XR_SIM_CASE(name, val) \
  case name:                          \
    return #name;
    XR_LIST_ENUM_XrResult(PRAXIS_XR_SIM_CASE)
    default:
      return nullptr;
  }
}

const char* structureName(XrStructureType value) {
  switch (value) {
    XR_LIST_ENUM_XrStructureType(PRAXIS_XR_SIM_CASE)
    default:
      return nullptr;
  }
#undef PRAXIS_XR_SIM_CASE
}

}  // namespace

Instance::Instance(std::uint64_t instanceHandle, Config cfg)
    : Object(ObjectType::Instance, instanceHandle), config(std::move(cfg)), feed(config.inputPath) {}

Instance::~Instance() {
  // Children go first, while the instance they point to is still whole.
  sessions.clear();
  input.reset();
}

XrTime now() {
  timespec ts{};
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return static_cast<XrTime>(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

void pushEventBuffer(Instance& instance, const XrEventDataBuffer& event) {
  if (instance.events.size() >= kMaxQueuedEvents) {
    // The oldest event goes; xrPollEvent says how many went (XrEventDataEventsLost).
    instance.events.pop_front();
    ++instance.lostEvents;
  }
  instance.events.push_back(event);
}

void report(const Instance& instance, const std::string& message) {
  std::fprintf(stderr, "praxis_xr_sim: %s: %s\n", instance.applicationName.c_str(), message.c_str());
}

namespace api {

XrResult XRAPI_CALL xrEnumerateApiLayerProperties(std::uint32_t capacity, std::uint32_t* countOutput,
                                                  XrApiLayerProperties* properties) {
  return guarded([&] { return twoCall(capacity, countOutput, properties, 0, [](auto&, auto) { return XR_SUCCESS; }); });
}

XrResult XRAPI_CALL xrEnumerateInstanceExtensionProperties(const char* layerName, std::uint32_t capacity,
                                                           std::uint32_t* countOutput,
                                                           XrExtensionProperties* properties) {
  return guarded([&]() -> XrResult {
    if (layerName != nullptr && layerName[0] != '\0') {
      return XR_ERROR_API_LAYER_NOT_PRESENT;
    }
    std::vector<ExtensionInfo> list = extensionList();
    return twoCall(capacity, countOutput, properties, static_cast<std::uint32_t>(list.size()),
                   [&](XrExtensionProperties& p, std::uint32_t i) {
                     if (p.type != XR_TYPE_EXTENSION_PROPERTIES) {
                       return XR_ERROR_VALIDATION_FAILURE;
                     }
                     std::snprintf(p.extensionName, XR_MAX_EXTENSION_NAME_SIZE, "%s", list[i].name);
                     p.extensionVersion = list[i].version;
                     return XR_SUCCESS;
                   });
  });
}

XrResult XRAPI_CALL xrCreateInstance(const XrInstanceCreateInfo* createInfo, XrInstance* instance) {
  return guarded([&]() -> XrResult {
    if (instance == nullptr) {
      return XR_ERROR_VALIDATION_FAILURE;
    }
    if (XrResult r = checkCreateInfo(createInfo); XR_FAILED(r)) {
      return r;
    }
    Registry& registry = Registry::get();
    auto created = std::make_unique<Instance>(registry.newHandle(), readConfig());
    for (std::uint32_t i = 0; i < createInfo->enabledExtensionCount; ++i) {
      created->extensions.insert(createInfo->enabledExtensionNames[i]);
    }
    created->applicationName = createInfo->applicationInfo.applicationName;
    created->apiVersion = createInfo->applicationInfo.apiVersion;
    created->input = makeInputBridge(*created);
    for (const std::string& warning : created->config.warnings) {
      report(*created, warning);
    }
    *instance = fromRaw<XrInstance>(created->handle);
    registry.adoptRoot(std::move(created));
    return XR_SUCCESS;
  });
}

XrResult XRAPI_CALL xrDestroyInstance(XrInstance instance) {
  return guarded([&]() -> XrResult {
    Instance* owner = Registry::get().find<Instance>(toRaw(instance));
    if (owner == nullptr) {
      return XR_ERROR_HANDLE_INVALID;
    }
    Registry::get().destroyRoot(owner->handle);
    return XR_SUCCESS;
  });
}

XrResult XRAPI_CALL xrGetInstanceProperties(XrInstance instance, XrInstanceProperties* properties) {
  return guarded([&]() -> XrResult {
    Instance* owner = nullptr;
    if (XrResult r = lookup(instance, owner); XR_FAILED(r)) {
      return r;
    }
    if (badStruct(properties, XR_TYPE_INSTANCE_PROPERTIES)) {
      return XR_ERROR_VALIDATION_FAILURE;
    }
    properties->runtimeVersion = kRuntimeVersion;
    std::snprintf(properties->runtimeName, XR_MAX_RUNTIME_NAME_SIZE, "%s", kRuntimeName);
    return XR_SUCCESS;
  });
}

XrResult XRAPI_CALL xrPollEvent(XrInstance instance, XrEventDataBuffer* eventData) {
  return guarded([&]() -> XrResult {
    Instance* owner = Registry::get().find<Instance>(toRaw(instance));
    if (owner == nullptr) {
      return XR_ERROR_HANDLE_INVALID;
    }
    if (badStruct(eventData, XR_TYPE_EVENT_DATA_BUFFER)) {
      return XR_ERROR_VALIDATION_FAILURE;
    }
    if (owner->lostEvents > 0) {
      XrEventDataEventsLost lost{.type = XR_TYPE_EVENT_DATA_EVENTS_LOST, .next = nullptr,
                                 .lostEventCount = owner->lostEvents};
      lost.next = eventData->next;
      std::memcpy(eventData, &lost, sizeof(lost));
      owner->lostEvents = 0;
      return XR_SUCCESS;
    }
    if (owner->events.empty()) {
      // A lost instance still hands out its queued events (the loss-pending one among them).
      return owner->lost ? XR_ERROR_INSTANCE_LOST : XR_EVENT_UNAVAILABLE;
    }
    // The application's `next` chain is its own: the event is copied around it.
    const void* next = eventData->next;
    std::memcpy(eventData, &owner->events.front(), sizeof(XrEventDataBuffer));
    eventData->next = next;
    owner->events.pop_front();
    return XR_SUCCESS;
  });
}

XrResult XRAPI_CALL xrResultToString(XrInstance instance, XrResult value, char buffer[XR_MAX_RESULT_STRING_SIZE]) {
  return guarded([&]() -> XrResult {
    Instance* owner = nullptr;
    if (XrResult r = lookup(instance, owner); XR_FAILED(r)) {
      return r;
    }
    if (buffer == nullptr) {
      return XR_ERROR_VALIDATION_FAILURE;
    }
    return enumToString(resultName, value, XR_SUCCEEDED(value) ? "XR_UNKNOWN_SUCCESS_" : "XR_UNKNOWN_FAILURE_",
                        buffer);
  });
}

XrResult XRAPI_CALL xrStructureTypeToString(XrInstance instance, XrStructureType value,
                                            char buffer[XR_MAX_STRUCTURE_NAME_SIZE]) {
  return guarded([&]() -> XrResult {
    Instance* owner = nullptr;
    if (XrResult r = lookup(instance, owner); XR_FAILED(r)) {
      return r;
    }
    if (buffer == nullptr) {
      return XR_ERROR_VALIDATION_FAILURE;
    }
    return enumToString(structureName, value, "XR_UNKNOWN_STRUCTURE_TYPE_", buffer);
  });
}

}  // namespace api
}  // namespace praxis::xrsim
