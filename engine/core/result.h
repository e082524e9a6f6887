// Expected failures as values: an Error carries a message a user can act on.
#pragma once

#include <string>
#include <utility>

#include "core/expected.h"

namespace praxis::core {

/// An expected failure (bad file, network, missing runtime). The message is complete and
/// user-facing, e.g. "scenario.yaml:12:5: unknown key 'colour'".
struct Error {
  std::string message;
};

template <typename T>
using Result = Expected<T, Error>;

/// Shorthand for returning a failure: `return core::fail("cannot open ", path);`
template <typename... Parts>
[[nodiscard]] Unexpected<Error> fail(Parts&&... parts) {
  std::string message;
  (message.append(std::forward<Parts>(parts)), ...);
  return Unexpected<Error>(Error{std::move(message)});
}

}  // namespace praxis::core
