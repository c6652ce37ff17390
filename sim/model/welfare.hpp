#pragma once
// Bijstand tops household income up to the norm; earnings are offset against it except for
// the disregarded share (the poverty trap when that share is 0).
#include <algorithm>

#include "model/model_parameters.hpp"

namespace taalwerk {

inline double monthly_earnings(const ModelParameters& p, bool employed, bool full_time) {
    if (!employed) return 0.0;
    const double hours = full_time ? p.full_time_hours_per_week : p.part_time_hours_per_week;
    return hours * weeks_per_month * p.hourly_wage;
}

inline double monthly_bijstand(const ModelParameters& p, double earnings) {
    return std::max(0.0, p.bijstand_norm - (1.0 - p.earnings_disregard_share) * earnings);
}

}  // namespace taalwerk
