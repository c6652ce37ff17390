#pragma once
// The monthly indicators: what each counts, its unit and description. docs/outputs.md lists
// them from this table (`taalwerk outputs`).
#include <array>
#include <cstddef>
#include <string_view>

#include "model/instruments.hpp"

namespace taalwerk {

enum class IndicatorId : std::size_t {
    persons,
    awaiting_permit,
    abroad_awaiting_reunification,
    in_reception,
    housed,
    waiting_for_intake,
    in_guidance,
    waiting_for_course_seat,
    in_language_course,
    in_placement,
    in_education,
    with_dutch_qualification,
    waiting_for_instrument,
    instrument_starts,
    receiving_orientation,
    receiving_extra_language_course,
    receiving_sector_language_course,
    receiving_jobhunter,
    receiving_job_coaching,
    receiving_work_experience_place,
    receiving_trial_placement,
    receiving_wage_cost_subsidy,
    receiving_learn_work_trajectory,
    receiving_childcare,
    receiving_mental_health_care,
    receiving_bridging_programme,
    seeking_work,
    seeking_work_activated,
    in_paid_work,
    in_part_time_work,
    in_full_time_work,
    in_temporary_work,
    in_permanent_work,
    in_elementary_job,
    in_intermediate_job,
    in_higher_job,
    job_upgrades,
    ever_worked,
    in_work_6_months_or_more,
    in_work_12_months_or_more,
    ever_in_work_6_months,
    ever_in_work_12_months,
    on_bijstand,
    below_poverty_line,
    caring_for_young_child,
    language_below_a1,
    language_a1,
    language_a2,
    language_b1,
    language_b2_or_higher,
    with_mental_health_problem,
    in_mental_health_care,
    in_z_route,
    inburgering_passed,
    inburgering_exempt,
    inburgering_route_completed,
    inburgering_overdue,
    inburgering_fined,
    inburgering_fines_eur,
    inburgering_loan_debt_eur,
    cost_bijstand,
    cost_caseworkers,
    cost_inburgering,
    cost_instruments,
    cost_total,
    count
};

inline constexpr std::size_t first_receiving_indicator = static_cast<std::size_t>(IndicatorId::receiving_orientation);
static_assert(static_cast<std::size_t>(IndicatorId::receiving_bridging_programme) - first_receiving_indicator + 1 ==
                  instrument_count, "one receiving_* indicator per instrument, in Instrument order");

inline constexpr std::size_t indicator_count = static_cast<std::size_t>(IndicatorId::count);

struct IndicatorDescription {
    std::string_view name;
    std::string_view unit;
    std::string_view description;
};

inline constexpr std::array<IndicatorDescription, indicator_count> indicator_descriptions{{
    {"persons", "persons", "Adults of the cohort in the Netherlands with a permit (the denominator of every share)."},
    {"awaiting_permit", "persons", "Adults of the cohort whose permit month (inflow schedule) has not come yet; not counted in persons."},
    {"abroad_awaiting_reunification", "persons", "Partners (nareizigers) not yet arrived; not counted in persons."},
    {"in_reception", "persons", "Living in an asylum reception centre (AZC), waiting for housing."},
    {"housed", "persons", "Housed in a municipality."},
    {"waiting_for_intake", "persons", "Housed and waiting for the broad intake because caseworkers are full."},
    {"in_guidance", "persons", "Guided by a municipal caseworker this month (after the intake)."},
    {"waiting_for_course_seat", "persons", "Housed and waiting for a language-course seat."},
    {"in_language_course", "persons", "Following a language course this month."},
    {"in_placement", "persons", "In a work-experience place, trial placement or learn-work trajectory this month."},
    {"in_education", "persons", "In Dutch vocational education (MBO) after a bridging programme, on study finance."},
    {"with_dutch_qualification", "persons", "Holding a Dutch diploma or vocational certificate."},
    {"waiting_for_instrument", "persons", "Eligible for an instrument and waiting: its places or the municipal budget ran out."},
    {"instrument_starts", "persons", "Started an instrument this month (the number served, as a flow)."},
    {"receiving_orientation", "persons", "In the orientation programme this month."},
    {"receiving_extra_language_course", "persons", "In an extra language course (e.g. Taalstart) this month."},
    {"receiving_sector_language_course", "persons", "In a sector language course (Taalboost) this month."},
    {"receiving_jobhunter", "persons", "Helped by a jobhunter (matching) this month."},
    {"receiving_job_coaching", "persons", "Receiving job coaching (also after placement) this month."},
    {"receiving_work_experience_place", "persons", "In a work-experience place this month."},
    {"receiving_trial_placement", "persons", "In a trial placement this month."},
    {"receiving_wage_cost_subsidy", "persons", "Covered by a wage-cost subsidy this month."},
    {"receiving_learn_work_trajectory", "persons", "In a learn-work trajectory this month."},
    {"receiving_childcare", "persons", "Receiving municipal childcare this month."},
    {"receiving_mental_health_care", "persons", "In mental-health care paid by the municipality this month."},
    {"receiving_bridging_programme", "persons", "In a bridging programme to MBO this month."},
    {"seeking_work", "persons", "Without a job and searching for one this month (at any intensity)."},
    {"seeking_work_activated", "persons",
     "Searching for work while activated towards work by the pathway, so that activation instruments are open: from housing "
     "under parallel and work-first, after the course under sequential (or past A2 on the new law's B1 and education routes). "
     "The rest of seeking_work is own search before or during a sequential course and early matching from the AZC."},
    {"in_paid_work", "persons", "In paid work at the end of the month."},
    {"in_part_time_work", "persons", "In part-time paid work."},
    {"in_full_time_work", "persons", "In full-time paid work."},
    {"in_temporary_work", "persons", "In paid work on a temporary contract."},
    {"in_permanent_work", "persons", "In paid work on a permanent contract."},
    {"in_elementary_job", "persons", "In a job of the elementary segment."},
    {"in_intermediate_job", "persons", "In a job of the intermediate segment (B1 and upper-secondary education or a Dutch diploma)."},
    {"in_higher_job", "persons", "In a job of the higher segment (B2 and higher education)."},
    {"job_upgrades", "persons", "Moved this month from a temporary to a permanent, or part-time to full-time, job."},
    {"ever_worked", "persons", "Had at least one job since the permit (its rise month by month is the distribution of months to a first job)."},
    {"in_work_6_months_or_more", "persons", "In the same job for 6 months or more (durable work)."},
    {"in_work_12_months_or_more", "persons", "In the same job for 12 months or more."},
    {"ever_in_work_6_months", "persons", "Has reached 6 months in one job at some point (distribution of months to durable work)."},
    {"ever_in_work_12_months", "persons", "Has reached 12 months in one job at some point."},
    {"on_bijstand", "persons", "In a household receiving bijstand (social assistance), in full or as a top-up."},
    {"below_poverty_line", "persons", "In a household whose earnings plus bijstand are below the poverty line."},
    {"caring_for_young_child", "persons", "Main carer of a child under 4 (less time for lessons and search)."},
    {"language_below_a1", "persons", "Dutch below CEFR A1."},
    {"language_a1", "persons", "Dutch at CEFR A1."},
    {"language_a2", "persons", "Dutch at CEFR A2."},
    {"language_b1", "persons", "Dutch at CEFR B1."},
    {"language_b2_or_higher", "persons", "Dutch at CEFR B2 or higher."},
    {"with_mental_health_problem", "persons", "With depression and/or PTSD at the end of the month."},
    {"in_mental_health_care", "persons", "In mental-health care (GGZ) this month; some recover by its end."},
    {"in_z_route", "persons", "Following the Z-route (new law, self-reliance route for low learners)."},
    {"inburgering_passed", "persons", "Passed the inburgering exam (A2 under the old law, B1 under the new)."},
    {"inburgering_exempt", "persons", "Exempted from the exam (old law: 600 lesson hours and 4 attempts)."},
    {"inburgering_route_completed", "persons", "Completed the Z-route (new law; it has no exam)."},
    {"inburgering_overdue", "persons", "Past the inburgering deadline without exam, exemption or completed route."},
    {"inburgering_fined", "persons", "Fined this month (old law): the deadline, or the new term after a fine, passed without exam or exemption."},
    {"inburgering_fines_eur", "EUR", "Inburgering fines imposed this month (old law; paid by the persons, not a public cost)."},
    {"inburgering_loan_debt_eur", "EUR", "DUO loan that will not be forgiven (old law): all of it for someone pending at the deadline, in that month, and what they draw after it."},
    {"cost_bijstand", "EUR", "Bijstand paid this month."},
    {"cost_caseworkers", "EUR", "Caseworker FTE cost this month, shared equally by the clients guided."},
    {"cost_inburgering", "EUR", "Lesson costs this month: DUO loan drawn (old law), lessons paid by the municipality, early-start lessons in the AZC."},
    {"cost_instruments", "EUR", "Instrument costs this month (orientation, courses, jobhunters, placements, subsidies, childcare, care, bridging)."},
    {"cost_total", "EUR", "All public costs this month (the sum of the cost_* indicators)."},
}};

}  // namespace taalwerk
