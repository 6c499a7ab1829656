#pragma once
// Reading disputes: one with its history, a page of them, its status, its evidence and its
// supporting documents. The
// writes are the dispute desk's (engine/disputes/dispute_desk.hpp), through the unit of work.
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/disputes/dispute.hpp"
#include "engine/disputes/supporting_document.hpp"
#include "engine/store/page.hpp"

namespace jiaohe::engine::store {

class DisputeStore {
 public:
  explicit DisputeStore(std::string url);

  // engine::Error(kNotFound) when there is no such dispute.
  std::string status(std::int64_t dispute_id) const;
  disputes::DisputeView view(std::int64_t dispute_id) const;
  // Newest first, without their history (view() has it).
  Page<disputes::DisputeView> list(const disputes::DisputeFilter& filter, const PageQuery& page) const;
  nlohmann::json evidence(std::int64_t dispute_id) const;
  // The dispute's supporting documents, oldest first, without their bytes.
  std::vector<disputes::DocumentInfo> documents(std::int64_t dispute_id) const;
  // One of them with its bytes; engine::Error(kNotFound) when the dispute has no such document.
  disputes::Document document(std::int64_t dispute_id, std::int64_t document_id) const;

 private:
  std::string url_;
};

}  // namespace jiaohe::engine::store
