#!/usr/bin/env bash
# The main job: installs and builds what is missing, then runs the shipped default scenario
# (national status quo, 2014-like cohort) with 10 replicates into outputs/default.h5,
# replacing an earlier result of this same command.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install.sh
scripts/build.sh
build/sim/taalwerk run scenarios/default.toml --replicates 10 --seed 1 --out outputs/default.h5 --force "$@"
echo "Open it in Python: import taalwerk; taalwerk.open_run('outputs/default.h5')"
