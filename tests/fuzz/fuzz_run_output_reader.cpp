// libFuzzer target: the HDF5 run-file reader (read_run_output in sim/output/). Run by
// scripts/fuzz.sh; see docs/reliability.md for what it covers and how libhdf5 crashes are handled.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "run_output_input_check.hpp"

namespace {

// One file per fuzzing process (libFuzzer's -fork and -jobs run several), in TMPDIR.
std::filesystem::path scratch_file() {
    const char* folder = std::getenv("TMPDIR");
    return std::filesystem::path(folder != nullptr && *folder != '\0' ? folder : "/tmp") /
           ("taalwerk-fuzz-run-output-" + std::to_string(::getpid()) + ".h5");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const std::filesystem::path file = scratch_file();
    taalwerk::fuzz::check_run_output_input(std::string_view(reinterpret_cast<const char*>(data), size), file);
    return 0;
}
