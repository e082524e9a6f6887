// Shared by the edit suites: fixture paths, files as text, and a scratch copy of a package.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace praxis::edit::testing {

inline std::filesystem::path sourceDir() { return std::filesystem::path(PRAXIS_SOURCE_DIR); }
inline std::filesystem::path workshop() { return sourceDir() / "tests" / "edit" / "fixtures" / "workshop"; }
inline std::filesystem::path goldenDir() { return sourceDir() / "tests" / "edit" / "golden"; }

inline std::string readText(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return std::move(buffer).str();
}

inline void writeText(const std::filesystem::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
}

/// A fresh copy of package `from` in the build folder, named after the running test.
inline std::filesystem::path scratchCopy(const std::filesystem::path& from) {
  const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
  std::string name = std::string(info->test_suite_name()) + "." + info->name();
  for (char& c : name) {
    if (c == '/') c = '_';
  }
  const auto dir = std::filesystem::path(PRAXIS_BINARY_DIR) / "edit-scratch" / name;
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir.parent_path());
  std::filesystem::copy(from, dir, std::filesystem::copy_options::recursive);
  return dir;
}

}  // namespace praxis::edit::testing
