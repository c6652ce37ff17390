// Every parameter the model reads, with unit, default, range and source. docs/parameters.md is
// generated from this file (`taalwerk params`); scenario files are validated against it.
#include "model/parameter_catalogue_sections.hpp"
#include "scenario/parameter_definition.hpp"

namespace taalwerk {
namespace {

constexpr const char* assumed = "assumed";
const std::vector<std::string> pathway_choices{"sequential", "parallel", "work_first"};

void add_run_parameters(ParameterCatalogue& catalogue) {
    auto& p = catalogue.parameters;
    p.push_back(integer_parameter("run.months", 60, 1, 600, "months", assumed,
                                  "Months simulated, counted from the permit month (month 0)."));
}

void add_cohort_parameters(ParameterCatalogue& catalogue) {
    auto& p = catalogue.parameters;
    p.push_back(integer_parameter("cohort.size", 10000, 1, 50000000, "persons", assumed,
                                  "Adults (18-64) in the simulated permit cohort."));
    p.push_back(real_list_parameter("cohort.permit_month_shares", {1.0}, 0.0, 1.0, 1, 600, "share",
                                    "assumed (model-brief §3: inflow peaked in 2016)",
                                    "Inflow schedule: share of the cohort receiving its permit in month 0, 1, 2, ... "
                                    "(sums to 1). Months in the output are then calendar months from month 0; "
                                    "[1.0] is one permit cohort, months counted from the permit."));
    p.push_back(integer_parameter("cohort.permit_years", 5, 1, 5, "years",
                                  "model-brief: §4-5 (permits of 3 or 5 years; employers cite the shortened 3-year permit, 002)",
                                  "Length of the asylum residence permit; employers are less open to permits of 3 years or less."));
    p.push_back(real_list_parameter("cohort.prior_work_experience_share", {0.4, 0.55, 0.65, 0.75}, 0.0, 1.0, 4, 4,
                                    "share", "assumed (model-brief §3, 002: nareizigers and women often little work experience)",
                                    "Share with work experience from before the flight, by education level (men; women: times "
                                    "cohort.female_prior_work_factor)."));
    p.push_back(real_parameter("cohort.female_prior_work_factor", 0.5, 0.0, 2.0, "factor",
                               "assumed (model-brief §3, 002: women often little work experience)",
                               "Multiplies the share with prior work experience for women."));
    p.push_back(real_parameter("cohort.share_female", 0.35, 0.0, 1.0, "share", assumed,
                               "Share of women among the adults of the cohort. A couple is a woman and a man, and its first "
                               "partner is a woman with this probability (so nareizigers are more often women, model-brief "
                               "§3); singles make up the rest, so the share holds whenever it lies between couple_share / 2 "
                               "and 1 - couple_share / 2."));
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
    p.push_back(real_list_parameter("cohort.latin_script_share", {0.10, 0.35, 0.70, 0.90}, 0.0, 1.0, 4, 4, "share",
                                    "assumed (issue 3: literacy in the Latin script; Arabic and Tigrinya are not written in it, "
                                    "so mostly those who learned English or French at school read it)",
                                    "Share who read and write the Latin script, among those literate in their own language, by "
                                    "education level (primary or less, lower secondary, upper secondary, higher)."));
    p.push_back(real_list_parameter("cohort.age_band_shares", {0.45, 0.40, 0.15}, 0.0, 1.0, 3, 3, "share", assumed,
                                    "Shares of the age bands 18-29, 30-44 and 45-64 at the permit."));
    p.push_back(real_parameter("cohort.couple_share", 0.5, 0.0, 1.0, "share",
                               "assumed (model-brief §3: a benefit unit holds ~1.4-2.1 persons)",
                               "Share of adults who live as a couple; partners are pairs of agents and one bijstand unit."));
    p.push_back(real_parameter("cohort.partner_arrives_later_share", 0.5, 0.0, 1.0, "share",
                               "assumed (model-brief §3: nareizigers, often women)",
                               "Share of couples whose second partner arrives later through family reunification."));
    p.push_back(real_parameter("cohort.mean_reunification_months", 12.0, 0.0, 60.0, "months", assumed,
                               "Mean months between the household's housing and the nareiziger's arrival."));
    p.push_back(real_parameter("cohort.children_share", 0.5, 0.0, 1.0, "share", assumed,
                               "Share of households with children."));
    p.push_back(real_parameter("cohort.young_children_share", 0.5, 0.0, 1.0, "share",
                               "assumed (model-brief §3: childcare limits mothers)",
                               "Share of households with children who have a child under 4 at the permit."));
    p.push_back(real_parameter("cohort.mental_health_problem_share", 0.20, 0.0, 1.0, "share",
                               "model-brief: §3 (004: 13-25% depression and/or PTSD)",
                               "Share with depression and/or PTSD at the permit."));
}

void add_reception_parameters(ParameterCatalogue& catalogue) {
    auto& p = catalogue.parameters;
    p.push_back(real_parameter("reception.months_before_permit", 16.0, 0.0, 60.0, "months",
                               "model-brief: §3 (004: ~1 year 4 months in an AZC before the case was handled)",
                               "Months in the AZC before the permit: the time for early-start lessons and asylum-period work."));
    p.push_back(real_parameter("reception.asylum_work_after_months", 6.0, 0.0, 60.0, "months",
                               "model-brief: §3 (000: asylum seekers may work only after 6 months)",
                               "Months of asylum procedure after which paid work is allowed."));
    p.push_back(real_parameter("reception.asylum_work_max_weeks_per_year", 24.0, 0.0, 52.0, "weeks per year",
                               "model-brief: §3 (000: at most 24 weeks a year)", "Most weeks a year an asylum seeker may work."));
    p.push_back(real_parameter("reception.asylum_work_take_up", 0.05, 0.0, 1.0, "share", assumed,
                               "Share of asylum seekers who use the asylum-period work rule when allowed (few did)."));
    p.push_back(real_parameter("reception.asylum_work_hours_per_week", 20.0, 0.0, 60.0, "hours per week", assumed,
                               "Weekly hours of asylum-period work (practice in Dutch, Dutch work experience)."));
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
    p.push_back(real_parameter("language.non_latin_script_factor", 0.85, 0.0, 1.0, "factor",
                               "assumed (issue 3; model-brief §4: literacy slows learning; someone literate only in another "
                               "script learns the Latin alphabet first)",
                               "Learning-speed factor for people literate in their own language but not in the Latin script."));
    p.push_back(real_parameter("language.mental_health_factor", 0.7, 0.0, 1.0, "factor",
                               "assumed (model-brief §3: poor mental health slows learning)",
                               "Learning-speed factor with mental-health problems."));
    p.push_back(real_parameter("language.age_45_plus_factor", 0.8, 0.0, 1.0, "factor", assumed,
                               "Learning-speed factor for people aged 45 or older."));
    p.push_back(real_parameter("language.practice_gain_per_work_hour", 0.0015, 0.0, 0.05, "levels per hour",
                               "assumed (model-brief §4, 001: combining helps people learn Dutch faster)",
                               "Proficiency gain per hour of work or placement (practice), before diminishing returns."));
    p.push_back(real_parameter("language.work_time_crowding", 0.5, 0.0, 1.0, "share",
                               "assumed (model-brief §4, 001, 003 Almere: combining is busy; dual programmes crowd out other activities)",
                               "Share of lesson hours lost at a full working week (36 hours) of work or placement; less with fewer hours."));
    p.push_back(integer_parameter("language.max_course_months", 36, 1, 120, "months",
                                  "model-brief: §1 (A2 within 3 years)", "Months after which a course ends whatever the level."));
}

void add_labour_parameters(ParameterCatalogue& catalogue) {
    auto& p = catalogue.parameters;
    p.push_back(real_parameter("labour.base_job_finding_rate", 0.10, 0.0, 1.0, "probability per month",
                               "assumed (monthly outflow from unemployment of around 10%)",
                               "Openings per competing (non-statushouder) seeker per month at tightness 1: the job-finding "
                               "probability of a reference seeker when statushouders are few. Sizes each region's openings."));
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
    p.push_back(real_parameter("labour.sequential_course_search_factor", 0.05, 0.0, 1.0, "factor",
                               "model-brief: §4 (002: about 80% of Syrians spent their first years in a course; only a small "
                               "minority combined it with work); size assumed",
                               "Search intensity before and during the language course under the sequential pathway "
                               "(the few who look for work anyway), relative to a full-time seeker."));
    p.push_back(real_parameter("labour.sequential_combining_share", 0.0, 0.0, 1.0, "share",
                               "model-brief: §4 (002: only a small minority combined the course with work or education); "
                               "§6 (the status quo was mostly sequential); size assumed",
                               "Share of the people under a sequential pathway who combine the course with work from the "
                               "start: for them the pathway works like the parallel one (activated, searching at the "
                               "course's lock-in); drawn once per person."));
    p.push_back(real_parameter("labour.tightness", 1.0, 0.0, 5.0, "factor", assumed,
                               "National labour-market tightness: multiplies every region's openings, on top of its "
                               "tightness path (1 = 2014-2017 conditions)."));
    p.push_back(real_parameter("labour.short_permit_openness_factor", 0.85, 0.0, 1.0, "factor",
                               "assumed (model-brief §4, 002: employers cite the shortened 3-year permit)",
                               "Employer openness towards holders of a permit of 3 years or less, relative to 5 years."));
    p.push_back(real_parameter("labour.prior_experience_factor", 1.3, 1.0, 3.0, "factor", assumed,
                               "Hiring weight of someone with work experience from before the flight."));
    p.push_back(real_parameter("labour.network_factor", 1.5, 1.0, 5.0, "factor",
                               "assumed (model-brief §4, 002: networks matter; contacts with Dutch people help a lot)",
                               "Hiring weight of someone with a full Dutch network, built by months of work, placement or education."));
    p.push_back(real_parameter("labour.network_months", 12.0, 1.0, 120.0, "months", assumed,
                               "Months of work, placement or education in the Netherlands that build a full network "
                               "(the network factor rises linearly up to it)."));
    p.push_back(real_parameter("labour.intermediate_min_level", 3.0, 0.0, 5.0, "levels",
                               "model-brief: §1 (the labour market asks B1 or higher)",
                               "Dutch needed for intermediate jobs (with upper-secondary education or a Dutch diploma)."));
    p.push_back(real_parameter("labour.higher_min_level", 4.0, 0.0, 5.0, "levels", assumed,
                               "Dutch needed for higher jobs (with higher education)."));
    p.push_back(real_parameter("labour.upgrade_rate", 0.02, 0.0, 1.0, "probability per month",
                               "assumed (model-brief §4, §7: only slow improvement over time)",
                               "Monthly probability that someone in a temporary or part-time job at A2 moves to a permanent "
                               "(else full-time) one; scaled by the language effect."));
    p.push_back(real_parameter("labour.separation_language_effect", 0.3, 0.0, 3.0, "log-rate per level",
                               "assumed (issue 3: separations likelier with weak Dutch)",
                               "Fall in the log of the job-loss hazard per CEFR level of Dutch above A2."));
    p.push_back(real_parameter("labour.part_time_share_of_offers", 0.81, 0.0, 1.0, "share",
                               "assumed; to be calibrated so that about 81% of jobs held are part time (model-brief §7, 004)",
                               "Share of job offers that are part time (the share of jobs held also depends on acceptance and separations)."));
    p.push_back(real_parameter("labour.temporary_share_of_offers", 0.89, 0.0, 1.0, "share",
                               "assumed; to be calibrated so that about 89% of jobs held are temporary (model-brief §7, 004)",
                               "Share of job offers with a temporary contract."));
    p.push_back(real_parameter("labour.separation_rate_temporary", 0.05, 0.0, 1.0, "probability per month",
                               "assumed (model-brief §4: high dropout from temp jobs)", "Monthly job-loss probability in a temporary job."));
    p.push_back(real_parameter("labour.separation_rate_permanent", 0.01, 0.0, 1.0, "probability per month", assumed,
                               "Monthly job-loss probability in a permanent job."));
    p.push_back(real_parameter("labour.part_time_hours_per_week", 20.0, 1.0, 40.0, "hours per week", assumed,
                               "Weekly hours of a part-time job."));
    p.push_back(real_parameter("labour.full_time_hours_per_week", 36.0, 1.0, 60.0, "hours per week", assumed,
                               "Weekly hours of a full-time job."));
    p.push_back(real_parameter("labour.acceptance_without_gain", 0.6, 0.0, 1.0, "probability",
                               "assumed (model-brief §1: armoedeval; bijstand obliges suitable work)",
                               "Probability of accepting an offer that leaves the household no better off after the bijstand offset."));
    p.push_back(real_parameter("labour.reservation_net_gain", 300.0, 1.0, 5000.0, "EUR per month", assumed,
                               "Net monthly gain (earnings minus bijstand lost) at and above which every offer is accepted; "
                               "acceptance rises linearly up to it."));
    p.push_back(real_parameter("labour.young_children_time_factor", 0.5, 0.0, 1.0, "factor",
                               "assumed (model-brief §3: 001, 003 Venlo: young children limit the carer)",
                               "Lesson hours and search intensity of the main carer of a child under 4, relative to others."));
    p.push_back(real_list_parameter("labour.hourly_wage_by_segment", {11.0, 14.0, 19.0}, 0.0, 100.0, 3, 3, "EUR per hour",
                                    "assumed (elementary jobs around the 2016 minimum wage)",
                                    "Gross hourly wage of jobs in the elementary, intermediate and higher segments."));
    p.push_back(real_parameter("labour.net_share_of_gross_wage", 0.9, 0.5, 1.0, "share",
                               "assumed (wage tax and employee premiums less the general and labour tax credits leave "
                               "about 90% of a wage near the 2016 minimum)",
                               "Net pay as a share of gross pay: earnings are set against the (net) bijstand norm and poverty "
                               "line, and weighed in accepting a job, net."));
}

void add_welfare_parameters(ParameterCatalogue& catalogue) {
    auto& p = catalogue.parameters;
    p.push_back(real_parameter("welfare.bijstand_norm", 980.0, 0.0, 5000.0, "EUR per month", assumed,
                               "Bijstand norm of a single adult (Participatiewet, around 2016)."));
    p.push_back(real_parameter("welfare.bijstand_norm_couple", 1400.0, 0.0, 8000.0, "EUR per month", assumed,
                               "Bijstand norm of a couple, one unit for both partners (Participatiewet, around 2016)."));
    p.push_back(real_parameter("welfare.poverty_line_single", 1040.0, 0.0, 5000.0, "EUR per month",
                               "assumed (CBS low-income threshold around 2016; model-brief §7: poverty risk 53%)",
                               "Net monthly household income below which a single adult household counts as poor."));
    p.push_back(real_parameter("welfare.poverty_line_couple", 1420.0, 0.0, 8000.0, "EUR per month", assumed,
                               "Poverty line of a couple household."));
    p.push_back(real_parameter("welfare.poverty_line_per_child_household", 300.0, 0.0, 3000.0, "EUR per month", assumed,
                               "Addition to the poverty line for a household with children."));
    p.push_back(real_parameter("welfare.earnings_disregard_share", 0.0, 0.0, 1.0, "share", assumed,
                               "Share of earnings not offset against bijstand (0: the poverty trap in full)."));
}

void add_health_parameters(ParameterCatalogue& catalogue) {
    auto& p = catalogue.parameters;
    p.push_back(real_parameter("health.onset_rate", 0.003, 0.0, 0.2, "probability per month",
                               "assumed (model-brief §3: 13-25% with depression and/or PTSD)",
                               "Monthly probability that someone without mental-health problems develops them."));
    p.push_back(real_parameter("health.recovery_rate_without_care", 0.01, 0.0, 1.0, "probability per month", assumed,
                               "Monthly probability of recovery without care."));
    p.push_back(real_parameter("health.recovery_rate_with_care", 0.04, 0.0, 1.0, "probability per month",
                               "assumed (model-brief §3, 000, 002: care access helps)",
                               "Monthly probability of recovery for someone in mental-health care."));
}

void add_municipality_parameters(ParameterCatalogue& catalogue) {
    catalogue.collections.push_back(CollectionDefinition{
        "municipalities", {"national"},
        "Municipalities that house the cohort; each sets its pathway and capacities. "
        "The default is one national average municipality."});
    auto& p = catalogue.parameters;
    p.push_back(real_parameter("municipalities.*.cohort_weight", 1.0, 0.0, 1e6, "weight", assumed,
                               "Relative share of the cohort housed here (weights are normalised over municipalities)."));
    p.push_back(text_parameter("municipalities.*.region", "national", "model-brief: §5 (35 labour-market regions, 002)",
                               "Labour-market region (an entry of [regions]) whose vacancies the municipality's seekers compete for."));
    p.push_back(choice_parameter("municipalities.*.pathway", "sequential", {"sequential", "parallel", "work_first", "tailored"},
                                 "model-brief: §4-5", "How language and work are combined: sequential (work search after A2 "
                                 "or the end of the course), parallel (both at once), work_first (search first, course alongside), "
                                 "tailored (maatwerk: per profile, by the tailored.* rules, decided at the intake)."));
    const std::pair<const char*, const char*> tailored_rules[] = {
        {"mental_health", "sequential"}, {"not_literate", "sequential"}, {"young_children", "sequential"},
        {"under_30", "parallel"},        {"higher_educated", "work_first"}, {"others", "parallel"}};
    for (const auto& [rule, pathway] : tailored_rules)
        p.push_back(choice_parameter(std::string("municipalities.*.tailored.") + rule, pathway, pathway_choices,
                                     "assumed (model-brief §4-5: maatwerk; VDAB screening into tracks, 002)",
                                     std::string("Tailored pathway: the pathway for people who match the '") + rule +
                                         "' rule at the intake (rules in the order mental_health, not_literate, "
                                         "young_children, under_30, higher_educated, others; the first that matches wins)."));
    p.push_back(real_parameter("municipalities.*.early_start_language_hours_per_week", 0.0, 0.0, 40.0, "hours per week",
                               "model-brief: §5-6 (early start in the AZC: Utrecht Plan Einstein, Eindhoven)",
                               "Dutch lessons per week in the AZC, before and after the permit, until housing (0: none)."));
    p.push_back(boolean_parameter("municipalities.*.early_matching", false,
                                  "model-brief: §5-6 (Eindhoven: early screening and matching via a COA desk)",
                                  "Permit holders may search for work (unguided) while still in the AZC."));
    p.push_back(integer_parameter("municipalities.*.intake_months_before_housing", 0, 0, 12, "months",
                                  "model-brief: §5 (Rotterdam 2019: first intake 3 months before arrival)",
                                  "Months before housing from which the broad intake may take place (0: only after housing)."));
    p.push_back(real_parameter("municipalities.*.budget_per_housed_adult", 600.0, 0.0, 100000.0, "EUR per year",
                               "assumed (model-brief §5: Amsterdam EUR 31-35 M for the 2016-17 arrivals, Haarlem ~EUR 400,000 in 2019)",
                               "Instrument budget per housed adult of the cohort per year, before budget.cut_share; "
                               "spent month by month (unspent money carries over, up to one year's budget)."));
    add_instrument_priority_parameters(catalogue);
    p.push_back(real_parameter("municipalities.*.course_seats_per_100", 100.0, 0.0, 1000.0, "seats per 100 housed adults",
                               assumed, "Language-course seats available per 100 housed adults of the cohort; "
                               "people without a seat wait (allocated by priority, then a random key)."));
    p.push_back(real_parameter("municipalities.*.caseload", 120.0, 5.0, 1000.0, "clients per FTE",
                               "model-brief: §5 (Amsterdam ~50, Rotterdam 80, Haarlem ~47; regular 100-150 assumed)",
                               "Clients per caseworker FTE the municipality staffs for."));
    p.push_back(real_parameter("municipalities.*.max_caseworker_fte_per_100", 5.0, 0.0, 100.0, "FTE per 100 housed adults",
                               assumed, "Most caseworker FTE the municipality can field per 100 housed adults; when "
                               "clients exceed FTE times caseload, new intakes queue."));
    p.push_back(integer_parameter("municipalities.*.guidance_months", 24, 0, 120, "months",
                                  "model-brief: §5 (Amsterdam up to 3 years; social guidance 12-24 months)",
                                  "Months a client is guided after the intake."));
    p.push_back(real_parameter("municipalities.*.mental_health_care_access", 0.6, 0.0, 1.0, "share",
                               "model-brief: §3 (004: 40% do not get the care they need)",
                               "Share of people with mental-health problems who get care in a month (GGZ access)."));
    p.push_back(boolean_parameter("municipalities.*.guide_both_partners", false,
                                  "model-brief: §5 (Amsterdam: separate trajectories for both partners)",
                                  "Guide both partners of a couple (true) or only the first, the family approach (false)."));
    p.push_back(boolean_parameter("municipalities.*.pays_courses_after_loan", false, "model-brief: §1 (old law)",
                                  "Old law: the municipality pays further lessons once the DUO loan is used up."));
}

void add_caseworker_parameters(ParameterCatalogue& catalogue) {
    auto& p = catalogue.parameters;
    p.push_back(real_parameter("caseworkers.client_hours_per_fte_month", 110.0, 10.0, 160.0, "hours per month", assumed,
                               "Hours of client contact one caseworker FTE delivers per month (the rest is administration)."));
    p.push_back(real_parameter("caseworkers.contact_hours_for_half_effect", 1.5, 0.05, 20.0, "hours per client-month",
                               assumed, "Monthly contact hours at which a client gets half of the maximum guidance effect "
                               "(diminishing returns)."));
    p.push_back(real_parameter("caseworkers.max_search_effect", 1.0, 0.0, 5.0, "factor", assumed,
                               "Largest relative increase of the job-finding rate that guidance can give (at unlimited contact)."));
    p.push_back(real_parameter("caseworkers.unguided_search_factor", 0.5, 0.0, 1.0, "factor", assumed,
                               "Search intensity of someone who may search but has had no intake yet, relative to a guided seeker."));
    p.push_back(real_parameter("caseworkers.fte_annual_cost", 75000.0, 0.0, 500000.0, "EUR per FTE-year", assumed,
                               "Cost of one caseworker FTE per year, overhead included."));
}

void add_inburgering_parameters(ParameterCatalogue& catalogue) {
    auto& p = catalogue.parameters;
    p.push_back(choice_parameter("inburgering.regime", "old_2013", {"old_2013", "new_2022"}, "model-brief: §1, §5",
                                 "Civic-integration law: old_2013 (self-arranged course on a DUO loan, exam at A2) or new_2022 "
                                 "(municipal regie: B1-route, onderwijsroute or Z-route chosen at the broad intake)."));
    p.push_back(real_parameter("inburgering.course_cost_per_hour", 12.5, 0.0, 100.0, "EUR per lesson hour",
                               "assumed (model-brief §1: a EUR 10,000 loan covers about 800 hours)",
                               "Price of one lesson hour, whoever pays it."));
    p.push_back(integer_parameter("inburgering.deadline_months", 36, 6, 120, "months", "model-brief: §1 (A2 within 3 years)",
                                  "Months after the permit by which the exam must be passed; after it the person counts as overdue."));
    p.push_back(real_parameter("inburgering.exam_ready_margin", 0.25, 0.0, 2.0, "levels", assumed,
                               "A learner sits the exam once within this distance below the target level (under the old "
                               "law an exemption seeker also once past inburgering.old.exemption_lesson_hours, working "
                               "towards the exemption)."));
    p.push_back(real_parameter("inburgering.exam_pass_scale", 0.2, 0.01, 2.0, "levels", assumed,
                               "Spread of the logistic exam-pass curve: pass probability is 1/2 at the target level."));
    p.push_back(integer_parameter("inburgering.months_between_exams", 3, 1, 24, "months", assumed,
                                  "Months between two exam attempts."));
    p.push_back(boolean_parameter("inburgering.exams_after_course", true,
                                  "model-brief: §1, §4 (the obligation is the exam, taken at DUO apart from any course; the "
                                  "old law's exemption asks for 4 exam rounds after 600 lesson hours)",
                                  "Whether someone whose course ended without a pass (the DUO loan used up, or the longest course) "
                                  "may still sit the exam on the same rules: when within inburgering.exam_ready_margin of the "
                                  "target (old law: also once past the exemption's lesson hours), at most every "
                                  "inburgering.months_between_exams months. Not on the Z-route, which has no exam."));
    p.push_back(real_parameter("inburgering.old.loan_limit", 10000.0, 0.0, 50000.0, "EUR", "model-brief: §1 (DUO loan up to EUR 10,000)",
                               "DUO loan available for courses under the old law."));
    p.push_back(real_parameter("inburgering.old.max_spend_per_quarter", 1250.0, 0.0, 10000.0, "EUR per quarter",
                               "model-brief: §1, issue 3 (at most EUR 1,250 a quarter)", "Most of the loan that may be spent per quarter."));
    p.push_back(real_parameter("inburgering.old.fine", 1250.0, 0.0, 10000.0, "EUR", "model-brief: §1 (fine up to EUR 1,250)",
                               "Fine when the deadline passes without exam or exemption (paid by the person), and again at the "
                               "end of each new term while the exam is still not passed."));
    p.push_back(integer_parameter("inburgering.old.fine_term_months", 24, 6, 120, "months",
                                  "assumed (model-brief §1: a fine after the deadline; the 2013 law then sets a new term, "
                                  "whose length the sources do not give)",
                                  "Months of the new term after a fine; at its end, without exam or exemption, the next fine."));
    p.push_back(integer_parameter("inburgering.old.exemption_lesson_hours", 600, 0, 5000, "hours", "model-brief: §4",
                                  "Lesson hours after which, with enough exam attempts, a person is exempted."));
    p.push_back(integer_parameter("inburgering.old.exemption_exam_attempts", 4, 0, 20, "attempts", "model-brief: §4",
                                  "Exam attempts needed, with the lesson hours, for an exemption."));
    p.push_back(real_parameter("inburgering.old.exemption_seeking_share", 0.5, 0.0, 1.0, "share",
                               "assumed (model-brief §4 names the exemption route, not how many take it: half, for lack of "
                               "a figure; docs/validation.md shows 0 to 1)",
                               "Share of people who, past the exemption's lesson hours and not yet near A2, sit the exam to "
                               "reach the exemption (a trait drawn per person); the others sit it only when near the level."));
    p.push_back(real_parameter("inburgering.new.b1_route_hours_per_week", 12.0, 0.0, 40.0, "hours per week", assumed,
                               "Lesson hours per week in the B1-route."));
    p.push_back(real_parameter("inburgering.new.z_route_learnability_below", 0.5, 0.0, 5.0, "factor",
                               "assumed (model-brief §1: Z-route for low learners)",
                               "People whose learnability is below this go to the Z-route at the broad intake."));
    p.push_back(integer_parameter("inburgering.new.z_route_lesson_hours", 800, 0, 5000, "hours",
                                  "Wet inburgering 2021: Z-route of 800 lesson hours and 800 participation hours",
                                  "Lesson hours of the Z-route (no exam; the route ends when they are done)."));
    p.push_back(real_parameter("inburgering.new.z_route_hours_per_week", 8.0, 0.0, 40.0, "hours per week", assumed,
                               "Lesson hours per week in the Z-route (a slower pace)."));
    p.push_back(integer_parameter("inburgering.new.education_route_max_age_band", 0, 0, 2, "age band index",
                                  "model-brief: §4 (young people < 30 steered towards education)",
                                  "Oldest age band (0: 18-29) sent to the onderwijsroute when their education allows it."));
}

ParameterCatalogue build_model_catalogue() {
    ParameterCatalogue catalogue;
    add_run_parameters(catalogue);
    add_cohort_parameters(catalogue);
    add_reception_parameters(catalogue);
    add_language_parameters(catalogue);
    add_labour_parameters(catalogue);
    add_welfare_parameters(catalogue);
    add_caseworker_parameters(catalogue);
    add_inburgering_parameters(catalogue);
    add_health_parameters(catalogue);
    add_education_parameters(catalogue);
    add_region_parameters(catalogue);
    add_budget_and_instrument_parameters(catalogue);
    add_municipality_parameters(catalogue);
    return catalogue;
}

}  // namespace

const ParameterCatalogue& model_catalogue() {
    static const ParameterCatalogue catalogue = build_model_catalogue();
    return catalogue;
}

}  // namespace taalwerk
