#!/usr/bin/env bash
# Configures and builds the C++ core, the taalwerk program, the Catch2 tests and the benchmarks
# in build/ (incremental after the first time).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/.venv/bin:$PATH"
if [[ ! -f build/CMakeCache.txt ]]; then
  cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release
fi
cmake --build build --parallel "${TAALWERK_BUILD_JOBS:-$(nproc)}"
