#pragma once
// A test hook: the process kills itself (SIGKILL, as a crash would: no cleanup, no answer) at
// a named point of a request, when the environment variable JIAOHE_TEST_KILL_AT names that
// point. Tests use it to crash the server between a write and its commit, or between the
// commit and the answer (docs/API.md, "Idempotent retries"). Unset, it costs one comparison.
#include <string_view>

namespace jiaohe::api {

// The points: "before_commit" (a keyed request's write ran, its transaction is still open)
// and "after_commit" (it committed; the answer is not sent yet).
void kill_point(std::string_view point);

}  // namespace jiaohe::api
