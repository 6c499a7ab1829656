# The OpenAPI check's npm packages (tests/openapi/package.json: an OpenAPI 3.1 validator and
# ajv), installed from the lockfile into the build folder at configure time (npm ci, again
# only when the lockfile changes), like the console's (cmake/EmbedConsole.cmake). validate.mjs
# is copied beside them, as Node resolves an ES module's imports from the script's own folder.
# Sets JIAOHE_OPENAPI_CHECK (the script to run) and JIAOHE_NODE (the node to run it with).
set(openapi_source "${CMAKE_CURRENT_LIST_DIR}")
set(openapi_npm "${CMAKE_BINARY_DIR}/openapi-npm")
set(openapi_lock "${openapi_source}/package-lock.json")
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${openapi_lock}" "${openapi_source}/package.json")
file(SHA256 "${openapi_lock}" openapi_lock_hash)
set(openapi_stamp "${openapi_npm}/.installed-${openapi_lock_hash}")
find_program(NODE node)
if(NOT NODE)
  message(FATAL_ERROR "node is needed for the OpenAPI check; run scripts/install-deps.sh (as root)")
endif()
if(NOT EXISTS "${openapi_stamp}")
  find_program(NPM npm)
  if(NOT NPM)
    message(FATAL_ERROR "npm is needed for the OpenAPI check's packages; run scripts/install-deps.sh (as root)")
  endif()
  file(REMOVE_RECURSE "${openapi_npm}")
  file(MAKE_DIRECTORY "${openapi_npm}")
  file(COPY "${openapi_source}/package.json" "${openapi_lock}" DESTINATION "${openapi_npm}")
  message(STATUS "openapi check: npm ci (${openapi_npm})")
  execute_process(COMMAND "${NPM}" ci --no-audit --no-fund --loglevel=error
                  WORKING_DIRECTORY "${openapi_npm}" RESULT_VARIABLE openapi_rc)
  if(NOT openapi_rc EQUAL 0)
    message(FATAL_ERROR "openapi check: npm ci failed (${openapi_rc}); the packages come from the npm registry")
  endif()
  file(TOUCH "${openapi_stamp}")
endif()
configure_file("${openapi_source}/validate.mjs" "${openapi_npm}/validate.mjs" COPYONLY)
set(JIAOHE_OPENAPI_CHECK "${openapi_npm}/validate.mjs")
set(JIAOHE_NODE "${NODE}")
