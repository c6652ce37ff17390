#pragma once
// How much memory a run will need, estimated before anything is allocated, so that an absurd
// request (10^5 replicates x 600 months x 5*10^7 agents) is refused with a message that states
// the estimate, instead of ending in std::bad_alloc or the kernel's out-of-memory killer.
#include <cstdint>
#include <stdexcept>
#include <string>

namespace taalwerk {

// A run that would not fit in this machine's memory.
class RunTooLarge : public std::length_error {
public:
    using std::length_error::length_error;
};

struct RunMemoryEstimate {
    std::uint64_t output_bytes = 0;  // the indicators: replicates x months x groups x indicators doubles
    std::uint64_t agent_bytes = 0;   // agent state and allocation scratch, for one replicate at a time
    std::uint64_t total() const;
};

// Everything a run holds per agent, rounded up from the measured peak so the estimate errs on
// the generous side: agent state 89, allocation scratch 176, tally flags 16 bytes
// (model_benchmark), plus per-chunk tables; peak resident memory of whole runs measured at 298
// bytes per additional agent (scripts/scale-runs.py, 1 to 10 million agents, 2026-11).
inline constexpr std::uint64_t bytes_per_agent = 320;

// Saturates at UINT64_MAX instead of wrapping around.
RunMemoryEstimate estimate_run_memory(std::uint64_t agents, std::uint64_t replicates, std::uint64_t months,
                                      std::uint64_t groups, std::uint64_t indicators);

// Physical memory of this machine (0 if unknown).
std::uint64_t physical_memory_bytes();

// "1.5 GB", "691 GB", "12 MB": for messages.
std::string memory_text(std::uint64_t bytes);

// Throws RunTooLarge when `estimate` exceeds `limit_bytes` (physical memory when 0 is given and
// it is known), e.g. "this run needs about 691 GB of memory (indicators 691 GB, agents 6.4 GB),
// more than the 23 GB this machine has; use fewer replicates, months or agents".
void check_run_memory(const RunMemoryEstimate& estimate, std::uint64_t limit_bytes = 0);

}  // namespace taalwerk
