# The web console (api/console/): its npm packages are installed from the lockfile into the
# build folder (npm ci, again only when the lockfile changes), and at build time every static
# file, with the chart library from those packages, is compiled into the binary
# (cmake/EmbedConsoleFiles.cmake writes the table; `.incbin` puts the bytes in .rodata).
#   embed_console(<target>)  adds the generated source to <target>
set(JIAOHE_CONSOLE_SOURCE "${CMAKE_SOURCE_DIR}/api/console")
set(JIAOHE_CONSOLE_NPM "${CMAKE_BINARY_DIR}/console-npm" CACHE INTERNAL "the console's npm packages (npm ci)")

function(jiaohe_console_npm_ci)
  set(lock "${JIAOHE_CONSOLE_SOURCE}/package-lock.json")
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${lock}" "${JIAOHE_CONSOLE_SOURCE}/package.json")
  file(SHA256 "${lock}" lock_hash)
  set(stamp "${JIAOHE_CONSOLE_NPM}/.installed-${lock_hash}")
  if(EXISTS "${stamp}")
    return()
  endif()
  find_program(NPM npm)
  if(NOT NPM)
    message(FATAL_ERROR "npm is needed for the web console's packages; run scripts/install-deps.sh (as root)")
  endif()
  file(REMOVE_RECURSE "${JIAOHE_CONSOLE_NPM}")
  file(MAKE_DIRECTORY "${JIAOHE_CONSOLE_NPM}")
  file(COPY "${JIAOHE_CONSOLE_SOURCE}/package.json" "${lock}" DESTINATION "${JIAOHE_CONSOLE_NPM}")
  message(STATUS "console: npm ci (${JIAOHE_CONSOLE_NPM})")
  execute_process(COMMAND "${NPM}" ci --no-audit --no-fund --loglevel=error
                  WORKING_DIRECTORY "${JIAOHE_CONSOLE_NPM}" RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "console: npm ci failed (${rc}); the packages come from the npm registry")
  endif()
  file(TOUCH "${stamp}")
endfunction()

function(embed_console target)
  jiaohe_console_npm_ci()
  file(GLOB sources CONFIGURE_DEPENDS
    "${JIAOHE_CONSOLE_SOURCE}/*.html" "${JIAOHE_CONSOLE_SOURCE}/*.css" "${JIAOHE_CONSOLE_SOURCE}/*.js"
    "${JIAOHE_CONSOLE_SOURCE}/*.svg")
  # The ECharts build with line and bar charts, tooltip and legend (docs/CONSOLE.md).
  set(vendor "${JIAOHE_CONSOLE_NPM}/node_modules/echarts/dist/echarts.common.min.js")
  set(out "${CMAKE_BINARY_DIR}/generated/console_assets.cpp")
  # One argument for the script: the list joined with '|' (a ';' would split the command line).
  string(REPLACE ";" "|" files "${sources};${vendor}")
  add_custom_command(
    OUTPUT "${out}"
    COMMAND ${CMAKE_COMMAND} "-DFILES=${files}" "-DOUT=${out}"
            "-DWORK=${CMAKE_BINARY_DIR}/generated/console" -P "${CMAKE_SOURCE_DIR}/cmake/EmbedConsoleFiles.cmake"
    DEPENDS ${sources} "${vendor}" "${CMAKE_SOURCE_DIR}/cmake/EmbedConsoleFiles.cmake"
    COMMENT "Embedding the web console"
    VERBATIM)
  target_sources(${target} PRIVATE "${out}")
endfunction()
