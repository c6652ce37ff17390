// Model benchmark (not a test): the full monthly step of a scenario (default: scenarios/default.toml)
// scaled to N agents, on one thread and on all threads. Reports, in one run, the figures of
// issue 7: agent-months per second on 1 and on all threads, the speed-up and parallel
// efficiency, bytes of agent state and allocator scratch per agent, agent-months per
// CPU-second (robust to other load on the machine), and the ratio to the lean synthetic kernel
// (bench/lean_kernel.hpp, also run by engine_benchmark) on the same agents, months and threads.
// It also prints a checksum of every monthly indicator total: it must be the same for every
// thread count, and unchanged by a change that is meant to leave outputs bit-identical.
//
//   model_benchmark [--scenario FILE] [--agents N] [--months M] [--threads T] [--lean 0|1]
//     --threads T  the largest thread count (default: all cores); runs 1 and T
//     --lean 0     skip the lean kernel
#include <oneapi/tbb/global_control.h>
#include <oneapi/tbb/info.h>
#include <oneapi/tbb/task_arena.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <string>
#include <vector>

#include "bench/lean_kernel.hpp"
#include "engine/contested_resource.hpp"
#include "model/cohort_simulation.hpp"
#include "model/model_parameters.hpp"
#include "scenario/scenario.hpp"

using namespace taalwerk;

namespace {

// FNV-1a over the bits of the month's totals, chained over months.
std::uint64_t fold_checksum(std::uint64_t hash, const std::vector<double>& totals) {
    for (const double value : totals) {
        std::uint64_t bits = 0;
        std::memcpy(&bits, &value, sizeof bits);
        for (int byte = 0; byte < 8; ++byte) {
            hash ^= (bits >> (8 * byte)) & 0xFFu;
            hash *= 1099511628211ULL;
        }
    }
    return hash;
}

}  // namespace

int main(int argc, char** argv) {
    std::string scenario_path = "scenarios/default.toml";
    std::int64_t agents = 1000000;
    std::int64_t months = 120;
    int max_threads = oneapi::tbb::info::default_concurrency();
    bool lean = true;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string option = argv[i];
        if (option == "--scenario") scenario_path = argv[i + 1];
        else if (option == "--agents") agents = std::stoll(argv[i + 1]);
        else if (option == "--months") months = std::stoll(argv[i + 1]);
        else if (option == "--threads") max_threads = std::stoi(argv[i + 1]);
        else if (option == "--lean") lean = std::stoi(argv[i + 1]) != 0;
        else {
            std::fprintf(stderr, "usage: model_benchmark [--scenario FILE] [--agents N] [--months M] [--threads T] [--lean 0|1]\n");
            return 2;
        }
    }
    const Scenario scenario = Scenario::load(scenario_path, model_catalogue())
                                  .with_override("cohort.size", agents)
                                  .with_override("run.months", months);
    const ModelParameters parameters = read_model_parameters(scenario);
    const auto n = static_cast<std::uint32_t>(agents);
    std::vector<int> thread_counts{1};
    if (max_threads > 1) thread_counts.push_back(max_threads);

    double single_rate = 0.0;
    double single_lean_rate = 0.0;
    std::uint64_t single_checksum = 0;
    for (int threads : thread_counts) {
        oneapi::tbb::global_control limit(oneapi::tbb::global_control::max_allowed_parallelism, threads);
        oneapi::tbb::task_arena arena(threads);
        std::uint64_t checksum = 14695981039346656037ULL;
        double seconds = 0.0;
        double cpu_seconds = 0.0;
        {
            CohortSimulation simulation(parameters, n);
            std::vector<double> totals(indicator_count * simulation.cells().group_count());
            arena.execute([&] { simulation.start_replicate(RandomKey{1, 0}); });
            const auto start = std::chrono::steady_clock::now();
            const std::clock_t cpu_start = std::clock();
            arena.execute([&] {
                for (int month = 0; month < parameters.months; ++month) {
                    simulation.step(month, totals);
                    checksum = fold_checksum(checksum, totals);
                }
            });
            seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
            // CPU time of all threads: on a busy machine wall time overstates the cost, CPU time does not.
            cpu_seconds = static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC;
            if (threads == 1)
                std::printf("model benchmark: %s, %lld agents x %d months; agent state %zu bytes/agent, "
                            "allocation scratch %zu bytes/agent (4 allocators), tally flags %zu bytes/agent\n",
                            scenario_path.c_str(), static_cast<long long>(agents), parameters.months,
                            simulation.agents().bytes_per_agent(), CohortSimulation::allocator_bytes_per_agent(),
                            CohortSimulation::tally_bytes_per_agent());
        }
        const double agent_months = static_cast<double>(agents) * parameters.months;
        const double rate = agent_months / seconds;
        if (threads == 1) {
            single_rate = rate;
            single_checksum = checksum;
        }
        const double speed_up = rate / single_rate;
        std::printf("threads %d: %.3f s, %.2f M agent-months/s, speed-up %.2fx, parallel efficiency %.0f%%; "
                    "CPU %.3f s, %.2f M agent-months per CPU-second; checksum %016llx%s\n",
                    threads, seconds, rate / 1e6, speed_up, 100.0 * speed_up / threads, cpu_seconds,
                    agent_months / cpu_seconds / 1e6, static_cast<unsigned long long>(checksum),
                    threads == 1 ? "" : (checksum == single_checksum ? " (identical)" : " (DIFFERS)"));
        if (lean) {
            double lean_checksum = 0.0;
            const double lean_seconds = bench::run_lean_kernel(n, parameters.months, threads, lean_checksum);
            const double lean_rate = agent_months / lean_seconds;
            if (threads == 1) single_lean_rate = lean_rate;
            std::printf("  lean kernel, threads %d: %.3f s, %.2f M agent-months/s (speed-up %.2fx, %zu bytes/agent); "
                        "model/lean %.3f (the lean kernel is %.1fx faster)\n",
                        threads, lean_seconds, lean_rate / 1e6, lean_rate / single_lean_rate,
                        bench::SyntheticAgents::bytes_per_agent, rate / lean_rate, lean_rate / rate);
        }
    }
    return 0;
}
