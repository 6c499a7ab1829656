# The OpenAPI check's npm packages (tests/openapi/package.json: an OpenAPI 3.1 validator and
# ajv), installed from the lockfile into the build folder at configure time (npm ci, again
# only when the lockfile changes), with the console's one helper (cmake/NpmCi.cmake). validate.mjs
# is copied beside them, as Node resolves an ES module's imports from the script's own folder.
# Sets JIAOHE_OPENAPI_CHECK (the script to run) and JIAOHE_NODE (the node to run it with).
set(openapi_source "${CMAKE_CURRENT_LIST_DIR}")
set(openapi_npm "${CMAKE_BINARY_DIR}/openapi-npm")
include(${CMAKE_SOURCE_DIR}/cmake/NpmCi.cmake)
find_program(NODE node)
if(NOT NODE)
  message(FATAL_ERROR "node is needed for the OpenAPI check; run scripts/install-deps.sh (as root)")
endif()
jiaohe_npm_ci("OpenAPI check" "${openapi_source}" "${openapi_npm}")
configure_file("${openapi_source}/validate.mjs" "${openapi_npm}/validate.mjs" COPYONLY)
set(JIAOHE_OPENAPI_CHECK "${openapi_npm}/validate.mjs")
set(JIAOHE_NODE "${NODE}")
