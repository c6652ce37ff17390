// Writes small, valid run files as the seed corpus of fuzz_run_output_reader: the same layout as
// a real `taalwerk run` file (write_run_output), but a few kilobytes instead of hundreds, so the
// fuzzer spends its time on structure rather than on bulk data.
// Usage: make_run_output_seeds FOLDER
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "output/run_output.hpp"

namespace {

using namespace taalwerk;

RunOutput small_run(std::uint32_t replicates, int months, std::vector<std::string> groups, int indicators) {
    RunOutput output;
    output.months = months;
    output.group_labels = std::move(groups);
    output.metadata.scenario_name = "seed";
    output.metadata.scenario_toml = "base = \"default\"\n[cohort]\nsize = 10\n";
    output.metadata.base_seed = 7;
    for (std::uint32_t replicate = 0; replicate < replicates; ++replicate) output.metadata.replicates.push_back(replicate);
    output.metadata.code_version = "fuzz-seed";
    output.metadata.library_versions = {{"hdf5", "1.10"}};
    output.metadata.created_utc = "2026-01-01T00:00:00Z";
    output.metadata.agents = 10;
    output.metadata.threads = 1;
    for (int index = 0; index < indicators; ++index) {
        Indicator indicator{"indicator_" + std::to_string(index), "persons", "a seed indicator", {}};
        for (std::size_t cell = 0; cell < output.cell_count(); ++cell) indicator.values.push_back(std::sqrt(cell + index));
        output.indicators.push_back(std::move(indicator));
    }
    return output;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: make_run_output_seeds FOLDER\n";
        return 2;
    }
    const std::filesystem::path folder = argv[1];
    try {
        write_run_output(small_run(1, 1, {"all"}, 1), folder / "one-cell.h5", true);
        write_run_output(small_run(2, 3, {"all", "sex=female"}, 2), folder / "two-indicators.h5", true);
        write_run_output(small_run(3, 2, {"all", "origin=syria", "origin=eritrea"}, 1), folder / "three-replicates.h5", true);
    } catch (const std::exception& error) {
        std::cerr << error.what() << "\n";
        return 1;
    }
    return 0;
}
