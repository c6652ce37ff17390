#pragma once
// Two-phase allocation of contested resources (course seats, vacancies, caseworker time,
// budget; engineering note 4):
//   1. claims: each agent's task writes its own claim slot, in parallel;
//   2. allocate: per pool, claimants are ranked by priority (higher first), ties broken by a
//      per-agent random key, then by agent id, and served in that order while the pool's
//      capacity lasts. Service is strict: once a claim does not fit, nobody ranked below it is
//      served from that pool this month, so a lower priority never jumps the queue;
//   3. apply: each agent's task reads granted(agent), in parallel.
// The result depends only on the claims, never on thread timing, and capacity is never exceeded.
#include <atomic>
#include <cstdint>
#include <limits>
#include <span>
#include <vector>

#include "engine/chunk_grid.hpp"

namespace taalwerk {

struct PoolResult {
    std::uint32_t claimants = 0;
    std::uint32_t granted = 0;
    double amount_claimed = 0.0;
    double amount_granted = 0.0;
};

class ContestedResourceAllocator {
public:
    static constexpr std::uint32_t no_pool = std::numeric_limits<std::uint32_t>::max();

    ContestedResourceAllocator(std::uint32_t agents, std::uint32_t pools);

    // Claim slots and scratch kept per agent (for memory reports).
    static constexpr std::size_t scratch_bytes_per_agent() {
        return sizeof(std::uint32_t) + sizeof(std::int32_t) + sizeof(std::uint64_t) + sizeof(double) +
               sizeof(std::uint32_t) + sizeof(RankedClaim);
    }

    std::uint32_t pools() const { return static_cast<std::uint32_t>(pool_results_.size()); }

    // Phase 1 (thread-safe per agent): every agent's slot must be written each round, by
    // withdraw() or claim().
    void withdraw(std::uint32_t agent) {
        // Most slots of a sparse resource stay withdrawn month after month: not rewriting them
        // leaves their memory clean.
        if (claim_pool_[agent] != no_pool) claim_pool_[agent] = no_pool;
    }
    void claim(std::uint32_t agent, std::uint32_t pool, std::int32_t priority, std::uint64_t tie_key,
               double amount = 1.0) {
        claim_pool_[agent] = pool;  // not granted (granted_bit clear)
        claim_priority_[agent] = priority;
        claim_tie_key_[agent] = tie_key;
        // Amounts are stored once any claim is not of one unit; until then every stored amount
        // is the initial 1.0 (a claim racing with the first other amount finds 1.0 there too).
        if (amount != 1.0 || any_amounts_.load(std::memory_order_relaxed)) {
            claim_amount_[agent] = amount;
            if (amount != 1.0) any_amounts_.store(true, std::memory_order_relaxed);
        }
    }

    // Phase 2: capacity[pool] in the same unit as the claimed amounts.
    void allocate(const ChunkGrid& grid, std::span<const double> capacity);

    // Phase 3.
    bool granted(std::uint32_t agent) const {
        const std::uint32_t slot = claim_pool_[agent];
        return slot != no_pool && (slot & granted_bit) != 0;
    }
    bool claimed(std::uint32_t agent) const { return claim_pool_[agent] != no_pool; }
    std::uint32_t claimed_pool(std::uint32_t agent) const {
        const std::uint32_t slot = claim_pool_[agent];
        return slot == no_pool ? no_pool : slot & ~granted_bit;
    }
    std::int32_t claim_priority(std::uint32_t agent) const { return claim_priority_[agent]; }
    const PoolResult& result(std::uint32_t pool) const { return pool_results_[pool]; }

private:
    // A claim with its ranking key, packed so that ranking a large pool reads memory in order.
    struct RankedClaim {
        std::uint64_t tie_key;
        std::int32_t priority;
        std::uint32_t agent;
        // The strict total order of service: priority (higher first), tie key, agent id.
        bool operator<(const RankedClaim& other) const {
            if (priority != other.priority) return priority > other.priority;
            if (tie_key != other.tie_key) return tie_key < other.tie_key;
            return agent < other.agent;
        }
    };

    void serve_pool(std::uint32_t pool, double capacity);
    template <class Grant>
    static std::size_t select_first(RankedClaim* ranked, std::size_t count, std::size_t served, Grant&& grant);

    // The claimed pool, with granted_bit set once granted (one array read by the agents' second
    // pass instead of two); pools are below granted_bit.
    static constexpr std::uint32_t granted_bit = 0x80000000u;
    std::vector<std::uint32_t> claim_pool_;
    std::vector<std::int32_t> claim_priority_;
    std::vector<std::uint64_t> claim_tie_key_;
    std::vector<double> claim_amount_;
    std::atomic<bool> any_amounts_{false};  // some claim (ever) of an amount other than 1
    // Scratch, sized once: claimants grouped by pool in agent order.
    std::vector<std::uint32_t> chunk_pool_counts_;
    static constexpr std::uint32_t count_lanes = 4;
    std::vector<std::uint32_t> chunk_count_lanes_;  // per chunk: count_lanes x (pools + 1) counters
    std::vector<std::uint32_t> pool_begin_;
    std::vector<std::uint32_t> claimants_by_pool_;
    std::vector<RankedClaim> ranked_;  // same positions as claimants_by_pool_
    std::vector<PoolResult> pool_results_;
};

}  // namespace taalwerk
