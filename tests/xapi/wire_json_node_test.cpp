// Statements as stored in the outbox (and so as sent) survive a real JavaScript
// JSON.parse + JSON.stringify round trip byte for byte: thousands of generated statements,
// with the numbers, texts and keys that differ between serialisers, checked by Node (the same
// Node the real test LRS runs on).
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <random>

#include "core/uuid.h"
#include "xapi/emitter.h"
#include "xapi/outbox.h"
#include "xapi_test_util.h"

namespace praxis::xapi {
namespace {

// A value drawn from what serialisers disagree on: integral and tiny and huge doubles, big
// integers, non-ASCII and control characters, array-index keys, nesting.
Json awkwardValue(std::mt19937_64& rng, int depth) {
  static const std::vector<double> doubles = {1.0,  100.0, -0.0,  0.1 + 0.2, 1e20,
                                              1e21, 1e-6,  1e-7,  5e-324,    1.7976931348623157e308,
                                              0.8,  312.5, -42.0, 123456.789};
  static const std::vector<std::string> texts = {"brandblusser",
                                                 "é à ü",
                                                 "漢字",
                                                 "😀 emoji",
                                                 "tab\tnew\nline",
                                                 "\x01\x1f ctl",
                                                 "quote \" back \\ slash",
                                                 "\u2028\u2029",
                                                 "del \x7f",
                                                 "</script>"};
  std::uniform_int_distribution<int> kind(0, depth > 2 ? 4 : 6);
  switch (kind(rng)) {
    case 0: return doubles[rng() % doubles.size()];
    case 1: return std::uniform_real_distribution<double>(-1e6, 1e6)(rng);
    case 2: return static_cast<std::int64_t>(rng() >> (rng() % 64));
    case 3: return texts[rng() % texts.size()];
    case 4: return rng() % 2 == 0;
    case 5: {
      Json array = Json::array();
      for (int i = 0, n = static_cast<int>(rng() % 4); i < n; ++i)
        array.push_back(awkwardValue(rng, depth + 1));
      return array;
    }
    default: {
      Json object = Json::object();
      for (int i = 0, n = static_cast<int>(rng() % 4); i < n; ++i) {
        const std::string key =
            rng() % 2 == 0 ? std::to_string(rng() % 20) : texts[rng() % texts.size()];
        object[key] = awkwardValue(rng, depth + 1);
      }
      return object;
    }
  }
}

Statement generated(std::mt19937_64& rng, const std::string& registration, int index) {
  Statement s = test::sampleStatement(registration, index);
  const double max = static_cast<double>(rng() % 200 + 1);
  const double raw = std::floor(std::uniform_real_distribution<double>(0, max)(rng) * 4) / 4;
  s.result->score = Score{raw / max, raw, 0.0, max};
  s.result->extensions["https://praxis.example.org/xapi/extensions/awkward"] = awkwardValue(rng, 0);
  s.context->extensions["https://praxis.example.org/xapi/extensions/more"] = awkwardValue(rng, 0);
  s.object.definition->name["fr-BE"] = "Étape " + std::to_string(index) + " — extincteur";
  return s;
}

TEST(WireJsonNode, EveryStoredStatementSurvivesJavaScriptParseAndStringifyByteForByte) {
  const auto outbox = test::tempPath("wire-json-node.sqlite");
  const std::string registration = *core::newUuidV4();
  std::mt19937_64 rng(20261201);
  constexpr int kStatements = 3000;
  {
    auto emitter = Emitter::start(EmitterOptions{outbox, std::nullopt, {}, core::Log::silent()});
    ASSERT_TRUE(emitter) << emitter.error().message;
    for (int i = 0; i < kStatements; ++i) {
      auto id = (*emitter)->emit(generated(rng, registration, i));
      ASSERT_TRUE(id) << id.error().message;
    }
    ASSERT_TRUE((*emitter)->waitCommitted(std::chrono::seconds(60)));
  }
  const auto lines = test::tempPath("wire-json-node.jsonl");
  std::ofstream out(lines, std::ios::binary);
  auto box = Outbox::open(outbox);
  ASSERT_TRUE(box) << box.error().message;
  int written = 0;
  ASSERT_TRUE((*box)->forEach(std::nullopt, registration, [&](const OutboxRecord& r) {
    out << r.body << '\n';
    ++written;
  }));
  out.close();
  ASSERT_EQ(written, kStatements);

  const std::string script =
      "const lines = require('fs').readFileSync(process.argv[2], 'utf8').split('\\n')"
      ".filter(l => l.length > 0); let bad = 0; for (const l of lines) {"
      " const again = JSON.stringify(JSON.parse(l)); if (again !== l) { if (bad++ === 0)"
      " console.log('first difference:\\n' + l + '\\n' + again); } }"
      " console.log('checked ' + lines.length + ', changed ' + bad);";
  const auto scriptFile = test::tempPath("roundtrip.js");
  std::ofstream(scriptFile) << script;
  FILE* node =
      ::popen(("node '" + scriptFile.string() + "' '" + lines.string() + "' 2>&1").c_str(), "r");
  ASSERT_NE(node, nullptr);
  std::string output;
  char buffer[4096];
  while (std::fgets(buffer, sizeof buffer, node) != nullptr) output += buffer;
  const int rc = ::pclose(node);
  ASSERT_EQ(rc, 0) << "node (a test dependency: apt install nodejs) failed: " << output;
  EXPECT_NE(output.find("checked " + std::to_string(kStatements) + ", changed 0"),
            std::string::npos)
      << output;
}

}  // namespace
}  // namespace praxis::xapi
