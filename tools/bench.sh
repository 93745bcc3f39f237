#!/usr/bin/env bash
# Sets up, builds and runs the benchmarks (bench/richards.py, bench/render.py) under stmjit,
# python3 and pypy3, printing median times, peak RSS and ratios; results are also written
# to bench/results/latest.json. Options go to tools/bench.py (e.g. --runs 3, --only render).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

"$root/tools/install-deps.sh"
"$root/tools/build.sh"
exec python3 "$root/tools/bench.py" "$@"
