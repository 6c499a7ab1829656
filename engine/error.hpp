#pragma once
// The one error type the engine throws across module boundaries. The code says what a caller
// can do about it (api/problem.cpp maps it to HTTP in one place); the message is for people
// and never holds SQL or unmasked identifiers.
#include <stdexcept>
#include <string>
#include <vector>

namespace jiaohe::engine {

enum class ErrorCode {
  kInvalidInput,   // the caller sent something wrong; retrying the same will fail again
  kNotFound,       // no such thing visible to this caller
  kConflict,       // the state does not allow it (e.g. answering a closed task)
  kUnavailable,    // the database or another dependency is down; a retry may succeed
  kInternal,       // a bug
};

// One wrong field of an input: where (a JSON pointer, e.g. "/subject_id"), what is wrong, and
// a validator's reason code (may be empty). The API answers these as the errors of a 422.
struct FieldError {
  std::string pointer, detail, reason;
};

class Error : public std::runtime_error {
 public:
  Error(ErrorCode code, const std::string& message) : std::runtime_error(message), code_(code) {}
  // kInvalidInput naming every wrong field; the message lists them (pointer, detail, reason).
  explicit Error(std::vector<FieldError> fields);
  ErrorCode code() const { return code_; }
  // The wrong fields of a kInvalidInput, in the order they were found; empty when none is named.
  const std::vector<FieldError>& fields() const { return fields_; }

 private:
  ErrorCode code_;
  std::vector<FieldError> fields_;
};

}  // namespace jiaohe::engine
