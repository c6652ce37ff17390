#!/usr/bin/env bash
# The whole test suite: installs and builds what is missing, then runs the Catch2 tests
# (through ctest) and the Python tests (pytest).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install.sh
scripts/build.sh
ctest --test-dir build --output-on-failure --parallel "$(nproc)"
export TAALWERK_CLI="$PWD/build/sim/taalwerk"
.venv/bin/python -m pytest -q tests/python
