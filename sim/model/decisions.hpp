#pragma once
// Every random decision of the model, in one place. The compile-time check below rejects two
// names that hash to the same id; check_decision_ids repeats it at start-up.
#include "random/decision_id.hpp"

namespace taalwerk::decisions {

inline constexpr Decision cohort_sex = make_decision("cohort.sex");
inline constexpr Decision cohort_origin = make_decision("cohort.origin");
inline constexpr Decision cohort_education = make_decision("cohort.education");
inline constexpr Decision cohort_literacy = make_decision("cohort.literacy");
inline constexpr Decision cohort_latin_script = make_decision("cohort.latin_script");
inline constexpr Decision sequential_combining = make_decision("pathways.sequential_combining");
inline constexpr Decision cohort_age = make_decision("cohort.age");
inline constexpr Decision cohort_mental_health = make_decision("cohort.mental_health");
inline constexpr Decision cohort_household = make_decision("cohort.household");
inline constexpr Decision cohort_municipality = make_decision("cohort.municipality");
inline constexpr Decision reception_months_to_housing = make_decision("reception.months_to_housing");
inline constexpr Decision course_seat_tie_break = make_decision("language.course_seat_tie_break");
inline constexpr Decision cohort_permit_month = make_decision("cohort.permit_month");
inline constexpr Decision cohort_prior_work = make_decision("cohort.prior_work");
inline constexpr Decision asylum_work = make_decision("reception.asylum_work");
inline constexpr Decision vacancy_claim = make_decision("labour.vacancy_claim");
inline constexpr Decision vacancy_offers = make_decision("labour.vacancy_offers");
inline constexpr Decision job_upgrade = make_decision("labour.job_upgrade");
inline constexpr Decision instrument_tie_break = make_decision("instruments.tie_break");
inline constexpr Decision instrument_completion = make_decision("instruments.completion");
inline constexpr Decision placement_job_offer = make_decision("instruments.placement_job_offer");
inline constexpr Decision education_dropout = make_decision("education.dropout");
inline constexpr Decision job_offer_terms = make_decision("labour.job_offer_terms");
inline constexpr Decision job_separation = make_decision("labour.job_separation");
inline constexpr Decision intake_tie_break = make_decision("caseworkers.intake_tie_break");
inline constexpr Decision inburgering_exam = make_decision("inburgering.exam");
inline constexpr Decision exemption_seeking = make_decision("inburgering.exemption_seeking");
inline constexpr Decision job_acceptance = make_decision("labour.job_acceptance");
inline constexpr Decision health_transition = make_decision("health.transition");
inline constexpr Decision health_onset_time = make_decision("health.onset_time");

inline constexpr Decision all[] = {
    cohort_sex,      cohort_origin,         cohort_education,       cohort_literacy,
    cohort_age,      cohort_mental_health,  cohort_municipality,    reception_months_to_housing,
    course_seat_tie_break, vacancy_claim,   job_offer_terms,        job_separation,
    intake_tie_break, inburgering_exam, job_acceptance, health_transition,
    health_onset_time, cohort_household, cohort_permit_month, cohort_prior_work, asylum_work, vacancy_offers,
    job_upgrade, instrument_tie_break, instrument_completion, education_dropout, placement_job_offer,
    cohort_latin_script, sequential_combining, exemption_seeking,
};
static_assert(decision_ids_are_unique(all), "two decision names hash to the same id: rename one");

}  // namespace taalwerk::decisions
