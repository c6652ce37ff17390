#include "model/simulation.hpp"

#include <oneapi/tbb/global_control.h>
#include <oneapi/tbb/info.h>
#include <oneapi/tbb/task_arena.h>

#include <chrono>
#include <ctime>
#include <limits>

#include "engine/thread_sanitizer.hpp"
#include "model/cohort_simulation.hpp"
#include "model/decisions.hpp"
#include "model/group_cells.hpp"
#include "model/indicators.hpp"
#include "output/run_memory.hpp"
#include "taalwerk/version.hpp"

namespace taalwerk {
namespace {

std::string utc_now_iso8601() {
    const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm utc{};
    gmtime_r(&now, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return text;
}

// arena.execute with the hand-off announced to ThreadSanitizer (engine/thread_sanitizer.hpp).
template <class Body>
void execute_in(oneapi::tbb::task_arena& arena, Body&& body) {
    ForkJoin hand_off;
    arena.execute(hand_off.body([&] { body(); }));
    hand_off.join();
}

}  // namespace

RunOutput run_scenario(const Scenario& scenario, const RunSettings& settings) {
    check_decision_ids(decisions::all);
    const ModelParameters parameters = read_model_parameters(scenario);
    if (settings.replicates == 0) throw std::invalid_argument("replicates must be at least 1");
    if (settings.threads < 0) throw std::invalid_argument("threads must be 0 (all) or positive");
    if (parameters.cohort_size > std::numeric_limits<std::int32_t>::max())
        throw std::invalid_argument("cohort.size is too large for one run");
    const auto agents = static_cast<std::uint32_t>(parameters.cohort_size);
    // Refused before anything big is allocated, with the estimate in the message.
    check_run_memory(estimate_run_memory(static_cast<std::uint64_t>(agents), settings.replicates,
                                         static_cast<std::uint64_t>(parameters.months), GroupCells(parameters).group_count(),
                                         indicator_count));
    const int threads = settings.threads > 0 ? settings.threads : oneapi::tbb::info::default_concurrency();

    RunOutput output;
    output.months = parameters.months;
    output.metadata.scenario_name = scenario.name();
    output.metadata.scenario_toml = scenario.resolved_toml();
    output.metadata.base_seed = settings.base_seed;
    for (std::uint32_t r = 0; r < settings.replicates; ++r) output.metadata.replicates.push_back(r);
    output.metadata.code_version = build_info::git_describe;
    output.metadata.library_versions = library_versions();
    output.metadata.created_utc = utc_now_iso8601();
    output.metadata.agents = parameters.cohort_size;
    output.metadata.threads = threads;

    // Lets a run use more threads than cores when asked (e.g. determinism tests with 4 threads
    // on 2 cores); TBB otherwise caps workers at the core count.
    oneapi::tbb::global_control parallelism(oneapi::tbb::global_control::max_allowed_parallelism,
                                            static_cast<std::size_t>(threads));
    oneapi::tbb::task_arena arena(threads);
    CohortSimulation simulation(parameters, agents);
    output.group_labels = simulation.cells().labels();
    const std::size_t groups = output.group_labels.size();
    for (const auto& description : indicator_descriptions)
        output.indicators.push_back(Indicator{std::string(description.name), std::string(description.unit),
                                              std::string(description.description),
                                              std::vector<double>(output.cell_count(), 0.0)});

    std::vector<double> month_totals(indicator_count * groups, 0.0);
    for (std::uint32_t replicate = 0; replicate < settings.replicates; ++replicate) {
        execute_in(arena, [&] { simulation.start_replicate(RandomKey{settings.base_seed, replicate}); });
        for (int month = 0; month < parameters.months; ++month) {
            if (settings.cancel && settings.cancel->load()) throw RunCancelled();
            execute_in(arena, [&] { simulation.step(month, month_totals); });
            const std::size_t offset = (static_cast<std::size_t>(replicate) * parameters.months + month) * groups;
            for (std::size_t indicator = 0; indicator < indicator_count; ++indicator)
                std::copy_n(month_totals.data() + indicator * groups, groups,
                            output.indicators[indicator].values.data() + offset);
            if (settings.on_month_done) settings.on_month_done(replicate, month);
        }
    }
    return output;
}

}  // namespace taalwerk
