#!/usr/bin/env bash
# Sets up, builds and runs the whole test suite (unit tests, program corpus, error tests,
# GC and barrier checks). This is the README's test command and what .ci/run calls.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

"$root/tools/install-deps.sh"
"$root/tools/build.sh"
ctest --test-dir "$root/build" --output-on-failure -j2
