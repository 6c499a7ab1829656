#include <doctest/doctest.h>

#include "tests/support/http_client.hpp"
#include "tests/support/serve_process.hpp"
#include "tests/support/test_database.hpp"

namespace jiaohe::testing {
namespace {

TEST_CASE("serve stops on SIGTERM with exit code 0 after serving") {
  TestDatabase db;
  ServeProcess serve(db.url());
  const auto port = serve.port();
  REQUIRE(port != 0);
  CHECK(http_request(port, "GET", "/healthz").status == 200);
  CHECK(serve.terminate_and_wait() == 0);
  CHECK_THROWS(http_request(port, "GET", "/healthz"));
}

}  // namespace
}  // namespace jiaohe::testing
