#pragma once
// Per-chunk partial sums, preallocated once, reduced in chunk order (see chunk_grid.hpp).
#include <algorithm>
#include <cstddef>
#include <span>
#include <vector>

namespace taalwerk {

class ChunkAccumulator {
public:
    ChunkAccumulator(std::size_t chunks, std::size_t slots) : slots_(slots), partials_(chunks * slots, 0.0) {}

    std::size_t slots() const { return slots_; }

    // The row a chunk adds into; only that chunk's task touches it.
    std::span<double> row(std::size_t chunk) { return {partials_.data() + chunk * slots_, slots_}; }

    void clear() { std::fill(partials_.begin(), partials_.end(), 0.0); }

    // total[slot] = sum over chunks in index order: independent of thread count and scheduling.
    void reduce_into(std::span<double> total) const {
        std::fill(total.begin(), total.end(), 0.0);
        const std::size_t chunks = slots_ == 0 ? 0 : partials_.size() / slots_;
        for (std::size_t chunk = 0; chunk < chunks; ++chunk)
            for (std::size_t slot = 0; slot < slots_; ++slot) total[slot] += partials_[chunk * slots_ + slot];
    }

private:
    std::size_t slots_;
    std::vector<double> partials_;
};

}  // namespace taalwerk
