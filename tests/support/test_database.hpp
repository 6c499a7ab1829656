#pragma once
// A fresh database for one test process, cloned from the migrated template of the test run's
// throwaway cluster (tests/support/test_cluster.sh), dropped again at the end.
#include <string>

namespace jiaohe::testing {

class TestDatabase {
 public:
  TestDatabase();
  ~TestDatabase();
  TestDatabase(const TestDatabase&) = delete;
  TestDatabase& operator=(const TestDatabase&) = delete;

  const std::string& url() const { return url_; }
  const std::string& name() const { return name_; }
  // Runs one statement (test setup only) and returns the first column of the first row, or "".
  std::string query_value(const std::string& sql) const;

 private:
  std::string name_;
  std::string url_;
};

// Folder of the run's throwaway cluster.
std::string test_cluster_dir();
// The jiaohe executable of this build, and the source tree. The paths are compiled into
// test_database.cpp alone, so the other test files compile the same in every checkout (and
// a compiler cache shared between checkouts keeps them).
std::string jiaohe_binary();
std::string source_dir();
// A fresh folder for this test process under the build's test-tmp.
std::string make_temp_dir(const std::string& label);

}  // namespace jiaohe::testing
