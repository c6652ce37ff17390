// Determinism: the same scenario and seed give bit-identical indicators whatever the thread
// count, and an agent's draws do not depend on how many other agents there are.
#include <catch2/catch.hpp>

#include <filesystem>

#include "model/agent_store.hpp"
#include "model/cohort_simulation.hpp"
#include "model/model_parameters.hpp"
#include "model/simulation.hpp"
#include "scenario/scenario.hpp"

using namespace taalwerk;

namespace {

Scenario test_scenario(std::int64_t agents, std::int64_t months = 36) {
    const std::filesystem::path scenarios = std::filesystem::path(TAALWERK_SOURCE_DIR) / "scenarios";
    return Scenario::load(scenarios / "default.toml", model_catalogue())
        .with_override("cohort.size", agents)
        .with_override("run.months", months)
        // Scarce course seats make the two-phase allocation decide who waits.
        .with_override("municipalities.national.course_seats_per_100", 40.0);
}

RunOutput run_with_threads(const Scenario& scenario, int threads) {
    RunSettings settings;
    settings.base_seed = 2024;
    settings.replicates = 2;
    settings.threads = threads;
    return run_scenario(scenario, settings);
}

}  // namespace

TEST_CASE("The same scenario and seed give bit-identical output for 1, 2 and 4 threads", "[determinism]") {
    // 3 chunks and a partial one, so threads really split the work.
    const Scenario scenario = test_scenario(3 * 4096 + 1234);
    const RunOutput one = run_with_threads(scenario, 1);
    for (int threads : {2, 4}) {
        const RunOutput many = run_with_threads(scenario, threads);
        REQUIRE(many.indicators.size() == one.indicators.size());
        for (std::size_t i = 0; i < one.indicators.size(); ++i) {
            INFO("indicator " << one.indicators[i].name << ", threads " << threads);
            CHECK(many.indicators[i].values == one.indicators[i].values);  // exact, not approximate
        }
    }
    // The run is not trivial: people waited for seats, worked and received bijstand.
    const auto total = [&](const char* name) {
        for (const auto& indicator : one.indicators)
            if (indicator.name == name) {
                double sum = 0.0;
                for (double v : indicator.values) sum += v;
                return sum;
            }
        FAIL("no indicator " << name);
        return 0.0;
    };
    CHECK(total("waiting_for_course_seat") > 0.0);
    CHECK(total("in_paid_work") > 0.0);
    CHECK(total("cost_bijstand") > 0.0);
}

TEST_CASE("Different seeds and replicates give different outcomes", "[determinism]") {
    const Scenario scenario = test_scenario(5000);
    RunSettings settings;
    settings.replicates = 2;
    settings.base_seed = 1;
    const RunOutput a = run_scenario(scenario, settings);
    settings.base_seed = 2;
    const RunOutput b = run_scenario(scenario, settings);
    const auto& work_a = a.indicators[static_cast<std::size_t>(IndicatorId::in_paid_work)].values;
    const auto& work_b = b.indicators[static_cast<std::size_t>(IndicatorId::in_paid_work)].values;
    CHECK(work_a != work_b);
    const std::size_t per_replicate = work_a.size() / 2;
    CHECK(!std::equal(work_a.begin(), work_a.begin() + per_replicate, work_a.begin() + per_replicate));
}

TEST_CASE("Adding agents does not change the draws of existing agents", "[determinism]") {
    // Ample seats, no instrument budget and no openings: no contested resource couples agents,
    // so the first 3,000 agents of a 3,000 and a 9,000 agent cohort must live identical lives.
    const Scenario small = test_scenario(3000)
                               .with_override("municipalities.national.course_seats_per_100", 100.0)
                               .with_override("municipalities.national.budget_per_housed_adult", 0.0)
                               .with_override("labour.tightness", 0.0);
    const Scenario large = small.with_override("cohort.size", std::int64_t{9000});
    const ModelParameters small_parameters = read_model_parameters(small);
    const ModelParameters large_parameters = read_model_parameters(large);
    CohortSimulation small_run(small_parameters, 3000);
    CohortSimulation large_run(large_parameters, 9000);
    const RandomKey key{77, 3};
    small_run.start_replicate(key);
    large_run.start_replicate(key);
    std::vector<double> small_totals(indicator_count * small_run.cells().group_count());
    std::vector<double> large_totals(indicator_count * large_run.cells().group_count());
    for (int month = 0; month < 36; ++month) {
        small_run.step(month, small_totals);
        large_run.step(month, large_totals);
    }
    const AgentStore& s = small_run.agents();
    const AgentStore& l = large_run.agents();
    for (std::uint32_t agent = 0; agent < 3000; ++agent) {
        INFO("agent " << agent);
        REQUIRE(s.profile_cell[agent] == l.profile_cell[agent]);
        REQUIRE(s.housing_month[agent] == l.housing_month[agent]);
        REQUIRE(s.proficiency[agent] == l.proficiency[agent]);
        REQUIRE(s.employed[agent] == l.employed[agent]);
        REQUIRE(s.first_job_month[agent] == l.first_job_month[agent]);
        REQUIRE(s.months_in_job[agent] == l.months_in_job[agent]);
    }
}
