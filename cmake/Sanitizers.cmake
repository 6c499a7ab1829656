# AddressSanitizer + UBSan as an INTERFACE target (on for Debug builds, or -DJIAOHE_SANITIZE=ON).
add_library(jiaohe_sanitizers INTERFACE)
if(JIAOHE_SANITIZE)
  target_compile_options(jiaohe_sanitizers INTERFACE -fsanitize=address,undefined
    -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  target_link_options(jiaohe_sanitizers INTERFACE -fsanitize=address,undefined)
endif()
