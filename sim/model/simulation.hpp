#pragma once
// Runs a scenario: replicates one after another, each month in parallel over agent chunks.
#include <atomic>
#include <cstdint>
#include <functional>

#include "output/run_output.hpp"
#include "scenario/scenario.hpp"

namespace taalwerk {

struct RunSettings {
    std::uint32_t base_seed = 1;
    std::uint32_t replicates = 1;
    int threads = 0;  // 0: all hardware threads
    // Called after every simulated month (from the calling thread), e.g. for a progress line.
    std::function<void(std::uint32_t replicate, int month)> on_month_done;
    // Checked once a month; when set the run stops with RunCancelled.
    const std::atomic<bool>* cancel = nullptr;
};

struct RunCancelled : std::runtime_error {
    RunCancelled() : std::runtime_error("run cancelled") {}
};

RunOutput run_scenario(const Scenario& scenario, const RunSettings& settings);

}  // namespace taalwerk
