// praxis bench: simulation speed (simulated seconds per wall second, one core) and peak
// memory of a headless run of each scenario's reference solution.
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "app/headless.h"
#include "args.h"
#include "commands.h"
#include "core/paths.h"
#include "packages.h"

namespace praxis::cli {
namespace {

constexpr const char* kHelp =
    "usage: praxis bench [DIR...] [--repeat N] [--json]\n\n"
    "For each scenario package (default: the shipped scenarios/), plays the reference\n"
    "solution headless N times (default 20) in a child process and reports simulated seconds\n"
    "per wall second (median and best) and the child's peak resident memory.\n"
    "Targets: >= 2000x real time, <= 150 MB.\n";

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

}  // namespace

int runBench(const CommandArgs& argv) {
  const auto parsed = parseCommand(argv, {{"--json"}, {"--repeat"}, 0, 64}, "bench", kHelp);
  if (!parsed.args) return parsed.exitCode;
  const Args* args = &*parsed.args;
  const int repeat = std::max(1, std::atoi(args->option("--repeat").value_or("20").c_str()));
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
