#pragma once
// The regional side of the labour market. Each region and segment has monthly openings, set by
// its competing (non-statushouder) seekers, the base job-finding rate and the tightness of that
// month. Openings go to all seekers in proportion to hiring weight, competitors weighing 1 each:
// statushouders' expected hires are openings x W / (W + competitors), W their summed weight.
// More statushouder seekers therefore crowd each other and the competitors out. Which
// statushouders get an offer is decided by weighted sampling (vacancy_claim_key).
#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>
#include <span>

#include "model/model_parameters.hpp"

namespace taalwerk {

inline std::size_t vacancy_pool(std::size_t region, Segment segment) {
    return region * segment_count + static_cast<std::size_t>(segment);
}

struct VacancyPoolMonth {
    double openings = 0.0;
    double expected_cohort_hires = 0.0;
};

// Openings and expected statushouder hires of one pool this month.
inline VacancyPoolMonth vacancy_pool_month(const ModelParameters& p, const RegionParameters& region, Segment segment,
                                           int month, double region_cohort_adults, double cohort_weight_sum) {
    VacancyPoolMonth pool;
    const double competitors = region.other_seekers_per_100[static_cast<std::size_t>(segment)] / 100.0 * region_cohort_adults;
    pool.openings = p.base_job_finding_rate * p.tightness * region.tightness_in_month(month) * competitors;
    const double all_weight = cohort_weight_sum + competitors;
    if (all_weight > 0.0) pool.expected_cohort_hires = std::min(cohort_weight_sum, pool.openings * cohort_weight_sum / all_weight);
    return pool;
}

// Offers are a whole number: the expected hires rounded up with probability equal to the
// fraction (`uniform` is one draw of the pool's own stream).
inline double offers_from_expected(double expected, double uniform) {
    const double whole = std::floor(expected);
    return whole + (uniform < expected - whole ? 1.0 : 0.0);
}

// Weighted sampling without replacement (Efraimidis-Spirakis): the seekers with the smallest
// -ln(u)/w get the offers, so a seeker's chance grows with its hiring weight w. Positive
// doubles order like their bit patterns, which makes the key an allocator tie key.
inline std::uint64_t vacancy_claim_key(double uniform_open, double weight) {
    // max(0, .) turns -0.0 (from u = 1) into +0.0, the best key, as it should be.
    const double key = weight > 0.0 ? std::max(0.0, -std::log(uniform_open) / weight) : std::numeric_limits<double>::max();
    return std::bit_cast<std::uint64_t>(key);
}

}  // namespace taalwerk
