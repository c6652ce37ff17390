// Engine benchmark (not a test): a lean synthetic workload through the same machinery the model
// uses (chunk grid, counter-based draws, per-chunk tallies reduced in chunk order). Reports
// agent-months per second on one thread and on all threads, and bytes of state per agent.
//
//   engine_benchmark [--agents N] [--months M] [--repeats K]
#include <oneapi/tbb/info.h>
#include <oneapi/tbb/task_arena.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include "engine/chunk_accumulator.hpp"
#include "engine/chunk_grid.hpp"
#include "random/random_stream.hpp"

namespace {

using namespace taalwerk;

constexpr Decision synthetic_transition = make_decision("benchmark.synthetic_transition");
constexpr int states = 4;

// Hot state of the synthetic agents: 8 bytes per agent.
struct SyntheticAgents {
    std::vector<float> level;
    std::vector<std::uint8_t> state;
    std::vector<std::uint8_t> months_in_state;
    std::vector<std::uint16_t> padding_free_counter;
    explicit SyntheticAgents(std::uint32_t n) : level(n, 0.0f), state(n, 0), months_in_state(n, 0), padding_free_counter(n, 0) {}
    static constexpr std::size_t bytes_per_agent = sizeof(float) + 2 + sizeof(std::uint16_t);
};

double run_workload(std::uint32_t agents, int months, int threads, double& checksum) {
    SyntheticAgents population(agents);
    ChunkGrid grid(agents);
    ChunkAccumulator tally(grid.chunk_count(), states + 1);
    std::vector<double> totals(states + 1);
    const RandomKey key{12345u, 0u};
    oneapi::tbb::task_arena arena(threads);
    checksum = 0.0;
    const auto start = std::chrono::steady_clock::now();
    for (int month = 0; month < months; ++month) {
        arena.execute([&] {
            grid.for_each_chunk([&](std::size_t chunk, AgentRange range) {
                auto row = tally.row(chunk);
                std::fill(row.begin(), row.end(), 0.0);
                for (std::uint32_t agent = range.begin; agent < range.end; ++agent) {
                    RandomStream draw(key, agent, static_cast<std::uint32_t>(month), synthetic_transition);
                    std::uint8_t state = population.state[agent];
                    const float level = population.level[agent];
                    // A state machine with level-dependent hazards, like the model's transitions.
                    const double hazard = 0.02 + 0.05 * level;
                    if (draw_event(draw, hazard)) {
                        state = static_cast<std::uint8_t>((state + 1) % states);
                        population.months_in_state[agent] = 0;
                    } else {
                        population.months_in_state[agent] += 1;
                    }
                    population.state[agent] = state;
                    population.level[agent] = level + 0.01f * (1.0f - level / 5.0f);
                    population.padding_free_counter[agent] += 1;
                    row[state] += 1.0;
                    row[states] += level;
                }
            });
        });
        tally.reduce_into(totals);
        checksum += totals[states];
    }
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
    std::uint32_t agents = 1000000;
    int months = 120;
    int repeats = 3;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string option = argv[i];
        if (option == "--agents") agents = static_cast<std::uint32_t>(std::stoul(argv[i + 1]));
        else if (option == "--months") months = std::stoi(argv[i + 1]);
        else if (option == "--repeats") repeats = std::stoi(argv[i + 1]);
        else {
            std::fprintf(stderr, "usage: engine_benchmark [--agents N] [--months M] [--repeats K]\n");
            return 2;
        }
    }
    const int all_threads = oneapi::tbb::info::default_concurrency();
    std::printf("engine benchmark: %u agents x %d months, best of %d, state %zu bytes/agent\n", agents, months,
                repeats, SyntheticAgents::bytes_per_agent);
    double single_rate = 0.0;
    std::vector<int> thread_counts{1};
    if (all_threads > 1) thread_counts.push_back(all_threads);
    double first_checksum = 0.0;
    for (int threads : thread_counts) {
        double best = 1e300;
        double checksum = 0.0;
        for (int r = 0; r < repeats; ++r) best = std::min(best, run_workload(agents, months, threads, checksum));
        if (threads == 1) first_checksum = checksum;
        const double rate = static_cast<double>(agents) * months / best;
        if (threads == 1) single_rate = rate;
        std::printf("threads %d: %.3f s, %.1f M agent-months/s, speed-up %.2fx, checksum %s\n", threads, best,
                    rate / 1e6, rate / single_rate, checksum == first_checksum ? "identical" : "DIFFERS");
    }
    return 0;
}
