#!/usr/bin/env bash
# Sanitizer builds of the C++ core and its Catch2 tests (docs/reliability.md):
#   build-asan/  AddressSanitizer + UndefinedBehaviorSanitizer: the whole ctest suite;
#   build-tsan/  ThreadSanitizer: the determinism and allocation tests (the multi-threaded ones).
# The first report of either sanitizer fails the test that caused it, and with it this script.
# Needs what scripts/install.sh installs; TAALWERK_BUILD_JOBS sets the build parallelism.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/.venv/bin:$PATH"
jobs=${TAALWERK_BUILD_JOBS:-$(nproc)}

# Builds only what the tests need, with the system compiler (GCC 12 on Debian 12).
build_tests() {
  local folder=$1 sanitizers=$2
  if [[ ! -f $folder/CMakeCache.txt ]]; then
    cmake -S . -B "$folder" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DTAALWERK_SANITIZE="$sanitizers" \
      -DTAALWERK_BUILD_BENCHMARKS=OFF -DTAALWERK_BUILD_CLI=OFF
  fi
  cmake --build "$folder" --target taalwerk_tests --parallel "$jobs"
}

stage_start=$SECONDS
# Exported before building: catch_discover_tests runs the test program to list its tests.
# alloc_dealloc_mismatch=0: tests/cpp/test_step_allocation.cpp replaces operator new and delete
# (with malloc and free) to count allocations, but not the nothrow forms, which ASan then provides;
# Catch2's `new (std::nothrow)` objects are freed through the replaced delete, which ASan reports
# as a mismatch at exit. In this program every `delete` is `free` anyway, so the check has
# nothing left to find here; all other ASan checks stay on. The allocation test itself keeps
# counting under ASan (the replaced operator new is still called) and passes.
export ASAN_OPTIONS="alloc_dealloc_mismatch=0:detect_leaks=1:check_initialization_order=1:strict_init_order=1:detect_stack_use_after_return=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
# HDF5 1.10 loses memory on its own error paths when the fuzz regression files are read; the
# reason is in the file, and only allocations made inside libhdf5 are exempt.
export LSAN_OPTIONS="suppressions=$PWD/tests/fuzz/lsan-suppressions.txt"
build_tests build-asan "address;undefined"
ctest --test-dir build-asan --output-on-failure --parallel "$jobs"
echo "sanitize: ASan+UBSan stage took $((SECONDS - stage_start)) s"

# ThreadSanitizer: Debian's oneTBB is not instrumented, so the engine announces fork and join
# around every hand-off to TBB (sim/engine/thread_sanitizer.hpp) and only reports whose innermost
# frame is TBB's own code are suppressed (tests/tsan-suppressions.txt). A canary test with a
# deliberate race between chunks must be reported, or the stage fails: the annotations and
# suppressions must not hide races between parallel bodies.
stage_start=$SECONDS
export TSAN_OPTIONS="halt_on_error=1:second_deadlock_stack=1:suppressions=$PWD/tests/tsan-suppressions.txt"
build_tests build-tsan "thread"
build-tsan/tests/taalwerk_tests "[determinism],[allocation]"
canary=$(build-tsan/tests/taalwerk_tests "[tsan-canary]" 2>&1 || true)
if ! grep -q "WARNING: ThreadSanitizer: data race" <<<"$canary"; then
  echo "sanitize: the TSan canary's deliberate race was not reported; the annotations or suppressions hide races" >&2
  exit 1
fi
echo "sanitize: TSan stage took $((SECONDS - stage_start)) s (zero reports; the canary race was reported)"
