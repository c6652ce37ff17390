// Engine benchmark (not a test): a lean synthetic workload through the same machinery the model
// uses (chunk grid, counter-based draws, per-chunk tallies reduced in chunk order). Reports
// agent-months per second on one thread and on all threads, and bytes of state per agent.
//
//   engine_benchmark [--agents N] [--months M] [--repeats K]
#include <oneapi/tbb/info.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include "bench/lean_kernel.hpp"

namespace {

using taalwerk::bench::run_lean_kernel;
using taalwerk::bench::SyntheticAgents;

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
        for (int r = 0; r < repeats; ++r) best = std::min(best, run_lean_kernel(agents, months, threads, checksum));
        if (threads == 1) first_checksum = checksum;
        const double rate = static_cast<double>(agents) * months / best;
        if (threads == 1) single_rate = rate;
        std::printf("threads %d: %.3f s, %.1f M agent-months/s, speed-up %.2fx, checksum %s\n", threads, best,
                    rate / 1e6, rate / single_rate, checksum == first_checksum ? "identical" : "DIFFERS");
    }
    return 0;
}
