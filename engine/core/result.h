// Expected failures as values: an Error carries a message a user can act on.
#pragma once

#include <expected>
#include <string>
#include <utility>

namespace praxis::core {

/// An expected failure (bad file, network, missing runtime). The message is complete and
/// user-facing, e.g. "scenario.yaml:12:5: unknown key 'colour'".
struct Error {
  std::string message;
};

template <typename T>
using Result = std::expected<T, Error>;

/// Shorthand for returning a failure: `return core::fail("cannot open ", path);`
template <typename... Parts>
[[nodiscard]] std::unexpected<Error> fail(Parts&&... parts) {
  std::string message;
  (message.append(std::forward<Parts>(parts)), ...);
  return std::unexpected(Error{std::move(message)});
}

}  // namespace praxis::core
