#pragma once
// The monthly indicators: what each counts, its unit and description. docs/outputs.md lists
// them from this table (`taalwerk outputs`).
#include <array>
#include <cstddef>
#include <string_view>

namespace taalwerk {

enum class IndicatorId : std::size_t {
    persons,
    abroad_awaiting_reunification,
    in_reception,
    housed,
    waiting_for_intake,
    in_guidance,
    waiting_for_course_seat,
    in_language_course,
    seeking_work,
    in_paid_work,
    in_part_time_work,
    in_full_time_work,
    in_temporary_work,
    in_permanent_work,
    ever_worked,
    in_work_6_months_or_more,
    in_work_12_months_or_more,
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
    cost_bijstand,
    cost_caseworkers,
    cost_inburgering,
    cost_total,
    count
};

inline constexpr std::size_t indicator_count = static_cast<std::size_t>(IndicatorId::count);

struct IndicatorDescription {
    std::string_view name;
    std::string_view unit;
    std::string_view description;
};

inline constexpr std::array<IndicatorDescription, indicator_count> indicator_descriptions{{
    {"persons", "persons", "Adults of the cohort in the Netherlands (the denominator of every share)."},
    {"abroad_awaiting_reunification", "persons", "Partners (nareizigers) not yet arrived; not counted in persons."},
    {"in_reception", "persons", "Living in an asylum reception centre (AZC), waiting for housing."},
    {"housed", "persons", "Housed in a municipality."},
    {"waiting_for_intake", "persons", "Housed and waiting for the broad intake because caseworkers are full."},
    {"in_guidance", "persons", "Guided by a municipal caseworker this month (after the intake)."},
    {"waiting_for_course_seat", "persons", "Housed and waiting for a language-course seat."},
    {"in_language_course", "persons", "Following a language course this month."},
    {"seeking_work", "persons", "Without a job and searching for one this month (at any intensity)."},
    {"in_paid_work", "persons", "In paid work at the end of the month."},
    {"in_part_time_work", "persons", "In part-time paid work."},
    {"in_full_time_work", "persons", "In full-time paid work."},
    {"in_temporary_work", "persons", "In paid work on a temporary contract."},
    {"in_permanent_work", "persons", "In paid work on a permanent contract."},
    {"ever_worked", "persons", "Had at least one job since the permit."},
    {"in_work_6_months_or_more", "persons", "In the same job for 6 months or more (durable work)."},
    {"in_work_12_months_or_more", "persons", "In the same job for 12 months or more."},
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
    {"cost_bijstand", "EUR", "Bijstand paid this month."},
    {"cost_caseworkers", "EUR", "Caseworker FTE cost this month, shared equally by the clients guided."},
    {"cost_inburgering", "EUR", "Lesson costs this month: DUO loan drawn (old law) and lessons paid by the municipality."},
    {"cost_total", "EUR", "All public costs this month (the sum of the cost_* indicators)."},
}};

}  // namespace taalwerk
