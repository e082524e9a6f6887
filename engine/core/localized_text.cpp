#include "core/localized_text.h"

namespace praxis::core {
namespace {

std::string_view baseOf(std::string_view tag) { return tag.substr(0, tag.find('-')); }

}  // namespace

const std::string& LocalizedText::in(std::string_view language) const {
  static const std::string kEmpty;
  if (byLanguage_.empty()) return kEmpty;
  if (auto it = byLanguage_.find(std::string(language)); it != byLanguage_.end()) return it->second;
  const std::string_view base = baseOf(language);
  for (const auto& [tag, text] : byLanguage_) {
    if (baseOf(tag) == base) return text;
  }
  for (const auto& [tag, text] : byLanguage_) {
    if (baseOf(tag) == "en") return text;
  }
  return byLanguage_.begin()->second;
}

}  // namespace praxis::core
