#include "engine/store/keyed_write.hpp"

#include <pqxx/pqxx>

#include "engine/store/connection_pool.hpp"

namespace jiaohe::engine::store {
namespace {

thread_local KeyedWrite* t_current = nullptr;

}  // namespace

struct KeyedWrite::Own {
  explicit Own(PooledConnection c) : lease(std::move(c)), tx(*lease) {}
  PooledConnection lease;
  pqxx::work tx;
};

KeyedWrite::KeyedWrite(std::string url, IdempotencyKey key, Instant now)
    : url_(std::move(url)), key_(std::move(key)), now_(now), previous_(t_current) {
  t_current = this;
}

KeyedWrite::~KeyedWrite() {
  t_current = previous_;
  // A lent batch waits for this request's answer: tell it the request gave up, so that it rolls
  // back and commits its other requests without this one. An own transaction rolls back with
  // `own_`.
  if (!sealed_ && loan_ && loan_->tx) loan_->sealed.set_exception(std::make_exception_ptr(BatchAbandoned()));
}

KeyedWrite* KeyedWrite::current() { return t_current; }

bool KeyedWrite::has_transaction() const { return own_ || (loan_ && loan_->tx); }

bool KeyedWrite::key_taken() const { return key_taken_ || (loan_ && loan_->key_taken); }

pqxx::dbtransaction& KeyedWrite::transaction() {
  if (loan_ && loan_->tx) return *loan_->tx;
  if (!own_) {
    auto own = std::make_unique<Own>(connect(url_));
    if (!claim_key(own->tx, key_, now_)) {
      key_taken_ = true;
      throw KeyTaken();
    }
    own_ = std::move(own);
  }
  return own_->tx;
}

std::shared_ptr<BatchLoan> KeyedWrite::lend_from_batch() {
  loan_ = std::make_shared<BatchLoan>();
  loan_->key = key_;
  loan_->now = now_;
  return loan_;
}

void KeyedWrite::seal(const StoredResponse& answer) {
  if (loan_ && loan_->tx) {
    sealed_ = true;
    auto committed = loan_->committed.get_future();
    try {
      record_answer(*loan_->tx, key_, answer, now_);
    } catch (...) {
      loan_->sealed.set_exception(std::current_exception());
      throw;
    }
    loan_->sealed.set_value();
    committed.get();
    return;
  }
  auto& tx = transaction();
  record_answer(tx, key_, answer, now_);
  sealed_ = true;
  tx.commit();
}

}  // namespace jiaohe::engine::store
