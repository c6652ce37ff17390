#!/usr/bin/env bash
# Idempotent set-up of everything taalwerk needs on a Debian machine (run as root or with sudo):
# the C++ libraries from Debian, then a Python virtual environment in .venv with the taalwerk
# package (built from this checkout) and its test dependencies from PyPI.
set -euo pipefail
cd "$(dirname "$0")/.."

debian_packages=(
  g++ git pkg-config
  libboost-dev libtbb-dev libhdf5-dev hdf5-tools catch2 librandom123-dev libtomlplusplus-dev zlib1g-dev
  python3-venv
  clang llvm libclang-rt-14-dev  # scripts/fuzz.sh (libFuzzer) and symbolized sanitizer reports
  chromium fonts-dejavu-core
)
missing=()
for package in "${debian_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if ((${#missing[@]})); then
  echo "install: Debian packages missing: ${missing[*]}"
  sudo_cmd=()
  [[ $(id -u) -eq 0 ]] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

python=${PYTHON:-python3}
if [[ ! -x .venv/bin/python ]]; then
  echo "install: creating .venv with $($python --version)"
  "$python" -m venv .venv
fi
# Build tools first (the package is built without isolation so rebuilds are incremental).
.venv/bin/python -m pip install --quiet --disable-pip-version-check \
  "scikit-build-core>=0.10" "pybind11>=2.12" "cmake>=3.24" "ninja>=1.11"
.venv/bin/python -m pip install --quiet --disable-pip-version-check --no-build-isolation ".[test]"
echo "install: ready (.venv/bin/taalwerk, build tools, Debian libraries)"
