#pragma once
// A request with an Idempotency-Key, seen from the store: while a KeyedWrite exists on a
// thread, every workflow write made on that thread (in_task_tx, GroupCommitter::run) and every
// read after it (read_only) share one transaction, whose first statement claims the key and
// whose last records the answer. The transaction commits only in seal(): the write and its key
// commit together or not at all, so
//   - a retry after a crash between the commit and the answer finds the key and replays;
//   - a retry after a crash before the commit finds no key and runs at once;
//   - a retry while the first request runs waits for it (the key's uncommitted row holds it)
//     and then replays, or runs if the first one rolled back.
// Several writes of one request commit together; each stays atomic (a savepoint), so a write
// that fails and is answered 4xx leaves nothing behind but the key with that answer.
//
// Under group commit the transaction is the batch's: the lane claims the key, runs the write,
// lends the batch's transaction to the request's thread until seal() recorded the answer, and
// commits the batch once every keyed request of it sealed.
#include <cstdint>
#include <exception>
#include <future>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>

#include "engine/clock.hpp"
#include "engine/store/idempotency_store.hpp"

namespace pqxx {
class dbtransaction;
}

namespace jiaohe::engine::store {

// Thrown by a write whose key turned out to belong to a committed request (a concurrent one
// that committed first): the write did nothing, and the caller replays that request's answer.
class KeyTaken : public std::runtime_error {
 public:
  KeyTaken() : std::runtime_error("the Idempotency-Key was used by a request that committed first") {}
};

// Thrown by seal() when the batch the write was committed in was given up because another
// request of it failed after its write: nothing committed, and the request may be retried.
class BatchAbandoned : public std::runtime_error {
 public:
  BatchAbandoned() : std::runtime_error("another request of the group commit failed; nothing was committed") {}
};

// A group-committed batch's transaction lent to a keyed request's thread (internal to
// engine/store: GroupCommitter and KeyedWrite are its two sides).
struct BatchLoan {
  IdempotencyKey key;
  Instant now{};                      // when the request arrived (the key's created_at)
  pqxx::dbtransaction* tx = nullptr;  // set by the lane once the request's write ran in it
  bool key_taken = false;             // set by the lane before it fails the piece with KeyTaken
  std::promise<void> sealed;          // the request recorded its answer (or gave up: an exception)
  std::promise<void> committed;       // the batch committed (or failed: the exception)
};

class KeyedWrite {
 public:
  // Becomes the thread's current keyed write (one at a time) until it is destroyed.
  KeyedWrite(std::string url, IdempotencyKey key, Instant now);
  // Rolls back unless sealed.
  ~KeyedWrite();
  KeyedWrite(const KeyedWrite&) = delete;
  KeyedWrite& operator=(const KeyedWrite&) = delete;

  // The thread's current keyed write, or null.
  static KeyedWrite* current();

  // Records `answer` under the key and commits; with no write made, the key and its answer
  // are committed alone. Throws KeyTaken when a concurrent request with the key committed
  // first, BatchAbandoned, or the commit's failure (its outcome may then be unknown).
  void seal(const StoredResponse& answer);
  // Whether a write of this request found its key taken (the handler may have turned the
  // KeyTaken into an answer of its own; that answer must not be sent).
  bool key_taken() const;

  // For engine/store: the shared transaction, begun (and the key claimed) on first use; throws
  // KeyTaken.
  pqxx::dbtransaction& transaction();
  bool has_transaction() const;
  const IdempotencyKey& key() const { return key_; }
  Instant now() const { return now_; }
  // For GroupCommitter: the next write goes to a batch, which lends its transaction here.
  std::shared_ptr<BatchLoan> lend_from_batch();

 private:
  struct Own;
  std::string url_;
  IdempotencyKey key_;
  Instant now_;
  bool sealed_ = false;
  bool key_taken_ = false;
  std::unique_ptr<Own> own_;          // a transaction of its own
  std::shared_ptr<BatchLoan> loan_;   // or a batch's
  KeyedWrite* previous_ = nullptr;
};

}  // namespace jiaohe::engine::store
