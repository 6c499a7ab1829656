# The layering as a test: SQL lives only in engine/store/, and the edges (api/, jobs/, cli/) and
# the rules write only through the domain.
#   1. No file outside engine/store/ and tests/ includes libpqxx or libpq (tests read rows back
#      to check what was committed).
#   2. A file under api/, jobs/, rules/ or cli/ includes only the store headers listed below:
#      readers, and the bookkeeping the issue leaves with the store (tokens, idempotency keys,
#      the access log, the outbox, scheduling, migrations, the embedded cluster, the demo
#      province). Every other store header writes (the unit of work, the scan's record and
#      results) or includes libpqxx, so it is not listed; a new store header is refused until
#      it is listed here, with its reason.
# Run: cmake -DSOURCE_DIR=<repo> -P tests/layering/check_includes.cmake
cmake_minimum_required(VERSION 3.20)
if(NOT SOURCE_DIR)
  message(FATAL_ERROR "SOURCE_DIR is not set")
endif()

set(EDGE_MAY_INCLUDE
  access_log.hpp        # records staff reads of personal data (bookkeeping of a read)
  access_queries.hpp    # reads access_log for the party and the access report
  database.hpp          # where the database is and whether it answers
  dispute_store.hpp     # reads disputes
  embedded_cluster.hpp  # the private cluster of `jiaohe cluster` and the tests
  finding_queries.hpp   # reads findings
  group_commit.hpp      # the committer a server hands the domain's units of work to
  idempotency_store.hpp # Idempotency-Key bookkeeping
  keyed_write.hpp       # Idempotency-Key: a request's key committed with its writes (no libpqxx)
  migration.hpp         # the schema migrator
  outbox_store.hpp      # the webhook outbox's delivery bookkeeping
  page.hpp              # keyset pages of the readers
  province_writer.hpp   # the synthetic demo platform (not Jiaohe's own tables)
  publication_queries.hpp # reads the datasets an exposure suspended
  report_queries.hpp    # reads quality trends
  row_source.hpp        # reads a dataset's rows
  scan_records.hpp      # reads scans
  schedule_store.hpp    # leadership and the last run of the scheduled scan
  task_queue.hpp        # reads task queues
  task_statistics.hpp   # reads supervision figures
  task_store.hpp        # reads tasks, events and flags
  token_store.hpp       # API tokens
  workload_gauges.hpp   # reads the metrics gauges
)

set(failures "")
file(GLOB_RECURSE sources RELATIVE ${SOURCE_DIR}
  ${SOURCE_DIR}/api/*.?pp ${SOURCE_DIR}/jobs/*.?pp ${SOURCE_DIR}/cli/*.?pp ${SOURCE_DIR}/rules/*.?pp
  ${SOURCE_DIR}/engine/*.?pp)
foreach(path IN LISTS sources)
  file(STRINGS ${SOURCE_DIR}/${path} includes REGEX "^[ \t]*#[ \t]*include")
  set(line_no 0)
  foreach(line IN LISTS includes)
    if(NOT path MATCHES "^engine/store/" AND line MATCHES "[<\"](pqxx/|libpq-fe\\.h|libpq/|postgresql/)")
      list(APPEND failures "${path}: ${line} (libpqxx and libpq belong to engine/store/)")
    endif()
    if(path MATCHES "^(api|jobs|rules|cli)/" AND line MATCHES "\"engine/store/([^\"]+)\"")
      set(header ${CMAKE_MATCH_1})
      if(NOT header IN_LIST EDGE_MAY_INCLUDE)
        list(APPEND failures
          "${path}: ${line} (a store header that writes or holds libpqxx: write through the domain)")
      endif()
    endif()
  endforeach()
endforeach()

list(LENGTH sources checked)
if(failures)
  list(JOIN failures "\n  " text)
  message(FATAL_ERROR "layering broken:\n  ${text}")
endif()
message(STATUS "layering holds in ${checked} files")
