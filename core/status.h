// Status: the outcome of an operation that can fail for a reason other than a bug.
// Codes are named for what the caller can do about them. Thread-compatible value type.
#pragma once

#include <string>
#include <string_view>
#include <utility>

namespace archive {

enum class StatusCode {
  kOk,
  kInvalidArgument,     // the caller's input is wrong; retrying the same input fails again
  kNotFound,            // the thing asked for does not exist
  kUnavailable,         // transient (lock held, database modified): retry later
  kFailedPrecondition,  // an operator must act (e.g. rebuild an index of another schema)
  kCorruption,          // stored data is damaged
  kIOError,             // the file system failed us
  kInternal,            // our bug
};

std::string_view StatusCodeName(StatusCode code);

class [[nodiscard]] Status {
 public:
  Status() = default;  // OK

  static Status Ok() { return Status(); }
  static Status InvalidArgument(std::string message) {
    return Status(StatusCode::kInvalidArgument, std::move(message));
  }
  static Status NotFound(std::string message) {
    return Status(StatusCode::kNotFound, std::move(message));
  }
  static Status Unavailable(std::string message) {
    return Status(StatusCode::kUnavailable, std::move(message));
  }
  static Status FailedPrecondition(std::string message) {
    return Status(StatusCode::kFailedPrecondition, std::move(message));
  }
  static Status Corruption(std::string message) {
    return Status(StatusCode::kCorruption, std::move(message));
  }
  static Status IOError(std::string message) {
    return Status(StatusCode::kIOError, std::move(message));
  }
  static Status Internal(std::string message) {
    return Status(StatusCode::kInternal, std::move(message));
  }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }

  // "invalid_argument: <message>", or "ok".
  std::string ToString() const;

  // Returns a copy whose message is "<context>: <message>"; OK stays OK.
  Status WithContext(std::string_view context) const;

 private:
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}

  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

}  // namespace archive

// Returns from the enclosing function when `expr` yields a non-OK Status.
#define ARCHIVE_RETURN_IF_ERROR(expr)                  \
  do {                                                 \
    ::archive::Status archive_status_ = (expr);        \
    if (!archive_status_.ok()) return archive_status_; \
  } while (false)
