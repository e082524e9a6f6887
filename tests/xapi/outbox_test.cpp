// Unit tests: the SQLite outbox and the emitter without an LRS (real files, real SQLite).
#include "xapi/outbox.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "xapi/delivery.h"
#include "xapi/emitter.h"
#include "xapi_test_util.h"

namespace praxis::xapi {
namespace {

TEST(Outbox, EnqueueIsDurableOrderedAndIdempotent) {
  const auto path = test::tempPath("outbox-order.sqlite");
  {
    auto box = Outbox::open(path);
    ASSERT_TRUE(box) << box.error().message;
    std::vector<OutboxItem> items = {{"a", "r1", "{}"}, {"b", "r1", "{}"}, {"c", "r2", "{}"}};
    ASSERT_TRUE((*box)->enqueue(items));
    std::vector<OutboxItem> again = {{"b", "r1", "{\"changed\":1}"}};
    ASSERT_TRUE((*box)->enqueue(again));
  }
  auto box = Outbox::open(path);  // reopened: what was committed is there
  ASSERT_TRUE(box);
  auto pending = (*box)->pending(10);
  ASSERT_TRUE(pending);
  ASSERT_EQ(pending->size(), 3U);
  EXPECT_EQ((*pending)[0].id, "a");
  EXPECT_EQ((*pending)[1].id, "b");
  EXPECT_EQ((*pending)[1].body, "{}") << "the first copy of an id wins";
  EXPECT_EQ((*pending)[2].id, "c");
}

TEST(Outbox, StatesAndRetryDead) {
  auto box = Outbox::open(test::tempPath("outbox-states.sqlite"));
  ASSERT_TRUE(box);
  std::vector<OutboxItem> items = {{"a", "", "{}"}, {"b", "", "{}"}, {"c", "", "{}"}};
  ASSERT_TRUE((*box)->enqueue(items));
  auto pending = (*box)->pending(10);
  const std::int64_t first = (*pending)[0].seq;
  ASSERT_TRUE((*box)->markDelivered({&first, 1}));
  ASSERT_TRUE((*box)->markDead((*pending)[1].seq, "HTTP 409: conflicting", true));
  auto counts = (*box)->counts();
  ASSERT_TRUE(counts);
  EXPECT_EQ(counts->pending, 1);
  EXPECT_EQ(counts->delivered, 1);
  EXPECT_EQ(counts->dead, 1);
  std::vector<OutboxRecord> dead;
  ASSERT_TRUE((*box)->forEach(OutboxState::Dead, "", [&](const auto& r) { dead.push_back(r); }));
  ASSERT_EQ(dead.size(), 1U);
  EXPECT_TRUE(dead[0].conflict);
  EXPECT_EQ(dead[0].deadReason, "HTTP 409: conflicting");
  EXPECT_EQ(*(*box)->retryDead(), 1);
  EXPECT_EQ((*box)->counts()->pending, 2);
}

TEST(Outbox, UnwritablePathIsAClearError) {
  auto box = Outbox::open("/proc/praxis-no-such/outbox.sqlite");
  ASSERT_FALSE(box);
  EXPECT_NE(box.error().message.find("/proc/praxis-no-such"), std::string::npos)
      << box.error().message;
}

TEST(Emitter, WithoutLrsStatementsStayInTheOutbox) {
  const auto path = test::tempPath("emitter-nolrs.sqlite");
  {
    auto emitter = Emitter::start(EmitterOptions{path, std::nullopt, {}, core::Log::silent()});
    ASSERT_TRUE(emitter) << emitter.error().message;
    for (int i = 0; i < 50; ++i) {
      auto id = (*emitter)->emit(test::sampleStatement("0b9f8a42-6e6b-4b8b-9f1e-2f4a8c1d7e3a", i));
      ASSERT_TRUE(id) << id.error().message;
    }
    ASSERT_TRUE((*emitter)->waitCommitted(std::chrono::seconds(10)));
    EXPECT_EQ((*emitter)->stats().committed, 50);
  }
  auto box = Outbox::open(path);
  EXPECT_EQ((*box)->counts()->pending, 50);
}

TEST(Emitter, RejectsAnInvalidStatementBeforeQueueing) {
  auto emitter = Emitter::start(EmitterOptions{
      test::tempPath("emitter-invalid.sqlite"), std::nullopt, {}, core::Log::silent()});
  ASSERT_TRUE(emitter);
  auto s = test::sampleStatement("0b9f8a42-6e6b-4b8b-9f1e-2f4a8c1d7e3a", 0);
  s.result->score->scaled = 2.0;
  auto id = (*emitter)->emit(s);
  ASSERT_FALSE(id);
  EXPECT_NE(id.error().message.find("result.score.scaled"), std::string::npos);
  EXPECT_EQ((*emitter)->stats().emitted, 0);
}

TEST(Delivery, BackoffIsExponentialJitteredCappedAndHonoursRetryAfter) {
  auto box = Outbox::open(test::tempPath("backoff.sqlite"));
  ASSERT_TRUE(box);
  LrsClient client(LrsConfig{});
  DeliveryPolicy policy;
  policy.initialBackoff = std::chrono::milliseconds(100);
  policy.maxBackoff = std::chrono::milliseconds(1000);
  Deliverer d(**box, client, policy, core::Log::silent());
  using ms = std::chrono::milliseconds;
  for (int i = 0; i < 50; ++i) {
    const auto first = d.backoff(1, ms(0));
    EXPECT_GE(first, ms(50));
    EXPECT_LE(first, ms(100));
    const auto third = d.backoff(3, ms(0));
    EXPECT_GE(third, ms(200));
    EXPECT_LE(third, ms(400));
    const auto late = d.backoff(30, ms(0));
    EXPECT_GE(late, ms(500));
    EXPECT_LE(late, ms(1000)) << "capped";
    EXPECT_GE(d.backoff(1, ms(5000)), ms(5000)) << "Retry-After is a floor";
  }
}

TEST(Delivery, LrsReasonKeepsMessageAndWarnings) {
  EXPECT_EQ(lrsReason(400, R"({"message":"Invalid","warnings":["a.b"]})"),
            R"(HTTP 400: Invalid ["a.b"])");
  EXPECT_EQ(lrsReason(503, "down for maintenance"), "HTTP 503: down for maintenance");
  EXPECT_EQ(lrsReason(409, std::string(5000, 'x')).size(), 2000U);
}

}  // namespace
}  // namespace praxis::xapi
