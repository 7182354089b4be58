// StatusOr<T>: either a value or a non-OK Status (abseil's semantics, kept small).
// It never holds an OK status; value() on an error is a bug and asserts.
#pragma once

#include <cassert>
#include <optional>
#include <utility>

#include "core/status.h"

namespace archive {

template <typename T>
class [[nodiscard]] StatusOr {
 public:
  StatusOr(T value) : value_(std::move(value)) {}         // NOLINT: implicit by design
  StatusOr(Status status) : status_(std::move(status)) {  // NOLINT: implicit by design
    assert(!status_.ok() && "StatusOr must not hold an OK status");
    if (status_.ok()) status_ = Status::Internal("StatusOr constructed from an OK status");
  }

  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }

  T& value() & {
    assert(ok());
    return *value_;
  }
  const T& value() const& {
    assert(ok());
    return *value_;
  }
  T&& value() && {
    assert(ok());
    return std::move(*value_);
  }

  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T&& operator*() && { return std::move(*this).value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

 private:
  Status status_;
  std::optional<T> value_;
};

}  // namespace archive

#define ARCHIVE_CONCAT_INNER_(a, b) a##b
#define ARCHIVE_CONCAT_(a, b) ARCHIVE_CONCAT_INNER_(a, b)

// ARCHIVE_ASSIGN_OR_RETURN(auto x, Foo()): declares x from a StatusOr or returns its status.
#define ARCHIVE_ASSIGN_OR_RETURN(lhs, expr) \
  ARCHIVE_ASSIGN_OR_RETURN_IMPL_(ARCHIVE_CONCAT_(archive_statusor_, __LINE__), lhs, expr)
#define ARCHIVE_ASSIGN_OR_RETURN_IMPL_(tmp, lhs, expr) \
  auto tmp = (expr);                                   \
  if (!tmp.ok()) return tmp.status();                  \
  lhs = std::move(tmp).value()
