#!/usr/bin/env bash
# libFuzzer runs over the scenario parser and the run-file reader (docs/reliability.md):
#   1. builds the fuzz programs with clang, ASan and UBSan in build-fuzz/;
#   2. replays the regression corpus (tests/fuzz/regressions/) through both programs;
#   3. fuzzes each program for TAALWERK_FUZZ_SECONDS (default 60) from the seed corpus
#      (scenarios/*.toml, tests/data/scenarios/, and small run files made by make_run_output_seeds).
# A crash fails the script and leaves the input in build-fuzz/artifacts/; once fixed, move it to
# tests/fuzz/regressions/<target>/ so the Catch2 suite replays it for good.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/.venv/bin:$PATH"
jobs=${TAALWERK_BUILD_JOBS:-$(nproc)}
seconds=${TAALWERK_FUZZ_SECONDS:-60}

stage_start=$SECONDS
if [[ ! -f build-fuzz/CMakeCache.txt ]]; then
  CC=clang CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DTAALWERK_FUZZ=ON \
    -DTAALWERK_SANITIZE="address;undefined" -DTAALWERK_BUILD_TESTS=OFF -DTAALWERK_BUILD_BENCHMARKS=OFF \
    -DTAALWERK_BUILD_CLI=OFF
fi
cmake --build build-fuzz --target fuzz_scenario fuzz_run_output_reader make_run_output_seeds --parallel "$jobs"
echo "fuzz: build took $((SECONDS - stage_start)) s"

work=build-fuzz/fuzzing
rm -rf "$work/seeds" "$work/artifacts"
mkdir -p "$work/seeds/scenario" "$work/seeds/run_output" "$work/corpus/scenario" "$work/corpus/run_output" \
  "$work/artifacts"
cp scenarios/*.toml tests/data/scenarios/*.toml "$work/seeds/scenario/"
build-fuzz/tests/fuzz/make_run_output_seeds "$work/seeds/run_output"

export ASAN_OPTIONS="detect_leaks=1:allocator_may_return_null=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
export TMPDIR="$work"  # the reader target's scratch file

# target, corpus name, extra libFuzzer options
run_fuzzer() {
  local target=$1 corpus=$2
  shift 2
  local program="build-fuzz/tests/fuzz/$target" log="$work/$target.log"
  local regressions
  mapfile -t regressions < <(find tests/fuzz/regressions/"$corpus" -type f ! -name README.md | sort)
  if ((${#regressions[@]})); then
    echo "fuzz: $target: replaying ${#regressions[@]} regression input(s)"
    "$program" "$@" "${regressions[@]}" > "$work/$target.replay.log" 2>&1 ||
      { cat "$work/$target.replay.log"; echo "fuzz: $target: a regression input fails again"; return 1; }
  fi
  echo "fuzz: $target: fuzzing for $seconds s"
  # -timeout: an input that takes 10 s is a hang; -rss_limit_mb: one that needs 2 GB is a leak or
  # an unbounded allocation. Both count as failures, like crashes.
  if ! "$program" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
      -artifact_prefix="$work/artifacts/$target-" "$@" \
      "$work/corpus/$corpus" "$work/seeds/$corpus" > "$log" 2>&1; then
    tail -n 60 "$log"
    echo "fuzz: $target: FAILED; the input is in $work/artifacts/"
    return 1
  fi
  local executions speed
  executions=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
  speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
  echo "fuzz: $target: $executions executions in $seconds s ($speed per second), corpus $(ls "$work/corpus/$corpus" | wc -l) inputs, no crash"
}

status=0
run_fuzzer fuzz_scenario scenario -dict=tests/fuzz/scenario.dict -max_len=8192 || status=1
run_fuzzer fuzz_run_output_reader run_output -max_len=16384 || status=1
echo "fuzz: done in $((SECONDS - stage_start)) s"
exit "$status"
