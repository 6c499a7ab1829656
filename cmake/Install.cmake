# What `cmake --install` puts where, and the Debian package built from it (target `deb`,
# `make package`; scripts/package/build-deb.sh). An installed jiaohe finds its data in
# <prefix>/share/jiaohe next to <prefix>/bin (engine/config/install_layout.hpp).
include(GNUInstallDirs)

install(TARGETS jiaohe RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
# Calendars, statute profiles, rule packs, demo catalogue, and whatever else data/ holds.
install(DIRECTORY ${CMAKE_SOURCE_DIR}/data/ DESTINATION ${CMAKE_INSTALL_DATADIR}/jiaohe)

# The man page, the bash completion and the example configuration are written by the binary
# from its own tables (commands, global options, configuration keys), so they say what --help
# says. The example sets home to the package's state folder; `env -i` keeps the builder's own
# JIAOHE_* variables out of it.
set(JIAOHE_GENERATED ${CMAKE_BINARY_DIR}/generated)
set(JIAOHE_MAN ${JIAOHE_GENERATED}/jiaohe.1.gz)
set(JIAOHE_COMPLETION ${JIAOHE_GENERATED}/jiaohe.bash-completion)
set(JIAOHE_CONFIG_EXAMPLE ${JIAOHE_GENERATED}/config.example.json)
add_custom_command(
  OUTPUT ${JIAOHE_MAN} ${JIAOHE_COMPLETION} ${JIAOHE_CONFIG_EXAMPLE}
  COMMAND ${CMAKE_COMMAND} -E make_directory ${JIAOHE_GENERATED}
  COMMAND sh -c "\"$0\" help --man | gzip -9n >\"$1\"" $<TARGET_FILE:jiaohe> ${JIAOHE_MAN}
  COMMAND sh -c "\"$0\" completion bash >\"$1\"" $<TARGET_FILE:jiaohe> ${JIAOHE_COMPLETION}
  COMMAND sh -c "env -i JIAOHE_HOME=/var/lib/jiaohe \"$0\" config --example >\"$1\""
          $<TARGET_FILE:jiaohe> ${JIAOHE_CONFIG_EXAMPLE}
  DEPENDS jiaohe
  COMMENT "Writing the man page, bash completion and example configuration"
  VERBATIM)
add_custom_target(jiaohe_generated ALL DEPENDS ${JIAOHE_MAN} ${JIAOHE_COMPLETION} ${JIAOHE_CONFIG_EXAMPLE})

install(FILES ${JIAOHE_MAN} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES ${JIAOHE_COMPLETION} DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions
        RENAME jiaohe)
install(FILES ${JIAOHE_CONFIG_EXAMPLE} DESTINATION ${CMAKE_INSTALL_DOCDIR})

# The .deb: /etc/jiaohe/config.json, the systemd unit and the maintainer scripts are added by
# the script (they only make sense in a package, not in `cmake --install --prefix ~/opt`).
execute_process(COMMAND dpkg --print-architecture OUTPUT_VARIABLE JIAOHE_DEB_ARCH
                OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
set(JIAOHE_DEB ${CMAKE_BINARY_DIR}/jiaohe_${PROJECT_VERSION}_${JIAOHE_DEB_ARCH}.deb)
set(JIAOHE_DEB_COMMAND
    bash ${CMAKE_SOURCE_DIR}/scripts/package/build-deb.sh ${CMAKE_BINARY_DIR} ${PROJECT_VERSION} ${JIAOHE_DEB})
add_custom_target(deb COMMAND ${JIAOHE_DEB_COMMAND} DEPENDS jiaohe jiaohe_generated VERBATIM)
