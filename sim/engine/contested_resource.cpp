#include "engine/contested_resource.hpp"

#include <oneapi/tbb/parallel_for.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <stdexcept>
#include <string>

#include "engine/thread_sanitizer.hpp"

namespace taalwerk {

ContestedResourceAllocator::ContestedResourceAllocator(std::uint32_t agents, std::uint32_t pools)
    : claim_pool_(agents, no_pool),
      claim_priority_(agents, 0),
      claim_tie_key_(agents, 0),
      claim_amount_(agents, 1.0),
      chunk_pool_counts_(ChunkGrid(agents).chunk_count() * pools + 1, 0),
      chunk_count_lanes_(ChunkGrid(agents).chunk_count() * count_lanes * (pools + 1), 0),
      pool_begin_(pools + 1, 0),
      claimants_by_pool_(agents, 0),
      ranked_(agents),
      pool_results_(pools) {
    if (pools >= granted_bit) throw std::invalid_argument("too many pools: " + std::to_string(pools));
}

void ContestedResourceAllocator::allocate(const ChunkGrid& grid, std::span<const double> capacity) {
    const std::uint32_t pool_count = pools();
    if (capacity.size() != pool_count)
        throw std::invalid_argument("allocate: " + std::to_string(capacity.size()) + " capacities for " +
                                    std::to_string(pool_count) + " pools");
    const std::size_t chunks = grid.chunk_count();

    // Count claims per (chunk, pool) in parallel, without branches (which agents claim is hard
    // to predict): withdrawn slots count in an extra column `pool_count`, and four interleaved
    // lanes of counters keep consecutive increments of one counter from waiting on each other.
    const std::uint32_t columns = pool_count + 1;
    grid.for_each_chunk([&](std::size_t chunk, AgentRange range) {
        std::uint32_t* lanes = chunk_count_lanes_.data() + chunk * count_lanes * columns;
        std::fill(lanes, lanes + count_lanes * columns, 0u);
        // (A claim for a pool that does not exist counts there too; the scatter rejects it.)
        std::uint32_t agent = range.begin;
        for (; agent + count_lanes <= range.end; agent += count_lanes)
            for (std::uint32_t lane = 0; lane < count_lanes; ++lane)
                ++lanes[lane * columns + std::min(claim_pool_[agent + lane], pool_count)];
        for (; agent < range.end; ++agent) ++lanes[std::min(claim_pool_[agent], pool_count)];
        std::uint32_t* counts = chunk_pool_counts_.data() + chunk * pool_count;
        for (std::uint32_t pool = 0; pool < pool_count; ++pool) {
            std::uint32_t count = 0;
            for (std::uint32_t lane = 0; lane < count_lanes; ++lane) count += lanes[lane * columns + pool];
            counts[pool] = count;
        }
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
    ForkJoin hand_off;
    oneapi::tbb::parallel_for(std::uint32_t{0}, pool_count,
                              hand_off.body([&](std::uint32_t pool) { serve_pool(pool, capacity[pool]); }));
    hand_off.join();
}

// Grants (through `grant`) claims that are among the first `served` in the order of service and
// moves the rest of that set to the front of `ranked`; returns how many are there. The set is
// that of std::nth_element (the order is strict and total, so the set is unique), found by
// counting instead of comparing: the priority level where service ends, then, within that level,
// a histogram of the tie keys' offsets from the smallest key, and std::nth_element only on the
// one bucket where service ends.
template <class Grant>
std::size_t ContestedResourceAllocator::select_first(RankedClaim* ranked, std::size_t count, std::size_t served, Grant&& grant) {
    if (served >= count) return count;
    if (served == 0) return 0;
    std::int32_t low_priority = ranked[0].priority;
    std::int32_t high_priority = ranked[0].priority;
    std::uint64_t low_key = ranked[0].tie_key;
    std::uint64_t high_key = ranked[0].tie_key;
    for (std::size_t i = 1; i < count; ++i) {
        low_priority = std::min(low_priority, ranked[i].priority);
        high_priority = std::max(high_priority, ranked[i].priority);
        low_key = std::min(low_key, ranked[i].tie_key);
        high_key = std::max(high_key, ranked[i].tie_key);
    }
    constexpr std::size_t buckets = 2048;
    const std::int64_t priority_span = static_cast<std::int64_t>(high_priority) - low_priority;
    if (priority_span >= static_cast<std::int64_t>(buckets) || high_key == low_key) {
        std::nth_element(ranked, ranked + served, ranked + count);
        return served;
    }
    std::array<std::uint32_t, buckets> histogram{};
    // The level: higher priorities are served first.
    for (std::size_t i = 0; i < count; ++i) ++histogram[static_cast<std::size_t>(high_priority - ranked[i].priority)];
    std::size_t above = 0;  // claims of a higher priority than the level
    std::size_t level_index = 0;
    while (above + histogram[level_index] < served) above += histogram[level_index++];
    const std::int32_t level = high_priority - static_cast<std::int32_t>(level_index);
    // Within the level: buckets of tie-key offsets, smaller keys first.
    const int shift = std::max(0, static_cast<int>(std::bit_width(high_key - low_key)) - 11);
    histogram.fill(0);
    for (std::size_t i = 0; i < count; ++i)
        if (ranked[i].priority == level) ++histogram[static_cast<std::size_t>((ranked[i].tie_key - low_key) >> shift)];
    const std::size_t needed = served - above;
    std::size_t before = 0;  // claims of the level in buckets before the last one served
    std::size_t bucket = 0;
    while (before + histogram[bucket] < needed) before += histogram[bucket++];
    // Grant all of higher priority and of earlier buckets; gather the last bucket at the front.
    std::size_t gathered = 0;
    for (std::size_t i = 0; i < count; ++i) {
        const RankedClaim claim = ranked[i];
        if (claim.priority > level) {
            grant(claim.agent);
        } else if (claim.priority == level) {
            const auto b = static_cast<std::size_t>((claim.tie_key - low_key) >> shift);
            if (b < bucket) grant(claim.agent);
            else if (b == bucket) ranked[gathered++] = claim;
        }
    }
    const std::size_t rest = needed - before;
    std::nth_element(ranked, ranked + rest, ranked + gathered);
    return rest;
}

void ContestedResourceAllocator::serve_pool(std::uint32_t pool, double capacity) {
    auto* first = claimants_by_pool_.data() + pool_begin_[pool];
    auto* last = claimants_by_pool_.data() + pool_begin_[pool + 1];
    PoolResult result;
    result.claimants = static_cast<std::uint32_t>(last - first);
    // Without any amount other than 1 (the model's case), the sums of ones are the counts.
    const bool amounts = any_amounts_.load(std::memory_order_relaxed);
    bool unit_claims = true;
    if (amounts) {
        for (auto* it = first; it != last; ++it) {
            result.amount_claimed += claim_amount_[*it];
            unit_claims = unit_claims && claim_amount_[*it] == 1.0;
        }
    } else {
        result.amount_claimed = static_cast<double>(result.claimants);
    }
    auto grant = [&](std::uint32_t agent) {
        claim_pool_[agent] |= granted_bit;
        ++result.granted;
        result.amount_granted += amounts ? claim_amount_[agent] : 1.0;
    };

    if (result.amount_claimed <= capacity) {
        for (auto* it = first; it != last; ++it) grant(*it);
    } else {
        // The ranking is a strict total order, so it is unique whatever the algorithm does with
        // equal elements. Unit claims: the first floor(capacity) in that order are served, and
        // selecting them (linear time) is enough; other amounts are served in sorted order.
        RankedClaim* ranked = ranked_.data() + pool_begin_[pool];
        const std::size_t count = static_cast<std::size_t>(last - first);
        for (std::size_t i = 0; i < count; ++i) {
            const std::uint32_t agent = first[i];
            ranked[i] = RankedClaim{claim_tie_key_[agent], claim_priority_[agent], agent};
        }
        if (unit_claims) {
            const auto served = static_cast<std::size_t>(std::max(0.0, std::floor(capacity)));
            const std::size_t selected = select_first(ranked, count, served, grant);
            for (std::size_t i = 0; i < selected; ++i) grant(ranked[i].agent);
        } else {
            std::sort(ranked, ranked + count);
            double remaining = capacity;
            for (std::size_t i = 0; i < count; ++i) {
                const double amount = claim_amount_[ranked[i].agent];
                if (amount > remaining) break;  // strict service: nobody ranked lower jumps the queue
                remaining -= amount;
                grant(ranked[i].agent);
            }
        }
    }
    pool_results_[pool] = result;
}

}  // namespace taalwerk
