#pragma once
// The individual side of the labour market: who searches and how hard, which segment a seeker
// qualifies for, the hiring weight employers give them, and the hazards of losing or
// improving a job. The regional side (openings shared between statushouders and competing
// seekers) is in regional_labour_market.hpp.
#include <algorithm>
#include <cmath>

#include "model/agent_store.hpp"
#include "model/model_parameters.hpp"
#include "model/population_groups.hpp"

namespace taalwerk {

// Search intensity (0 = not searching) of a housed person without a job, by the pathway in
// force for them. A tailored pathway not yet resolved (no intake) does not search.
// `past_a2_milestone`: in a course that aims beyond A2 (the new law's B1-route and
// onderwijsroute) and at A2 already, the milestone after which a sequential pathway activates.
inline double search_intensity(Pathway pathway, CourseStatus course, bool past_a2_milestone, const ModelParameters& p) {
    const bool in_or_awaiting_course = course == CourseStatus::in_course || course == CourseStatus::waiting_for_seat ||
                                       course == CourseStatus::not_started;
    if (!in_or_awaiting_course) return 1.0;
    switch (pathway) {
        case Pathway::sequential:  // mostly after the milestone; then with the course's lock-in
            return past_a2_milestone && course == CourseStatus::in_course
                       ? std::max(p.sequential_course_search_factor, p.course_lock_in_factor)
                       : p.sequential_course_search_factor;
        case Pathway::tailored: return 0.0;  // not yet resolved: no plan, no search
        // Parallel: the course's lock-in from the month of housing on; full search while waiting
        // for a seat.
        case Pathway::parallel: return course == CourseStatus::waiting_for_seat ? 1.0 : p.course_lock_in_factor;
        case Pathway::work_first: return 1.0;
    }
    return 0.0;
}

// Whether the pathway has turned a housed person without a job towards work: the municipality's
// activation instruments (jobhunter, placements, wage-cost subsidy, job coaching, ...) are for
// them. A sequential pathway activates only after the course, or in a course aiming beyond A2
// once A2 is reached; whoever looks for work during a sequential course does so on their own
// (sequential_course_search_factor) and is not activated.
inline bool activated_towards_work(Pathway pathway, CourseStatus course, bool past_a2_milestone) {
    switch (pathway) {
        case Pathway::sequential: {
            const bool before_or_in_course = course == CourseStatus::in_course || course == CourseStatus::waiting_for_seat ||
                                             course == CourseStatus::not_started;
            return !before_or_in_course || (past_a2_milestone && course == CourseStatus::in_course);
        }
        case Pathway::tailored: return false;  // not yet resolved: no plan
        case Pathway::parallel:
        case Pathway::work_first: return true;
    }
    return false;
}

// The tailored (maatwerk) pathway of a profile; rules in a fixed order, the first match wins.
inline Pathway tailored_pathway(const TailoredRules& rules, bool unwell, bool not_literate, bool carer, AgeBand age,
                                Education education) {
    if (unwell) return rules.mental_health;
    if (not_literate) return rules.not_literate;
    if (carer) return rules.young_children;
    if (age == AgeBand::age_18_29) return rules.under_30;
    if (education == Education::higher) return rules.higher_educated;
    return rules.others;
}

// The best segment a seeker qualifies for: intermediate needs B1 and upper-secondary education
// or a Dutch diploma; higher needs B2 and higher education.
inline Segment qualified_segment(const ModelParameters& p, double proficiency, Education education,
                                 DutchQualification qualification) {
    if (proficiency >= p.higher_min_level && education == Education::higher) return Segment::higher;
    if (proficiency >= p.intermediate_min_level &&
        (education >= Education::upper_secondary || qualification == DutchQualification::diploma))
        return Segment::intermediate;
    return Segment::elementary;
}

// What an employer sees, relative to a competing seeker of weight 1.
struct HiringProfile {
    double proficiency = 0.0;
    double employability = 1.0;       // education and sex, times health
    bool prior_work_experience = false;
    DutchQualification qualification = DutchQualification::none;
    double dutch_experience_months = 0.0;
    double employer_openness = 1.0;   // the region's, times the permit-length factor
    double instrument_factor = 1.0;   // jobhunter, wage-cost subsidy, ... (instrument_effects.hpp)
};

inline double hiring_weight(const ModelParameters& p, const HiringProfile& h) {
    const double network = 1.0 + (p.network_job_factor - 1.0) * std::min(1.0, h.dutch_experience_months / p.network_months);
    const double qualification = h.qualification == DutchQualification::none ? 1.0 : p.education.diploma_job_factor;
    return h.employer_openness * h.employability * std::exp(p.language_effect * (h.proficiency - 2.0)) *
           (h.prior_work_experience ? p.prior_experience_job_factor : 1.0) * network * qualification * h.instrument_factor;
}

inline double employer_openness(const ModelParameters& p, const RegionParameters& region) {
    return region.employer_openness * (p.permit_years <= 3 ? p.short_permit_openness_factor : 1.0);
}

// Monthly job-loss probability: by contract, lower with better Dutch, times coaching effects.
inline double separation_probability(const ModelParameters& p, bool permanent, double proficiency,
                                     double instrument_factor) {
    const double base = permanent ? p.separation_rate_permanent : p.separation_rate_temporary;
    return std::min(1.0, base * std::exp(-p.separation_language_effect * (proficiency - 2.0)) * instrument_factor);
}

// Monthly probability that a temporary or part-time job becomes permanent (else full time).
inline double upgrade_probability(const ModelParameters& p, double proficiency) {
    return std::min(1.0, p.upgrade_rate * std::exp(p.language_effect * (proficiency - 2.0)));
}

// Net monthly earnings: the gross wage less wage tax and premiums (after tax credits), the income
// that bijstand norms and poverty lines, both net, are compared with.
inline double monthly_net_earnings(const ModelParameters& p, bool employed, bool full_time, Segment segment) {
    if (!employed) return 0.0;
    const double hours = full_time ? p.full_time_hours_per_week : p.part_time_hours_per_week;
    return hours * weeks_per_month * p.hourly_wage_by_segment[static_cast<std::size_t>(segment)] * p.net_share_of_gross_wage;
}

}  // namespace taalwerk
