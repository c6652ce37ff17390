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
build_tests build-asan "address;undefined"
# The whole suite. detect_leaks is on by default; the allocation test replaces operator new with
# malloc/free, which ASan intercepts, so it keeps counting under ASan.
ASAN_OPTIONS="detect_leaks=1:check_initialization_order=1:strict_init_order=1:detect_stack_use_after_return=1" \
UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1" \
  ctest --test-dir build-asan --output-on-failure --parallel "$jobs"
echo "sanitize: ASan+UBSan stage took $((SECONDS - stage_start)) s"

stage_start=$SECONDS
build_tests build-tsan "thread"
# oneTBB comes uninstrumented from Debian; cmake/tsan-suppressions.txt says which of its internals
# are exempt and why. Nothing of taalwerk's own is suppressed.
TSAN_OPTIONS="halt_on_error=1:second_deadlock_stack=1:suppressions=$PWD/cmake/tsan-suppressions.txt" \
  build-tsan/tests/taalwerk_tests "[determinism],[allocation]"
echo "sanitize: TSan stage took $((SECONDS - stage_start)) s"
