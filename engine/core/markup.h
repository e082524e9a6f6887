// Escaping text for HTML and XML (the HTML report, the coverage page, JUnit files): one
// function, so every page Praxis writes treats a trainee's or an author's text the same way.
#pragma once

#include <string>
#include <string_view>

namespace praxis::core {

/// `text` safe inside an element or a quoted attribute of HTML or XML: & < > " ' become
/// entities, and the control characters XML 1.0 forbids even as entities are dropped
/// (tab, newline and carriage return stay).
[[nodiscard]] std::string escapeMarkup(std::string_view text);

}  // namespace praxis::core
