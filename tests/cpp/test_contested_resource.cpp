#include <catch2/catch.hpp>

#include <oneapi/tbb/task_arena.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <vector>

#include "engine/contested_resource.hpp"
#include "random/random_stream.hpp"

using namespace taalwerk;

namespace {

struct ClaimSpec {
    std::uint32_t pool;
    std::int32_t priority;
    double amount;
};

// Claims written in parallel by the agents' chunks, allocated, and the grant flags returned.
std::vector<int> allocate_with_threads(const std::vector<ClaimSpec>& claims, const std::vector<double>& capacity,
                                       int threads, ContestedResourceAllocator* keep = nullptr) {
    const auto agents = static_cast<std::uint32_t>(claims.size());
    ContestedResourceAllocator local(agents, static_cast<std::uint32_t>(capacity.size()));
    ContestedResourceAllocator& allocator = keep ? *keep : local;
    ChunkGrid grid(agents);
    const Decision tie = make_decision("test.tie_break");
    oneapi::tbb::task_arena arena(threads);
    arena.execute([&] {
        grid.for_each_chunk([&](std::size_t, AgentRange range) {
            for (std::uint32_t agent = range.begin; agent < range.end; ++agent) {
                const ClaimSpec& c = claims[agent];
                if (c.pool == ContestedResourceAllocator::no_pool) {
                    allocator.withdraw(agent);
                    continue;
                }
                RandomStream key({5, 0}, agent, 0, tie);
                allocator.claim(agent, c.pool, c.priority, key.next_u64(), c.amount);
            }
        });
        allocator.allocate(grid, capacity);
    });
    std::vector<int> granted(agents);
    for (std::uint32_t agent = 0; agent < agents; ++agent) granted[agent] = allocator.granted(agent);
    return granted;
}

std::vector<ClaimSpec> many_claims(std::uint32_t agents, std::uint32_t pools) {
    std::vector<ClaimSpec> claims(agents);
    for (std::uint32_t a = 0; a < agents; ++a) {
        if (a % 7 == 3) claims[a] = {ContestedResourceAllocator::no_pool, 0, 0.0};
        else claims[a] = {a % pools, static_cast<std::int32_t>((a * 2654435761u) % 5), 1.0 + (a % 3)};
    }
    return claims;
}

}  // namespace

TEST_CASE("Allocation never exceeds a pool's capacity", "[allocation]") {
    const auto claims = many_claims(20000, 4);
    const std::vector<double> capacity{100.0, 2500.0, 0.0, 1e9};
    ContestedResourceAllocator allocator(20000, 4);
    const auto granted = allocate_with_threads(claims, capacity, 2, &allocator);
    std::vector<double> used(4, 0.0);
    for (std::size_t a = 0; a < claims.size(); ++a)
        if (granted[a]) used[claims[a].pool] += claims[a].amount;
    for (std::uint32_t pool = 0; pool < 4; ++pool) {
        CHECK(used[pool] <= capacity[pool]);
        CHECK(used[pool] == allocator.result(pool).amount_granted);
    }
    CHECK(used[2] == 0.0);                                  // zero capacity: nobody served
    CHECK(allocator.result(3).granted == allocator.result(3).claimants);  // ample capacity: everybody served
    CHECK(used[0] > 90.0);                                  // scarce pool is nearly filled
}

TEST_CASE("Allocation serves higher priority first and never lets a lower priority jump the queue", "[allocation]") {
    const auto claims = many_claims(20000, 3);
    const std::vector<double> capacity{1500.0, 4000.0, 800.0};
    const auto granted = allocate_with_threads(claims, capacity, 2);
    for (std::uint32_t pool = 0; pool < 3; ++pool) {
        std::int32_t lowest_granted = 1000, highest_refused = -1000;
        for (std::size_t a = 0; a < claims.size(); ++a) {
            if (claims[a].pool != pool) continue;
            if (granted[a]) lowest_granted = std::min(lowest_granted, claims[a].priority);
            else highest_refused = std::max(highest_refused, claims[a].priority);
        }
        CHECK(lowest_granted >= highest_refused);
    }
}

TEST_CASE("Allocation is deterministic: identical grants for 1, 2 and 4 threads", "[allocation][determinism]") {
    const auto claims = many_claims(50000, 5);
    const std::vector<double> capacity{700.0, 12000.0, 3.0, 5000.0, 1e6};
    const auto one = allocate_with_threads(claims, capacity, 1);
    CHECK(allocate_with_threads(claims, capacity, 2) == one);
    CHECK(allocate_with_threads(claims, capacity, 4) == one);
}

TEST_CASE("Equal priorities are broken by the random key, not by agent order", "[allocation]") {
    // 10,000 equal claims for 5,000 seats: the served share of the first and second half of
    // the agent ids is 1/2 each within a computed margin.
    std::vector<ClaimSpec> claims(10000, ClaimSpec{0, 1, 1.0});
    const auto granted = allocate_with_threads(claims, {5000.0}, 2);
    const int first_half = std::accumulate(granted.begin(), granted.begin() + 5000, 0);
    CHECK(std::accumulate(granted.begin(), granted.end(), 0) == 5000);
    const double margin = 5.0 * std::sqrt(0.25 / 5000.0) * 5000.0;
    CHECK(std::abs(first_half - 2500) < margin);
}

TEST_CASE("A claim that does not fit stops service of that pool", "[allocation]") {
    // Priorities 3, 2, 1 claiming 5, 8, 1 units of 10: the first is served, the second does not
    // fit, and the third (lower priority) is not served before it.
    std::vector<ClaimSpec> claims{{0, 3, 5.0}, {0, 2, 8.0}, {0, 1, 1.0}};
    const auto granted = allocate_with_threads(claims, {10.0}, 1);
    CHECK(granted == std::vector<int>{1, 0, 0});
}

TEST_CASE("Capacity list must match the pools", "[allocation]") {
    ContestedResourceAllocator allocator(10, 2);
    ChunkGrid grid(10);
    for (std::uint32_t a = 0; a < 10; ++a) allocator.withdraw(a);
    const std::vector<double> wrong{1.0};
    CHECK_THROWS_WITH(allocator.allocate(grid, wrong), Catch::Matchers::Contains("1 capacities for 2 pools"));
}

TEST_CASE("Unit claims: exactly the first claims in the order of service are served", "[allocation]") {
    // Reference: sort by (priority descending, tie key, agent) and serve the first floor(capacity).
    // Pools with many priority levels, few, one, equal tie keys and keys close together.
    const std::uint32_t agents = 30000;
    const std::uint32_t pools = 6;
    std::vector<ClaimSpec> claims(agents);
    std::vector<std::uint64_t> keys(agents);
    std::uint64_t state = 42;
    auto next = [&state] {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        return state >> 11;
    };
    for (std::uint32_t a = 0; a < agents; ++a) {
        const std::uint32_t pool = a % pools;
        claims[a] = next() % 9 == 0 ? ClaimSpec{ContestedResourceAllocator::no_pool, 0, 0.0}
                                    : ClaimSpec{pool, static_cast<std::int32_t>(pool == 0 ? next() % 300 : pool == 1 ? next() % 2 : 0), 1.0};
    }
    const std::vector<double> capacity{1234.0, 2000.5, 17.0, 0.0, 4100.0, 3000.0};
    for (std::uint32_t a = 0; a < agents; ++a) {
        const std::uint32_t pool = a % pools;
        keys[a] = pool == 2 ? 7 : pool == 4 ? (1ULL << 40) + next() % 1000 : pool == 5 ? next() << 11 : next();
    }
    ContestedResourceAllocator allocator(agents, pools);
    ChunkGrid grid(agents);
    for (int threads : {1, 2}) {
        oneapi::tbb::task_arena arena(threads);
        arena.execute([&] {
            grid.for_each_chunk([&](std::size_t, AgentRange range) {
                for (std::uint32_t agent = range.begin; agent < range.end; ++agent) {
                    if (claims[agent].pool == ContestedResourceAllocator::no_pool) allocator.withdraw(agent);
                    else allocator.claim(agent, claims[agent].pool, claims[agent].priority, keys[agent]);
                }
            });
            allocator.allocate(grid, capacity);
        });
        for (std::uint32_t pool = 0; pool < pools; ++pool) {
            std::vector<std::uint32_t> order;
            for (std::uint32_t a = 0; a < agents; ++a)
                if (claims[a].pool == pool) order.push_back(a);
            std::sort(order.begin(), order.end(), [&](std::uint32_t x, std::uint32_t y) {
                if (claims[x].priority != claims[y].priority) return claims[x].priority > claims[y].priority;
                if (keys[x] != keys[y]) return keys[x] < keys[y];
                return x < y;
            });
            const std::size_t served = std::min(order.size(), static_cast<std::size_t>(std::floor(capacity[pool])));
            INFO("pool " << pool << ", threads " << threads);
            for (std::size_t i = 0; i < order.size(); ++i) REQUIRE(allocator.granted(order[i]) == (i < served));
            CHECK(allocator.result(pool).granted == served);
            CHECK(allocator.result(pool).amount_granted == static_cast<double>(served));
        }
    }
}
