#pragma once
// Agents are processed in fixed chunks. The chunk grid depends only on the number of agents,
// never on the thread count, and per-chunk partial sums are combined in chunk order: that is
// what makes every floating-point total bit-identical for 1, 2 or 8 threads.
#include <oneapi/tbb/blocked_range.h>
#include <oneapi/tbb/parallel_for.h>
#include <oneapi/tbb/partitioner.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>

#include "engine/thread_sanitizer.hpp"

namespace taalwerk {

struct AgentRange {
    std::uint32_t begin;
    std::uint32_t end;
};

class ChunkGrid {
public:
    static constexpr std::uint32_t agents_per_chunk = 4096;

    explicit ChunkGrid(std::uint32_t agents) : agents_(agents) {}

    std::uint32_t agents() const { return agents_; }
    std::size_t chunk_count() const { return (static_cast<std::size_t>(agents_) + agents_per_chunk - 1) / agents_per_chunk; }
    AgentRange chunk(std::size_t index) const {
        const auto begin = static_cast<std::uint32_t>(index * agents_per_chunk);
        return AgentRange{begin, std::min(agents_, begin + agents_per_chunk)};
    }

    // Calls body(chunk_index, AgentRange) for every chunk, in parallel on the current task arena.
    template <class Body>
    void for_each_chunk(Body&& body) const {
        const std::size_t chunks = chunk_count();
        ForkJoin hand_off;
        oneapi::tbb::parallel_for(oneapi::tbb::blocked_range<std::size_t>(0, chunks, 1),
                                  hand_off.body([&](const oneapi::tbb::blocked_range<std::size_t>& range) {
                                      for (std::size_t index = range.begin(); index != range.end(); ++index)
                                          body(index, chunk(index));
                                  }),
                                  oneapi::tbb::simple_partitioner{});
        hand_off.join();
    }

private:
    std::uint32_t agents_;
};

}  // namespace taalwerk
