// Writes small, valid run files as the seed corpus of fuzz_run_output_reader: the same layout as
// a real `taalwerk run` file (write_run_output), but a few kilobytes instead of hundreds, so the
// fuzzer spends its time on structure rather than on bulk data. Each file also comes without its
// seal (block zeroed, as older versions wrote it), so mutations reach the HDF5 reader behind the
// seal check rather than all stopping at the checksum.
// Usage: make_run_output_seeds FOLDER
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <stdexcept>
#include <string>
#include <vector>

#include "output/file_seal.hpp"
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

void write_seed(const RunOutput& output, const std::filesystem::path& sealed) {
    write_run_output(output, sealed, true);
    std::fstream unsealed_copy;
    std::filesystem::path unsealed = sealed;
    unsealed.replace_filename(sealed.stem().string() + "-unsealed.h5");
    std::filesystem::copy_file(sealed, unsealed, std::filesystem::copy_options::overwrite_existing);
    unsealed_copy.open(unsealed, std::ios::binary | std::ios::in | std::ios::out);
    const std::string zeros(seal_block_bytes, '\0');
    unsealed_copy.write(zeros.data(), static_cast<std::streamsize>(zeros.size()));
    if (!unsealed_copy) throw std::runtime_error("cannot write " + unsealed.string());
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: make_run_output_seeds FOLDER\n";
        return 2;
    }
    const std::filesystem::path folder = argv[1];
    try {
        write_seed(small_run(1, 1, {"all"}, 1), folder / "one-cell.h5");
        write_seed(small_run(2, 3, {"all", "sex=female"}, 2), folder / "two-indicators.h5");
        write_seed(small_run(3, 2, {"all", "origin=syria", "origin=eritrea"}, 1), folder / "three-replicates.h5");
    } catch (const std::exception& error) {
        std::cerr << error.what() << "\n";
        return 1;
    }
    return 0;
}
