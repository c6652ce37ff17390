// Replays every input the fuzzers (tests/fuzz/) ever crashed on, kept in tests/fuzz/regressions/,
// through the same checks the fuzzers make, in the normal build: a fixed bug stays fixed.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "../fuzz/run_output_input_check.hpp"
#include "../fuzz/scenario_input_check.hpp"

namespace fs = std::filesystem;

namespace {

const fs::path regressions = fs::path(TAALWERK_SOURCE_DIR) / "tests" / "fuzz" / "regressions";

std::vector<fs::path> inputs_in(const fs::path& folder) {
    std::vector<fs::path> files;
    for (const fs::directory_entry& entry : fs::directory_iterator(folder)) {
        if (entry.is_regular_file() && entry.path().filename() != "README.md") files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    return files;
}

std::string file_bytes(const fs::path& file) {
    std::ifstream stream(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(stream), std::istreambuf_iterator<char>()};
}

}  // namespace

TEST_CASE("Scenario inputs that once crashed the fuzzer are rejected cleanly", "[fuzz][scenario]") {
    const fs::path scenario_folder = fs::path(TAALWERK_SOURCE_DIR) / "scenarios";
    for (const fs::path& input : inputs_in(regressions / "scenario")) {
        INFO(input.string());
        CHECK_NOTHROW(taalwerk::fuzz::check_scenario_input(file_bytes(input), scenario_folder));
    }
}

TEST_CASE("Run files that once crashed the fuzzer are rejected cleanly", "[fuzz][output]") {
    const fs::path scratch = fs::path(TAALWERK_TEST_SCRATCH) / "fuzz-regressions";
    fs::create_directories(scratch);
    for (const fs::path& input : inputs_in(regressions / "run_output")) {
        INFO(input.string());
        CHECK_NOTHROW(taalwerk::fuzz::check_run_output_input(file_bytes(input), scratch / "replayed.h5"));
    }
}
