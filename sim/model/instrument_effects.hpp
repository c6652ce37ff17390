#pragma once
// Who may claim which instrument, and what the instruments a person is in (or has completed)
// do to them this month.
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
    bool seeking = false;
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
    const bool free_to_search = s.seeking && !s.employed;
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
        case Instrument::childcare: return s.carer_of_young_child && (s.in_course || s.seeking || s.in_education);
        case Instrument::mental_health_care: return s.unwell;
        case Instrument::bridging_programme:
            return s.age == AgeBand::age_18_29 && s.education >= Education::lower_secondary && !s.employed &&
                   !s.in_education && s.qualification != DutchQualification::diploma;
        case Instrument::count: break;
    }
    return false;
}

// The instrument a person claims this month: the first in the municipality's priority order
// they are eligible for and not already in (or done with). Instrument::count when none.
inline Instrument instrument_to_claim(const ModelParameters& p, const MunicipalityParameters& m, const InstrumentSituation& s,
                                      std::uint16_t active, std::uint16_t done) {
    if (!s.intake_done) return Instrument::count;
    for (std::size_t i = 0; i < m.offered_instruments; ++i) {  // rank order
        const std::size_t k = m.instruments_by_priority[i];
        const auto instrument = static_cast<Instrument>(k);
        const std::uint16_t bit = instrument_bit(instrument);
        if ((active & bit) || (!renewable(instrument) && (done & bit))) continue;
        if (eligible(instrument, p.instruments[k], s)) return instrument;
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
