#pragma once
// What the output-file fuzzer checks for one input: the bytes are stored as a file and read with
// read_run_output, the reader `taalwerk` uses on existing results. Shared by the fuzz program
// (fuzz_run_output_reader.cpp) and the Catch2 test that replays the regression corpus.
#include <cstddef>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <string_view>

#include "output/run_output.hpp"

namespace taalwerk::fuzz {

// Writes `bytes` to `scratch_file` and reads it back. An OutputError naming the file is the
// expected outcome of a damaged file; a file that reads must be self-consistent. Anything else
// that escapes (another exception, a crash, a sanitizer report) is a bug.
inline void check_run_output_input(std::string_view bytes, const std::filesystem::path& scratch_file) {
    {
        std::ofstream file(scratch_file, std::ios::binary | std::ios::trunc);
        file.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        if (!file) throw std::runtime_error("cannot write the scratch file " + scratch_file.string());
    }
    try {
        const RunOutput output = read_run_output(scratch_file);
        for (const Indicator& indicator : output.indicators) {
            if (indicator.values.size() != output.cell_count()) {
                throw std::logic_error("indicator '" + indicator.name + "' does not have one value per cell");
            }
        }
    } catch (const OutputError& error) {
        if (std::string_view(error.what()).find(scratch_file.string()) == std::string_view::npos) {
            throw std::logic_error("an output error that does not name the file: " + std::string(error.what()));
        }
    }
}

}  // namespace taalwerk::fuzz
