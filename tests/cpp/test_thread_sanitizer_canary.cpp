// A deliberate data race between parallel chunks, run only by scripts/sanitize.sh in the
// ThreadSanitizer build, which requires TSan to report it: proof that the fork/join annotations
// (engine/thread_sanitizer.hpp) and tests/tsan-suppressions.txt do not hide races between the
// bodies of a parallel loop. Hidden from ordinary runs by the "[.]" tag.
#include <catch2/catch.hpp>

#include <oneapi/tbb/task_arena.h>

#include <cstdint>

#include "engine/chunk_grid.hpp"

using namespace taalwerk;

TEST_CASE("TSan canary: every chunk writes one shared counter", "[.][tsan-canary]") {
    const ChunkGrid grid(256 * ChunkGrid::agents_per_chunk);
    std::uint64_t shared_counter = 0;  // written by all chunks without synchronisation: the race
    oneapi::tbb::task_arena arena(2);
    arena.execute([&] {
        grid.for_each_chunk([&](std::size_t, AgentRange range) {
            for (std::uint32_t agent = range.begin; agent < range.end; ++agent) shared_counter += agent;
        });
    });
    CHECK(shared_counter > 0);
}
