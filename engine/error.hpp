#pragma once
// The one error type the engine throws across module boundaries. The code says what a caller
// can do about it (api/problem.cpp maps it to HTTP in one place); the message is for people
// and never holds SQL or unmasked identifiers.
#include <stdexcept>
#include <string>

namespace jiaohe::engine {

enum class ErrorCode {
  kInvalidInput,   // the caller sent something wrong; retrying the same will fail again
  kNotFound,       // no such thing visible to this caller
  kConflict,       // the state does not allow it (e.g. answering a closed task)
  kUnavailable,    // the database or another dependency is down; a retry may succeed
  kInternal,       // a bug
};

class Error : public std::runtime_error {
 public:
  Error(ErrorCode code, const std::string& message) : std::runtime_error(message), code_(code) {}
  ErrorCode code() const { return code_; }

 private:
  ErrorCode code_;
};

}  // namespace jiaohe::engine
