#!/usr/bin/env bash
# Fingerprint of the model's outputs, to check that a change (e.g. an optimisation) leaves every
# output bit unchanged. Runs the built taalwerk program on every top-level scenario in
# scenarios/ with 2 replicates and prints one sha256 per scenario over all datasets of the
# output file (values, dtype and shape) and every attribute except those that record when and
# by which build the file was made (created_utc, code_version, library_version_*). The last
# line is a sha256 of all lines above: compare it before and after a change.
#
#   scripts/output-fingerprint.sh [BUILD_DIR] [THREADS]
#     BUILD_DIR  default: build   (the program is BUILD_DIR/sim/taalwerk)
#     THREADS    default: 1       (results do not depend on it; the C++ tests check that)
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir="${1:-build}"
threads="${2:-1}"
program="$build_dir/sim/taalwerk"
python="${TAALWERK_PYTHON:-}"
if [[ -z "$python" ]]; then
  for candidate in .venv/bin/python python3; do
    if command -v "$candidate" >/dev/null 2>&1 && "$candidate" -c 'import h5py' 2>/dev/null; then
      python="$candidate"
      break
    fi
  done
fi
[[ -x "$program" ]] || { echo "no program at $program (build first)" >&2; exit 2; }
[[ -n "$python" ]] || { echo "no python with h5py (set TAALWERK_PYTHON)" >&2; exit 2; }

out_dir="$(mktemp -d)"
trap 'rm -rf "$out_dir"' EXIT

lines=()
for scenario in scenarios/*.toml; do
  name="$(basename "$scenario" .toml)"
  "$program" run "$scenario" --replicates 2 --seed 1 --threads "$threads" --out "$out_dir/$name.h5" --force \
    >"$out_dir/log" 2>&1 || { cat "$out_dir/log" >&2; exit 1; }
  digest="$("$python" - "$out_dir/$name.h5" <<'EOF'
import hashlib, sys
import h5py, numpy as np

volatile = {"created_utc", "code_version", "DIMENSION_LIST", "REFERENCE_LIST"}
h = hashlib.sha256()

def add_attrs(obj):
    for key in sorted(obj.attrs.keys()):
        if key in volatile or key.startswith("library_version"):
            continue
        h.update(key.encode())
        h.update(repr(np.asarray(obj.attrs[key]).tolist()).encode())

def visit(name, obj):
    h.update(name.encode())
    add_attrs(obj)
    if isinstance(obj, h5py.Dataset):
        data = obj[()]
        h.update(str(obj.dtype).encode())
        h.update(repr(obj.shape).encode())
        if obj.dtype.kind in "OSU":
            h.update(repr(np.asarray(data).tolist()).encode())
        else:
            h.update(np.ascontiguousarray(data).tobytes())

with h5py.File(sys.argv[1], "r") as f:
    add_attrs(f)
    f.visititems(visit)
print(h.hexdigest())
EOF
)"
  lines+=("$digest  $name")
  echo "$digest  $name"
done
printf '%s\n' "${lines[@]}" | sha256sum | sed 's/ .*/  ALL/'
