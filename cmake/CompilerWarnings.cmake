# Warnings as an INTERFACE target, linked privately by every target of ours.
add_library(jiaohe_warnings INTERFACE)
target_compile_options(jiaohe_warnings INTERFACE -Wall -Wextra -Wpedantic -Wshadow=local
  -Wnon-virtual-dtor -Wcast-align -Wunused -Woverloaded-virtual
  -Wimplicit-fallthrough)
option(JIAOHE_WERROR "Treat warnings as errors" ON)
if(JIAOHE_WERROR)
  target_compile_options(jiaohe_warnings INTERFACE -Werror)
endif()
