// The statement text Praxis writes is what JavaScript's JSON.stringify would write, so an LMS
// that re-serialises bodies in JavaScript (ADL's CATAPULT player does, keeping the original
// Content-Length) forwards them unchanged. The round trip through a real JavaScript engine
// is in wire_json_node_test.cpp; these pin the rules one by one.
#include "xapi/wire_json.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace praxis::xapi {
namespace {

TEST(WireJson, NumbersAreWrittenAsJavaScriptWritesThem) {
  EXPECT_EQ(javascriptNumber(1.0), "1") << "an integral double has no fraction";
  EXPECT_EQ(javascriptNumber(100.0), "100");
  EXPECT_EQ(javascriptNumber(-0.0), "0");
  EXPECT_EQ(javascriptNumber(0.1 + 0.2), "0.30000000000000004");
  EXPECT_EQ(javascriptNumber(0.8), "0.8");
  EXPECT_EQ(javascriptNumber(312.5), "312.5");
  EXPECT_EQ(javascriptNumber(1e20), "100000000000000000000");
  EXPECT_EQ(javascriptNumber(1e21), "1e+21");
  EXPECT_EQ(javascriptNumber(1.5e300), "1.5e+300");
  EXPECT_EQ(javascriptNumber(0.000001), "0.000001");
  EXPECT_EQ(javascriptNumber(1e-7), "1e-7");
  EXPECT_EQ(javascriptNumber(-2.5e-8), "-2.5e-8");
  EXPECT_EQ(javascriptNumber(5e-324), "5e-324");
  EXPECT_EQ(javascriptNumber(std::numeric_limits<double>::max()), "1.7976931348623157e+308");
  EXPECT_EQ(javascriptNumber(std::nan("")), "null");
}

TEST(WireJson, StatementScoresKeepTheirLengthThroughAJavaScriptRoundTrip) {
  const Json score = {{"scaled", 1.0}, {"raw", 100.0}, {"min", 0.0}, {"max", 100.0}};
  EXPECT_EQ(wireText(score), R"({"max":100,"min":0,"raw":100,"scaled":1})");
  EXPECT_NE(score.dump(), wireText(score)) << "nlohmann writes 1.0: the bug this fixes";
}

TEST(WireJson, TextIsUnescapedUtf8AndControlsAreEscapedAsJavaScriptDoes) {
  EXPECT_EQ(wireText(Json("brandblusser é 漢字 \u2028")), "\"brandblusser é 漢字 \u2028\"");
  EXPECT_EQ(wireText(Json(std::string("a\"b\\c\n\t\x01\x7f"))), R"("a\"b\\c\n\t\u0001)"
                                                                "\x7f\"");
  EXPECT_EQ(wireText(Json(std::string("bad \xff byte"))), "\"bad \xEF\xBF\xBD byte\"")
      << "invalid UTF-8 becomes U+FFFD instead of throwing";
}

TEST(WireJson, ArrayIndexKeysComeFirstInNumericOrderAsInJavaScriptObjects) {
  const Json j = Json::parse(R"({"b":1,"10":2,"9":3,"a":4,"01":5,"4294967295":6})");
  EXPECT_EQ(wireText(j), R"({"9":3,"10":2,"01":5,"4294967295":6,"a":4,"b":1})");
}

TEST(WireJson, IntegersBeyondTwoToThe53AreRoundedAsJavaScriptReadsThem) {
  EXPECT_EQ(wireText(Json(9007199254740992LL)), "9007199254740992");
  EXPECT_EQ(wireText(Json(12345678901234567890ULL)), "12345678901234567000");
  EXPECT_EQ(wireText(Json::parse(R"([1,true,null,"x",{}])")), R"([1,true,null,"x",{}])");
}

}  // namespace
}  // namespace praxis::xapi
