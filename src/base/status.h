// Status and Result<T>: errors as values across module boundaries.
//
// A Status is either OK or carries a code and a one-line message meant for a person
// ("book.xlsx: xl/sharedStrings.xml: entity declarations are not allowed"). Modules never
// throw across their public interface; exceptions raised by third-party libraries are caught
// in the adapter that calls them and turned into a Status.
//
// Status and Result are plain values: copyable, movable, not thread-safe to mutate
// concurrently (like any value type).
#pragma once

#include <cassert>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace kotae {

enum class StatusCode {
  kOk = 0,
  kInvalidInput,   // the user's file is malformed, unsupported or over a limit (exit 2)
  kNotFound,       // a named file, sheet or column does not exist (exit 2)
  kIoError,        // the operating system refused a read or write (exit 1)
  kInternal,       // a bug in kotae (exit 1)
};

class [[nodiscard]] Status {
 public:
  Status() = default;
  static Status Ok() { return Status(); }
  static Status InvalidInput(std::string message) {
    return Status(StatusCode::kInvalidInput, std::move(message));
  }
  static Status NotFound(std::string message) {
    return Status(StatusCode::kNotFound, std::move(message));
  }
  static Status IoError(std::string message) {
    return Status(StatusCode::kIoError, std::move(message));
  }
  static Status Internal(std::string message) {
    return Status(StatusCode::kInternal, std::move(message));
  }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }

  // Returns a copy whose message is "<prefix>: <message>"; used to add the file name or
  // the zip part as an error travels outwards.
  Status WithPrefix(std::string_view prefix) const {
    if (ok()) return *this;
    return Status(code_, std::string(prefix) + ": " + message_);
  }

  // Process exit code for the CLI: 2 for bad input, 1 for everything else.
  int ExitCode() const {
    switch (code_) {
      case StatusCode::kOk: return 0;
      case StatusCode::kInvalidInput:
      case StatusCode::kNotFound: return 2;
      default: return 1;
    }
  }

 private:
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

// Result<T> holds either a value or a non-OK Status.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : data_(std::move(value)) {}  // NOLINT(google-explicit-constructor)
  Result(Status status) : data_(std::move(status)) {  // NOLINT(google-explicit-constructor)
    assert(!std::get<Status>(data_).ok());
  }

  bool ok() const { return std::holds_alternative<T>(data_); }
  const Status& status() const {
    static const Status kOk;
    return ok() ? kOk : std::get<Status>(data_);
  }
  T& value() & { return std::get<T>(data_); }
  const T& value() const& { return std::get<T>(data_); }
  T&& value() && { return std::get<T>(std::move(data_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  std::variant<T, Status> data_;
};

}  // namespace kotae

// Propagates a non-OK Status out of the calling function.
#define KOTAE_RETURN_IF_ERROR(expr)        \
  do {                                     \
    ::kotae::Status kotae_status_ = (expr); \
    if (!kotae_status_.ok()) return kotae_status_; \
  } while (0)

#define KOTAE_CONCAT_INNER(a, b) a##b
#define KOTAE_CONCAT(a, b) KOTAE_CONCAT_INNER(a, b)
// Assigns the value of a Result to `lhs`, or returns its Status.
#define KOTAE_ASSIGN_OR_RETURN(lhs, expr) \
  KOTAE_ASSIGN_OR_RETURN_IMPL(KOTAE_CONCAT(kotae_result_, __LINE__), lhs, expr)
#define KOTAE_ASSIGN_OR_RETURN_IMPL(tmp, lhs, expr) \
  auto tmp = (expr);                                \
  if (!tmp.ok()) return tmp.status();               \
  lhs = std::move(tmp).value()
