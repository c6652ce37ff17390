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
for seed in scenarios/*.toml tests/data/scenarios/*.toml; do  # flattened: both folders have a default.toml
  cp "$seed" "$work/seeds/scenario/$(echo "${seed%.toml}" | tr / -).toml"
done
build-fuzz/tests/fuzz/make_run_output_seeds "$work/seeds/run_output"

export ASAN_OPTIONS="detect_leaks=1:allocator_may_return_null=1"
# HDF5's own error-path leaks, with reason, in the file; nothing of taalwerk's is suppressed.
export LSAN_OPTIONS="suppressions=$PWD/tests/fuzz/lsan-suppressions.txt"
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
  echo "fuzz: $target: fuzzing for ${TAALWERK_FUZZ_SESSION_SECONDS:-$seconds} s"
  # -timeout: an input that takes 10 s is a hang; -rss_limit_mb: one that needs 2 GB is a leak or
  # an unbounded allocation. Both count as failures, like crashes.
  "$program" -max_total_time="${TAALWERK_FUZZ_SESSION_SECONDS:-$seconds}" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$work/artifacts/$target-" "$@" "$work/corpus/$corpus" "$work/seeds/$corpus" > "$log" 2>&1 || true
  local failed=0 artifact
  for artifact in "$work/artifacts/$target"-*; do
    [[ -e $artifact ]] || continue
    if [[ $target == fuzz_run_output_reader ]] && crashed_inside_libhdf5 "$program" "$artifact"; then
      mkdir -p "$work/libhdf5-crashes"
      mv "$artifact" "$work/libhdf5-crashes/"
      echo "fuzz: $target: contained: a crash inside libhdf5 itself (docs/reliability.md): $work/libhdf5-crashes/$(basename "$artifact")"
    else
      failed=1
      tail -n 60 "$log"
      echo "fuzz: $target: FAILED on $artifact"
    fi
  done
  local executions speed
  executions=$(awk '/^stat::number_of_executed_units:/ {n += $2} END {print n + 0}' "$log")
  speed=$(awk '/^stat::average_exec_per_sec:/ {print $2; exit}' "$log")
  echo "fuzz: $target: $executions executions ($speed per second in the last session), corpus $(ls "$work/corpus/$corpus" | wc -l) inputs"
  return "$failed"
}

# HDF5 1.10 itself reads out of bounds on some damaged files (e.g. a global heap whose recorded
# object size is wrong: H5HG_read copies past its buffer). That is not taalwerk code and cannot be
# guarded without re-implementing HDF5's parser; see docs/reliability.md. Such an input is
# contained (kept, reported, not a failure) when the first frame of the report outside the
# sanitizer runtime is in libhdf5. Anything else (our code on top, a leak of ours) fails.
# A hang (a timeout-* artifact) is replayed with libFuzzer's own -timeout, which prints the
# stack of the hung input, and the whole replay is bounded by `timeout`, so the script itself
# can never hang on an input that loops inside libhdf5.
crashed_inside_libhdf5() {
  local program=$1 artifact=$2 report
  report=$(timeout --kill-after=10 120 "$program" -timeout=10 -rss_limit_mb=2048 "$artifact" 2>&1 || true)
  # Skipped frames: the sanitizer runtime, libFuzzer's timeout handler and libc (the signal
  # trampoline of a timeout; memcpy and the like called by whoever comes next).
  echo "$report" | awk '/^ +#[0-9]+ / && !/__interceptor_|__asan|__ubsan|__sanitizer|compiler-rt|libclang_rt|fuzzer::|libc\.so/ {print; exit}' |
    grep -q 'libhdf5'
}
status=0
run_fuzzer fuzz_scenario scenario -dict=tests/fuzz/scenario.dict -max_len=8192 || status=1
# The reader runs in sessions of at most $seconds/6 s: after a contained libhdf5 crash the next
# session carries on from the grown corpus, so the total stays bounded by $seconds.
reader_started=$SECONDS
while ((SECONDS - reader_started < seconds)); do
  session=$((seconds - (SECONDS - reader_started)))
  ((session > seconds / 6 + 1)) && session=$((seconds / 6 + 1))
  TAALWERK_FUZZ_SESSION_SECONDS=$session run_fuzzer fuzz_run_output_reader run_output -max_len=16384 || { status=1; break; }
done
echo "fuzz: done in $((SECONDS - stage_start)) s"
exit "$status"
