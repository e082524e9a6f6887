// The editor model on a 2,000-object scenario (issue 10: a save after one edit ≤ 50 ms):
//   build/tests/bench/edit_bench
// SaveAfterOneEdit times save() alone (the edit before it is applied untimed);
// ApplyOneEdit times one `set pos` with the re-validation of the whole package that follows
// it; OpenPackage times reading and validating the package.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "edit/edit_session.h"

namespace {

namespace fs = std::filesystem;
using praxis::edit::Command;
using praxis::edit::EditSession;
using praxis::edit::Value;

constexpr int kObjects = 2000;

/// A scenario with `objects` boxes (every tenth grabbable, with a comment) and a step per
/// hundred objects that asks to grab one of them.
std::string bigScenario(int objects) {
  std::string text =
      "# A generated scenario for the editor benchmark.\n"
      "praxis: 1\nid: big\nversion: 1.0.0\ntitle: {nl-BE: Groot, fr-BE: Grand, en: Big}\n"
      "languages: [nl-BE, fr-BE, en]\n\nobjects:\n"
      "  - id: floor\n    shape: plane\n    size: [80, 80]\n    collider: true\n";
  for (int i = 1; i < objects; ++i) {
    const std::string id = "box_" + std::to_string(i);
    const std::string x = std::to_string((i % 50) * 0.5);
    const std::string z = std::to_string((i / 50) * -0.5);
    text += "\n  - id: " + id + (i % 10 == 0 ? "   # a grabbable one\n" : "\n");
    text += "    label: {nl-BE: \"Doos " + std::to_string(i) + "\", fr-BE: \"Boîte " + std::to_string(i) +
            "\", en: \"Box " + std::to_string(i) + "\"}\n";
    text += "    shape: box\n    size: [0.2, 0.2, 0.2]\n    pos: [" + x + ", 0.1, " + z + "]\n";
    text += i % 10 == 0 ? "    grabbable: {mass: 0.5}\n" : "    collider: true\n";
  }
  text += "\nsteps:\n";
  for (int s = 1; s * 100 < objects; ++s) {
    const std::string id = "box_" + std::to_string(s * 100);
    text += "  - id: grab_" + std::to_string(s) + "\n    instruction: {nl-BE: \"Pak " + id + ".\", fr-BE: \"Prenez " +
            id + ".\", en: \"Grab " + id + ".\"}\n    done_when: {grabbed: " + id + "}\n\n";
  }
  text += "scoring:\n  pass: 10\n";
  return text;
}

/// A package folder holding the big scenario, made once per process.
const fs::path& bigPackage() {
  static const fs::path dir = [] {
    fs::path d = fs::temp_directory_path() / "praxis-edit-bench";
    fs::create_directories(d);
    std::ofstream(d / "scenario.yaml", std::ios::binary) << bigScenario(kObjects);
    fs::create_directories(d / "tests");
    std::ofstream(d / "tests" / "reference.yaml", std::ios::binary)
        << "name: reference\nreference: true\nactions:\n  - grab: box_100\n";
    return d;
  }();
  return dir;
}

void SaveAfterOneEdit(benchmark::State& state) {
  auto session = EditSession::open(bigPackage());
  if (!session || session->diagnostics().hasErrors()) {
    state.SkipWithError(session ? session->diagnostics().format().c_str() : session.error().message.c_str());
    return;
  }
  double x = 0.0;
  for (auto _ : state) {
    state.PauseTiming();
    x += 0.01;
    if (!session->apply(Command::set("objects/box_1000", "pos", Value::array({x, 0.1, -10})))) {
      state.SkipWithError("set failed");
      return;
    }
    state.ResumeTiming();
    if (!session->save()) state.SkipWithError("save failed");
  }
}
// Fixed iterations: the untimed edit before each save costs far more than the save, and
// Google Benchmark would otherwise repeat it until the saves alone add up to its minimum time.
BENCHMARK(SaveAfterOneEdit)->Unit(benchmark::kMillisecond)->Iterations(20);

void ApplyOneEdit(benchmark::State& state) {
  auto session = EditSession::fromText(bigScenario(kObjects));
  double x = 0.0;
  for (auto _ : state) {
    x += 0.01;
    if (!session.apply(Command::set("objects/box_1000", "pos", Value::array({x, 0.1, -10})))) {
      state.SkipWithError("set failed");
    }
  }
}
BENCHMARK(ApplyOneEdit)->Unit(benchmark::kMillisecond)->Iterations(10);

void OpenPackage(benchmark::State& state) {
  for (auto _ : state) {
    auto session = EditSession::open(bigPackage());
    benchmark::DoNotOptimize(session);
  }
}
BENCHMARK(OpenPackage)->Unit(benchmark::kMillisecond)->Iterations(5);

}  // namespace

BENCHMARK_MAIN();
