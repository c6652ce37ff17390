#pragma once
// Bijstand tops household income up to the norm; earnings are offset against it except for
// the disregarded share (the poverty trap when that share is 0).
#include <algorithm>

#include "model/model_parameters.hpp"

namespace taalwerk {

// Bijstand of a benefit unit (a single adult, or a couple as one unit) with these earnings.
inline double household_bijstand(const ModelParameters& p, double norm, double household_earnings) {
    return std::max(0.0, norm - (1.0 - p.earnings_disregard_share) * household_earnings);
}

inline double monthly_bijstand(const ModelParameters& p, double earnings) {
    return household_bijstand(p, p.bijstand_norm, earnings);
}

// What taking a job is worth after the bijstand offset: the poverty trap makes this small for
// part-time work unless part of the earnings is disregarded.
inline double net_gain_of_job(const ModelParameters& p, double earnings, double norm, double other_earnings) {
    return earnings - (household_bijstand(p, norm, other_earnings) - household_bijstand(p, norm, other_earnings + earnings));
}

inline double net_gain_of_job(const ModelParameters& p, double earnings) {
    return net_gain_of_job(p, earnings, p.bijstand_norm, 0.0);
}

// Probability of accepting an offer: a floor (obligations, motivation) rising linearly with the
// net gain up to the reservation gain.
inline double job_acceptance_probability(const ModelParameters& p, double net_gain) {
    const double share = std::clamp(net_gain / p.reservation_net_gain, 0.0, 1.0);
    return p.acceptance_without_gain + (1.0 - p.acceptance_without_gain) * share;
}

}  // namespace taalwerk
