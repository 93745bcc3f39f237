#!/usr/bin/env bash
# Configures and builds stmjit with CMake + Ninja.
#   tools/build.sh                 -> build/       (RelWithDebInfo)
#   STMJIT_SANITIZE=1 tools/build.sh -> build-asan/ (ASan + UBSan, -DSTMJIT_SANITIZE=ON)
# Extra arguments are passed to ninja (e.g. a target name).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

if [[ "${STMJIT_SANITIZE:-0}" == "1" ]]; then
  dir="$root/build-asan"
  extra=(-DSTMJIT_SANITIZE=ON)
else
  dir="$root/build"
  extra=(-DSTMJIT_SANITIZE=OFF)
fi

cmake -S "$root" -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "${extra[@]}"
cmake --build "$dir" -- "$@"
