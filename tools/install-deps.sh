#!/usr/bin/env bash
# Installs the Debian 12 packages that stmjit's build, tests and benchmarks need.
# Idempotent: if every package is already installed it does nothing (no network needed);
# otherwise it runs `apt-get update` and installs the missing ones non-interactively.
# Works as root; uses sudo only when not root.
set -euo pipefail

packages=(
  cmake ninja-build g++ pkg-config   # build tools
  libgc-dev                          # Boehm GC: conservative, thread-aware collector
  libgmp-dev                         # GMP: big integers
  libasmjit-dev libzydis-dev         # JIT backend assembler and disassembler (later issues)
  googletest libgtest-dev            # C++ unit tests
  nlohmann-json3-dev                 # JSON trace dumps (later issues)
  python3                            # test runner scripts and the CPython oracle
  pypy3                              # benchmark comparison
  time                               # GNU time: peak RSS measurement
)

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)
  if [[ "$status" != "installed" ]]; then
    missing+=("$p")
  fi
done

if [[ ${#missing[@]} -eq 0 ]]; then
  echo "install-deps: all ${#packages[@]} packages already installed"
  exit 0
fi

if [[ $(id -u) -eq 0 ]]; then
  SUDO=()
elif command -v sudo >/dev/null 2>&1; then
  SUDO=(sudo)
else
  echo "install-deps: missing packages (${missing[*]}) and not root and no sudo" >&2
  exit 1
fi

echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update
"${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
