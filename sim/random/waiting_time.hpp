#pragma once
// Waiting times of constant monthly hazards, drawn once instead of one draw a month: the
// month-by-month Bernoulli process and this geometric draw have the same distribution, and the
// drawn form costs nothing in the months in between.
#include <cmath>
#include <cstdint>

#include "random/random_stream.hpp"

namespace taalwerk {

inline constexpr std::uint16_t never = 65535;

// Months that pass without the event (0: it happens in the first month), capped below `never`.
// Always consumes one word.
inline std::uint16_t draw_months_without_event(RandomStream& stream, double monthly_probability) {
    const double u = draw_uniform(stream);
    if (monthly_probability <= 0.0) return never;
    if (monthly_probability >= 1.0) return 0;
    const double months = std::floor(std::log1p(-u) / std::log1p(-monthly_probability));
    return static_cast<std::uint16_t>(std::min(months, static_cast<double>(never - 1)));
}

}  // namespace taalwerk
