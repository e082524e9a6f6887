#include "core/localized_text.h"

#include <cctype>

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

bool isLanguageTag(std::string_view text) {
  // language (2-3 letters, or 4-8 registered) then subtags of 1-8 alphanumerics.
  std::size_t pos = 0, index = 0;
  while (pos <= text.size()) {
    auto end = text.find('-', pos);
    if (end == std::string_view::npos) end = text.size();
    const auto sub = text.substr(pos, end - pos);
    if (sub.empty() || sub.size() > 8) return false;
    for (const char c : sub) {
      const auto u = static_cast<unsigned char>(c);
      if (index == 0 ? !std::isalpha(u) : !std::isalnum(u)) return false;
    }
    if (index == 0 && sub.size() < 2) return sub == "x" || sub == "i";
    ++index;
    if (end == text.size()) break;
    pos = end + 1;
  }
  return index > 0 && (text.empty() || text.back() != '-');
}

}  // namespace praxis::core
