#!/usr/bin/env bash
# Sets up, builds and runs the benchmarks (bench/richards.py, bench/render.py) at 1..N threads
# (N = cores, plus 2N) under stmjit (STM), stmjit --gil, python3 and pypy3, printing median
# times, speedups, STM commit/abort figures, and the single-thread ratios and peak RSS;
# results are also written to bench/results/latest.json. Options go to tools/bench.py
# (e.g. --runs 3, --only render, --threads 1,2,4).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

"$root/tools/install-deps.sh"
"$root/tools/build.sh"
exec python3 "$root/tools/bench.py" "$@"
