#include "engine/error.hpp"

namespace jiaohe::engine {
namespace {

std::string describe(const std::vector<FieldError>& fields) {
  std::string text;
  for (const auto& f : fields) {
    if (!text.empty()) text += "; ";
    text += f.pointer + ": " + f.detail;
    if (!f.reason.empty()) text += " (" + f.reason + ")";
  }
  return text;
}

}  // namespace

Error::Error(std::vector<FieldError> fields)
    : std::runtime_error(describe(fields)), code_(ErrorCode::kInvalidInput), fields_(std::move(fields)) {}

}  // namespace jiaohe::engine
