// The runtime's extensions beyond the core: composition layers (cube, cylinder, equirect), the
// visibility mask, thermal query, local floor, locate spaces, user presence, headset id and
// performance metrics. Each is offered, works once enabled, and its functions are refused
// (XR_ERROR_FUNCTION_UNSUPPORTED) while it is not.
#include <dlfcn.h>

#include <cmath>
#include <cstring>
#include <filesystem>

#include "xr_compat.h"
#include "xr_sim_fixture.h"

namespace praxis::xrsim::testing {
namespace {

using ExtensionTest = XrSimTest;

/// Extensions that Debian's core validation layer (1.0.20) gets wrong: it predates
/// XR_EXT_local_floor, XR_EXT_user_presence, XR_META_headset_id and XR_EXT_plane_detection (so
/// it calls their enum values and structs invalid), and it takes XrPerfSettingsDomainEXT, which
/// XR_EXT_thermal_query shares, for XR_EXT_performance_settings's alone. These tests run
/// without the layer.
class ExtensionBeyondLayerTest : public XrSimTest {
 protected:
  void SetUp() override {
    XrSimTest::SetUp();
    withValidationLayer_ = false;
  }
};

constexpr XrPosef kIdentity{.orientation = {0, 0, 0, 1}, .position = {0, 0, 0}};

/// A cylinder layer (XR_KHR_composition_layer_cylinder) showing 64×48 of `swapchain`, at the
/// origin of `space`, one radian wide and square.
XrCompositionLayerCylinderKHR cylinderLayer(XrSpace space, XrSwapchain swapchain, float radius) {
  return XrCompositionLayerCylinderKHR{
      .type = XR_TYPE_COMPOSITION_LAYER_CYLINDER_KHR,
      .next = nullptr,
      .layerFlags = 0,
      .space = space,
      .eyeVisibility = XR_EYE_VISIBILITY_BOTH,
      .subImage = {.swapchain = swapchain,
                   .imageRect = {.offset = {0, 0}, .extent = {64, 48}},
                   .imageArrayIndex = 0},
      .pose = kIdentity,
      .radius = radius,
      .centralAngle = 1.0F,
      .aspectRatio = 1.0F};
}

/// A 32×32 RGBA cube-map swapchain (XR_KHR_composition_layer_cube).
XrSwapchainCreateInfo cubeSwapchainInfo() {
  return XrSwapchainCreateInfo{.type = XR_TYPE_SWAPCHAIN_CREATE_INFO,
                               .next = nullptr,
                               .createFlags = 0,
                               .usageFlags = XR_SWAPCHAIN_USAGE_COLOR_ATTACHMENT_BIT,
                               .format = VK_FORMAT_R8G8B8A8_SRGB,
                               .sampleCount = 1,
                               .width = 32,
                               .height = 32,
                               .faceCount = 6,
                               .arraySize = 1,
                               .mipCount = 1};
}

/// Acquire, wait and release one image, so the swapchain can be shown in a layer.
void cycle(XrSwapchain swapchain) {
  std::uint32_t index = 0;
  XR_EXPECT_OK(xrAcquireSwapchainImage(swapchain, nullptr, &index));
  XrSwapchainImageWaitInfo wait{
      .type = XR_TYPE_SWAPCHAIN_IMAGE_WAIT_INFO, .next = nullptr, .timeout = XR_INFINITE_DURATION};
  XR_EXPECT_OK(xrWaitSwapchainImage(swapchain, &wait));
  XR_EXPECT_OK(xrReleaseSwapchainImage(swapchain, nullptr));
}

/// wait + begin, then xrEndFrame's result with `layer` as the only layer.
XrResult endFrameWith(XrSession session, const void* layer) {
  auto state = xrStruct<XrFrameState>(XR_TYPE_FRAME_STATE);
  EXPECT_EQ(xrWaitFrame(session, nullptr, &state), XR_SUCCESS);
  EXPECT_EQ(xrBeginFrame(session, nullptr), XR_SUCCESS);
  const auto* header = static_cast<const XrCompositionLayerBaseHeader*>(layer);
  XrFrameEndInfo end{.type = XR_TYPE_FRAME_END_INFO,
                     .next = nullptr,
                     .displayTime = state.predictedDisplayTime,
                     .environmentBlendMode = XR_ENVIRONMENT_BLEND_MODE_OPAQUE,
                     .layerCount = 1,
                     .layers = &header};
  return xrEndFrame(session, &end);
}

std::vector<std::string> offeredExtensions() {
  std::uint32_t count = 0;
  EXPECT_EQ(xrEnumerateInstanceExtensionProperties(nullptr, 0, &count, nullptr), XR_SUCCESS);
  std::vector<XrExtensionProperties> props(
      count, xrStruct<XrExtensionProperties>(XR_TYPE_EXTENSION_PROPERTIES));
  EXPECT_EQ(xrEnumerateInstanceExtensionProperties(nullptr, count, &count, props.data()),
            XR_SUCCESS);
  std::vector<std::string> names;
  for (const auto& p : props) {
    names.emplace_back(p.extensionName);
  }
  return names;
}

TEST_F(ExtensionTest, NewExtensionsAreOffered) {
  createInstance();  // the layer is on (and its log checked) from here
  auto offered = offeredExtensions();
  for (const char* name :
       {XR_KHR_COMPOSITION_LAYER_CUBE_EXTENSION_NAME,
        XR_KHR_COMPOSITION_LAYER_CYLINDER_EXTENSION_NAME,
        XR_KHR_COMPOSITION_LAYER_EQUIRECT_EXTENSION_NAME, XR_KHR_VISIBILITY_MASK_EXTENSION_NAME,
        XR_EXT_THERMAL_QUERY_EXTENSION_NAME, XR_EXT_LOCAL_FLOOR_EXTENSION_NAME,
        XR_KHR_LOCATE_SPACES_EXTENSION_NAME, XR_EXT_USER_PRESENCE_EXTENSION_NAME,
        XR_META_HEADSET_ID_EXTENSION_NAME, XR_META_PERFORMANCE_METRICS_EXTENSION_NAME,
        XR_VARJO_QUAD_VIEWS_EXTENSION_NAME, XR_EXT_EYE_GAZE_INTERACTION_EXTENSION_NAME,
        XR_MSFT_CONTROLLER_MODEL_EXTENSION_NAME, XR_FB_SPACE_WARP_EXTENSION_NAME}) {
    EXPECT_NE(std::find(offered.begin(), offered.end(), name), offered.end()) << name;
  }
}

TEST_F(ExtensionTest, CylinderEquirectAndCubeLayersAreAcceptedWhenEnabled) {
  beginSession({XR_KHR_VULKAN_ENABLE2_EXTENSION_NAME,
                XR_KHR_COMPOSITION_LAYER_CYLINDER_EXTENSION_NAME,
                XR_KHR_COMPOSITION_LAYER_EQUIRECT_EXTENSION_NAME,
                XR_KHR_COMPOSITION_LAYER_CUBE_EXTENSION_NAME});
  XrSwapchain flat =
      createSwapchain(VK_FORMAT_R8G8B8A8_SRGB, 1, XR_SWAPCHAIN_USAGE_COLOR_ATTACHMENT_BIT);
  cycle(flat);
  XrSwapchainSubImage sub{
      .swapchain = flat, .imageRect = {.offset = {0, 0}, .extent = {64, 48}}, .imageArrayIndex = 0};
  XrCompositionLayerCylinderKHR cylinder = cylinderLayer(stage_, flat, INFINITY);
  XR_EXPECT_OK(endFrameWith(session_, &cylinder));
  XrCompositionLayerEquirectKHR equirect{.type = XR_TYPE_COMPOSITION_LAYER_EQUIRECT_KHR,
                                         .next = nullptr,
                                         .layerFlags = 0,
                                         .space = stage_,
                                         .eyeVisibility = XR_EYE_VISIBILITY_LEFT,
                                         .subImage = sub,
                                         .pose = kIdentity,
                                         .radius = 0.0F,
                                         .scale = {1, 1},
                                         .bias = {0, 0}};
  XR_EXPECT_OK(endFrameWith(session_, &equirect));
  XrSwapchainCreateInfo cubeInfo = cubeSwapchainInfo();
  XrSwapchain cube = XR_NULL_HANDLE;
  XR_ASSERT_OK(xrCreateSwapchain(session_, &cubeInfo, &cube));
  cycle(cube);
  XrCompositionLayerCubeKHR cubeLayer{.type = XR_TYPE_COMPOSITION_LAYER_CUBE_KHR,
                                      .next = nullptr,
                                      .layerFlags = 0,
                                      .space = stage_,
                                      .eyeVisibility = XR_EYE_VISIBILITY_BOTH,
                                      .swapchain = cube,
                                      .imageArrayIndex = 0,
                                      .orientation = {0, 0.7071068F, 0, 0.7071068F}};
  XR_EXPECT_OK(endFrameWith(session_, &cubeLayer));
  XR_EXPECT_OK(xrDestroySwapchain(cube));
  XR_EXPECT_OK(xrDestroySwapchain(flat));
}

/// The mask of one eye as (vertices, indices).
std::pair<std::vector<XrVector2f>, std::vector<std::uint32_t>> mask(XrInstance instance,
                                                                    XrSession session,
                                                                    std::uint32_t eye,
                                                                    XrVisibilityMaskTypeKHR type) {
  auto get = xrFunction<PFN_xrGetVisibilityMaskKHR>(instance, "xrGetVisibilityMaskKHR");
  auto m = xrStruct<XrVisibilityMaskKHR>(XR_TYPE_VISIBILITY_MASK_KHR);
  EXPECT_EQ(get(session, XR_VIEW_CONFIGURATION_TYPE_PRIMARY_STEREO, eye, type, &m), XR_SUCCESS);
  std::vector<XrVector2f> vertices(m.vertexCountOutput);
  std::vector<std::uint32_t> indices(m.indexCountOutput);
  m.vertexCapacityInput = m.vertexCountOutput;
  m.vertices = vertices.data();
  m.indexCapacityInput = m.indexCountOutput;
  m.indices = indices.data();
  EXPECT_EQ(get(session, XR_VIEW_CONFIGURATION_TYPE_PRIMARY_STEREO, eye, type, &m), XR_SUCCESS);
  return {vertices, indices};
}

float cross(XrVector2f a, XrVector2f b, XrVector2f c) {
  return (b.x - a.x) * (c.y - a.y) - (c.x - a.x) * (b.y - a.y);
}

TEST_F(ExtensionTest, VisibilityMaskTrianglesAreCounterClockwiseAndCoverTheView) {
  beginSession({XR_KHR_VULKAN_ENABLE2_EXTENSION_NAME, XR_KHR_VISIBILITY_MASK_EXTENSION_NAME});
  for (std::uint32_t eye = 0; eye < 2; ++eye) {
    float area = 0.0F;
    for (auto type : {XR_VISIBILITY_MASK_TYPE_HIDDEN_TRIANGLE_MESH_KHR,
                      XR_VISIBILITY_MASK_TYPE_VISIBLE_TRIANGLE_MESH_KHR}) {
      auto [vertices, indices] = mask(instance_, session_, eye, type);
      ASSERT_FALSE(indices.empty());
      ASSERT_EQ(indices.size() % 3, 0U);
      for (std::size_t i = 0; i < indices.size(); i += 3) {
        ASSERT_LT(std::max({indices[i], indices[i + 1], indices[i + 2]}), vertices.size());
        float twice =
            cross(vertices[indices[i]], vertices[indices[i + 1]], vertices[indices[i + 2]]);
        EXPECT_GT(twice, 0.0F) << "triangle " << i / 3 << " is not counter-clockwise";
        area += twice / 2.0F;
      }
    }
    // Hidden and visible together tile the field of view's rectangle (2 × 2·tan(up)).
    auto [ring, loop] = mask(instance_, session_, eye, XR_VISIBILITY_MASK_TYPE_LINE_LOOP_KHR);
    ASSERT_EQ(loop.size(), ring.size());
    float top = 0.0F;
    for (const auto& v : ring) {
      top = std::max(top, v.y);
    }
    EXPECT_NEAR(area, 2.0F * 2.0F * top, 1e-4F);
  }
}

TEST_F(ExtensionBeyondLayerTest, ThermalQueryReportsANormalSteadyDevice) {
  beginSession({XR_KHR_VULKAN_ENABLE2_EXTENSION_NAME, XR_EXT_THERMAL_QUERY_EXTENSION_NAME});
  auto query =
      xrFunction<PFN_xrThermalGetTemperatureTrendEXT>(instance_, "xrThermalGetTemperatureTrendEXT");
  for (auto domain : {XR_PERF_SETTINGS_DOMAIN_CPU_EXT, XR_PERF_SETTINGS_DOMAIN_GPU_EXT}) {
    auto level = XR_PERF_SETTINGS_NOTIFICATION_LEVEL_MAX_ENUM_EXT;
    float headroom = NAN;
    float slope = NAN;
    XR_EXPECT_OK(query(session_, domain, &level, &headroom, &slope));
    EXPECT_EQ(level, XR_PERF_SETTINGS_NOTIF_LEVEL_NORMAL_EXT);
    EXPECT_GT(headroom, 0.0F);
    EXPECT_EQ(slope, 0.0F);
  }
}

TEST_F(ExtensionBeyondLayerTest, LocalFloorIsLocalOnTheFloor) {
  beginSession({XR_KHR_VULKAN_ENABLE2_EXTENSION_NAME, XR_EXT_LOCAL_FLOOR_EXTENSION_NAME});
  std::uint32_t count = 0;
  XR_ASSERT_OK(xrEnumerateReferenceSpaces(session_, 0, &count, nullptr));
  std::vector<XrReferenceSpaceType> types(count);
  XR_ASSERT_OK(xrEnumerateReferenceSpaces(session_, count, &count, types.data()));
  EXPECT_NE(std::find(types.begin(), types.end(), XR_REFERENCE_SPACE_TYPE_LOCAL_FLOOR_EXT),
            types.end());
  XrReferenceSpaceCreateInfo info{.type = XR_TYPE_REFERENCE_SPACE_CREATE_INFO,
                                  .next = nullptr,
                                  .referenceSpaceType = XR_REFERENCE_SPACE_TYPE_LOCAL,
                                  .poseInReferenceSpace = kIdentity};
  XrSpace local = XR_NULL_HANDLE;
  XrSpace floor = XR_NULL_HANDLE;
  XR_ASSERT_OK(xrCreateReferenceSpace(session_, &info, &local));
  info.referenceSpaceType = XR_REFERENCE_SPACE_TYPE_LOCAL_FLOOR_EXT;
  XR_ASSERT_OK(xrCreateReferenceSpace(session_, &info, &floor));
  auto state = frame({});
  auto location = xrStruct<XrSpaceLocation>(XR_TYPE_SPACE_LOCATION);
  XR_ASSERT_OK(xrLocateSpace(floor, local, state.predictedDisplayTime, &location));
  EXPECT_NE(location.locationFlags & XR_SPACE_LOCATION_POSITION_TRACKED_BIT, 0U);
  EXPECT_FLOAT_EQ(location.pose.position.x, 0.0F);
  EXPECT_FLOAT_EQ(location.pose.position.y, -1.6F);  // LOCAL is at eye height above the floor
  EXPECT_FLOAT_EQ(location.pose.orientation.w, 1.0F);
  XR_ASSERT_OK(xrLocateSpace(floor, stage_, state.predictedDisplayTime, &location));
  EXPECT_FLOAT_EQ(location.pose.position.y, 0.0F);
}

TEST_F(ExtensionTest, LocateSpacesAgreesWithLocateSpace) {
  beginSession({XR_KHR_VULKAN_ENABLE2_EXTENSION_NAME, XR_KHR_LOCATE_SPACES_EXTENSION_NAME});
  XrReferenceSpaceCreateInfo info{
      .type = XR_TYPE_REFERENCE_SPACE_CREATE_INFO,
      .next = nullptr,
      .referenceSpaceType = XR_REFERENCE_SPACE_TYPE_VIEW,
      .poseInReferenceSpace = {.orientation = {0, 0, 0, 1}, .position = {0.1F, 0, 0}}};
  XrSpace view = XR_NULL_HANDLE;
  XR_ASSERT_OK(xrCreateReferenceSpace(session_, &info, &view));
  auto state = frame({});
  auto locate = xrFunction<PFN_xrLocateSpacesKHR>(instance_, "xrLocateSpacesKHR");
  std::array spaces{view, stage_};
  std::array<XrSpaceLocationData, 2> data{};
  std::array<XrSpaceVelocityData, 2> velocityData{};
  XrSpaceVelocities velocities{.type = XR_TYPE_SPACE_VELOCITIES,
                               .next = nullptr,
                               .velocityCount = 2,
                               .velocities = velocityData.data()};
  XrSpaceLocations locations{.type = XR_TYPE_SPACE_LOCATIONS,
                             .next = &velocities,
                             .locationCount = 2,
                             .locations = data.data()};
  XrSpacesLocateInfo locateInfo{.type = XR_TYPE_SPACES_LOCATE_INFO,
                                .next = nullptr,
                                .baseSpace = stage_,
                                .time = state.predictedDisplayTime,
                                .spaceCount = 2,
                                .spaces = spaces.data()};
  XR_ASSERT_OK(locate(session_, &locateInfo, &locations));
  auto single = xrStruct<XrSpaceLocation>(XR_TYPE_SPACE_LOCATION);
  XR_ASSERT_OK(xrLocateSpace(view, stage_, state.predictedDisplayTime, &single));
  EXPECT_EQ(data[0].locationFlags, single.locationFlags);
  EXPECT_FLOAT_EQ(data[0].pose.position.x, single.pose.position.x);
  EXPECT_FLOAT_EQ(data[0].pose.position.y, single.pose.position.y);
  EXPECT_FLOAT_EQ(data[1].pose.position.y, 0.0F);
  EXPECT_NE(velocityData[1].velocityFlags & XR_SPACE_VELOCITY_LINEAR_VALID_BIT, 0U);
  XR_EXPECT_OK(xrDestroySpace(view));
}

TEST_F(ExtensionBeyondLayerTest, UserPresenceAndHeadsetIdArePartOfTheSystem) {
  createInstance({XR_KHR_VULKAN_ENABLE2_EXTENSION_NAME, XR_EXT_USER_PRESENCE_EXTENSION_NAME,
                  XR_META_HEADSET_ID_EXTENSION_NAME});
  auto presence =
      xrStruct<XrSystemUserPresencePropertiesEXT>(XR_TYPE_SYSTEM_USER_PRESENCE_PROPERTIES_EXT);
  auto id = xrStruct<XrSystemHeadsetIdPropertiesMETA>(XR_TYPE_SYSTEM_HEADSET_ID_PROPERTIES_META);
  presence.next = &id;
  auto props = xrStruct<XrSystemProperties>(XR_TYPE_SYSTEM_PROPERTIES);
  props.next = &presence;
  XR_ASSERT_OK(xrGetSystemProperties(instance_, system_, &props));
  EXPECT_EQ(presence.supportsUserPresence, XR_TRUE);
  std::array<std::uint8_t, 16> zero{};
  EXPECT_NE(std::memcmp(&id.id, zero.data(), zero.size()), 0);
}

TEST_F(ExtensionTest, PerformanceMetricsCountersAnswerOnceEnabled) {
  beginSession({XR_KHR_VULKAN_ENABLE2_EXTENSION_NAME, XR_META_PERFORMANCE_METRICS_EXTENSION_NAME});
  auto paths = xrFunction<PFN_xrEnumeratePerformanceMetricsCounterPathsMETA>(
      instance_, "xrEnumeratePerformanceMetricsCounterPathsMETA");
  auto setState = xrFunction<PFN_xrSetPerformanceMetricsStateMETA>(
      instance_, "xrSetPerformanceMetricsStateMETA");
  auto getState = xrFunction<PFN_xrGetPerformanceMetricsStateMETA>(
      instance_, "xrGetPerformanceMetricsStateMETA");
  auto query = xrFunction<PFN_xrQueryPerformanceMetricsCounterMETA>(
      instance_, "xrQueryPerformanceMetricsCounterMETA");
  std::uint32_t count = 0;
  XR_ASSERT_OK(paths(instance_, 0, &count, nullptr));
  ASSERT_GT(count, 0U);
  std::vector<XrPath> list(count);
  XR_ASSERT_OK(paths(instance_, count, &count, list.data()));
  XrPerformanceMetricsStateMETA state{
      .type = XR_TYPE_PERFORMANCE_METRICS_STATE_META, .next = nullptr, .enabled = XR_TRUE};
  XR_ASSERT_OK(setState(session_, &state));
  state.enabled = XR_FALSE;
  XR_ASSERT_OK(getState(session_, &state));
  EXPECT_EQ(state.enabled, XR_TRUE);
  for (XrPath path : list) {
    auto counter =
        xrStruct<XrPerformanceMetricsCounterMETA>(XR_TYPE_PERFORMANCE_METRICS_COUNTER_META);
    XR_EXPECT_OK(query(session_, path, &counter));
  }
}

TEST_F(ExtensionTest, QuadViewsAddAnInsetInsideEachEye) {
  beginSession({XR_KHR_VULKAN_ENABLE2_EXTENSION_NAME, XR_VARJO_QUAD_VIEWS_EXTENSION_NAME});
  std::uint32_t count = 0;
  XR_ASSERT_OK(xrEnumerateViewConfigurations(instance_, system_, 0, &count, nullptr));
  std::vector<XrViewConfigurationType> types(count);
  XR_ASSERT_OK(xrEnumerateViewConfigurations(instance_, system_, count, &count, types.data()));
  EXPECT_EQ(types, (std::vector{XR_VIEW_CONFIGURATION_TYPE_PRIMARY_STEREO,
                                XR_VIEW_CONFIGURATION_TYPE_PRIMARY_QUAD_VARJO}));
  XR_ASSERT_OK(xrEnumerateViewConfigurationViews(
      instance_, system_, XR_VIEW_CONFIGURATION_TYPE_PRIMARY_QUAD_VARJO, 0, &count, nullptr));
  EXPECT_EQ(count, 4U);
  auto state = frame({});
  XrViewLocateInfo info{.type = XR_TYPE_VIEW_LOCATE_INFO,
                        .next = nullptr,
                        .viewConfigurationType = XR_VIEW_CONFIGURATION_TYPE_PRIMARY_QUAD_VARJO,
                        .displayTime = state.predictedDisplayTime,
                        .space = stage_};
  auto viewState = xrStruct<XrViewState>(XR_TYPE_VIEW_STATE);
  std::vector<XrView> views(4, xrStruct<XrView>(XR_TYPE_VIEW));
  XR_ASSERT_OK(xrLocateViews(session_, &info, &viewState, 4, &count, views.data()));
  for (std::uint32_t eye = 0; eye < 2; ++eye) {
    const XrView& outer = views[eye];
    const XrView& inset = views[eye + 2];
    EXPECT_EQ(std::memcmp(&outer.pose, &inset.pose, sizeof(XrPosef)),
              0);  // the spec: the same pose
    EXPECT_LT(outer.fov.angleLeft, inset.fov.angleLeft);
    EXPECT_GT(outer.fov.angleRight, inset.fov.angleRight);
    EXPECT_GT(outer.fov.angleUp, inset.fov.angleUp);
    EXPECT_LT(outer.fov.angleDown, inset.fov.angleDown);
  }
}

/// The runtime library opened directly, without the loader: Debian's loader (1.0.20) refuses
/// OpenXR 1.1 applications before the runtime sees them. Negotiates as the loader does
/// (loader runtime.adoc, "Runtime Negotiation").
class DirectRuntime {
 public:
  DirectRuntime() {
    auto path = std::filesystem::path(PRAXIS_XR_SIM_MANIFEST).parent_path() / "libpraxis_xr_sim.so";
    library_ = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    EXPECT_NE(library_, nullptr) << dlerror();
    if (library_ == nullptr) {
      return;
    }
    using Negotiate = XrResult (*)(const LoaderInfo*, RuntimeRequest*);
    auto negotiate = reinterpret_cast<Negotiate>(
        dlsym(library_, "xrNegotiateLoaderRuntimeInterface"));  // NOLINT
    LoaderInfo info{.structType = 1,
                    .structVersion = 1,
                    .structSize = sizeof(LoaderInfo),
                    .minInterfaceVersion = 1,
                    .maxInterfaceVersion = 1,
                    .minApiVersion = XR_MAKE_VERSION(1, 0, 0),
                    .maxApiVersion = XR_MAKE_VERSION(1, 0x3ff, 0xfff)};
    RuntimeRequest request{.structType = 3,
                           .structVersion = 1,
                           .structSize = sizeof(RuntimeRequest),
                           .runtimeInterfaceVersion = 0,
                           .runtimeApiVersion = 0,
                           .getInstanceProcAddr = nullptr};
    EXPECT_EQ(negotiate(&info, &request), XR_SUCCESS);
    EXPECT_EQ(XR_VERSION_MINOR(request.runtimeApiVersion), 1U);
    getProcAddr_ = request.getInstanceProcAddr;
  }
  ~DirectRuntime() {
    if (library_ != nullptr) {
      dlclose(library_);
    }
  }
  DirectRuntime(const DirectRuntime&) = delete;
  DirectRuntime& operator=(const DirectRuntime&) = delete;

  /// A function of the runtime (null on failure), and the result of looking it up.
  template <typename F>
  F get(XrInstance instance, const char* name, XrResult* result = nullptr) const {
    PFN_xrVoidFunction f = nullptr;
    XrResult r =
        getProcAddr_ != nullptr ? getProcAddr_(instance, name, &f) : XR_ERROR_RUNTIME_FAILURE;
    if (result != nullptr) {
      *result = r;
    }
    return reinterpret_cast<F>(f);  // NOLINT(cppcoreguidelines-pro-type-reinterpret-cast)
  }

  XrInstance create(XrVersion apiVersion) const {
    auto createInstance = get<PFN_xrCreateInstance>(XR_NULL_HANDLE, "xrCreateInstance");
    auto info = xrStruct<XrInstanceCreateInfo>(XR_TYPE_INSTANCE_CREATE_INFO);
    std::strncpy(info.applicationInfo.applicationName, "xr_sim_tests",
                 XR_MAX_APPLICATION_NAME_SIZE - 1);
    info.applicationInfo.apiVersion = apiVersion;
    XrInstance instance = XR_NULL_HANDLE;
    EXPECT_EQ(createInstance(&info, &instance), XR_SUCCESS);
    return instance;
  }

 private:
  struct LoaderInfo {
    std::int32_t structType;
    std::uint32_t structVersion;
    std::size_t structSize;
    std::uint32_t minInterfaceVersion;
    std::uint32_t maxInterfaceVersion;
    XrVersion minApiVersion;
    XrVersion maxApiVersion;
  };
  struct RuntimeRequest {
    std::int32_t structType;
    std::uint32_t structVersion;
    std::size_t structSize;
    std::uint32_t runtimeInterfaceVersion;
    XrVersion runtimeApiVersion;
    PFN_xrGetInstanceProcAddr getInstanceProcAddr;
  };
  void* library_ = nullptr;
  PFN_xrGetInstanceProcAddr getProcAddr_ = nullptr;
};

TEST(OpenXr11Test, AVersion11InstanceHasThePromotedFunctionsAndViews) {
  DirectRuntime runtime;
  for (XrVersion version : {XR_MAKE_VERSION(1, 0, 0), XR_MAKE_VERSION(1, 1, 0)}) {
    bool is11 = XR_VERSION_MINOR(version) == 1;
    XrInstance instance = runtime.create(version);
    ASSERT_NE(instance, XR_NULL_HANDLE);
    XrResult found = XR_SUCCESS;
    auto locateSpaces = runtime.get<PFN_xrLocateSpaces>(instance, "xrLocateSpaces", &found);
    EXPECT_EQ(found, is11 ? XR_SUCCESS : XR_ERROR_FUNCTION_UNSUPPORTED);
    EXPECT_EQ(locateSpaces != nullptr, is11);
    auto getSystem = runtime.get<PFN_xrGetSystem>(instance, "xrGetSystem");
    auto enumerate =
        runtime.get<PFN_xrEnumerateViewConfigurations>(instance, "xrEnumerateViewConfigurations");
    XrSystemGetInfo systemInfo{.type = XR_TYPE_SYSTEM_GET_INFO,
                               .next = nullptr,
                               .formFactor = XR_FORM_FACTOR_HEAD_MOUNTED_DISPLAY};
    XrSystemId system = XR_NULL_SYSTEM_ID;
    EXPECT_EQ(getSystem(instance, &systemInfo, &system), XR_SUCCESS);
    std::uint32_t count = 0;
    EXPECT_EQ(enumerate(instance, system, 0, &count, nullptr), XR_SUCCESS);
    EXPECT_EQ(count, is11 ? 2U : 1U);  // 1.1: PRIMARY_STEREO_WITH_FOVEATED_INSET too
    EXPECT_EQ(runtime.get<PFN_xrDestroyInstance>(instance, "xrDestroyInstance")(instance),
              XR_SUCCESS);
  }
  XrInstance newer = XR_NULL_HANDLE;
  auto info = xrStruct<XrInstanceCreateInfo>(XR_TYPE_INSTANCE_CREATE_INFO);
  std::strncpy(info.applicationInfo.applicationName, "xr_sim_tests",
               XR_MAX_APPLICATION_NAME_SIZE - 1);
  info.applicationInfo.apiVersion = XR_MAKE_VERSION(1, 2, 0);
  EXPECT_EQ(runtime.get<PFN_xrCreateInstance>(XR_NULL_HANDLE, "xrCreateInstance")(&info, &newer),
            XR_ERROR_API_VERSION_UNSUPPORTED);
}

TEST_F(ExtensionTest, ControllersHaveNoRenderModel) {
  beginSession({XR_KHR_VULKAN_ENABLE2_EXTENSION_NAME, XR_MSFT_CONTROLLER_MODEL_EXTENSION_NAME});
  auto getKey =
      xrFunction<PFN_xrGetControllerModelKeyMSFT>(instance_, "xrGetControllerModelKeyMSFT");
  for (const char* hand : {"/user/hand/left", "/user/hand/right"}) {
    XrPath path = XR_NULL_PATH;
    XR_ASSERT_OK(xrStringToPath(instance_, hand, &path));
    auto state = xrStruct<XrControllerModelKeyStateMSFT>(XR_TYPE_CONTROLLER_MODEL_KEY_STATE_MSFT);
    state.modelKey = 42;
    XR_EXPECT_OK(getKey(session_, path, &state));
    EXPECT_EQ(state.modelKey, XR_NULL_CONTROLLER_MODEL_KEY_MSFT) << hand;
  }
}

TEST_F(ExtensionTest, SpaceWarpMotionVectorsAreAcceptedWithAProjection) {
  beginSession({XR_KHR_VULKAN_ENABLE2_EXTENSION_NAME, XR_FB_SPACE_WARP_EXTENSION_NAME});
  auto warpProps = xrStruct<XrSystemSpaceWarpPropertiesFB>(XR_TYPE_SYSTEM_SPACE_WARP_PROPERTIES_FB);
  auto props = xrStruct<XrSystemProperties>(XR_TYPE_SYSTEM_PROPERTIES);
  props.next = &warpProps;
  XR_ASSERT_OK(xrGetSystemProperties(instance_, system_, &props));
  EXPECT_GT(warpProps.recommendedMotionVectorImageRectWidth, 0U);
  EXPECT_GT(warpProps.recommendedMotionVectorImageRectHeight, 0U);
  XrSwapchain color =
      createSwapchain(VK_FORMAT_R8G8B8A8_SRGB, 1, XR_SWAPCHAIN_USAGE_COLOR_ATTACHMENT_BIT);
  XrSwapchain motion =
      createSwapchain(VK_FORMAT_R16G16B16A16_SFLOAT, 1, XR_SWAPCHAIN_USAGE_COLOR_ATTACHMENT_BIT);
  XrSwapchain depth =
      createSwapchain(VK_FORMAT_D32_SFLOAT, 1, XR_SWAPCHAIN_USAGE_DEPTH_STENCIL_ATTACHMENT_BIT);
  for (XrSwapchain sc : {color, motion, depth}) {
    cycle(sc);
  }
  XrRect2Di rect{.offset = {0, 0}, .extent = {64, 48}};
  XrCompositionLayerSpaceWarpInfoFB warp{
      .type = XR_TYPE_COMPOSITION_LAYER_SPACE_WARP_INFO_FB,
      .next = nullptr,
      .layerFlags = 0,
      .motionVectorSubImage = {.swapchain = motion, .imageRect = rect, .imageArrayIndex = 0},
      .appSpaceDeltaPose = kIdentity,
      .depthSubImage = {.swapchain = depth, .imageRect = rect, .imageArrayIndex = 0},
      .minDepth = 0.0F,
      .maxDepth = 1.0F,
      .nearZ = 0.01F,
      .farZ = INFINITY};
  std::array<XrCompositionLayerProjectionView, 2> views{};
  for (auto& view : views) {
    view = XrCompositionLayerProjectionView{
        .type = XR_TYPE_COMPOSITION_LAYER_PROJECTION_VIEW,
        .next = &warp,
        .pose = kIdentity,
        .fov = {.angleLeft = -0.7F, .angleRight = 0.7F, .angleUp = 0.7F, .angleDown = -0.7F},
        .subImage = {.swapchain = color, .imageRect = rect, .imageArrayIndex = 0}};
  }
  XrCompositionLayerProjection layer{.type = XR_TYPE_COMPOSITION_LAYER_PROJECTION,
                                     .next = nullptr,
                                     .layerFlags = 0,
                                     .space = stage_,
                                     .viewCount = 2,
                                     .views = views.data()};
  XR_EXPECT_OK(endFrameWith(session_, &layer));
  for (XrSwapchain sc : {color, motion, depth}) {
    XR_EXPECT_OK(xrDestroySwapchain(sc));
  }
}

TEST_F(ExtensionBeyondLayerTest, PlaneDetectionFindsTheFloor) {
  beginSession({XR_KHR_VULKAN_ENABLE2_EXTENSION_NAME, XR_EXT_PLANE_DETECTION_EXTENSION_NAME});
  auto create = xrFunction<PFN_xrCreatePlaneDetectorEXT>(instance_, "xrCreatePlaneDetectorEXT");
  auto begin = xrFunction<PFN_xrBeginPlaneDetectionEXT>(instance_, "xrBeginPlaneDetectionEXT");
  auto getState =
      xrFunction<PFN_xrGetPlaneDetectionStateEXT>(instance_, "xrGetPlaneDetectionStateEXT");
  auto get = xrFunction<PFN_xrGetPlaneDetectionsEXT>(instance_, "xrGetPlaneDetectionsEXT");
  auto polygon =
      xrFunction<PFN_xrGetPlanePolygonBufferEXT>(instance_, "xrGetPlanePolygonBufferEXT");
  XrPlaneDetectorCreateInfoEXT info{.type = XR_TYPE_PLANE_DETECTOR_CREATE_INFO_EXT,
                                    .next = nullptr,
                                    .flags = XR_PLANE_DETECTOR_ENABLE_CONTOUR_BIT_EXT};
  XrPlaneDetectorEXT detector = XR_NULL_HANDLE;
  XR_ASSERT_OK(create(session_, &info, &detector));
  auto state = XR_PLANE_DETECTION_STATE_MAX_ENUM_EXT;
  XR_ASSERT_OK(getState(detector, &state));
  EXPECT_EQ(state, XR_PLANE_DETECTION_STATE_NONE_EXT);
  XrPlaneDetectorGetInfoEXT getInfo{.type = XR_TYPE_PLANE_DETECTOR_GET_INFO_EXT,
                                    .next = nullptr,
                                    .baseSpace = stage_,
                                    .time = frame({}).predictedDisplayTime};
  auto locations = xrStruct<XrPlaneDetectorLocationsEXT>(XR_TYPE_PLANE_DETECTOR_LOCATIONS_EXT);
  EXPECT_EQ(get(detector, &getInfo, &locations), XR_ERROR_CALL_ORDER_INVALID);
  auto wall = XR_PLANE_DETECTOR_ORIENTATION_VERTICAL_EXT;
  XrPlaneDetectorBeginInfoEXT beginInfo{
      .type = XR_TYPE_PLANE_DETECTOR_BEGIN_INFO_EXT,
      .next = nullptr,
      .baseSpace = stage_,
      .time = getInfo.time,
      .orientationCount = 0,
      .orientations = nullptr,
      .semanticTypeCount = 0,
      .semanticTypes = nullptr,
      .maxPlanes = 10,
      .minArea = 0.1F,
      .boundingBoxPose = kIdentity,
      .boundingBoxExtent = {.width = 10.0F, .height = 10.0F, .depth = 10.0F}};
  XR_ASSERT_OK(begin(detector, &beginInfo));
  XR_ASSERT_OK(getState(detector, &state));
  EXPECT_EQ(state, XR_PLANE_DETECTION_STATE_DONE_EXT);
  XR_ASSERT_OK(get(detector, &getInfo, &locations));
  ASSERT_EQ(locations.planeLocationCountOutput, 1U);
  auto floor = xrStruct<XrPlaneDetectorLocationEXT>(XR_TYPE_PLANE_DETECTOR_LOCATION_EXT);
  locations.planeLocationCapacityInput = 1;
  locations.planeLocations = &floor;
  XR_ASSERT_OK(get(detector, &getInfo, &locations));
  EXPECT_EQ(floor.semanticType, XR_PLANE_DETECTOR_SEMANTIC_TYPE_FLOOR_EXT);
  EXPECT_FLOAT_EQ(floor.pose.position.y, 0.0F);
  EXPECT_FLOAT_EQ(floor.extents.width * floor.extents.height, 12.0F);  // the 4 m × 3 m play area
  std::array<XrVector2f, 4> outline{};
  XrPlaneDetectorPolygonBufferEXT buffer{.type = XR_TYPE_PLANE_DETECTOR_POLYGON_BUFFER_EXT,
                                         .next = nullptr,
                                         .vertexCapacityInput = 4,
                                         .vertexCountOutput = 0,
                                         .vertices = outline.data()};
  XR_ASSERT_OK(polygon(detector, floor.planeId, 0, &buffer));
  EXPECT_EQ(buffer.vertexCountOutput, 4U);
  beginInfo.orientationCount = 1;
  beginInfo.orientations = &wall;  // walls only: the floor is filtered out
  XR_ASSERT_OK(begin(detector, &beginInfo));
  locations.planeLocationCapacityInput = 0;
  XR_ASSERT_OK(get(detector, &getInfo, &locations));
  EXPECT_EQ(locations.planeLocationCountOutput, 0U);
  beginInfo.orientations = nullptr;
  EXPECT_EQ(begin(detector, &beginInfo), XR_ERROR_VALIDATION_FAILURE);
  beginInfo.orientationCount = 0;
  beginInfo.time = 0;
  EXPECT_EQ(begin(detector, &beginInfo), XR_ERROR_TIME_INVALID);
  beginInfo.time = getInfo.time;
  beginInfo.boundingBoxPose.orientation = {0, 0, 0, 0};
  EXPECT_EQ(begin(detector, &beginInfo), XR_ERROR_POSE_INVALID);
  XR_EXPECT_OK(
      xrFunction<PFN_xrDestroyPlaneDetectorEXT>(instance_, "xrDestroyPlaneDetectorEXT")(detector));
}

class ExtensionErrorTest : public XrSimTest {
 protected:
  void SetUp() override {
    XrSimTest::SetUp();
    withValidationLayer_ = false;  // the calls below are wrong on purpose
  }
};

// Without the layer: it answers xrGetInstanceProcAddr itself for the functions it knows.
TEST_F(ExtensionErrorTest, FunctionsOfExtensionsNotEnabledAreUnsupported) {
  createInstance({XR_KHR_VULKAN_ENABLE2_EXTENSION_NAME, XR_KHR_VISIBILITY_MASK_EXTENSION_NAME});
  PFN_xrVoidFunction f = nullptr;
  XR_EXPECT_OK(xrGetInstanceProcAddr(instance_, "xrGetVisibilityMaskKHR", &f));
  EXPECT_NE(f, nullptr);
  for (const char* name :
       {"xrThermalGetTemperatureTrendEXT", "xrLocateSpacesKHR", "xrLocateSpaces",
        "xrQueryPerformanceMetricsCounterMETA", "xrEnumeratePerformanceMetricsCounterPathsMETA"}) {
    EXPECT_EQ(xrGetInstanceProcAddr(instance_, name, &f), XR_ERROR_FUNCTION_UNSUPPORTED) << name;
    EXPECT_EQ(f, nullptr) << name;
  }
}

TEST_F(ExtensionErrorTest, LayersOfExtensionsNotEnabledAreInvalid) {
  beginSession();
  XrSwapchain flat =
      createSwapchain(VK_FORMAT_R8G8B8A8_SRGB, 1, XR_SWAPCHAIN_USAGE_COLOR_ATTACHMENT_BIT);
  cycle(flat);
  XrCompositionLayerCylinderKHR cylinder = cylinderLayer(stage_, flat, 1.0F);
  EXPECT_EQ(endFrameWith(session_, &cylinder), XR_ERROR_LAYER_INVALID);
  XrSwapchainCreateInfo cubeInfo = cubeSwapchainInfo();
  XrSwapchain cube = XR_NULL_HANDLE;
  EXPECT_EQ(xrCreateSwapchain(session_, &cubeInfo, &cube), XR_ERROR_FEATURE_UNSUPPORTED);
  XR_EXPECT_OK(xrDestroySwapchain(flat));
}

TEST_F(ExtensionErrorTest, BadArgumentsOfExtensionFunctionsAreRefused) {
  beginSession({XR_KHR_VULKAN_ENABLE2_EXTENSION_NAME,
                XR_KHR_COMPOSITION_LAYER_CYLINDER_EXTENSION_NAME,
                XR_KHR_VISIBILITY_MASK_EXTENSION_NAME, XR_EXT_THERMAL_QUERY_EXTENSION_NAME,
                XR_KHR_LOCATE_SPACES_EXTENSION_NAME});
  XrSwapchain flat =
      createSwapchain(VK_FORMAT_R8G8B8A8_SRGB, 1, XR_SWAPCHAIN_USAGE_COLOR_ATTACHMENT_BIT);
  cycle(flat);
  XrCompositionLayerCylinderKHR cylinder = cylinderLayer(stage_, flat, -1.0F);
  EXPECT_EQ(endFrameWith(session_, &cylinder), XR_ERROR_VALIDATION_FAILURE);
  auto getMask = xrFunction<PFN_xrGetVisibilityMaskKHR>(instance_, "xrGetVisibilityMaskKHR");
  auto m = xrStruct<XrVisibilityMaskKHR>(XR_TYPE_VISIBILITY_MASK_KHR);
  EXPECT_EQ(getMask(session_, XR_VIEW_CONFIGURATION_TYPE_PRIMARY_STEREO, 2,
                    XR_VISIBILITY_MASK_TYPE_LINE_LOOP_KHR, &m),
            XR_ERROR_VALIDATION_FAILURE);
  m.vertexCapacityInput = 1;
  m.indexCapacityInput = 1;
  EXPECT_EQ(getMask(session_, XR_VIEW_CONFIGURATION_TYPE_PRIMARY_STEREO, 0,
                    XR_VISIBILITY_MASK_TYPE_LINE_LOOP_KHR, &m),
            XR_ERROR_SIZE_INSUFFICIENT);
  auto thermal =
      xrFunction<PFN_xrThermalGetTemperatureTrendEXT>(instance_, "xrThermalGetTemperatureTrendEXT");
  auto level = XR_PERF_SETTINGS_NOTIF_LEVEL_NORMAL_EXT;
  float headroom = 0.0F;
  float slope = 0.0F;
  EXPECT_EQ(thermal(session_, static_cast<XrPerfSettingsDomainEXT>(7), &level, &headroom, &slope),
            XR_ERROR_VALIDATION_FAILURE);
  auto locate = xrFunction<PFN_xrLocateSpacesKHR>(instance_, "xrLocateSpacesKHR");
  std::array<XrSpaceLocationData, 1> data{};
  XrSpaceLocations locations{.type = XR_TYPE_SPACE_LOCATIONS,
                             .next = nullptr,
                             .locationCount = 1,
                             .locations = data.data()};
  std::array spaces{stage_, stage_};
  XrSpacesLocateInfo info{.type = XR_TYPE_SPACES_LOCATE_INFO,
                          .next = nullptr,
                          .baseSpace = stage_,
                          .time = 1,
                          .spaceCount = 2,
                          .spaces = spaces.data()};
  EXPECT_EQ(locate(session_, &info, &locations),
            XR_ERROR_VALIDATION_FAILURE);  // 2 spaces, 1 location
  info.spaceCount = 1;
  info.time = 0;
  EXPECT_EQ(locate(session_, &info, &locations), XR_ERROR_TIME_INVALID);
  XR_EXPECT_OK(xrDestroySwapchain(flat));
}

TEST_F(ExtensionErrorTest, ControllerModelKeysAreAllInvalid) {
  beginSession({XR_KHR_VULKAN_ENABLE2_EXTENSION_NAME, XR_MSFT_CONTROLLER_MODEL_EXTENSION_NAME});
  auto getKey =
      xrFunction<PFN_xrGetControllerModelKeyMSFT>(instance_, "xrGetControllerModelKeyMSFT");
  auto load = xrFunction<PFN_xrLoadControllerModelMSFT>(instance_, "xrLoadControllerModelMSFT");
  auto properties = xrFunction<PFN_xrGetControllerModelPropertiesMSFT>(
      instance_, "xrGetControllerModelPropertiesMSFT");
  XrPath head = XR_NULL_PATH;
  XR_ASSERT_OK(xrStringToPath(instance_, "/user/head", &head));
  auto state = xrStruct<XrControllerModelKeyStateMSFT>(XR_TYPE_CONTROLLER_MODEL_KEY_STATE_MSFT);
  EXPECT_EQ(getKey(session_, head, &state), XR_ERROR_PATH_UNSUPPORTED);
  EXPECT_EQ(getKey(session_, XrPath{0x7777}, &state), XR_ERROR_PATH_INVALID);
  std::uint32_t size = 0;
  for (XrControllerModelKeyMSFT key :
       std::array<XrControllerModelKeyMSFT, 2>{XR_NULL_CONTROLLER_MODEL_KEY_MSFT, 1}) {
    EXPECT_EQ(load(session_, key, 0, &size, nullptr), XR_ERROR_CONTROLLER_MODEL_KEY_INVALID_MSFT);
    auto props =
        xrStruct<XrControllerModelPropertiesMSFT>(XR_TYPE_CONTROLLER_MODEL_PROPERTIES_MSFT);
    EXPECT_EQ(properties(session_, key, &props), XR_ERROR_CONTROLLER_MODEL_KEY_INVALID_MSFT);
  }
}

}  // namespace
}  // namespace praxis::xrsim::testing
