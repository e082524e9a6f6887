// Checks a statement against the xAPI 1.0.3 rules before it is queued, so a bug in Praxis is
// caught here with a path to the bad property, not later as an LRS's 400.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "xapi/statement.h"

namespace praxis::xapi {

/// Every problem found, each as "path: what is wrong", e.g.
/// "result.score.scaled: 1.5 is outside [-1, 1]". Empty when the statement is valid.
[[nodiscard]] std::vector<std::string> validateStatement(const Json& statement);

/// The same, as a Result whose error joins the problems with "; ".
[[nodiscard]] core::Result<void> checkStatement(const Json& statement);

/// An absolute IRI: a scheme ("https:") followed by a non-empty rest without spaces.
[[nodiscard]] bool isIri(std::string_view text);
/// A BCP 47 language tag in its common form ("nl-BE", "en", "zh-Hant-TW", "und").
[[nodiscard]] bool isLanguageTag(std::string_view text);

}  // namespace praxis::xapi
