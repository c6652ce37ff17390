// libFuzzer target: scenario parsing and validation (sim/scenario/, and the model's reading of
// the validated values). Run by scripts/fuzz.sh; see docs/reliability.md.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "scenario_input_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const std::filesystem::path scenario_folder = std::filesystem::path(TAALWERK_SOURCE_DIR) / "scenarios";
    taalwerk::fuzz::check_scenario_input(std::string_view(reinterpret_cast<const char*>(data), size), scenario_folder);
    return 0;
}
