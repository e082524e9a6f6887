// The device stream: format round trip, incremental reading, frame selection, clear errors.
#include "sim_input_stream.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace praxis::xrsim {
namespace {

std::filesystem::path tempFile(const std::string& name) {
  const auto dir = std::filesystem::path(PRAXIS_BINARY_DIR) / "test-data-home" / "xr_sim";
  std::filesystem::create_directories(dir);
  const auto path = dir / name;
  std::filesystem::remove(path);
  return path;
}

void append(const std::filesystem::path& path, const std::string& text) {
  std::ofstream(path, std::ios::app | std::ios::binary) << text;
}

DeviceState stateAt(std::uint64_t frame, float trigger) {
  DeviceState s = defaultDeviceState();
  s.frame = frame;
  s.right.trigger = trigger;
  return s;
}

TEST(SimInputStream, LineRoundTripsEveryField) {
  DeviceState s = defaultDeviceState();
  s.frame = 42;
  s.head.position = {0.1F, 1.7F, -0.2F};
  s.left = HandState{StreamPose{{-0.3F, 1.1F, -0.4F}, {0.0F, 0.70710677F, 0.0F, 0.70710677F}},
                     0.75F,
                     0.25F,
                     {0.5F, -1.0F},
                     true,
                     false,
                     true,
                     false,
                     false};  // a bare hand: the controller put down
  s.right.secondary = true;
  s.event = StreamEvent::FocusLoss;
  std::string error;
  auto parsed = parseJsonLine(toJsonLine(s), &error);
  ASSERT_TRUE(parsed) << error;
  EXPECT_EQ(*parsed, s);
}

TEST(SimInputStream, MissingKeysKeepTheDefaults) {
  std::string error;
  auto parsed = parseJsonLine(R"({"frame": 3, "right": {"squeeze": 1}})", &error);
  ASSERT_TRUE(parsed) << error;
  DeviceState expected = defaultDeviceState();
  expected.frame = 3;
  expected.right.squeeze = 1.0F;
  EXPECT_EQ(*parsed, expected);
}

TEST(SimInputStream, BadLinesNameTheirCause) {
  const std::pair<const char*, const char*> cases[] = {
      {"{\"frame\": 1", "not valid JSON"},
      {R"({"head": {}})", "'frame'"},
      {R"({"frame": 1, "left": {"trigerr": 1}})", "unknown key 'left.trigerr'"},
      {R"({"frame": 1, "left": {"trigger": 2}})", "'left.trigger' must lie in [0, 1]"},
      {R"({"frame": 1, "right": {"grip": {"orientation": [0, 0, 0, 2]}}})",
       "'right.grip.orientation'"},
      {R"({"frame": 1, "head": {"orientation": [0, 0, 0, 0.5]}})", "unit quaternion"},
      {R"({"frame": 1, "event": "explode"})", "'event' must be one of"},
      {R"({"frame": -1})", "'frame'"},
  };
  for (const auto& [line, expected] : cases) {
    std::string error;
    EXPECT_FALSE(parseJsonLine(line, &error)) << line;
    EXPECT_NE(error.find(expected), std::string::npos) << line << " gave: " << error;
  }
}

TEST(SimInputStream, ReaderUsesTheLatestLineAtOrBeforeTheFrame) {
  const auto path = tempFile("frames.jsonl");
  append(path, toJsonLine(stateAt(0, 0.1F)) + "\n" + toJsonLine(stateAt(2, 0.2F)) + "\n" +
                   toJsonLine(stateAt(5, 0.5F)) + "\n");
  InputStreamReader reader(path);
  EXPECT_FLOAT_EQ(reader.advanceTo(0).right.trigger, 0.1F);
  EXPECT_FLOAT_EQ(reader.advanceTo(1).right.trigger, 0.1F);
  EXPECT_FLOAT_EQ(reader.advanceTo(4).right.trigger, 0.2F);
  EXPECT_FLOAT_EQ(reader.advanceTo(9).right.trigger, 0.5F);
}

TEST(SimInputStream, ReaderWithoutFileGivesTheDefaultState) {
  InputStreamReader reader(tempFile("absent.jsonl"));
  EXPECT_EQ(reader.advanceTo(7), defaultDeviceState());
}

TEST(SimInputStream, HalfWrittenLineWaitsForItsEnd) {
  const auto path = tempFile("partial.jsonl");
  const std::string line = toJsonLine(stateAt(1, 0.9F));
  append(path, line.substr(0, line.size() / 2));
  std::vector<std::string> errors;
  InputStreamReader reader(path, [&](const std::string& e) { errors.push_back(e); });
  EXPECT_FLOAT_EQ(reader.advanceTo(1).right.trigger, 0.0F);
  append(path, line.substr(line.size() / 2) + "\n");
  EXPECT_FLOAT_EQ(reader.advanceTo(1).right.trigger, 0.9F);
  EXPECT_TRUE(errors.empty());
}

TEST(SimInputStream, CompleteLastLineWithoutNewlineIsConsumed) {
  const auto path = tempFile("no-newline.jsonl");
  append(path, toJsonLine(stateAt(0, 0.3F)));
  std::vector<std::string> errors;
  InputStreamReader reader(path, [&](const std::string& e) { errors.push_back(e); });
  EXPECT_FLOAT_EQ(reader.advanceTo(0).right.trigger, 0.3F);
  append(path, "\n{bad\n");
  reader.advanceTo(1);
  ASSERT_EQ(errors.size(), 1U);
  EXPECT_NE(errors[0].find("no-newline.jsonl:2: not valid JSON"), std::string::npos) << errors[0];
}

TEST(SimInputStream, MalformedLineIsReportedWithItsNumberAndSkipped) {
  const auto path = tempFile("malformed.jsonl");
  append(path, toJsonLine(stateAt(0, 0.1F)) + "\n" + R"({"frame": 1, "left": {"menu": 3}})" + "\n" +
                   toJsonLine(stateAt(2, 0.2F)) + "\n" + toJsonLine(stateAt(1, 0.3F)) + "\n");
  std::vector<std::string> errors;
  InputStreamReader reader(path, [&](const std::string& e) { errors.push_back(e); });
  EXPECT_FLOAT_EQ(reader.advanceTo(3).right.trigger, 0.2F);
  ASSERT_EQ(errors.size(), 2U);
  EXPECT_NE(errors[0].find("malformed.jsonl:2: 'left.menu' must be true or false"),
            std::string::npos)
      << errors[0];
  EXPECT_NE(errors[1].find("malformed.jsonl:4: frame 1 comes after frame 2"), std::string::npos)
      << errors[1];
}

TEST(SimInputStream, EventsFireOnceWhenTheirFrameIsReached) {
  const auto path = tempFile("events.jsonl");
  DeviceState loss = stateAt(2, 0.0F);
  loss.event = StreamEvent::FocusLoss;
  DeviceState gain = stateAt(4, 0.0F);
  gain.event = StreamEvent::FocusGain;
  append(path, toJsonLine(loss) + "\n" + toJsonLine(gain) + "\n");
  InputStreamReader reader(path);
  reader.advanceTo(1);
  EXPECT_TRUE(reader.takeEvents().empty());
  reader.advanceTo(3);
  EXPECT_EQ(reader.takeEvents(), std::vector<StreamEvent>{StreamEvent::FocusLoss});
  EXPECT_TRUE(reader.takeEvents().empty());
  reader.advanceTo(9);
  EXPECT_EQ(reader.takeEvents(), std::vector<StreamEvent>{StreamEvent::FocusGain});
}

TEST(SimInputStream, WriterAppendsLinesTheReaderReadsWhileWriting) {
  const auto path = tempFile("writer.jsonl");
  InputStreamWriter writer;
  ASSERT_EQ(writer.open(path), "");
  InputStreamReader reader(path);
  for (std::uint64_t frame = 0; frame < 5; ++frame) {
    ASSERT_EQ(writer.write(stateAt(frame, static_cast<float>(frame) / 10.0F)), "");
    EXPECT_FLOAT_EQ(reader.advanceTo(frame).right.trigger, static_cast<float>(frame) / 10.0F);
  }
}

TEST(SimInputStream, WriterReportsAnUnwritablePath) {
  InputStreamWriter writer;
  EXPECT_NE(writer.open("/nonexistent-dir/stream.jsonl").find("cannot write"), std::string::npos);
  EXPECT_NE(writer.write(defaultDeviceState()), "");
}

TEST(SimInputStream, HapticRecordsRoundTrip) {
  HapticRecord applied{7,         "haptic_grab", "/user/hand/right/output/haptic", false, 0.5F,
                       100000000, 0.0F};
  HapticRecord stopped{9, "haptic_grab", "/user/hand/left/output/haptic", true, 0.0F, 0, 0.0F};
  for (const auto& r : {applied, stopped}) {
    std::string error;
    auto parsed = parseHapticLine(toJsonLine(r), &error);
    ASSERT_TRUE(parsed) << error;
    EXPECT_EQ(*parsed, r);
  }
}

}  // namespace
}  // namespace praxis::xrsim
