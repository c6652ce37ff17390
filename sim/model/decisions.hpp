#pragma once
// Every random decision of the model, in one place. The compile-time check below rejects two
// names that hash to the same id; check_decision_ids repeats it at start-up.
#include "random/decision_id.hpp"

namespace taalwerk::decisions {

inline constexpr Decision cohort_sex = make_decision("cohort.sex");
inline constexpr Decision cohort_origin = make_decision("cohort.origin");
inline constexpr Decision cohort_education = make_decision("cohort.education");
inline constexpr Decision cohort_literacy = make_decision("cohort.literacy");
inline constexpr Decision cohort_age = make_decision("cohort.age");
inline constexpr Decision cohort_mental_health = make_decision("cohort.mental_health");
inline constexpr Decision cohort_household = make_decision("cohort.household");
inline constexpr Decision cohort_municipality = make_decision("cohort.municipality");
inline constexpr Decision reception_months_to_housing = make_decision("reception.months_to_housing");
inline constexpr Decision course_seat_tie_break = make_decision("language.course_seat_tie_break");
inline constexpr Decision job_search = make_decision("labour.job_search");
inline constexpr Decision job_offer_terms = make_decision("labour.job_offer_terms");
inline constexpr Decision job_separation = make_decision("labour.job_separation");
inline constexpr Decision intake_tie_break = make_decision("caseworkers.intake_tie_break");
inline constexpr Decision inburgering_exam = make_decision("inburgering.exam");
inline constexpr Decision job_acceptance = make_decision("labour.job_acceptance");
inline constexpr Decision health_transition = make_decision("health.transition");
inline constexpr Decision health_onset_time = make_decision("health.onset_time");

inline constexpr Decision all[] = {
    cohort_sex,      cohort_origin,         cohort_education,       cohort_literacy,
    cohort_age,      cohort_mental_health,  cohort_municipality,    reception_months_to_housing,
    course_seat_tie_break, job_search,      job_offer_terms,        job_separation,
    intake_tie_break, inburgering_exam, job_acceptance, health_transition,
    health_onset_time, cohort_household,
};
static_assert(decision_ids_are_unique(all), "two decision names hash to the same id: rename one");

}  // namespace taalwerk::decisions
