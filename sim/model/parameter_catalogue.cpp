// Every parameter the model reads, with unit, default, range and source. docs/parameters.md is
// generated from this file (`taalwerk params`); scenario files are validated against it.
#include "scenario/parameter_definition.hpp"

namespace taalwerk {
namespace {

constexpr const char* assumed = "assumed";

void add_run_parameters(ParameterCatalogue& catalogue) {
    auto& p = catalogue.parameters;
    p.push_back(integer_parameter("run.months", 60, 1, 600, "months", assumed,
                                  "Months simulated, counted from the permit month (month 0)."));
}

void add_cohort_parameters(ParameterCatalogue& catalogue) {
    auto& p = catalogue.parameters;
    p.push_back(integer_parameter("cohort.size", 10000, 1, 50000000, "persons", assumed,
                                  "Adults (18-64) in the simulated permit cohort."));
    p.push_back(real_parameter("cohort.share_female", 0.35, 0.0, 1.0, "share", assumed,
                               "Share of women among adult permit holders; nareizigers are often women (model-brief §3)."));
    p.push_back(real_parameter("cohort.origin_share_syria", 0.60, 0.0, 1.0, "share",
                               "model-brief: §3 (003: Syria ~50-70%)", "Share of the cohort born in Syria."));
    p.push_back(real_parameter("cohort.origin_share_eritrea", 0.20, 0.0, 1.0, "share",
                               "model-brief: §3 (003: Eritrea ~10-30%)",
                               "Share born in Eritrea; the rest (Afghanistan, Iraq, Iran, Somalia, stateless) is 'other'."));
    p.push_back(real_list_parameter("cohort.education_syria", {0.20, 0.30, 0.31, 0.19}, 0.0, 1.0, 4, 4, "share",
                                    "model-brief: §3 (004: at most lower secondary 50%, upper secondary 31%, higher 20%); split of the 50% assumed",
                                    "Education shares of Syrians: primary or less, lower secondary, upper secondary or vocational, higher."));
    p.push_back(real_list_parameter("cohort.education_eritrea", {0.50, 0.30, 0.15, 0.05}, 0.0, 1.0, 4, 4, "share",
                                    "assumed (model-brief §3, 000: Eritreans often very low educated)",
                                    "Education shares of Eritreans, same four levels."));
    p.push_back(real_list_parameter("cohort.education_other", {0.30, 0.25, 0.25, 0.20}, 0.0, 1.0, 4, 4, "share",
                                    "assumed (model-brief §3: Somalis low, Iranians high)",
                                    "Education shares of other origins, same four levels."));
    p.push_back(real_list_parameter("cohort.not_literate_share", {0.05, 0.30, 0.15}, 0.0, 1.0, 3, 3, "share",
                                    "assumed (model-brief §3, 000: many Eritreans and Somalis not literate)",
                                    "Share not literate in their own language, by origin (Syria, Eritrea, other)."));
    p.push_back(real_list_parameter("cohort.age_band_shares", {0.45, 0.40, 0.15}, 0.0, 1.0, 3, 3, "share", assumed,
                                    "Shares of the age bands 18-29, 30-44 and 45-64 at the permit."));
    p.push_back(real_parameter("cohort.mental_health_problem_share", 0.20, 0.0, 1.0, "share",
                               "model-brief: §3 (004: 13-25% depression and/or PTSD)",
                               "Share with depression and/or PTSD at the permit."));
}

void add_reception_parameters(ParameterCatalogue& catalogue) {
    auto& p = catalogue.parameters;
    p.push_back(real_parameter("reception.mean_months_to_housing", 4.0, 0.0, 36.0, "months", assumed,
                               "Mean months from the permit to housing in a municipality (geometric waiting time)."));
}

void add_language_parameters(ParameterCatalogue& catalogue) {
    auto& p = catalogue.parameters;
    p.push_back(real_parameter("language.course_hours_per_week", 9.0, 0.0, 40.0, "hours per week",
                               "model-brief: §4 (3 half-days a week)", "Lesson hours per week in a language course."));
    p.push_back(real_parameter("language.gain_per_lesson_hour", 0.0045, 0.0, 0.05, "levels per hour", assumed,
                               "Proficiency gain per lesson hour of an average learner far below the ceiling; "
                               "levels: A1 = 1, A2 = 2, B1 = 3, B2 = 4 (A2 in roughly 450-500 hours)."));
    p.push_back(real_parameter("language.proficiency_ceiling", 5.0, 1.0, 10.0, "levels", assumed,
                               "Diminishing returns: the monthly gain shrinks in proportion to the distance to this ceiling."));
    p.push_back(real_list_parameter("language.learnability_by_education", {0.55, 0.8, 1.0, 1.25}, 0.0, 5.0, 4, 4,
                                    "factor", "assumed (model-brief §3-4: low education slows learning)",
                                    "Learning-speed factor by education level."));
    p.push_back(real_parameter("language.not_literate_factor", 0.5, 0.0, 1.0, "factor",
                               "assumed (model-brief §4: much longer for illiterate learners)",
                               "Learning-speed factor for people not literate in their own language."));
    p.push_back(real_parameter("language.mental_health_factor", 0.7, 0.0, 1.0, "factor",
                               "assumed (model-brief §3: poor mental health slows learning)",
                               "Learning-speed factor with mental-health problems."));
    p.push_back(real_parameter("language.age_45_plus_factor", 0.8, 0.0, 1.0, "factor", assumed,
                               "Learning-speed factor for people aged 45 or older."));
    p.push_back(real_parameter("language.practice_gain_per_work_hour", 0.0015, 0.0, 0.05, "levels per hour",
                               "assumed (model-brief §4, 001: combining helps people learn Dutch faster)",
                               "Proficiency gain per hour of work or placement (practice), before diminishing returns."));
    p.push_back(integer_parameter("language.max_course_months", 36, 1, 120, "months",
                                  "model-brief: §1 (A2 within 3 years)", "Months after which a course ends whatever the level."));
}

void add_labour_parameters(ParameterCatalogue& catalogue) {
    auto& p = catalogue.parameters;
    p.push_back(real_parameter("labour.base_job_finding_rate", 0.035, 0.0, 1.0, "probability per month", assumed,
                               "Monthly job-finding probability of a full-time seeker with A2 Dutch and upper-secondary education."));
    p.push_back(real_parameter("labour.language_effect", 0.6, 0.0, 3.0, "log-odds per level", assumed,
                               "Change in the log of the job-finding rate per CEFR level of Dutch."));
    p.push_back(real_list_parameter("labour.employability_by_education", {0.6, 0.8, 1.0, 1.2}, 0.0, 5.0, 4, 4,
                                    "factor", "assumed (model-brief §4: a Dutch diploma counts more than a foreign one)",
                                    "Job-finding factor by education level."));
    p.push_back(real_parameter("labour.female_factor", 0.5, 0.0, 2.0, "factor",
                               "assumed (model-brief §3, 002: women progress more slowly)", "Job-finding factor for women."));
    p.push_back(real_parameter("labour.mental_health_factor", 0.6, 0.0, 1.0, "factor",
                               "assumed (model-brief §3)", "Job-finding factor with mental-health problems."));
    p.push_back(real_parameter("labour.course_lock_in_factor", 0.35, 0.0, 1.0, "factor",
                               "assumed (model-brief §4, 001: long programmes delay job entry)",
                               "Search intensity while in a language course (parallel pathway), relative to a full-time seeker."));
    p.push_back(real_parameter("labour.tightness", 1.0, 0.0, 5.0, "factor", assumed,
                               "Labour-market tightness: multiplies every job-finding rate (1 = 2014-2017 conditions)."));
    p.push_back(real_parameter("labour.part_time_share_of_offers", 0.81, 0.0, 1.0, "share",
                               "model-brief: §7 (004: 81% of working statushouders part time)",
                               "Share of job offers that are part time."));
    p.push_back(real_parameter("labour.temporary_share_of_offers", 0.89, 0.0, 1.0, "share",
                               "model-brief: §7 (004: 89% temporary contracts)", "Share of job offers with a temporary contract."));
    p.push_back(real_parameter("labour.separation_rate_temporary", 0.05, 0.0, 1.0, "probability per month",
                               "assumed (model-brief §4: high dropout from temp jobs)", "Monthly job-loss probability in a temporary job."));
    p.push_back(real_parameter("labour.separation_rate_permanent", 0.01, 0.0, 1.0, "probability per month", assumed,
                               "Monthly job-loss probability in a permanent job."));
    p.push_back(real_parameter("labour.part_time_hours_per_week", 20.0, 1.0, 40.0, "hours per week", assumed,
                               "Weekly hours of a part-time job."));
    p.push_back(real_parameter("labour.full_time_hours_per_week", 36.0, 1.0, 60.0, "hours per week", assumed,
                               "Weekly hours of a full-time job."));
    p.push_back(real_parameter("labour.hourly_wage", 11.0, 0.0, 100.0, "EUR per hour", assumed,
                               "Gross hourly wage of an entry job (around the 2016 minimum wage)."));
}

void add_welfare_parameters(ParameterCatalogue& catalogue) {
    auto& p = catalogue.parameters;
    p.push_back(real_parameter("welfare.bijstand_norm", 980.0, 0.0, 5000.0, "EUR per month", assumed,
                               "Bijstand norm of a single adult (Participatiewet, around 2016)."));
    p.push_back(real_parameter("welfare.earnings_disregard_share", 0.0, 0.0, 1.0, "share", assumed,
                               "Share of earnings not offset against bijstand (0: the poverty trap in full)."));
}

void add_municipality_parameters(ParameterCatalogue& catalogue) {
    catalogue.collections.push_back(CollectionDefinition{
        "municipalities", {"national"},
        "Municipalities that house the cohort; each sets its pathway and capacities. "
        "The default is one national average municipality."});
    auto& p = catalogue.parameters;
    p.push_back(real_parameter("municipalities.*.cohort_weight", 1.0, 0.0, 1e6, "weight", assumed,
                               "Relative share of the cohort housed here (weights are normalised over municipalities)."));
    p.push_back(choice_parameter("municipalities.*.pathway", "sequential", {"sequential", "parallel", "work_first"},
                                 "model-brief: §4", "How language and work are combined: sequential (work search after A2 "
                                 "or the end of the course), parallel (both at once), work_first (search first, course alongside)."));
    p.push_back(real_parameter("municipalities.*.course_seats_per_100", 100.0, 0.0, 1000.0, "seats per 100 housed adults",
                               assumed, "Language-course seats available per 100 housed adults of the cohort; "
                               "people without a seat wait (allocated by priority, then a random key)."));
}

ParameterCatalogue build_model_catalogue() {
    ParameterCatalogue catalogue;
    add_run_parameters(catalogue);
    add_cohort_parameters(catalogue);
    add_reception_parameters(catalogue);
    add_language_parameters(catalogue);
    add_labour_parameters(catalogue);
    add_welfare_parameters(catalogue);
    add_municipality_parameters(catalogue);
    return catalogue;
}

}  // namespace

const ParameterCatalogue& model_catalogue() {
    static const ParameterCatalogue catalogue = build_model_catalogue();
    return catalogue;
}

}  // namespace taalwerk
