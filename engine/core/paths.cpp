#include "core/paths.h"

#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <system_error>

namespace praxis::core {

std::filesystem::path executableDir() {
  std::error_code ec;
  auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  return ec ? std::filesystem::current_path() : exe.parent_path();
}

std::filesystem::path dataDir() {
  if (const char* env = std::getenv("PRAXIS_DATA_DIR"); env != nullptr && *env != '\0') {
    return env;
  }
  std::error_code ec;
  const std::filesystem::path build = PRAXIS_DATA_DIR_BUILD;
  if (std::filesystem::exists(build / "scenarios", ec)) return build;
  return executableDir() / ".." / "share" / "praxis";
}

Result<std::filesystem::path> userDataDir() {
  std::filesystem::path base;
  if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg != nullptr && *xdg != '\0') {
    base = xdg;
  } else if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0') {
    base = std::filesystem::path(home) / ".local" / "share";
  } else {
    return fail("cannot find a user data folder: neither XDG_DATA_HOME nor HOME is set");
  }
  const auto dir = base / "praxis";
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return fail("cannot create ", dir.string(), ": ", ec.message());
  return dir;
}

std::string version() { return PRAXIS_VERSION; }

Result<std::string> readFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return fail(path.string(), ": cannot open: ", std::strerror(errno));
  std::ostringstream content;
  content << in.rdbuf();
  if (in.bad()) return fail(path.string(), ": read error");
  return content.str();
}

Result<void> writeFileAtomic(const std::filesystem::path& path, std::string_view bytes) {
  const auto tmp = path.string() + ".tmp" + std::to_string(::getpid());
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return fail(tmp, ": cannot create: ", std::strerror(errno));
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.flush();
    if (!out) return fail(tmp, ": write error: ", std::strerror(errno));
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) return fail("cannot move ", tmp, " to ", path.string(), ": ", ec.message());
  return {};
}

Result<void> checkWritable(const std::filesystem::path& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) return fail(path.string(), ": is a folder");
  const auto probe = path.string() + ".probe" + std::to_string(::getpid());
  {
    std::ofstream out(probe, std::ios::binary | std::ios::trunc);
    if (!out) return fail(path.string(), ": cannot write there: ", std::strerror(errno));
  }
  std::filesystem::remove(probe, ec);
  return {};
}

}  // namespace praxis::core
