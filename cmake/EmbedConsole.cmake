# The web console (api/console/): its npm packages are installed from the lockfile into the
# build folder (npm ci, again only when the lockfile changes), and at build time every static
# file, with the chart library from those packages, is compiled into the binary
# (cmake/EmbedConsoleFiles.cmake writes the table; `.incbin` puts the bytes in .rodata).
#   embed_console(<target>)  adds the generated source to <target>
set(JIAOHE_CONSOLE_SOURCE "${CMAKE_SOURCE_DIR}/api/console")
set(JIAOHE_CONSOLE_NPM "${CMAKE_BINARY_DIR}/console-npm" CACHE INTERNAL "the console's npm packages (npm ci)")

include(${CMAKE_CURRENT_LIST_DIR}/NpmCi.cmake)

function(embed_console target)
  jiaohe_npm_ci("web console" "${JIAOHE_CONSOLE_SOURCE}" "${JIAOHE_CONSOLE_NPM}")
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
