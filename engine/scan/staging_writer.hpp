#pragma once
// Staging off the reading thread: the row pass hands full buffers over and goes on reading
// while a thread of its own COPYs them into the unit's staging transaction, so that reading the
// dataset and writing what it found overlap (two PostgreSQL backends and the scan at once).
// At most two buffers wait; a failure of the writer is rethrown to the reader at its next
// hand-over or at drain().
#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>

#include "engine/scan/row_evaluator.hpp"
#include "engine/store/unit_stage.hpp"

namespace jiaohe::engine::scan {

class StagingWriter {
 public:
  explicit StagingWriter(store::UnitStage& stage);
  ~StagingWriter();
  StagingWriter(const StagingWriter&) = delete;
  StagingWriter& operator=(const StagingWriter&) = delete;

  // Takes the buffers' contents (leaving them empty) to be staged.
  void submit(StagingBuffers& buffers);
  // Blocks until everything submitted is staged; rethrows the writer's failure. The staging
  // transaction may be used again afterwards.
  void drain();

 private:
  void run();

  store::UnitStage& stage_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<StagingBuffers> queue_;
  bool writing_ = false, stopping_ = false;
  std::exception_ptr failure_;
  std::thread thread_;
};

}  // namespace jiaohe::engine::scan
