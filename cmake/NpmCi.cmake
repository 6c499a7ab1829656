# One way to install a folder's npm packages: from its lockfile into a folder of the build
# (npm ci), again only when the lockfile changes (a stamp named after the lockfile's hash), and
# a reconfigure when package.json or the lockfile changes. Used by the web console
# (cmake/EmbedConsole.cmake) and the OpenAPI check (tests/openapi/OpenApiCheck.cmake).
#   jiaohe_npm_ci(<label> <folder with package.json and package-lock.json> <install folder>)
function(jiaohe_npm_ci label source npm_dir)
  set(lock "${source}/package-lock.json")
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${lock}" "${source}/package.json")
  file(SHA256 "${lock}" lock_hash)
  set(stamp "${npm_dir}/.installed-${lock_hash}")
  if(EXISTS "${stamp}")
    return()
  endif()
  find_program(NPM npm)
  if(NOT NPM)
    message(FATAL_ERROR "npm is needed for the ${label}'s packages; run scripts/install-deps.sh (as root)")
  endif()
  file(REMOVE_RECURSE "${npm_dir}")
  file(MAKE_DIRECTORY "${npm_dir}")
  file(COPY "${source}/package.json" "${lock}" DESTINATION "${npm_dir}")
  message(STATUS "${label}: npm ci (${npm_dir})")
  execute_process(COMMAND "${NPM}" ci --no-audit --no-fund --loglevel=error
                  WORKING_DIRECTORY "${npm_dir}" RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${label}: npm ci failed (${rc}); the packages come from the npm registry")
  endif()
  file(TOUCH "${stamp}")
endfunction()
