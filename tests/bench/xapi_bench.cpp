// xAPI benchmarks: emit latency on the simulation thread (target: median ≤ 50 µs, never
// blocking on disk or network) and batched delivery throughput to the real local LRS
// (target: ≥ 2,000 statements/s).
#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <vector>

#include "core/uuid.h"
#include "xapi/delivery.h"
#include "xapi/emitter.h"
#include "xapi/outbox.h"
#include "xapi_test_util.h"

namespace praxis::xapi {
namespace {

using Clock = std::chrono::steady_clock;

test::LrsProcess& lrs() {
  static auto process = test::LrsProcess::start();
  if (!process) {
    std::fprintf(stderr, "%s\n", process.error().message.c_str());
    std::abort();
  }
  return **process;
}

void percentiles(benchmark::State& state, std::vector<double>& us) {
  if (us.empty()) return;
  std::sort(us.begin(), us.end());
  state.counters["p50_us"] = us[us.size() / 2];
  state.counters["p99_us"] = us[us.size() * 99 / 100];
  state.counters["max_us"] = us.back();
}

// Emit from "the simulation thread" while the writer (and with arg 1 the sender to the real
// LRS) run: the time is validation, serialisation and the queue's mutex.
void BM_Emit(benchmark::State& state) {
  const bool withLrs = state.range(0) == 1;
  EmitterOptions options;
  options.outbox = test::tempPath(withLrs ? "bench-emit-lrs.sqlite" : "bench-emit.sqlite");
  if (withLrs) options.lrs = test::lrsConfig(lrs().endpoint());
  auto emitter = Emitter::start(options);
  const std::string reg = *core::newUuidV4();
  std::vector<double> us;
  us.reserve(200000);
  int i = 0;
  for (auto _ : state) {
    auto statement = test::sampleStatement(reg, i++);
    const auto start = Clock::now();
    auto id = (*emitter)->emit(std::move(statement));
    const auto end = Clock::now();
    benchmark::DoNotOptimize(id);
    us.push_back(std::chrono::duration<double, std::micro>(end - start).count());
  }
  percentiles(state, us);
  (void)(*emitter)->waitCommitted(std::chrono::seconds(60));
}
BENCHMARK(BM_Emit)->Arg(0)->Arg(1)->Iterations(20000)->Unit(benchmark::kMicrosecond);

// Delivery of an outbox backlog to the real LRS, batch size = arg. Each run gets a fresh
// LRS: the test LRS keeps statements in memory and slows down as it fills, which would make
// later runs look slower for reasons that are not Praxis's.
void BM_Deliver(benchmark::State& state) {
  constexpr int kStatements = 4000;
  auto fresh = test::LrsProcess::start();
  if (!fresh) {
    state.SkipWithError(fresh.error().message.c_str());
    return;
  }
  std::int64_t delivered = 0;
  for (auto _ : state) {
    state.PauseTiming();
    auto box = *Outbox::open(test::tempPath("bench-deliver.sqlite"));
    const std::string reg = *core::newUuidV4();
    std::vector<OutboxItem> items;
    for (int i = 0; i < kStatements; ++i) {
      auto s = test::sampleStatement(reg, i);
      s.id = *core::newUuidV4();
      s.timestamp = "2026-11-23T12:00:00.000Z";
      items.push_back({s.id, reg, toJson(s).dump()});
    }
    (void)box->enqueue(items);
    auto senderBox = *Outbox::open(box->path(), Durability::Relaxed);  // as the Emitter's sender
    LrsClient client(test::lrsConfig((*fresh)->endpoint()));
    DeliveryPolicy policy;
    policy.batchSize = static_cast<std::size_t>(state.range(0));
    Deliverer deliverer(*senderBox, client, policy, core::Log::silent());
    state.ResumeTiming();
    auto total = deliverer.flush(Clock::now() + std::chrono::minutes(5));
    if (!total || total->delivered != kStatements) state.SkipWithError("delivery incomplete");
    delivered += kStatements;
  }
  state.counters["statements_per_s"] =
      benchmark::Counter(static_cast<double>(delivered), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_Deliver)
    ->Arg(10)
    ->Arg(50)
    ->Arg(100)
    ->Arg(200)
    ->Arg(500)
    ->Iterations(1)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

}  // namespace
}  // namespace praxis::xapi

BENCHMARK_MAIN();
