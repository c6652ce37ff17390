#include "engine/contested_resource.hpp"

#include <oneapi/tbb/parallel_for.h>

#include <algorithm>
#include <stdexcept>
#include <string>

namespace taalwerk {

ContestedResourceAllocator::ContestedResourceAllocator(std::uint32_t agents, std::uint32_t pools)
    : claim_pool_(agents, no_pool),
      claim_priority_(agents, 0),
      claim_tie_key_(agents, 0),
      claim_amount_(agents, 0.0),
      granted_(agents, 0),
      chunk_pool_counts_(ChunkGrid(agents).chunk_count() * pools + 1, 0),
      pool_begin_(pools + 1, 0),
      claimants_by_pool_(agents, 0),
      pool_results_(pools) {}

void ContestedResourceAllocator::allocate(const ChunkGrid& grid, std::span<const double> capacity) {
    const std::uint32_t pool_count = pools();
    if (capacity.size() != pool_count)
        throw std::invalid_argument("allocate: " + std::to_string(capacity.size()) + " capacities for " +
                                    std::to_string(pool_count) + " pools");
    const std::size_t chunks = grid.chunk_count();

    // Count claims per (chunk, pool) in parallel.
    grid.for_each_chunk([&](std::size_t chunk, AgentRange range) {
        std::uint32_t* counts = chunk_pool_counts_.data() + chunk * pool_count;
        std::fill(counts, counts + pool_count, 0u);
        for (std::uint32_t agent = range.begin; agent < range.end; ++agent)
            if (claim_pool_[agent] != no_pool) ++counts[claim_pool_[agent]];
    });
    // Exclusive prefix sum in (pool, chunk) order turns counts into write offsets.
    std::uint32_t running = 0;
    for (std::uint32_t pool = 0; pool < pool_count; ++pool) {
        pool_begin_[pool] = running;
        for (std::size_t chunk = 0; chunk < chunks; ++chunk) {
            std::uint32_t& slot = chunk_pool_counts_[chunk * pool_count + pool];
            const std::uint32_t count = slot;
            slot = running;
            running += count;
        }
    }
    pool_begin_[pool_count] = running;
    // Scatter claimants, agent order within each pool.
    grid.for_each_chunk([&](std::size_t chunk, AgentRange range) {
        std::uint32_t* offsets = chunk_pool_counts_.data() + chunk * pool_count;
        for (std::uint32_t agent = range.begin; agent < range.end; ++agent) {
            const std::uint32_t pool = claim_pool_[agent];
            if (pool == no_pool) continue;
            if (pool >= pool_count)
                throw std::out_of_range("claim for pool " + std::to_string(pool) + " of " + std::to_string(pool_count));
            claimants_by_pool_[offsets[pool]++] = agent;
        }
    });
    // Pools are independent: serve them in parallel.
    oneapi::tbb::parallel_for(std::uint32_t{0}, pool_count,
                              [&](std::uint32_t pool) { serve_pool(pool, capacity[pool]); });
}

void ContestedResourceAllocator::serve_pool(std::uint32_t pool, double capacity) {
    auto* first = claimants_by_pool_.data() + pool_begin_[pool];
    auto* last = claimants_by_pool_.data() + pool_begin_[pool + 1];
    PoolResult result;
    result.claimants = static_cast<std::uint32_t>(last - first);
    for (auto* it = first; it != last; ++it) result.amount_claimed += claim_amount_[*it];

    if (result.amount_claimed > capacity) {
        // A strict total order (priority, tie key, agent id): the ranking is unique, whatever
        // the sort algorithm does with equal elements.
        std::sort(first, last, [this](std::uint32_t a, std::uint32_t b) {
            if (claim_priority_[a] != claim_priority_[b]) return claim_priority_[a] > claim_priority_[b];
            if (claim_tie_key_[a] != claim_tie_key_[b]) return claim_tie_key_[a] < claim_tie_key_[b];
            return a < b;
        });
    }
    double remaining = capacity;
    for (auto* it = first; it != last; ++it) {
        const double amount = claim_amount_[*it];
        if (amount > remaining) break;
        remaining -= amount;
        granted_[*it] = 1;
        ++result.granted;
        result.amount_granted += amount;
    }
    pool_results_[pool] = result;
}

}  // namespace taalwerk
