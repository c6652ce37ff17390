// Model benchmark (not a test): the full monthly step of a scenario (default: scenarios/default.toml)
// scaled to N agents, on one thread and on all threads. Reports agent-months per second, the
// speed-up, bytes of agent state per agent and scratch bytes per agent, and agent-months per
// CPU-second (robust to other load on the machine).
//
//   model_benchmark [--scenario FILE] [--agents N] [--months M]
#include <oneapi/tbb/global_control.h>
#include <oneapi/tbb/info.h>
#include <oneapi/tbb/task_arena.h>

#include <chrono>
#include <ctime>
#include <cstdio>
#include <string>
#include <vector>

#include "engine/contested_resource.hpp"
#include "model/cohort_simulation.hpp"
#include "model/model_parameters.hpp"
#include "scenario/scenario.hpp"

using namespace taalwerk;

int main(int argc, char** argv) {
    std::string scenario_path = "scenarios/default.toml";
    std::int64_t agents = 1000000;
    std::int64_t months = 120;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string option = argv[i];
        if (option == "--scenario") scenario_path = argv[i + 1];
        else if (option == "--agents") agents = std::stoll(argv[i + 1]);
        else if (option == "--months") months = std::stoll(argv[i + 1]);
        else {
            std::fprintf(stderr, "usage: model_benchmark [--scenario FILE] [--agents N] [--months M]\n");
            return 2;
        }
    }
    const Scenario scenario = Scenario::load(scenario_path, model_catalogue())
                                  .with_override("cohort.size", agents)
                                  .with_override("run.months", months);
    const ModelParameters parameters = read_model_parameters(scenario);
    const auto n = static_cast<std::uint32_t>(agents);
    const int all_threads = oneapi::tbb::info::default_concurrency();
    std::vector<int> thread_counts{1};
    if (all_threads > 1) thread_counts.push_back(all_threads);

    double single_rate = 0.0;
    for (int threads : thread_counts) {
        oneapi::tbb::global_control limit(oneapi::tbb::global_control::max_allowed_parallelism, threads);
        oneapi::tbb::task_arena arena(threads);
        CohortSimulation simulation(parameters, n);
        std::vector<double> totals(indicator_count * simulation.cells().group_count());
        arena.execute([&] { simulation.start_replicate(RandomKey{1, 0}); });
        const auto start = std::chrono::steady_clock::now();
        const std::clock_t cpu_start = std::clock();
        arena.execute([&] {
            for (int month = 0; month < parameters.months; ++month) simulation.step(month, totals);
        });
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        // CPU time of all threads: on a busy machine wall time overstates the cost, CPU time does not.
        const double cpu_seconds = static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC;
        const double rate = static_cast<double>(agents) * parameters.months / seconds;
        if (threads == 1) {
            single_rate = rate;
            std::printf("model benchmark: %s, %lld agents x %d months; agent state %zu bytes/agent, "
                        "allocation scratch %zu bytes/agent (4 allocators)\n",
                        scenario_path.c_str(), static_cast<long long>(agents), parameters.months,
                        simulation.agents().bytes_per_agent(),
                        CohortSimulation::allocator_bytes_per_agent());
        }
        std::printf("threads %d: %.3f s, %.1f M agent-months/s, speed-up %.2fx; CPU %.3f s, %.1f M agent-months per CPU-second\n",
                    threads, seconds, rate / 1e6, rate / single_rate, cpu_seconds,
                    static_cast<double>(agents) * parameters.months / cpu_seconds / 1e6);
    }
    return 0;
}
