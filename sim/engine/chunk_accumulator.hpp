#pragma once
// Per-chunk partial sums, preallocated once, reduced in chunk order (see chunk_grid.hpp).
#include <oneapi/tbb/blocked_range.h>
#include <oneapi/tbb/parallel_for.h>

#include <algorithm>
#include <cstddef>
#include <span>
#include <vector>

#include "engine/thread_sanitizer.hpp"

namespace taalwerk {

class ChunkAccumulator {
public:
    ChunkAccumulator(std::size_t chunks, std::size_t slots) : slots_(slots), partials_(chunks * slots, 0.0) {}

    std::size_t slots() const { return slots_; }

    // The row a chunk adds into; only that chunk's task touches it.
    std::span<double> row(std::size_t chunk) { return {partials_.data() + chunk * slots_, slots_}; }

    void clear() { std::fill(partials_.begin(), partials_.end(), 0.0); }

    // total[slot] = sum over chunks in index order: independent of thread count and scheduling.
    // Large tables are summed in parallel by blocks of slots (each slot still in chunk order).
    void reduce_into(std::span<double> total) const {
        const std::size_t chunks = slots_ == 0 ? 0 : partials_.size() / slots_;
        auto reduce_slots = [&](std::size_t first, std::size_t last) {
            std::fill(total.begin() + static_cast<std::ptrdiff_t>(first), total.begin() + static_cast<std::ptrdiff_t>(last), 0.0);
            for (std::size_t chunk = 0; chunk < chunks; ++chunk)
                for (std::size_t slot = first; slot < last; ++slot) total[slot] += partials_[chunk * slots_ + slot];
        };
        constexpr std::size_t block = 2048;  // slots per task
        if (chunks * slots_ < (std::size_t{1} << 20) || slots_ <= block) {
            reduce_slots(0, slots_);
            return;
        }
        ForkJoin hand_off;
        oneapi::tbb::parallel_for(oneapi::tbb::blocked_range<std::size_t>(0, slots_, block),
                                  hand_off.body([&](const oneapi::tbb::blocked_range<std::size_t>& range) {
                                      reduce_slots(range.begin(), range.end());
                                  }));
        hand_off.join();
    }

private:
    std::size_t slots_;
    std::vector<double> partials_;
};

}  // namespace taalwerk
