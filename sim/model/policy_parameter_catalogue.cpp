// Parameters of the regional labour markets, municipal budgets and instruments, and the
// education route: unit, default, range and source of each (docs/parameters.md).
#include <string>

#include "model/instruments.hpp"
#include "model/parameter_catalogue_sections.hpp"

namespace taalwerk {
namespace {

constexpr const char* assumed = "assumed";

// The defaults of one instrument; effects it lacks are left out of the catalogue entirely.
struct InstrumentDefaults {
    Instrument instrument;
    const char* description;
    const char* source;
    double cost_per_month;
    int duration_months;
    double places_per_100;
    int priority;  // default rank: the status quo offers the regular re-integration instruments only
    InstrumentParameters effects;  // only the effect fields differing from neutral are registered
};

std::string key_of(Instrument instrument, const char* field) {
    return "instruments." + std::string(instrument_names[static_cast<std::size_t>(instrument)]) + "." + field;
}

const InstrumentDefaults* instrument_defaults() {
    static const InstrumentDefaults defaults[instrument_count] = {
        {Instrument::orientation,
         "Orientation programme on Dutch society and the labour market (after the intake, once).",
         "model-brief: §5-6 (2-4 weeks Amsterdam, 5 weeks at 4 mornings Haarlem, 3 months TOV)", 600.0, 1, 25.0, 0,
         {.lasting_job_finding_factor = 1.1}},
        {Instrument::extra_language_course, "Extra Dutch lessons on top of the inburgering course (e.g. Taalstart).",
         "model-brief: §5-6 (Taalstart 10 weeks, Rotterdam)", 350.0, 6, 10.0, 0, {.lesson_hours_per_week = 6.0}},
        {Instrument::sector_language_course,
         "Sector language course (Taalboost): job-related Dutch for seekers from A2; raises the hiring weight.",
         "model-brief: §5 (sector language courses, Taalboost)", 400.0, 3, 5.0, 0,
         {.lesson_hours_per_week = 6.0, .job_finding_factor = 1.2, .lasting_job_finding_factor = 1.2, .min_level = 2.0}},
        {Instrument::jobhunter, "Jobhunter / werkmatcher: approaches employers for the seeker (matching).",
         "model-brief: §5-6 (jobhunters Amsterdam, Rotterdam; werkmatchers Utrecht)", 250.0, 6, 10.0, 2,
         {.job_finding_factor = 1.6}},
        {Instrument::job_coaching,
         "Job coaching, also after placement: fewer separations in the first year of a job.",
         "model-brief: §4-5 (high dropout unless guidance continues, 001)", 200.0, 12, 10.0, 1,
         {.job_finding_factor = 1.1, .separation_factor = 0.5}},
        {Instrument::work_experience_place,
         "Work-experience place (werkervaringsplaats): unpaid practice at a workplace; builds Dutch, experience and network.",
         "model-brief: §5", 400.0, 6, 5.0, 3,
         {.practice_hours_per_week = 16.0, .search_factor = 0.5, .lasting_job_finding_factor = 1.3, .min_level = 1.0}},
        {Instrument::trial_placement,
         "Trial placement (proefplaatsing) with an employer; ends in a job offer with a probability.",
         "model-brief: §4-6 (Eindhoven: trial placements)", 300.0, 2, 3.0, 4,
         {.practice_hours_per_week = 24.0, .search_factor = 0.0, .lasting_job_finding_factor = 1.2, .min_level = 1.0,
          .completion_probability = 0.5}},
        {Instrument::wage_cost_subsidy,
         "Wage-cost subsidy (loonkostensubsidie): the employer is compensated, so hiring weight rises while it lasts.",
         "model-brief: §5", 700.0, 12, 3.0, 6, {.job_finding_factor = 2.0}},
        {Instrument::learn_work_trajectory,
         "Learn-work trajectory (leerwerktraject): vocational training with work; a Dutch certificate and a job offer "
         "with a probability at the end.",
         "model-brief: §5 (learn-work trajectories); Denmark's IGU (002)", 700.0, 12, 3.0, 5,
         {.lesson_hours_per_week = 4.0, .practice_hours_per_week = 20.0, .search_factor = 0.0, .min_level = 2.0,
          .completion_probability = 0.6}},
        {Instrument::childcare, "Childcare for the main carer of a child under 4: removes the time crowding.",
         "model-brief: §3, §5 (003 Venlo; 004 offers childcare on site)", 700.0, 12, 10.0, 0, {}},
        {Instrument::mental_health_care, "Mental-health care (GGZ access) paid by the municipality: in care every month.",
         "model-brief: §3, §5 (004: 40% do not get the care they need)", 350.0, 6, 5.0, 0, {}},
        {Instrument::bridging_programme,
         "Bridging programme (schakeltraject) to MBO for people under 30: entry to Dutch education with a probability.",
         "model-brief: §4 (004: young people steered to education through bridging programmes)", 600.0, 6, 3.0, 0,
         {.lesson_hours_per_week = 12.0, .search_factor = 0.2, .min_level = 2.0, .completion_probability = 0.7}},
    };
    return defaults;
}

void add_instrument(ParameterCatalogue& catalogue, const InstrumentDefaults& d) {
    auto& p = catalogue.parameters;
    const std::string name(instrument_names[static_cast<std::size_t>(d.instrument)]);
    const std::string source = std::string(assumed) + " (" + d.source + ")";
    p.push_back(real_parameter(key_of(d.instrument, "cost_per_month"), d.cost_per_month, 0.0, 100000.0,
                               "EUR per participant-month", source, name + ": " + d.description));
    p.push_back(integer_parameter(key_of(d.instrument, "duration_months"), d.duration_months, 1, 120, "months", source,
                                  name + ": months a participant stays in it."));
    p.push_back(real_parameter(key_of(d.instrument, "places_per_100"), d.places_per_100, 0.0, 1000.0,
                               "places per 100 housed adults", assumed,
                               name + ": places per 100 housed adults of the municipality; claimants beyond them wait."));
    const InstrumentParameters& e = d.effects;
    const InstrumentParameters neutral;
    if (e.lesson_hours_per_week != neutral.lesson_hours_per_week)
        p.push_back(real_parameter(key_of(d.instrument, "lesson_hours_per_week"), e.lesson_hours_per_week, 0.0, 40.0,
                                   "hours per week", assumed, name + ": Dutch lesson hours per week while in it."));
    if (e.practice_hours_per_week != neutral.practice_hours_per_week)
        p.push_back(real_parameter(key_of(d.instrument, "practice_hours_per_week"), e.practice_hours_per_week, 0.0, 60.0,
                                   "hours per week", "assumed (model-brief §4: combining helps people learn Dutch faster)",
                                   name + ": hours per week at a workplace (Dutch practice, experience, network)."));
    if (e.search_factor != neutral.search_factor)
        p.push_back(real_parameter(key_of(d.instrument, "search_factor"), e.search_factor, 0.0, 1.0, "factor",
                                   "assumed (model-brief §4: lock-in)", name + ": search intensity while in it."));
    if (e.job_finding_factor != neutral.job_finding_factor)
        p.push_back(real_parameter(key_of(d.instrument, "job_finding_factor"), e.job_finding_factor, 0.0, 10.0, "factor",
                                   "assumed (model-brief §2: effect sizes unproven, SER 002)",
                                   name + ": hiring weight while in it."));
    if (e.lasting_job_finding_factor != neutral.lasting_job_finding_factor)
        p.push_back(real_parameter(key_of(d.instrument, "lasting_job_finding_factor"), e.lasting_job_finding_factor, 0.0,
                                   10.0, "factor", "assumed (model-brief §2: effect sizes unproven, SER 002)",
                                   name + ": hiring weight after completing it."));
    if (e.separation_factor != neutral.separation_factor)
        p.push_back(real_parameter(key_of(d.instrument, "separation_factor"), e.separation_factor, 0.0, 1.0, "factor",
                                   "assumed (model-brief §4: dropout high unless guidance continues)",
                                   name + ": job-loss hazard while in it."));
    if (e.min_level != neutral.min_level)
        p.push_back(real_parameter(key_of(d.instrument, "min_level"), e.min_level, 0.0, 5.0, "levels", assumed,
                                   name + ": Dutch level needed to start (A1 = 1, A2 = 2, B1 = 3)."));
    if (e.completion_probability != neutral.completion_probability)
        p.push_back(real_parameter(key_of(d.instrument, "completion_probability"), e.completion_probability, 0.0, 1.0,
                                   "probability", assumed,
                                   name + (d.instrument == Instrument::bridging_programme
                                               ? ": probability of entering Dutch education (MBO) at the end."
                                               : ": probability of a job offer at the end.")));
}

}  // namespace

void add_region_parameters(ParameterCatalogue& catalogue) {
    catalogue.collections.push_back(CollectionDefinition{
        "regions", {"national"},
        "Labour-market regions: each has its vacancies by segment, competing job seekers, a tightness path "
        "and employer openness. Municipalities name their region. The default is one national market."});
    auto& p = catalogue.parameters;
    p.push_back(real_list_parameter("regions.*.other_seekers_per_100", {400.0, 300.0, 200.0}, 0.0, 1e6, 3, 3,
                                    "persons per 100 cohort adults",
                                    "assumed (CBS: ~450,000 unemployed in 2016 against ~50,000 adult permit holders 2014-2016)",
                                    "Competing job seekers in the elementary, intermediate and higher segments, per 100 cohort "
                                    "adults living in the region. Openings go to them and to statushouders by hiring weight, "
                                    "so more statushouder seekers crowd each other and the others out."));
    p.push_back(real_list_parameter("regions.*.tightness_path", {0.8, 0.9, 1.0, 1.15, 1.3, 1.4}, 0.0, 10.0, 1, 100, "factor",
                                    "assumed (CBS: labour-market tightness rose steadily 2014-2019)",
                                    "Business cycle: multiplier of the region's openings in year 1, 2, ... after month 0; "
                                    "the last value holds after."));
    p.push_back(real_parameter("regions.*.employer_openness", 0.5, 0.0, 1.0, "factor",
                               "assumed (model-brief §4, 002: employers find statushouders hard to reach)",
                               "Hiring weight employers give a statushouder relative to a competing seeker of equal employability."));
}

void add_budget_and_instrument_parameters(ParameterCatalogue& catalogue) {
    catalogue.parameters.push_back(real_parameter(
        "budget.cut_share", 0.0, 0.0, 1.0, "share", "model-brief: §2, §5 (what a 10-25% budget cut does)",
        "Budget cut applied to every municipality's instrument budget (0.25: a 25% cut)."));
    for (std::size_t i = 0; i < instrument_count; ++i) add_instrument(catalogue, instrument_defaults()[i]);
}

void add_instrument_priority_parameters(ParameterCatalogue& catalogue) {
    for (std::size_t i = 0; i < instrument_count; ++i) {
        const InstrumentDefaults& d = instrument_defaults()[i];
        const std::string name(instrument_names[i]);
        catalogue.parameters.push_back(integer_parameter(
            "municipalities.*.instrument_priority." + name, d.priority, 0, 100, "rank", assumed,
            "Order in which the budget goes to " + name + " (1 first; 0: not offered). Each month ongoing places are "
            "paid first, then new places by rank until budget or places run out; the rest wait. The default offers "
            "the regular re-integration instruments of the 2014-2016 status quo (model-brief §6) only."));
    }
}

void add_education_parameters(ParameterCatalogue& catalogue) {
    auto& p = catalogue.parameters;
    p.push_back(integer_parameter("education.programme_months", 24, 1, 72, "months",
                                  "assumed (MBO level 2 takes about two years)", "Months of Dutch vocational education (MBO)."));
    p.push_back(real_parameter("education.monthly_dropout_rate", 0.02, 0.0, 1.0, "probability per month", assumed,
                               "Monthly probability of leaving education without a diploma."));
    p.push_back(real_parameter("education.practice_hours_per_week", 20.0, 0.0, 60.0, "hours per week", assumed,
                               "Hours a week of Dutch-taught classes and internships (Dutch practice, network)."));
    p.push_back(real_parameter("education.study_finance_per_month", 900.0, 0.0, 5000.0, "EUR per month",
                               "assumed (DUO study finance replaces bijstand for students)",
                               "Study finance of a student: household income instead of bijstand."));
    p.push_back(real_parameter("education.diploma_job_factor", 1.5, 1.0, 5.0, "factor",
                               "model-brief: §4 (000: a Dutch diploma is worth more than a foreign one); size assumed",
                               "Hiring weight of someone with a Dutch diploma or vocational certificate."));
}

}  // namespace taalwerk
