// core::Expected / core::Unexpected: std::expected where the compiler can build it, else a
// small stand-in with the part of its interface Praxis uses.
//
// Why: libstdc++ 12's <expected> needs P0848 (constrained special members), which clang only
// has from version 16. Debian 12's clang 14 builds the libFuzzer targets (make fuzz), so
// without this every module the fuzzers link would fail to compile there. GCC builds use
// std::expected itself.
#pragma once

#include <version>

#if defined(__cpp_lib_expected)

#include <expected>

namespace praxis::core {
template <typename T, typename E>
using Expected = std::expected<T, E>;
template <typename E>
using Unexpected = std::unexpected<E>;
}  // namespace praxis::core

#else

#include <cstdlib>
#include <optional>
#include <type_traits>
#include <utility>
#include <variant>

namespace praxis::core {

template <typename E>
class Unexpected {
 public:
  explicit Unexpected(E error) : error_(std::move(error)) {}
  [[nodiscard]] const E& error() const& { return error_; }
  [[nodiscard]] E&& error() && { return std::move(error_); }

 private:
  E error_;
};

template <typename T, typename E>
class Expected {
 public:
  using value_type = T;
  using error_type = E;

  Expected() : v_(std::in_place_index<0>) {}
  template <typename U = T>
    requires(std::is_constructible_v<T, U &&> && !std::is_same_v<std::remove_cvref_t<U>, Expected>)
  Expected(U&& value) : v_(std::in_place_index<0>, std::forward<U>(value)) {}  // NOLINT: implicit, as std
  template <typename G>
  Expected(Unexpected<G> u) : v_(std::in_place_index<1>, std::move(u).error()) {}  // NOLINT

  [[nodiscard]] bool has_value() const noexcept { return v_.index() == 0; }
  explicit operator bool() const noexcept { return has_value(); }
  [[nodiscard]] T& value() & { return checked(), std::get<0>(v_); }
  [[nodiscard]] const T& value() const& { return checked(), std::get<0>(v_); }
  [[nodiscard]] T&& value() && { return checked(), std::get<0>(std::move(v_)); }
  [[nodiscard]] T& operator*() & { return std::get<0>(v_); }
  [[nodiscard]] const T& operator*() const& { return std::get<0>(v_); }
  [[nodiscard]] T&& operator*() && { return std::get<0>(std::move(v_)); }
  [[nodiscard]] T* operator->() { return &std::get<0>(v_); }
  [[nodiscard]] const T* operator->() const { return &std::get<0>(v_); }
  [[nodiscard]] const E& error() const& { return std::get<1>(v_); }
  [[nodiscard]] E& error() & { return std::get<1>(v_); }
  template <typename U>
  [[nodiscard]] T value_or(U&& fallback) const& {
    return has_value() ? **this : static_cast<T>(std::forward<U>(fallback));
  }

 private:
  // std::expected throws bad_expected_access here; exceptions do not cross module
  // boundaries in Praxis, so reaching for a missing value is a programmer error.
  void checked() const {
    if (!has_value()) std::abort();
  }
  std::variant<T, E> v_;
};

template <typename E>
class Expected<void, E> {
 public:
  using value_type = void;
  using error_type = E;

  Expected() = default;
  template <typename G>
  Expected(Unexpected<G> u) : error_(std::in_place, std::move(u).error()) {}  // NOLINT

  [[nodiscard]] bool has_value() const noexcept { return !error_.has_value(); }
  explicit operator bool() const noexcept { return has_value(); }
  void value() const {
    if (!has_value()) std::abort();
  }
  [[nodiscard]] const E& error() const& { return *error_; }
  [[nodiscard]] E& error() & { return *error_; }

 private:
  std::optional<E> error_;
};

}  // namespace praxis::core

#endif
