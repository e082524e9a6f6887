// Text in several languages (nl-BE first), with a predictable fallback chain.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace praxis::core {

/// The languages every shipped scenario provides. Others may be added per scenario.
inline constexpr std::string_view kDefaultLanguage = "nl-BE";
inline const std::vector<std::string> kRequiredLanguages = {"nl-BE", "fr-BE", "en"};

/// A BCP 47 language tag in its common form ("nl-BE", "en", "zh-Hant-TW", "und"). Every
/// language an attempt runs in ends up in its xAPI statements, which must carry valid tags.
[[nodiscard]] bool isLanguageTag(std::string_view text);

/// A string per BCP 47 language tag.
class LocalizedText {
 public:
  LocalizedText() = default;
  LocalizedText(std::initializer_list<std::pair<const std::string, std::string>> init)
      : byLanguage_(init) {}

  void set(std::string language, std::string text) {
    byLanguage_[std::move(language)] = std::move(text);
  }
  [[nodiscard]] bool empty() const { return byLanguage_.empty(); }
  [[nodiscard]] bool has(std::string_view language) const {
    return byLanguage_.find(std::string(language)) != byLanguage_.end();
  }
  [[nodiscard]] const std::map<std::string, std::string>& all() const { return byLanguage_; }

  /// The text in `language`; else in its base language ("nl" for "nl-BE") or a sibling
  /// region ("nl-NL"); else English; else the first available; else "".
  [[nodiscard]] const std::string& in(std::string_view language) const;

 private:
  std::map<std::string, std::string> byLanguage_;
};

}  // namespace praxis::core
