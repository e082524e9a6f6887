// Sanitizer builds only (linked into every executable): Vulkan drivers and layers stay mapped
// until the process exits, so LeakSanitizer judges their memory as it really is.
//
// Why: the Vulkan loader dlclose()s the driver (lavapipe) and the layers when the last
// instance is destroyed. Their one-time start-up allocations (lavapipe keeps one from a
// pthread_once initialisation in its static data) then lose the only pointer LeakSanitizer
// scans, and are reported at exit as leaks from "<unknown module>" that no suppression can
// name. With the library mapped that memory is reachable, as it is; what a driver really
// leaks is still reported, under the library's name, for tests/sanitize/lsan.supp to judge.
// Newer Vulkan loaders read VK_LOADER_DISABLE_DYNAMIC_LIBRARY_UNLOADING=1 for the same
// purpose; Debian 12's (1.3.239) does not.
#include <dlfcn.h>
#include <link.h>

#include <string_view>

namespace {

bool isVulkanDriverOrLayer(void* handle) {
  link_map* map = nullptr;
  if (dlinfo(handle, RTLD_DI_LINKMAP, &map) != 0 || map == nullptr || map->l_name == nullptr) {
    return false;
  }
  const std::string_view path(map->l_name);
  const std::string_view file = path.substr(path.find_last_of('/') + 1);
  return file.starts_with("libvulkan") || file.starts_with("libVkLayer_");
}

}  // namespace

// Interposes glibc's dlclose (the executable's definition wins; CMake exports it with
// --export-dynamic-symbol so libraries loaded later bind to it too).
extern "C" int dlclose(void* handle) {
  using Close = int (*)(void*);
  static const auto next = reinterpret_cast<Close>(dlsym(RTLD_NEXT, "dlclose"));
  if (isVulkanDriverOrLayer(handle)) return 0;  // a reference the process keeps until exit
  return next(handle);
}
