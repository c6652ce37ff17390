#pragma once
// The scenario's values in typed form, read once before a run so the monthly step never looks
// up a key. Cross-field rules (shares that must sum to one, ...) are checked here.
#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "model/instruments.hpp"
#include "scenario/scenario.hpp"

namespace taalwerk {

enum class Pathway : std::uint8_t { sequential, parallel, work_first, tailored };
enum class InburgeringRegime : std::uint8_t { old_2013, new_2022 };
inline constexpr std::array<const char*, 4> pathway_names{"sequential", "parallel", "work_first", "tailored"};

// Labour-market segments: the jobs a person qualifies for (labour_market.hpp).
enum class Segment : std::uint8_t { elementary, intermediate, higher };
inline constexpr std::size_t segment_count = 3;
inline constexpr std::array<const char*, segment_count> segment_names{"elementary", "intermediate", "higher"};

// Maatwerk: the pathway a tailored municipality gives a profile, first matching rule wins.
struct TailoredRules {
    Pathway mental_health = Pathway::sequential;
    Pathway not_literate = Pathway::sequential;
    Pathway young_children = Pathway::sequential;
    Pathway under_30 = Pathway::parallel;
    Pathway higher_educated = Pathway::work_first;
    Pathway others = Pathway::parallel;
};

struct RegionParameters {
    std::string name;
    std::array<double, segment_count> other_seekers_per_100{};  // per 100 cohort adults of the region
    std::vector<double> tightness_path;                        // by year since month 0; the last holds
    double employer_openness = 0.5;

    double tightness_in_month(int month) const {
        const std::size_t year = static_cast<std::size_t>(month / 12);
        return tightness_path.empty() ? 1.0 : tightness_path[std::min(year, tightness_path.size() - 1)];
    }
};

struct MunicipalityParameters {
    std::string name;
    double cohort_weight = 1.0;
    std::size_t region = 0;  // index into ModelParameters::regions
    Pathway pathway = Pathway::sequential;
    TailoredRules tailored;
    double budget_per_housed_adult = 0.0;                     // EUR per year, before any cut
    std::array<int, instrument_count> instrument_priority{};  // 0: not offered; 1 is served first
    std::array<std::uint8_t, instrument_count> instruments_by_priority{};  // offered instruments, rank order
    std::size_t offered_instruments = 0;
    double early_start_language_hours_per_week = 0.0;         // lessons in the AZC
    bool early_matching = false;                              // job search from the AZC after the permit
    int intake_months_before_housing = 0;
    double course_seats_per_100 = 100.0;
    double caseload = 120.0;
    double max_caseworker_fte_per_100 = 5.0;
    int guidance_months = 24;
    bool pays_courses_after_loan = false;
    bool guide_both_partners = false;
    double mental_health_care_access = 0.6;
};

struct HealthParameters {
    double onset_rate = 0.0;
    double recovery_rate_without_care = 0.0;
    double recovery_rate_with_care = 0.0;
};

struct CaseworkerParameters {
    double client_hours_per_fte_month = 110.0;
    double contact_hours_for_half_effect = 1.5;
    double max_search_effect = 1.0;
    double unguided_search_factor = 0.5;
    double fte_annual_cost = 75000.0;
};

struct InburgeringParameters {
    InburgeringRegime regime = InburgeringRegime::old_2013;
    double course_cost_per_hour = 12.5;
    int deadline_months = 36;
    double exam_ready_margin = 0.25;
    double exam_pass_scale = 0.2;
    int months_between_exams = 3;
    bool exams_after_course = true;
    double loan_limit = 10000.0;
    double max_spend_per_quarter = 1250.0;
    double fine = 1250.0;
    int fine_term_months = 24;
    int exemption_lesson_hours = 600;
    int exemption_exam_attempts = 4;
    double exemption_seeking_share = 0.5;
    double b1_route_hours_per_week = 12.0;
    double z_route_learnability_below = 0.5;
    int z_route_lesson_hours = 800;
    double z_route_hours_per_week = 8.0;
    int education_route_max_age_band = 0;
};

struct ReceptionParameters {
    double months_before_permit = 16.0;
    double asylum_work_after_months = 6.0;
    double asylum_work_max_weeks_per_year = 24.0;
    double asylum_work_take_up = 0.0;
    double asylum_work_hours_per_week = 0.0;
};

struct EducationParameters {
    int programme_months = 24;
    double monthly_dropout_rate = 0.0;
    double practice_hours_per_week = 0.0;
    double study_finance_per_month = 0.0;
    double diploma_job_factor = 1.0;
};

struct ModelParameters {
    int months = 60;
    std::int64_t cohort_size = 0;
    std::vector<double> permit_month_shares{1.0};
    int permit_years = 5;
    std::array<double, 4> prior_work_experience_share{};  // by education
    double female_prior_work_factor = 1.0;

    double share_female = 0.0;
    std::array<double, 3> origin_shares{};                      // syria, eritrea, other
    std::array<std::array<double, 4>, 3> education_shares{};    // [origin][education]
    std::array<double, 3> not_literate_share{};                 // by origin
    std::array<double, 4> latin_script_share{};                 // of the literate, by education
    std::array<double, 3> age_band_shares{};
    double mental_health_problem_share = 0.0;
    double couple_share = 0.0;
    double partner_arrives_later_share = 0.0;
    double mean_reunification_months = 0.0;
    double children_share = 0.0;
    double young_children_share = 0.0;
    double young_children_time_factor = 1.0;
    double bijstand_norm_couple = 0.0;
    double poverty_line_single = 0.0;
    double poverty_line_couple = 0.0;
    double poverty_line_per_child_household = 0.0;

    double mean_months_to_housing = 0.0;

    double course_hours_per_week = 0.0;
    double gain_per_lesson_hour = 0.0;
    double proficiency_ceiling = 5.0;
    std::array<double, 4> learnability_by_education{};
    double not_literate_learning_factor = 1.0;
    double non_latin_script_learning_factor = 1.0;
    double mental_health_learning_factor = 1.0;
    double age_45_plus_learning_factor = 1.0;
    double practice_gain_per_work_hour = 0.0;
    double work_time_crowding = 0.0;
    int max_course_months = 36;

    double base_job_finding_rate = 0.0;
    double language_effect = 0.0;
    std::array<double, 4> employability_by_education{};
    double female_job_factor = 1.0;
    double mental_health_job_factor = 1.0;
    double course_lock_in_factor = 1.0;
    double sequential_course_search_factor = 0.0;
    double sequential_combining_share = 0.0;
    double tightness = 1.0;
    double short_permit_openness_factor = 1.0;
    double prior_experience_job_factor = 1.0;
    double network_job_factor = 1.0;
    double network_months = 12.0;
    double intermediate_min_level = 3.0;
    double higher_min_level = 4.0;
    std::array<double, segment_count> hourly_wage_by_segment{};
    double net_share_of_gross_wage = 1.0;
    double upgrade_rate = 0.0;
    double separation_language_effect = 0.0;
    double part_time_share_of_offers = 0.0;
    double temporary_share_of_offers = 0.0;
    double separation_rate_temporary = 0.0;
    double separation_rate_permanent = 0.0;
    double part_time_hours_per_week = 0.0;
    double full_time_hours_per_week = 0.0;
    double acceptance_without_gain = 1.0;
    double reservation_net_gain = 300.0;

    double bijstand_norm = 0.0;
    double earnings_disregard_share = 0.0;

    double budget_cut_share = 0.0;
    std::array<InstrumentParameters, instrument_count> instruments{};

    ReceptionParameters reception;
    EducationParameters education;
    HealthParameters health;
    CaseworkerParameters caseworkers;
    InburgeringParameters inburgering;
    std::vector<RegionParameters> regions;
    std::vector<MunicipalityParameters> municipalities;

    const InstrumentParameters& instrument(Instrument which) const {
        return instruments[static_cast<std::size_t>(which)];
    }
};

// Throws ScenarioError (naming the keys) when values are individually valid but inconsistent.
ModelParameters read_model_parameters(const Scenario& scenario);

// Weeks per month, for converting weekly hours.
inline constexpr double weeks_per_month = 52.0 / 12.0;

}  // namespace taalwerk
