#pragma once
// Who may claim which instrument, and what the instruments a person is in (or has completed)
// do to them this month.
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>

#include "model/agent_store.hpp"
#include "model/instruments.hpp"
#include "model/model_parameters.hpp"
#include "model/population_groups.hpp"

namespace taalwerk {

// The situation an instrument's eligibility rule looks at, at the start of the month.
struct InstrumentSituation {
    bool intake_done = false;  // municipal instruments come with the plan made at the intake
    bool in_course = false;
    bool activated = false;    // turned towards work by the pathway (activated_towards_work), searching
    bool employed = false;
    std::uint16_t months_in_job = 0;
    bool carer_of_young_child = false;
    bool unwell = false;
    bool in_education = false;
    DutchQualification qualification = DutchQualification::none;
    AgeBand age = AgeBand::age_18_29;
    Education education = Education::primary_or_less;
    double proficiency = 0.0;
};

// Care and childcare can be given again while the need lasts; the others once per person.
inline bool renewable(Instrument instrument) {
    return instrument == Instrument::childcare || instrument == Instrument::mental_health_care;
}

inline bool eligible(Instrument instrument, const InstrumentParameters& parameters, const InstrumentSituation& s) {
    if (!s.intake_done || s.proficiency < parameters.min_level) return false;
    const bool free_to_search = s.activated && !s.employed;
    switch (instrument) {
        case Instrument::orientation: return true;
        case Instrument::extra_language_course: return s.in_course;
        case Instrument::sector_language_course:
        case Instrument::jobhunter:
        case Instrument::work_experience_place:
        case Instrument::trial_placement:
        case Instrument::wage_cost_subsidy: return free_to_search;
        case Instrument::job_coaching: return free_to_search || (s.employed && s.months_in_job < 3);
        case Instrument::learn_work_trajectory: return free_to_search && s.age != AgeBand::age_45_64 && !s.in_education;
        case Instrument::childcare: return s.carer_of_young_child && (s.in_course || s.activated || s.in_education);
        case Instrument::mental_health_care: return s.unwell;
        case Instrument::bridging_programme:
            return s.age == AgeBand::age_18_29 && s.education >= Education::lower_secondary && !s.employed &&
                   !s.in_education && s.qualification != DutchQualification::diploma;
        case Instrument::count: break;
    }
    return false;
}

// The instruments whose Dutch requirement a proficiency meets, !(proficiency < min_level), as a
// step function of the proficiency: the distinct minimum levels in increasing order, each with
// the set it admits. A few comparisons instead of one per instrument.
class InstrumentLevelSteps {
public:
    explicit InstrumentLevelSteps(const ModelParameters& p) {
        std::array<double, instrument_count> levels{};
        std::size_t count = 0;
        for (std::size_t k = 0; k < instrument_count; ++k) {
            const double level = p.instruments[k].min_level;
            if (std::isnan(level)) always_ |= static_cast<std::uint16_t>(1u << k);  // !(x < NaN) holds for every x
            else levels[count++] = level;
        }
        std::sort(levels.begin(), levels.begin() + static_cast<std::ptrdiff_t>(count));
        steps_ = static_cast<std::size_t>(std::unique(levels.begin(), levels.begin() + static_cast<std::ptrdiff_t>(count)) - levels.begin());
        for (std::size_t j = 0; j < steps_; ++j) {
            level_[j] = levels[j];
            for (std::size_t k = 0; k < instrument_count; ++k)
                if (p.instruments[k].min_level <= levels[j]) admitted_[j] |= static_cast<std::uint16_t>(1u << k);
        }
    }

    std::uint16_t admitted(double proficiency) const {
        std::uint16_t set = always_;
        for (std::size_t j = 0; j < steps_; ++j) set |= !(proficiency < level_[j]) ? admitted_[j] : std::uint16_t{0};
        return set;
    }

private:
    std::array<double, instrument_count> level_{};
    std::array<std::uint16_t, instrument_count> admitted_{};
    std::size_t steps_ = 0;
    std::uint16_t always_ = 0;
};

// eligible() for every instrument at once, as a set of instrument bits: the same rules, written
// without branches (on the hot path the switch's jump is hard to predict).
inline std::uint16_t eligible_instruments(const InstrumentLevelSteps& levels, const InstrumentSituation& s) {
    if (!s.intake_done) return 0;
    auto when = [](bool condition, Instrument instrument) {
        return static_cast<std::uint16_t>(static_cast<unsigned>(condition) << static_cast<unsigned>(instrument));
    };
    const bool free_to_search = s.activated && !s.employed;
    std::uint16_t set = when(true, Instrument::orientation) | when(s.in_course, Instrument::extra_language_course) |
                        when(free_to_search, Instrument::sector_language_course) | when(free_to_search, Instrument::jobhunter) |
                        when(free_to_search, Instrument::work_experience_place) |
                        when(free_to_search, Instrument::trial_placement) | when(free_to_search, Instrument::wage_cost_subsidy) |
                        when(free_to_search || (s.employed && s.months_in_job < 3), Instrument::job_coaching) |
                        when(free_to_search && s.age != AgeBand::age_45_64 && !s.in_education, Instrument::learn_work_trajectory) |
                        when(s.carer_of_young_child && (s.in_course || s.activated || s.in_education), Instrument::childcare) |
                        when(s.unwell, Instrument::mental_health_care) |
                        when(s.age == AgeBand::age_18_29 && s.education >= Education::lower_secondary && !s.employed &&
                                 !s.in_education && s.qualification != DutchQualification::diploma,
                             Instrument::bridging_programme);
    return set & levels.admitted(s.proficiency);
}

inline constexpr std::uint16_t renewable_instruments =
    instrument_bit(Instrument::childcare) | instrument_bit(Instrument::mental_health_care);

// The instrument a person claims this month: the first in the municipality's priority order
// they are eligible for and not already in (or done with). Instrument::count when none.
inline Instrument instrument_to_claim(const InstrumentLevelSteps& levels, const MunicipalityParameters& m,
                                      const InstrumentSituation& s, std::uint16_t active, std::uint16_t done) {
    if (!s.intake_done) return Instrument::count;
    const std::uint16_t wanted = eligible_instruments(levels, s) & static_cast<std::uint16_t>(~active) &
                                 static_cast<std::uint16_t>(~(done & ~renewable_instruments));
    if (wanted == 0) return Instrument::count;
    for (std::size_t i = 0; i < m.offered_instruments; ++i) {  // rank order
        const std::size_t k = m.instruments_by_priority[i];
        if ((wanted >> k) & 1u) return static_cast<Instrument>(k);
    }
    return Instrument::count;
}

struct InstrumentEffects {
    double lesson_hours_per_week = 0.0;
    double practice_hours_per_week = 0.0;
    double search_factor = 1.0;
    double job_finding_factor = 1.0;
    double separation_factor = 1.0;
    bool childcare = false;
    bool mental_health_care = false;
    bool in_placement = false;  // work-experience place, trial placement or learn-work trajectory
};

inline InstrumentEffects instrument_effects(const ModelParameters& p, std::uint16_t active, std::uint16_t done) {
    InstrumentEffects e;
    if ((active | done) == 0) return e;
    for (std::size_t k = 0; k < instrument_count; ++k) {
        const auto instrument = static_cast<Instrument>(k);
        const std::uint16_t bit = instrument_bit(instrument);
        const InstrumentParameters& parameters = p.instruments[k];
        if (done & bit) e.job_finding_factor *= parameters.lasting_job_finding_factor;
        if (!(active & bit)) continue;
        e.lesson_hours_per_week += parameters.lesson_hours_per_week;
        e.practice_hours_per_week += parameters.practice_hours_per_week;
        e.search_factor *= parameters.search_factor;
        e.job_finding_factor *= parameters.job_finding_factor;
        e.separation_factor *= parameters.separation_factor;
    }
    e.childcare = active & instrument_bit(Instrument::childcare);
    e.mental_health_care = active & instrument_bit(Instrument::mental_health_care);
    e.in_placement = active & (instrument_bit(Instrument::work_experience_place) | instrument_bit(Instrument::trial_placement) |
                               instrument_bit(Instrument::learn_work_trajectory));
    return e;
}

}  // namespace taalwerk
