#!/bin/bash
# Copies the public benchmark suites tools/conformance.py checks against into
# conformance/ (git-ignored: they are not ours to commit). Needs network access
# to GitHub, or MIRROR_PYPERF / MIRROR_AWFY pointing at local git clones.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dest=$root/conformance
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pyperf=${MIRROR_PYPERF:-}
awfy=${MIRROR_AWFY:-}
if [ -z "$pyperf" ]; then git clone -q --depth 1 https://github.com/python/pyperformance "$tmp/pyperf"; pyperf=$tmp/pyperf; fi
if [ -z "$awfy" ]; then git clone -q --depth 1 https://github.com/smarr/are-we-fast-yet "$tmp/awfy"; awfy=$tmp/awfy; fi
rm -rf "$dest" && mkdir -p "$dest/pyperf" "$dest/awfy"
for b in chaos deltablue fannkuch float go hexiom nbody nqueens raytrace richards spectral_norm unpack_sequence; do
  git -C "$pyperf" show HEAD:pyperformance/data-files/benchmarks/bm_$b/run_benchmark.py > "$dest/pyperf/$b.py"
done
git -C "$awfy" archive HEAD benchmarks/Python | tar -x -C "$tmp"
cp -r "$tmp/benchmarks/Python/." "$dest/awfy/"
echo "suites copied to $dest"
