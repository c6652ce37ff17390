#pragma once
// Municipal instruments (model-brief §5): what each is called, what it costs, how many places
// it has and what it does. Who is eligible and how the budget is shared out are in
// instrument_eligibility.hpp and municipal_budget.hpp.
#include <array>
#include <cstdint>
#include <string_view>

namespace taalwerk {

enum class Instrument : std::uint8_t {
    orientation,
    extra_language_course,
    sector_language_course,
    jobhunter,
    job_coaching,
    work_experience_place,
    trial_placement,
    wage_cost_subsidy,
    learn_work_trajectory,
    childcare,
    mental_health_care,
    bridging_programme,
    count
};

inline constexpr std::size_t instrument_count = static_cast<std::size_t>(Instrument::count);
static_assert(instrument_count <= 16, "instrument sets are 16-bit masks");

inline constexpr std::array<std::string_view, instrument_count> instrument_names{
    "orientation",           "extra_language_course", "sector_language_course", "jobhunter",
    "job_coaching",          "work_experience_place", "trial_placement",        "wage_cost_subsidy",
    "learn_work_trajectory", "childcare",             "mental_health_care",     "bridging_programme",
};

inline constexpr std::uint16_t instrument_bit(Instrument instrument) {
    return static_cast<std::uint16_t>(1u << static_cast<unsigned>(instrument));
}

// One instrument's cost, capacity and effects. Effects an instrument does not have keep their
// neutral value (factor 1, zero hours), so every instrument is read through the same fields.
struct InstrumentParameters {
    double cost_per_month = 0.0;          // EUR per participant-month
    int duration_months = 1;
    double places_per_100 = 0.0;          // places per 100 housed adults of the municipality
    double lesson_hours_per_week = 0.0;   // extra Dutch lessons while in it
    double practice_hours_per_week = 0.0; // hours at a workplace (practice, experience, network)
    double search_factor = 1.0;           // search intensity while in it (lock-in below 1)
    double job_finding_factor = 1.0;      // hiring weight while in it
    double lasting_job_finding_factor = 1.0;  // hiring weight after completing it
    double separation_factor = 1.0;       // job-loss hazard while in it (post-placement coaching)
    double min_level = 0.0;               // Dutch needed to start (latent proficiency)
    double completion_probability = 0.0;  // trial/learn-work: job offer; bridging: entry to education
};

}  // namespace taalwerk
