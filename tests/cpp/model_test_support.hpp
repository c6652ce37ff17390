#pragma once
// Helpers for model tests: the default scenario with overrides, run and summed.
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "model/cohort_simulation.hpp"
#include "model/indicators.hpp"
#include "model/model_parameters.hpp"
#include "model/simulation.hpp"
#include "scenario/scenario.hpp"

namespace taalwerk::testing {

using Overrides = std::vector<std::pair<std::string, ScenarioValue>>;

inline Scenario default_scenario_with(const Overrides& overrides) {
    const auto path = std::filesystem::path(TAALWERK_SOURCE_DIR) / "scenarios" / "default.toml";
    Scenario scenario = Scenario::load(path, model_catalogue());
    for (const auto& [key, value] : overrides) scenario = scenario.with_override(key, value);
    return scenario;
}

inline RunOutput run_default_with(const Overrides& overrides, std::uint32_t replicates = 1, std::uint32_t seed = 11) {
    RunSettings settings;
    settings.base_seed = seed;
    settings.replicates = replicates;
    return run_scenario(default_scenario_with(overrides), settings);
}

// One replicate of the default scenario with overrides, stepped month by month, for tests that
// look at the agents themselves. It owns the parameters the simulation refers to.
class AgentLevelRun {
public:
    AgentLevelRun(const Overrides& overrides, RandomKey key)
        : parameters_(std::make_unique<ModelParameters>(read_model_parameters(default_scenario_with(overrides)))),
          simulation_(*parameters_, static_cast<std::uint32_t>(parameters_->cohort_size)),
          totals_(indicator_count * simulation_.cells().group_count(), 0.0) {
        simulation_.start_replicate(key);
    }
    void step(int month) { simulation_.step(month, totals_); }
    const AgentStore& agents() const { return simulation_.agents(); }
    const ModelParameters& parameters() const { return *parameters_; }
    const CohortSimulation& simulation() const { return simulation_; }
    // The last month's value of an indicator for group "all" (group 0).
    double value(IndicatorId id) const { return totals_[static_cast<std::size_t>(id) * simulation_.cells().group_count()]; }

private:
    std::unique_ptr<ModelParameters> parameters_;  // declared first: the simulation refers to it
    CohortSimulation simulation_;
    std::vector<double> totals_;
};

// The agents after `months` months of one replicate (0: as synthesised).
inline AgentStore agents_after(const Overrides& overrides, int months, RandomKey key) {
    AgentLevelRun run(overrides, key);
    for (int month = 0; month < months; ++month) run.step(month);
    return run.agents();
}

inline const Indicator& indicator(const RunOutput& output, IndicatorId id) {
    return output.indicators[static_cast<std::size_t>(id)];
}

// Value of an indicator for group "all" (group 0), averaged over replicates, at `month`.
inline double value_at(const RunOutput& output, IndicatorId id, int month) {
    const auto& values = indicator(output, id).values;
    const std::size_t groups = output.group_labels.size();
    double sum = 0.0;
    for (std::size_t r = 0; r < output.replicate_count(); ++r)
        sum += values[(r * output.months + static_cast<std::size_t>(month)) * groups];
    return sum / static_cast<double>(output.replicate_count());
}

// Paired difference b - a of an indicator (group "all", at `month`) over replicates run with the
// same seeds: its mean and the standard error of that mean.
struct PairedDifference {
    double mean = 0.0;
    double standard_error = 0.0;
};

inline PairedDifference paired_difference(const RunOutput& a, const RunOutput& b, IndicatorId id, int month) {
    const std::size_t groups = a.group_labels.size();
    const std::size_t replicates = a.replicate_count();
    std::vector<double> differences;
    for (std::size_t r = 0; r < replicates; ++r) {
        const std::size_t at = (r * a.months + static_cast<std::size_t>(month)) * groups;
        differences.push_back(indicator(b, id).values[at] - indicator(a, id).values[at]);
    }
    PairedDifference d;
    for (double x : differences) d.mean += x / static_cast<double>(replicates);
    double variance = 0.0;
    for (double x : differences) variance += (x - d.mean) * (x - d.mean) / static_cast<double>(std::max<std::size_t>(1, replicates - 1));
    d.standard_error = std::sqrt(variance / static_cast<double>(replicates));
    return d;
}

// Sum over all months of group "all", averaged over replicates.
inline double cumulative(const RunOutput& output, IndicatorId id) {
    double sum = 0.0;
    for (int month = 0; month < output.months; ++month) sum += value_at(output, id, month);
    return sum;
}

}  // namespace taalwerk::testing
