// Recorded per-tick trainee input (`praxis run --record`, `praxis replay`): a small binary
// file that reproduces an attempt's event log bit for bit on the same build.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "core/result.h"
#include "interaction/trainee_input.h"

namespace praxis::app {

struct Recording {
  std::string scenarioFolder;       // as given when recording
  std::uint64_t scenarioHash = 0;   // FNV-1a of scenario.yaml, to catch a changed scenario
  std::uint64_t seed = 1;
  std::string language = "nl-BE";
  std::uint64_t eventLogHash = 0;   // the recorded attempt's event log hash
  std::vector<interaction::TraineeInput> inputs;
};

/// Writes atomically (temporary file + rename).
[[nodiscard]] core::Result<void> writeRecording(const std::filesystem::path& path, const Recording& rec);
/// Reads and checks magic, version and size; a truncated or foreign file is an error.
[[nodiscard]] core::Result<Recording> readRecording(const std::filesystem::path& path);

}  // namespace praxis::app
