// Where the assimp-testmodels package puts its files, and temp folders for tests.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <string>

namespace praxis::assets::testing {

inline const std::filesystem::path kModels = "/usr/share/assimp/models";

/// Fails the calling test when the Debian package is missing (it is listed in
/// cmake/debian-packages.txt, so `make test` installs it): a skipped test is not a pass.
#define PRAXIS_REQUIRE_TEST_MODELS()                                                           \
  do {                                                                                         \
    if (!std::filesystem::is_directory(::praxis::assets::testing::kModels / "glTF2")) {        \
      GTEST_FAIL() << "assimp-testmodels is not installed (/usr/share/assimp/models missing); " \
                      "apt-get install assimp-testmodels";                                     \
    }                                                                                          \
  } while (false)

/// A fresh folder under the build tree, removed at the end of the test.
class TempDir {
 public:
  TempDir() {
    std::random_device rd;
    path_ = std::filesystem::path(PRAXIS_BINARY_DIR) / "test-tmp" /
            ("assets-" + std::to_string(rd()) + std::to_string(rd()));
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  [[nodiscard]] const std::filesystem::path& path() const { return path_; }
  [[nodiscard]] std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

 private:
  std::filesystem::path path_;
};

inline void writeText(const std::filesystem::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
}

}  // namespace praxis::assets::testing
