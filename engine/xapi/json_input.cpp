#include "xapi/json_input.h"

#include <string>

namespace praxis::xapi {
namespace {

// Where the nesting of `text` first exceeds `maxDepth`, or npos. Brackets inside strings do
// not count; the scan is linear and never recurses, so it is safe on any input.
std::size_t tooDeepAt(std::string_view text, std::size_t maxDepth) {
  std::size_t depth = 0;
  bool inString = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (inString) {
      if (c == '\\') {
        ++i;  // the escaped character cannot end the string
      } else if (c == '"') {
        inString = false;
      }
    } else if (c == '"') {
      inString = true;
    } else if (c == '[' || c == '{') {
      if (++depth > maxDepth) return i;
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return std::string_view::npos;
}

}  // namespace

core::Result<Json> parseJsonInput(std::string_view text, std::size_t maxDepth) {
  if (const auto at = tooDeepAt(text, maxDepth); at != std::string_view::npos) {
    return core::fail("JSON nested more than ", std::to_string(maxDepth), " levels deep at byte ",
                      std::to_string(at));
  }
  try {
    return Json::parse(text);
  } catch (const Json::exception& e) {
    return core::fail("not JSON: ", e.what());
  }
}

}  // namespace praxis::xapi
