# Optional instrumented builds, for scripts/sanitize.sh and scripts/fuzz.sh (docs/reliability.md).
# Flags are added to every target, so the core library is instrumented, not only the programs
# that test it. Libraries from Debian (HDF5, TBB, toml++) stay uninstrumented.
set(TAALWERK_SANITIZE "" CACHE STRING
    "Sanitizers for every target, as a list: \"address;undefined\" or \"thread\" (empty: none)")
option(TAALWERK_FUZZ "Build the libFuzzer targets in tests/fuzz (needs clang)" OFF)

if(TAALWERK_SANITIZE)
  if("thread" IN_LIST TAALWERK_SANITIZE AND "address" IN_LIST TAALWERK_SANITIZE)
    message(FATAL_ERROR "TAALWERK_SANITIZE: thread and address cannot be combined; use two build folders")
  endif()
  list(JOIN TAALWERK_SANITIZE "," taalwerk_sanitizers)
  # No recovery: the first report fails the test that triggered it, so CI cannot miss one.
  add_compile_options(-fsanitize=${taalwerk_sanitizers} -fno-sanitize-recover=all -fno-omit-frame-pointer -g)
  add_link_options(-fsanitize=${taalwerk_sanitizers})
endif()

if(TAALWERK_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "TAALWERK_FUZZ needs clang (libFuzzer): configure with -DCMAKE_CXX_COMPILER=clang++ "
                        "-DCMAKE_C_COMPILER=clang")
  endif()
  # Coverage feedback from our own code; the fuzz programs link libFuzzer's main (tests/fuzz).
  add_compile_options(-fsanitize=fuzzer-no-link)
endif()
