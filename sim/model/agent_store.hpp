#pragma once
// All agent state as struct-of-arrays, allocated once per run (engineering note 1). Fields read
// or written every month come first; attributes fixed at synthesis follow. An agent is an index.
#include <array>
#include <cstdint>
#include <type_traits>
#include <vector>

#include "model/instruments.hpp"

namespace taalwerk {

enum class CourseStatus : std::uint8_t { not_started, waiting_for_seat, in_course, finished };
enum class HouseholdRole : std::uint8_t { single, first_partner, second_partner };
enum class EducationStatus : std::uint8_t { none, in_education, graduated, dropped_out };
enum class DutchQualification : std::uint8_t { none, vocational_certificate, diploma };
inline constexpr std::uint8_t durable_6_months = 1;   // durable_reached bits
inline constexpr std::uint8_t durable_12_months = 2;

struct AgentStore {
    // --- touched every month ---
    std::vector<float> proficiency;              // latent Dutch level: A1 = 1, A2 = 2, B1 = 3, B2 = 4
    std::vector<std::uint8_t> housed;            // 0: in the AZC, 1: housed in a municipality
    std::vector<CourseStatus> course_status;
    std::vector<std::uint8_t> employed;
    std::vector<std::uint8_t> job_full_time;
    std::vector<std::uint8_t> job_permanent;
    std::vector<std::uint16_t> months_in_course;
    std::vector<std::uint16_t> months_waiting_for_seat;
    std::vector<std::uint16_t> months_in_job;
    std::vector<std::int16_t> first_job_month;   // -1 until the first job
    std::vector<std::uint8_t> intake_done;       // broad intake by a caseworker has taken place
    std::vector<std::uint16_t> months_waiting_for_intake;
    std::vector<std::uint16_t> guidance_months_left;
    std::vector<std::uint8_t> inburgering_route;   // InburgeringRoute
    std::vector<std::uint8_t> inburgering_status;  // InburgeringStatus
    std::vector<std::uint8_t> exam_attempts;
    std::vector<std::uint8_t> months_since_exam;
    std::vector<std::uint16_t> lesson_hours;       // lesson hours followed so far
    std::vector<float> loan_spent;                 // old law: DUO loan used, EUR
    std::vector<std::uint8_t> mental_health_problem;  // depression and/or PTSD this month
    std::vector<std::uint16_t> health_onset_month;    // when a healthy person's problems start (65535: never)
    std::vector<float> earnings;                      // this month's net earnings or study finance, EUR (read by the partner)
    std::vector<std::uint8_t> pathway;                // Pathway in force (tailored: resolved at the intake)
    std::vector<std::uint16_t> instruments_active;    // bit per Instrument
    std::vector<std::uint16_t> instruments_done;      // bit per Instrument: completed at least once
    std::vector<std::array<std::uint8_t, instrument_count>> instrument_months_left;
    std::vector<std::uint8_t> months_waiting_for_instrument;
    std::vector<std::uint8_t> education_status;       // EducationStatus
    std::vector<std::uint8_t> education_months;
    std::vector<std::uint8_t> dutch_qualification;    // DutchQualification
    std::vector<std::uint8_t> dutch_experience_months;  // months of work, placement or education here (network)
    std::vector<std::uint8_t> job_segment;            // Segment of the current job
    std::vector<std::uint8_t> durable_reached;        // durable_6_months | durable_12_months, once reached

    // --- fixed at synthesis ---
    std::vector<std::uint16_t> permit_month;     // month of the permit (inflow schedule; 0 for one cohort)
    std::vector<std::uint16_t> housing_month;    // month of housing
    std::vector<std::uint8_t> municipality;
    std::vector<std::uint16_t> profile_cell;     // index of the agent's attribute combination
    std::vector<std::uint8_t> education;         // Education
    std::vector<std::uint8_t> age_band;          // AgeBand at the permit
    std::vector<std::uint8_t> sex;               // Sex
    std::vector<std::uint8_t> origin;            // Origin
    std::vector<std::uint8_t> household_role;    // HouseholdRole: couples are agents 2k and 2k+1
    std::vector<std::uint8_t> nareiziger;        // second partner arriving through family reunification
    std::vector<std::uint8_t> household_children;
    std::vector<std::uint16_t> young_children_until;  // main carer of a child under 4 until this month
    std::vector<float> learnability;             // learning-speed factor (education, literacy, age), healthy
    std::vector<float> employability;            // job-finding factor (education, sex), healthy
    std::vector<std::uint8_t> prior_work_experience;  // worked before the flight
    std::vector<std::uint8_t> not_literate;           // not literate in their own language
    std::vector<std::uint8_t> latin_script;           // reads and writes the Latin script

    explicit AgentStore(std::uint32_t agents = 0) { resize(agents); }

    std::uint32_t size() const { return static_cast<std::uint32_t>(proficiency.size()); }

    // Every column once: resizing and the memory figure cannot forget a field.
    template <class Visitor>
    void for_each_column(Visitor&& visit) {
        visit(proficiency, 0.0f);
        visit(housed, std::uint8_t{0});
        visit(course_status, CourseStatus::not_started);
        visit(employed, std::uint8_t{0});
        visit(job_full_time, std::uint8_t{0});
        visit(job_permanent, std::uint8_t{0});
        visit(months_in_course, std::uint16_t{0});
        visit(months_waiting_for_seat, std::uint16_t{0});
        visit(months_in_job, std::uint16_t{0});
        visit(first_job_month, std::int16_t{-1});
        visit(intake_done, std::uint8_t{0});
        visit(months_waiting_for_intake, std::uint16_t{0});
        visit(guidance_months_left, std::uint16_t{0});
        visit(inburgering_route, std::uint8_t{0});
        visit(inburgering_status, std::uint8_t{0});
        visit(exam_attempts, std::uint8_t{0});
        visit(months_since_exam, std::uint8_t{255});
        visit(lesson_hours, std::uint16_t{0});
        visit(loan_spent, 0.0f);
        visit(mental_health_problem, std::uint8_t{0});
        visit(health_onset_month, std::uint16_t{65535});
        visit(earnings, 0.0f);
        visit(pathway, std::uint8_t{0});
        visit(instruments_active, std::uint16_t{0});
        visit(instruments_done, std::uint16_t{0});
        visit(instrument_months_left, std::array<std::uint8_t, instrument_count>{});
        visit(months_waiting_for_instrument, std::uint8_t{0});
        visit(education_status, std::uint8_t{0});
        visit(education_months, std::uint8_t{0});
        visit(dutch_qualification, std::uint8_t{0});
        visit(dutch_experience_months, std::uint8_t{0});
        visit(job_segment, std::uint8_t{0});
        visit(durable_reached, std::uint8_t{0});
        visit(permit_month, std::uint16_t{0});
        visit(housing_month, std::uint16_t{0});
        visit(municipality, std::uint8_t{0});
        visit(profile_cell, std::uint16_t{0});
        visit(education, std::uint8_t{0});
        visit(age_band, std::uint8_t{0});
        visit(sex, std::uint8_t{0});
        visit(origin, std::uint8_t{0});
        visit(household_role, std::uint8_t{0});
        visit(nareiziger, std::uint8_t{0});
        visit(household_children, std::uint8_t{0});
        visit(young_children_until, std::uint16_t{0});
        visit(learnability, 0.0f);
        visit(employability, 0.0f);
        visit(prior_work_experience, std::uint8_t{0});
        visit(not_literate, std::uint8_t{0});
        visit(latin_script, std::uint8_t{0});
    }

    void resize(std::uint32_t agents) {
        for_each_column([agents](auto& column, auto initial) { column.assign(agents, initial); });
    }

    // Bytes of state per agent (the sum of the column element sizes).
    std::size_t bytes_per_agent() {
        std::size_t bytes = 0;
        for_each_column([&bytes](auto& column, auto) { bytes += sizeof(typename std::decay_t<decltype(column)>::value_type); });
        return bytes;
    }
};

}  // namespace taalwerk
