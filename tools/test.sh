#!/usr/bin/env bash
# Sets up, builds and runs the whole test suite (unit tests, program corpus, error tests,
# GC and barrier checks). This is the README's test command and what .ci/run calls.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

# STMJIT_SANITIZE=1 tools/test.sh: the same suite on the ASan+UBSan build (build-asan/).
"$root/tools/install-deps.sh"
"$root/tools/build.sh"
dir="$root/build"
if [[ "${STMJIT_SANITIZE:-0}" == "1" ]]; then dir="$root/build-asan"; fi
ctest --test-dir "$dir" --output-on-failure -j2
