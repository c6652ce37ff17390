#include "output/run_memory.hpp"

#include <unistd.h>

#include <cstdio>
#include <limits>

namespace taalwerk {

namespace {

constexpr std::uint64_t saturated = std::numeric_limits<std::uint64_t>::max();

std::uint64_t multiply(std::uint64_t a, std::uint64_t b) {
    if (a != 0 && b > saturated / a) return saturated;
    return a * b;
}

}  // namespace

std::uint64_t RunMemoryEstimate::total() const {
    return output_bytes > saturated - agent_bytes ? saturated : output_bytes + agent_bytes;
}

RunMemoryEstimate estimate_run_memory(std::uint64_t agents, std::uint64_t replicates, std::uint64_t months,
                                      std::uint64_t groups, std::uint64_t indicators) {
    RunMemoryEstimate estimate;
    estimate.output_bytes =
        multiply(multiply(multiply(multiply(replicates, months), groups), indicators), sizeof(double));
    estimate.agent_bytes = multiply(agents, bytes_per_agent);
    return estimate;
}

std::uint64_t physical_memory_bytes() {
    const long pages = ::sysconf(_SC_PHYS_PAGES);
    const long page_size = ::sysconf(_SC_PAGESIZE);
    if (pages <= 0 || page_size <= 0) return 0;
    return multiply(static_cast<std::uint64_t>(pages), static_cast<std::uint64_t>(page_size));
}

std::string memory_text(std::uint64_t bytes) {
    const char* units[] = {"bytes", "kB", "MB", "GB", "TB", "PB", "EB"};
    double value = static_cast<double>(bytes);
    int unit = 0;
    while (value >= 1000.0 && unit < 6) {
        value /= 1000.0;
        ++unit;
    }
    char text[32];
    std::snprintf(text, sizeof text, unit == 0 || value >= 10.0 ? "%.0f %s" : "%.1f %s", value, units[unit]);
    return text;
}

void check_run_memory(const RunMemoryEstimate& estimate, std::uint64_t limit_bytes) {
    const bool limit_given = limit_bytes != 0;
    const std::uint64_t limit = limit_given ? limit_bytes : physical_memory_bytes();
    if (limit == 0 || estimate.total() <= limit) return;
    throw RunTooLarge("this run needs about " + memory_text(estimate.total()) + " of memory (indicators " +
                      memory_text(estimate.output_bytes) + ", agents " + memory_text(estimate.agent_bytes) +
                      "), more than the " + memory_text(limit) + (limit_given ? " allowed" : " this machine has") +
                      "; use fewer replicates, months or agents");
}

}  // namespace taalwerk
