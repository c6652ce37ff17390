#pragma once
// What the scenario fuzzer checks for one input. Shared by the fuzz program (fuzz_scenario.cpp)
// and by the Catch2 test that replays the regression corpus (tests/cpp/test_fuzz_regressions.cpp).
#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>

#include "model/model_parameters.hpp"
#include "scenario/parameter_definition.hpp"
#include "scenario/scenario.hpp"

namespace taalwerk::fuzz {

// Parses `text` as a scenario file that lives in `scenario_folder` (so `base = "default"` finds
// the shipped scenarios), validates it as the model reads it, and checks that the resolved
// scenario parses back to the same values. A ScenarioError is the expected outcome of most
// inputs; anything else that escapes (another exception, a crash, a sanitizer report) is a bug.
inline void check_scenario_input(std::string_view text, const std::filesystem::path& scenario_folder) {
    const ParameterCatalogue& catalogue = model_catalogue();
    try {
        const Scenario scenario = Scenario::parse(std::string(text), "fuzz-input.toml", scenario_folder, catalogue);
        const Scenario resolved = Scenario::parse(scenario.resolved_toml(), "resolved.toml", scenario_folder, catalogue);
        if (resolved.values() != scenario.values()) {
            throw std::logic_error("the resolved scenario does not parse back to the same values");
        }
        read_model_parameters(scenario);
    } catch (const ScenarioError&) {
        // A clear, expected rejection.
    }
}

}  // namespace taalwerk::fuzz
