#!/usr/bin/env bash
# make's guard before configuring: a build folder belongs to the source tree it was configured
# from (its CMakeCache.txt names it). A folder configured from another tree (a copied checkout,
# BUILD_DIR pointing at another checkout's build) would build and test that other tree's
# sources and data, so:
#   - inside this source tree (the default build/): it is this checkout's own build folder,
#     so it is emptied and configured again, saying why;
#   - elsewhere: it may be the other checkout's build, so make refuses and says what to do.
# A folder configured with another generator than Ninja is treated the same way.
# usage: check-build-dir.sh BUILD_DIR SOURCE_DIR; exit 0 when the folder may be used (as it is,
# or emptied), 1 when make must stop.
set -euo pipefail
build=$1 source=$(cd "$2" && pwd -P)
cache=$build/CMakeCache.txt
[ -f "$cache" ] || exit 0
configured=$(sed -n 's/^CMAKE_HOME_DIRECTORY:INTERNAL=//p' "$cache")
generator=$(sed -n 's/^CMAKE_GENERATOR:INTERNAL=//p' "$cache")
configured_real=$(cd "$configured" 2>/dev/null && pwd -P || echo "$configured")
if [ "$configured_real" = "$source" ] && [ "$generator" = Ninja ]; then exit 0; fi
if [ "$configured_real" != "$source" ]; then
  why="was configured from $configured, not from $source"
else
  why="was configured with the '$generator' generator, not Ninja"
fi
build_real=$(cd "$build" && pwd -P)
case "$build_real" in
  "$source"/?*)
    echo "make: $build $why; it is this checkout's build folder, so it is emptied and configured again" >&2
    rm -rf "${build_real:?}"
    ;;
  *)
    echo "make: $build $why; refusing to use it (it may be that checkout's build)." >&2
    echo "make: remove it, or choose another folder: make BUILD_DIR=<folder> ..." >&2
    exit 1
    ;;
esac
