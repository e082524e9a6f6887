// praxis bench: simulation speed (simulated seconds per wall second, one core) and peak
// memory of a headless run of each scenario's reference solution.
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "app/headless.h"
#include "args.h"
#include "commands.h"
#include "core/paths.h"
#include "core/sim_time.h"
#include "packages.h"

namespace praxis::cli {
namespace {

constexpr const char* kHelp =
    "usage: praxis bench [DIR...] [--repeat N] [--json]\n"
    "       praxis bench --objects N[,N...] [--repeat N] [--json]\n\n"
    "For each scenario package (default: the shipped scenarios/), plays the reference\n"
    "solution headless N times (default 20) in a child process and reports simulated seconds\n"
    "per wall second (median and best) and the child's peak resident memory.\n"
    "Targets: >= 2000x real time, <= 150 MB.\n\n"
    "--objects plays the shipped fire-extinguisher with that many generated objects added\n"
    "(half static colliders, a fifth resting grabbables, the rest plain props) and reports\n"
    "the cost per tick, to show how it grows with the size of a scene (it should be linear,\n"
    "with sleeping and static objects costing nothing per tick).\n";

constexpr double kSpeedTarget = 2000.0;
constexpr double kRssTargetMb = 150.0;

struct Measure {
  double simulatedSeconds = 0.0;
  double medianWall = 0.0;
  double bestWall = 0.0;
  double peakRssMb = 0.0;
  bool ok = false;
};

// In the child: load, play the reference `repeat` times, write the wall times to `fd`.
[[noreturn]] void benchChild(const std::filesystem::path& dir, int repeat, int fd) {
  auto package = scenario::loadScenarioPackage(dir);
  const scenario::TraineeScript* ref = package.ok() ? referenceTest(package) : nullptr;
  if (ref == nullptr) _exit(3);
  std::vector<double> walls;
  double simulated = 0.0;
  for (int i = 0; i < repeat; ++i) {
    const auto start = std::chrono::steady_clock::now();
    auto run = app::runScript(*package.scenario, *ref);
    walls.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    if (!run) _exit(4);
    simulated = run->simulatedSeconds();
  }
  // Message: the simulated seconds, then each run's wall seconds.
  std::vector<double> message(walls.size() + 1, simulated);
  std::copy(walls.begin(), walls.end(), message.begin() + 1);
  const auto bytes = static_cast<ssize_t>(message.size() * sizeof(double));
  if (write(fd, message.data(), static_cast<std::size_t>(bytes)) != bytes) _exit(5);
  _exit(0);
}

Measure measure(const std::filesystem::path& dir, int repeat) {
  Measure m;
  int fds[2];
  if (pipe(fds) != 0) return m;
  const pid_t pid = fork();
  if (pid < 0) return m;
  if (pid == 0) {
    close(fds[0]);
    benchChild(dir, repeat, fds[1]);
  }
  close(fds[1]);
  std::vector<double> values(static_cast<std::size_t>(repeat) + 1);
  std::size_t got = 0;
  const std::size_t want = values.size() * sizeof(double);
  while (got < want) {
    const ssize_t n = read(fds[0], reinterpret_cast<char*>(values.data()) + got, want - got);
    if (n <= 0) break;
    got += static_cast<std::size_t>(n);
  }
  close(fds[0]);
  int status = 0;
  rusage usage{};
  wait4(pid, &status, 0, &usage);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || got != want) return m;
  m.simulatedSeconds = values.front();
  std::vector<double> walls(values.begin() + 1, values.end());
  std::sort(walls.begin(), walls.end());
  m.medianWall = walls[walls.size() / 2];
  m.bestWall = walls.front();
  m.peakRssMb = static_cast<double>(usage.ru_maxrss) / 1024.0;  // ru_maxrss is in KiB on Linux
  m.ok = true;
  return m;
}

// A copy of `base` with `count` generated objects, placed in a grid beside the scene so
// that the reference solution still plays the same way.
core::Result<std::filesystem::path> generatedPackage(const std::filesystem::path& base, int count) {
  const auto dir = std::filesystem::temp_directory_path() /
                   ("praxis-bench-" + std::to_string(::getpid()) + "-" + std::to_string(count));
  std::error_code ec;
  std::filesystem::remove_all(dir, ec);
  std::filesystem::copy(base, dir, std::filesystem::copy_options::recursive, ec);
  if (ec) return core::fail("cannot copy ", base.string(), ": ", ec.message());
  auto text = core::readFile(dir / "scenario.yaml");
  if (!text) return std::unexpected(text.error());
  std::string objects = "objects:\n";
  for (int i = 0; i < count; ++i) {
    char line[240];
    const double x = 8.0 + 0.5 * (i % 100);
    const double z = -0.5 * (i / 100);
    const char* kind = i % 10 < 5   ? "collider: true"
                       : i % 10 < 7 ? "grabbable: {mass: 1.0}"
                                    : "colour: \"#808080\"";
    std::snprintf(line, sizeof line,
                  "  - {id: gen_%d, shape: box, size: [0.3, 0.3, 0.3], pos: [%.2f, 0.15, %.2f], %s}\n",
                  i, x, z, kind);
    objects += line;
  }
  const auto at = text->find("\nobjects:\n");
  if (at == std::string::npos) return core::fail(base.string(), ": no objects list to extend");
  text->replace(at + 1, std::string("objects:\n").size(), objects);
  if (auto written = core::writeFileAtomic(dir / "scenario.yaml", *text); !written) {
    return std::unexpected(written.error());
  }
  return dir;
}

int benchObjects(const std::string& counts, int repeat, bool json) {
  const auto base = core::dataDir() / "scenarios" / "fire-extinguisher";
  if (json) std::printf("[");
  std::size_t from = 0;
  for (bool first = true; from <= counts.size(); first = false) {
    const auto comma = std::min(counts.find(',', from), counts.size());
    const std::string word = counts.substr(from, comma - from);
    from = comma + 1;
    Args one;
    one.options["--objects"] = word;
    auto count = wholeNumberOption(one, "--objects", 1, 50000);
    if (!count) {
      std::fprintf(stderr, "praxis bench: %s\n", count.error().message.c_str());
      return kExitUsage;
    }
    auto dir = generatedPackage(base, static_cast<int>(**count));
    if (!dir) {
      std::fprintf(stderr, "praxis bench: %s\n", dir.error().message.c_str());
      return kExitUsage;
    }
    const Measure m = measure(*dir, repeat);
    std::error_code ec;
    std::filesystem::remove_all(*dir, ec);
    if (!m.ok) {
      std::fprintf(stderr, "praxis bench: the run with %s objects failed\n", word.c_str());
      return kExitFailed;
    }
    const double ticks = m.simulatedSeconds * core::kTicksPerSecond;
    const double usPerTick = m.medianWall * 1e6 / ticks;
    if (json) {
      std::printf("%s{\"objects\":%s,\"ticks\":%.0f,\"median_wall_ms\":%.3f,\"us_per_tick\":%.2f,"
                  "\"peak_rss_mb\":%.1f,\"runs\":%d}",
                  first ? "" : ",", word.c_str(), ticks, m.medianWall * 1000.0, usPerTick, m.peakRssMb,
                  repeat);
    } else {
      std::printf("%6s objects: %.0f ticks in %8.2f ms (median of %d) = %8.2f us per tick, "
                  "peak RSS %.1f MB\n",
                  word.c_str(), ticks, m.medianWall * 1000.0, repeat, usPerTick, m.peakRssMb);
    }
  }
  if (json) std::printf("]\n");
  return kExitOk;
}

}  // namespace

int runBench(const CommandArgs& argv) {
  const auto parsed = parseCommand(argv, {{"--json"}, {"--repeat", "--objects"}, 0, 64}, "bench", kHelp);
  if (!parsed.args) return parsed.exitCode;
  const Args* args = &*parsed.args;
  const auto repeatOption = wholeNumberOption(*args, "--repeat", 1, 100000);
  if (!repeatOption) return usageError("bench", repeatOption.error().message);
  const int repeat = static_cast<int>(repeatOption->value_or(20));
  if (const auto counts = args->option("--objects")) {
    if (!args->positionals.empty()) {
      return usageError("bench", "--objects plays a generated scenario; give no DIR");
    }
    return benchObjects(*counts, repeat, args->has("--json"));
  }
  std::vector<std::string> roots = args->positionals;
  if (roots.empty()) roots.push_back((core::dataDir() / "scenarios").string());
  const bool json = args->has("--json");
  bool allMet = true;
  if (json) std::printf("[");
  bool first = true;
  for (const auto& root : roots) {
    auto packages = findPackages(root);
    if (!packages) {
      std::fprintf(stderr, "praxis bench: %s\n", packages.error().message.c_str());
      return kExitUsage;
    }
    for (const auto& dir : *packages) {
      const Measure m = measure(dir, repeat);
      const std::string name = dir.filename().string();
      if (!m.ok) {
        std::fprintf(stderr, "praxis bench: %s: the reference run failed (try praxis run %s --headless --autopilot)\n",
                     name.c_str(), dir.c_str());
        return kExitFailed;
      }
      const double median = m.simulatedSeconds / m.medianWall;
      const double best = m.simulatedSeconds / m.bestWall;
      const bool met = median >= kSpeedTarget && m.peakRssMb <= kRssTargetMb;
      allMet = allMet && met;
      if (json) {
        std::printf("%s{\"scenario\":\"%s\",\"simulated_seconds\":%.2f,\"median_wall_ms\":%.3f,"
                    "\"speed_median\":%.0f,\"speed_best\":%.0f,\"peak_rss_mb\":%.1f,\"runs\":%d}",
                    first ? "" : ",", name.c_str(), m.simulatedSeconds, m.medianWall * 1000.0, median,
                    best, m.peakRssMb, repeat);
      } else {
        std::printf("%-20s %6.1f s simulated in %7.2f ms (median of %d): %7.0fx real time "
                    "(best %.0fx), peak RSS %.1f MB  [%s]\n",
                    name.c_str(), m.simulatedSeconds, m.medianWall * 1000.0, repeat, median, best,
                    m.peakRssMb, met ? "meets targets" : "MISSES targets");
      }
      first = false;
    }
  }
  if (json) {
    std::printf("]\n");
  } else {
    std::printf("targets: >= %.0fx real time on one core, <= %.0f MB peak RSS\n", kSpeedTarget, kRssTargetMb);
  }
  return allMet ? kExitOk : kExitFailed;
}

}  // namespace praxis::cli
