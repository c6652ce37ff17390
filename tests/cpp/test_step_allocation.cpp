// The monthly step allocates nothing (engineering note 7): all memory is sized before the run.
// Counted by replacing the global operator new for this test binary.
#include <catch2/catch.hpp>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <new>

#include "model/cohort_simulation.hpp"
#include "model/model_parameters.hpp"
#include "scenario/scenario.hpp"

namespace {
std::atomic<bool> counting{false};
std::atomic<long> allocations{0};
}  // namespace

void* operator new(std::size_t size) {
    if (counting.load(std::memory_order_relaxed)) allocations.fetch_add(1, std::memory_order_relaxed);
    if (void* p = std::malloc(size == 0 ? 1 : size)) return p;
    throw std::bad_alloc();
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }

using namespace taalwerk;

TEST_CASE("The monthly step allocates no memory", "[allocation][step]") {
    const auto scenarios = std::filesystem::path(TAALWERK_SOURCE_DIR) / "scenarios";
    const Scenario scenario = Scenario::load(scenarios / "default.toml", model_catalogue())
                                  .with_override("cohort.size", std::int64_t{20000})
                                  .with_override("municipalities.national.course_seats_per_100", 50.0);
    const ModelParameters parameters = read_model_parameters(scenario);
    CohortSimulation simulation(parameters, 20000);
    simulation.start_replicate(RandomKey{1, 0});
    std::vector<double> totals(indicator_count * simulation.cells().group_count());
    simulation.step(0, totals);  // first touch of TBB's worker threads may allocate

    allocations = 0;
    counting = true;
    for (int month = 1; month < 36; ++month) simulation.step(month, totals);
    counting = false;
    CHECK(allocations.load() == 0);
    // The counter works: an allocation while counting is seen.
    counting = true;
    auto* probe = new int(5);
    counting = false;
    delete probe;
    CHECK(allocations.load() == 1);
}
