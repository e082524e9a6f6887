// The simulated runtime's instance and system queries, as an application sees them through
// the OpenXR loader.
#include <cstring>
#include <string>

#include "xr_sim_fixture.h"

namespace praxis::xrsim::testing {
namespace {

using RuntimeTest = XrSimTest;

std::vector<std::string> extensionNames() {
  std::uint32_t count = 0;
  EXPECT_EQ(xrEnumerateInstanceExtensionProperties(nullptr, 0, &count, nullptr), XR_SUCCESS);
  std::vector<XrExtensionProperties> props(count, XrExtensionProperties{.type = XR_TYPE_EXTENSION_PROPERTIES,
                                                                        .next = nullptr, .extensionName = {},
                                                                        .extensionVersion = 0});
  EXPECT_EQ(xrEnumerateInstanceExtensionProperties(nullptr, count, &count, props.data()), XR_SUCCESS);
  std::vector<std::string> names;
  for (const auto& p : props) {
    names.emplace_back(p.extensionName);
  }
  return names;
}

TEST_F(RuntimeTest, LoaderFindsTheRuntimeAndItsExtensions) {
  auto names = extensionNames();
  for (const char* wanted : {XR_KHR_VULKAN_ENABLE_EXTENSION_NAME, XR_KHR_VULKAN_ENABLE2_EXTENSION_NAME,
                             XR_KHR_COMPOSITION_LAYER_DEPTH_EXTENSION_NAME, XR_KHR_CONVERT_TIMESPEC_TIME_EXTENSION_NAME,
                             XR_EXT_DEBUG_UTILS_EXTENSION_NAME, XR_EXT_HAND_TRACKING_EXTENSION_NAME}) {
    EXPECT_NE(std::find(names.begin(), names.end(), wanted), names.end()) << wanted;
  }
  createInstance();
  XrInstanceProperties props{.type = XR_TYPE_INSTANCE_PROPERTIES, .next = nullptr, .runtimeVersion = 0,
                             .runtimeName = {}};
  XR_ASSERT_OK(xrGetInstanceProperties(instance_, &props));
  EXPECT_STREQ(props.runtimeName, "Praxis simulated runtime");
}

TEST_F(RuntimeTest, ValidationLayerMessagesReachTheTest) {
  // The harness itself: a wrong call with the layer on must show up (and would fail a test).
  createInstance();
  auto props = xrStruct<XrSystemProperties>(XR_TYPE_INSTANCE_PROPERTIES);
  EXPECT_EQ(xrGetSystemProperties(instance_, system_, &props), XR_ERROR_VALIDATION_FAILURE);
  EXPECT_NE(newLayerMessages().find("VUID-XrSystemProperties-type-type"), std::string::npos);
}

TEST_F(RuntimeTest, HmdIsStereoWithTheRecommendedViewSize) {
  createInstance();
  XrSystemProperties props{.type = XR_TYPE_SYSTEM_PROPERTIES, .next = nullptr, .systemId = 0, .vendorId = 0,
                           .systemName = {}, .graphicsProperties = {}, .trackingProperties = {}};
  XR_ASSERT_OK(xrGetSystemProperties(instance_, system_, &props));
  EXPECT_EQ(props.trackingProperties.positionTracking, XR_TRUE);
  EXPECT_GE(props.graphicsProperties.maxLayerCount, 16U);  // the specification's minimum

  std::uint32_t count = 0;
  XR_ASSERT_OK(xrEnumerateViewConfigurations(instance_, system_, 0, &count, nullptr));
  std::vector<XrViewConfigurationType> types(count);
  XR_ASSERT_OK(xrEnumerateViewConfigurations(instance_, system_, count, &count, types.data()));
  EXPECT_EQ(types, std::vector{XR_VIEW_CONFIGURATION_TYPE_PRIMARY_STEREO});

  XR_ASSERT_OK(xrEnumerateViewConfigurationViews(instance_, system_, XR_VIEW_CONFIGURATION_TYPE_PRIMARY_STEREO, 0,
                                                 &count, nullptr));
  ASSERT_EQ(count, 2U);
  std::vector<XrViewConfigurationView> views(2, xrStruct<XrViewConfigurationView>(XR_TYPE_VIEW_CONFIGURATION_VIEW));
  XR_ASSERT_OK(xrEnumerateViewConfigurationViews(instance_, system_, XR_VIEW_CONFIGURATION_TYPE_PRIMARY_STEREO, 2,
                                                 &count, views.data()));
  EXPECT_EQ(views[0].recommendedImageRectWidth, 1832U);
  EXPECT_EQ(views[0].recommendedImageRectHeight, 1920U);
}

TEST_F(RuntimeTest, ViewSizeAndBlendModesComeFromTheEnvironment) {
  setEnv("PRAXIS_XR_SIM_VIEW_SIZE", "640x480");
  setEnv("PRAXIS_XR_SIM_BLEND", "additive,alpha_blend");
  createInstance();
  std::uint32_t count = 0;
  std::vector<XrViewConfigurationView> views(2, xrStruct<XrViewConfigurationView>(XR_TYPE_VIEW_CONFIGURATION_VIEW));
  XR_ASSERT_OK(xrEnumerateViewConfigurationViews(instance_, system_, XR_VIEW_CONFIGURATION_TYPE_PRIMARY_STEREO, 2,
                                                 &count, views.data()));
  EXPECT_EQ(views[1].recommendedImageRectWidth, 640U);
  EXPECT_EQ(views[1].recommendedImageRectHeight, 480U);
  XR_ASSERT_OK(xrEnumerateEnvironmentBlendModes(instance_, system_, XR_VIEW_CONFIGURATION_TYPE_PRIMARY_STEREO, 0,
                                                &count, nullptr));
  std::vector<XrEnvironmentBlendMode> modes(count);
  XR_ASSERT_OK(xrEnumerateEnvironmentBlendModes(instance_, system_, XR_VIEW_CONFIGURATION_TYPE_PRIMARY_STEREO, count,
                                                &count, modes.data()));
  EXPECT_EQ(modes, (std::vector{XR_ENVIRONMENT_BLEND_MODE_ADDITIVE, XR_ENVIRONMENT_BLEND_MODE_ALPHA_BLEND}));
}

TEST_F(RuntimeTest, HandheldSystemHasOneMonoView) {
  createInstance();
  XrSystemGetInfo info{.type = XR_TYPE_SYSTEM_GET_INFO, .next = nullptr,
                       .formFactor = XR_FORM_FACTOR_HANDHELD_DISPLAY};
  XrSystemId handheld = XR_NULL_SYSTEM_ID;
  XR_ASSERT_OK(xrGetSystem(instance_, &info, &handheld));
  std::uint32_t count = 0;
  XR_ASSERT_OK(xrEnumerateViewConfigurationViews(instance_, handheld, XR_VIEW_CONFIGURATION_TYPE_PRIMARY_MONO, 0,
                                                 &count, nullptr));
  EXPECT_EQ(count, 1U);
}

TEST_F(RuntimeTest, TimespecConversionIsTheMonotonicClock) {
  createInstance({XR_KHR_CONVERT_TIMESPEC_TIME_EXTENSION_NAME});
  PFN_xrVoidFunction toTime = nullptr;
  PFN_xrVoidFunction toTimespec = nullptr;
  XR_ASSERT_OK(xrGetInstanceProcAddr(instance_, "xrConvertTimespecTimeToTimeKHR", &toTime));
  XR_ASSERT_OK(xrGetInstanceProcAddr(instance_, "xrConvertTimeToTimespecTimeKHR", &toTimespec));
  timespec ts{.tv_sec = 1234, .tv_nsec = 567};
  XrTime time = 0;
  XR_ASSERT_OK(reinterpret_cast<PFN_xrConvertTimespecTimeToTimeKHR>(toTime)(instance_, &ts, &time));  // NOLINT
  EXPECT_EQ(time, 1'234'000'000'567);
  timespec back{};
  XR_ASSERT_OK(reinterpret_cast<PFN_xrConvertTimeToTimespecTimeKHR>(toTimespec)(instance_, time, &back));  // NOLINT
  EXPECT_EQ(back.tv_sec, 1234);
  EXPECT_EQ(back.tv_nsec, 567);
}

// The negative cases below pass invalid arguments on purpose, so the core validation layer
// (which would stop them before the runtime sees them) is off for them.
class RuntimeErrorTest : public XrSimTest {
 protected:
  void SetUp() override {
    XrSimTest::SetUp();
    withValidationLayer_ = false;
  }
};

TEST_F(RuntimeErrorTest, TwoCallIdiomReportsTooSmallBuffers) {
  createInstance();
  std::uint32_t count = 0;
  auto one = xrStruct<XrViewConfigurationView>(XR_TYPE_VIEW_CONFIGURATION_VIEW);
  EXPECT_EQ(xrEnumerateViewConfigurationViews(instance_, system_, XR_VIEW_CONFIGURATION_TYPE_PRIMARY_STEREO, 1, &count,
                                              &one),
            XR_ERROR_SIZE_INSUFFICIENT);
  EXPECT_EQ(count, 2U);
}

TEST_F(RuntimeErrorTest, UnsupportedOrInvalidArgumentsGetTheSpecifiedResults) {
  createInstance();
  EXPECT_EQ(xrEnumerateViewConfigurationViews(instance_, system_, XR_VIEW_CONFIGURATION_TYPE_PRIMARY_MONO, 0, nullptr,
                                              nullptr),
            XR_ERROR_VIEW_CONFIGURATION_TYPE_UNSUPPORTED);
  auto props = xrStruct<XrSystemProperties>(XR_TYPE_SYSTEM_PROPERTIES);
  EXPECT_EQ(xrGetSystemProperties(instance_, 9999, &props), XR_ERROR_SYSTEM_INVALID);
  props.type = XR_TYPE_INSTANCE_PROPERTIES;
  EXPECT_EQ(xrGetSystemProperties(instance_, system_, &props), XR_ERROR_VALIDATION_FAILURE);
  PFN_xrVoidFunction f = nullptr;
  EXPECT_EQ(xrGetInstanceProcAddr(instance_, "xrNoSuchFunction", &f), XR_ERROR_FUNCTION_UNSUPPORTED);
  // An extension's function is there only when the extension is enabled.
  EXPECT_EQ(xrGetInstanceProcAddr(instance_, "xrConvertTimespecTimeToTimeKHR", &f), XR_ERROR_FUNCTION_UNSUPPORTED);
  EXPECT_EQ(f, nullptr);
  char buffer[XR_MAX_RESULT_STRING_SIZE];
  XR_EXPECT_OK(xrResultToString(instance_, XR_ERROR_SESSION_LOST, buffer));
  EXPECT_STREQ(buffer, "XR_ERROR_SESSION_LOST");
  XR_EXPECT_OK(xrResultToString(instance_, static_cast<XrResult>(-999999), buffer));
  EXPECT_STREQ(buffer, "XR_UNKNOWN_FAILURE_-999999");
}

TEST_F(RuntimeErrorTest, UnknownExtensionAndNewerApiVersionAreRefused) {
  auto info = xrStruct<XrInstanceCreateInfo>(XR_TYPE_INSTANCE_CREATE_INFO);
  std::strncpy(info.applicationInfo.applicationName, "x", XR_MAX_APPLICATION_NAME_SIZE - 1);
  info.applicationInfo.apiVersion = XR_MAKE_VERSION(2, 0, 0);
  XrInstance instance = XR_NULL_HANDLE;
  EXPECT_EQ(xrCreateInstance(&info, &instance), XR_ERROR_API_VERSION_UNSUPPORTED);
  info.applicationInfo.apiVersion = XR_MAKE_VERSION(1, 0, 0);
  const char* unknown = "XR_PRAXIS_no_such_extension";
  info.enabledExtensionCount = 1;
  info.enabledExtensionNames = &unknown;
  EXPECT_EQ(xrCreateInstance(&info, &instance), XR_ERROR_EXTENSION_NOT_PRESENT);
  info.enabledExtensionCount = 0;
  info.applicationInfo.applicationName[0] = '\0';
  EXPECT_EQ(xrCreateInstance(&info, &instance), XR_ERROR_NAME_INVALID);
}

}  // namespace
}  // namespace praxis::xrsim::testing
