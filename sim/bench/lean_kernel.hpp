#pragma once
// The lean synthetic kernel: the least work a monthly agent step can do through the model's
// machinery (chunk grid, one counter-based draw per agent-month, per-chunk tallies reduced in
// chunk order). engine_benchmark reports it on its own; model_benchmark runs it in-process as
// the yardstick the full model is compared with.
#include <oneapi/tbb/task_arena.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <vector>

#include "engine/chunk_accumulator.hpp"
#include "engine/chunk_grid.hpp"
#include "random/random_stream.hpp"

namespace taalwerk::bench {

inline constexpr Decision synthetic_transition = make_decision("benchmark.synthetic_transition");
inline constexpr int synthetic_states = 4;

// Hot state of the synthetic agents: 8 bytes per agent.
struct SyntheticAgents {
    std::vector<float> level;
    std::vector<std::uint8_t> state;
    std::vector<std::uint8_t> months_in_state;
    std::vector<std::uint16_t> padding_free_counter;
    explicit SyntheticAgents(std::uint32_t n) : level(n, 0.0f), state(n, 0), months_in_state(n, 0), padding_free_counter(n, 0) {}
    static constexpr std::size_t bytes_per_agent = sizeof(float) + 2 + sizeof(std::uint16_t);
};

// Runs the kernel on `threads` threads; returns wall seconds and sets a checksum of the tallies.
inline double run_lean_kernel(std::uint32_t agents, int months, int threads, double& checksum) {
    constexpr int states = synthetic_states;
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

}  // namespace taalwerk::bench
