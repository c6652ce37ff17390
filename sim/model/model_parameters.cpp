#include "model/model_parameters.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace taalwerk {
namespace {

template <std::size_t N>
std::array<double, N> fixed_list(const Scenario& scenario, const std::string& key) {
    const auto& values = scenario.real_list(key);
    std::array<double, N> result{};
    for (std::size_t i = 0; i < N && i < values.size(); ++i) result[i] = values[i];
    return result;
}

template <class Shares>
void require_sum_one(const Scenario& scenario, const std::string& key, const Shares& shares) {
    double sum = 0.0;
    for (double share : shares) sum += share;
    if (std::abs(sum - 1.0) > 1e-6) {
        std::ostringstream message;
        message << scenario.name() << ": key '" << key << "': shares sum to " << sum << "; allowed: shares that sum to 1";
        throw ScenarioError(message.str());
    }
}

std::vector<double> shares_summing_to_one(const Scenario& s, const std::string& key) {
    std::vector<double> shares = s.real_list(key);
    require_sum_one(s, key, shares);
    return shares;
}

Pathway parse_pathway(const std::string& name) {
    for (std::size_t i = 0; i < pathway_names.size(); ++i)
        if (name == pathway_names[i]) return static_cast<Pathway>(i);
    throw ScenarioError("unknown pathway '" + name + "'");
}

}  // namespace

ModelParameters read_model_parameters(const Scenario& s) {
    ModelParameters p;
    p.months = static_cast<int>(s.integer("run.months"));
    p.cohort_size = s.integer("cohort.size");
    p.permit_month_shares = shares_summing_to_one(s, "cohort.permit_month_shares");
    if (static_cast<int>(p.permit_month_shares.size()) > p.months)
        throw ScenarioError(s.name() + ": key 'cohort.permit_month_shares': " + std::to_string(p.permit_month_shares.size()) +
                            " permit months; allowed: at most run.months (" + std::to_string(p.months) + ")");
    p.permit_years = static_cast<int>(s.integer("cohort.permit_years"));
    p.prior_work_experience_share = fixed_list<4>(s, "cohort.prior_work_experience_share");
    p.female_prior_work_factor = s.real("cohort.female_prior_work_factor");

    p.share_female = s.real("cohort.share_female");
    const double syria = s.real("cohort.origin_share_syria");
    const double eritrea = s.real("cohort.origin_share_eritrea");
    if (syria + eritrea > 1.0 + 1e-9)
        throw ScenarioError(s.name() + ": keys 'cohort.origin_share_syria' and 'cohort.origin_share_eritrea': together " +
                            std::to_string(syria + eritrea) + "; allowed: at most 1 (the rest is 'other')");
    p.origin_shares = {syria, eritrea, std::max(0.0, 1.0 - syria - eritrea)};
    p.education_shares[0] = fixed_list<4>(s, "cohort.education_syria");
    p.education_shares[1] = fixed_list<4>(s, "cohort.education_eritrea");
    p.education_shares[2] = fixed_list<4>(s, "cohort.education_other");
    require_sum_one(s, "cohort.education_syria", p.education_shares[0]);
    require_sum_one(s, "cohort.education_eritrea", p.education_shares[1]);
    require_sum_one(s, "cohort.education_other", p.education_shares[2]);
    p.not_literate_share = fixed_list<3>(s, "cohort.not_literate_share");
    p.latin_script_share = fixed_list<4>(s, "cohort.latin_script_share");
    p.age_band_shares = fixed_list<3>(s, "cohort.age_band_shares");
    require_sum_one(s, "cohort.age_band_shares", p.age_band_shares);
    p.mental_health_problem_share = s.real("cohort.mental_health_problem_share");
    p.couple_share = s.real("cohort.couple_share");
    p.partner_arrives_later_share = s.real("cohort.partner_arrives_later_share");
    p.mean_reunification_months = s.real("cohort.mean_reunification_months");
    p.children_share = s.real("cohort.children_share");
    p.young_children_share = s.real("cohort.young_children_share");
    p.young_children_time_factor = s.real("labour.young_children_time_factor");
    p.bijstand_norm_couple = s.real("welfare.bijstand_norm_couple");
    p.poverty_line_single = s.real("welfare.poverty_line_single");
    p.poverty_line_couple = s.real("welfare.poverty_line_couple");
    p.poverty_line_per_child_household = s.real("welfare.poverty_line_per_child_household");

    p.mean_months_to_housing = s.real("reception.mean_months_to_housing");
    p.reception.months_before_permit = s.real("reception.months_before_permit");
    p.reception.asylum_work_after_months = s.real("reception.asylum_work_after_months");
    p.reception.asylum_work_max_weeks_per_year = s.real("reception.asylum_work_max_weeks_per_year");
    p.reception.asylum_work_take_up = s.real("reception.asylum_work_take_up");
    p.reception.asylum_work_hours_per_week = s.real("reception.asylum_work_hours_per_week");

    p.course_hours_per_week = s.real("language.course_hours_per_week");
    p.gain_per_lesson_hour = s.real("language.gain_per_lesson_hour");
    p.proficiency_ceiling = s.real("language.proficiency_ceiling");
    p.learnability_by_education = fixed_list<4>(s, "language.learnability_by_education");
    p.not_literate_learning_factor = s.real("language.not_literate_factor");
    p.non_latin_script_learning_factor = s.real("language.non_latin_script_factor");
    p.mental_health_learning_factor = s.real("language.mental_health_factor");
    p.age_45_plus_learning_factor = s.real("language.age_45_plus_factor");
    p.practice_gain_per_work_hour = s.real("language.practice_gain_per_work_hour");
    p.work_time_crowding = s.real("language.work_time_crowding");
    p.max_course_months = static_cast<int>(s.integer("language.max_course_months"));

    p.base_job_finding_rate = s.real("labour.base_job_finding_rate");
    p.language_effect = s.real("labour.language_effect");
    p.employability_by_education = fixed_list<4>(s, "labour.employability_by_education");
    p.female_job_factor = s.real("labour.female_factor");
    p.mental_health_job_factor = s.real("labour.mental_health_factor");
    p.course_lock_in_factor = s.real("labour.course_lock_in_factor");
    p.sequential_course_search_factor = s.real("labour.sequential_course_search_factor");
    p.sequential_combining_share = s.real("labour.sequential_combining_share");
    p.tightness = s.real("labour.tightness");
    p.part_time_share_of_offers = s.real("labour.part_time_share_of_offers");
    p.temporary_share_of_offers = s.real("labour.temporary_share_of_offers");
    p.separation_rate_temporary = s.real("labour.separation_rate_temporary");
    p.separation_rate_permanent = s.real("labour.separation_rate_permanent");
    p.part_time_hours_per_week = s.real("labour.part_time_hours_per_week");
    p.full_time_hours_per_week = s.real("labour.full_time_hours_per_week");
    p.hourly_wage_by_segment = fixed_list<segment_count>(s, "labour.hourly_wage_by_segment");
    p.net_share_of_gross_wage = s.real("labour.net_share_of_gross_wage");
    p.short_permit_openness_factor = s.real("labour.short_permit_openness_factor");
    p.prior_experience_job_factor = s.real("labour.prior_experience_factor");
    p.network_job_factor = s.real("labour.network_factor");
    p.network_months = s.real("labour.network_months");
    p.intermediate_min_level = s.real("labour.intermediate_min_level");
    p.higher_min_level = s.real("labour.higher_min_level");
    p.upgrade_rate = s.real("labour.upgrade_rate");
    p.separation_language_effect = s.real("labour.separation_language_effect");
    p.acceptance_without_gain = s.real("labour.acceptance_without_gain");
    p.reservation_net_gain = s.real("labour.reservation_net_gain");

    p.bijstand_norm = s.real("welfare.bijstand_norm");
    p.earnings_disregard_share = s.real("welfare.earnings_disregard_share");

    p.education.programme_months = static_cast<int>(s.integer("education.programme_months"));
    p.education.monthly_dropout_rate = s.real("education.monthly_dropout_rate");
    p.education.practice_hours_per_week = s.real("education.practice_hours_per_week");
    p.education.study_finance_per_month = s.real("education.study_finance_per_month");
    p.education.diploma_job_factor = s.real("education.diploma_job_factor");

    p.budget_cut_share = s.real("budget.cut_share");
    for (std::size_t k = 0; k < instrument_count; ++k) {
        const std::string prefix = "instruments." + std::string(instrument_names[k]) + ".";
        InstrumentParameters& instrument = p.instruments[k];
        instrument.cost_per_month = s.real(prefix + "cost_per_month");
        instrument.duration_months = static_cast<int>(s.integer(prefix + "duration_months"));
        instrument.places_per_100 = s.real(prefix + "places_per_100");
        // Effects an instrument does not have are not in the catalogue and keep their neutral value.
        auto optional = [&](const char* field, double& value) {
            if (s.has(prefix + field)) value = s.real(prefix + field);
        };
        optional("lesson_hours_per_week", instrument.lesson_hours_per_week);
        optional("practice_hours_per_week", instrument.practice_hours_per_week);
        optional("search_factor", instrument.search_factor);
        optional("job_finding_factor", instrument.job_finding_factor);
        optional("lasting_job_finding_factor", instrument.lasting_job_finding_factor);
        optional("separation_factor", instrument.separation_factor);
        optional("min_level", instrument.min_level);
        optional("completion_probability", instrument.completion_probability);
    }

    for (const auto& name : s.entries("regions")) {
        const std::string prefix = "regions." + name + ".";
        RegionParameters region;
        region.name = name;
        region.other_seekers_per_100 = fixed_list<segment_count>(s, prefix + "other_seekers_per_100");
        region.tightness_path = s.real_list(prefix + "tightness_path");
        region.employer_openness = s.real(prefix + "employer_openness");
        p.regions.push_back(region);
    }
    if (p.regions.size() > 250)
        throw ScenarioError(s.name() + ": " + std::to_string(p.regions.size()) + " regions; allowed: at most 250");

    p.health.onset_rate = s.real("health.onset_rate");
    p.health.recovery_rate_without_care = s.real("health.recovery_rate_without_care");
    p.health.recovery_rate_with_care = s.real("health.recovery_rate_with_care");
    p.caseworkers.client_hours_per_fte_month = s.real("caseworkers.client_hours_per_fte_month");
    p.caseworkers.contact_hours_for_half_effect = s.real("caseworkers.contact_hours_for_half_effect");
    p.caseworkers.max_search_effect = s.real("caseworkers.max_search_effect");
    p.caseworkers.unguided_search_factor = s.real("caseworkers.unguided_search_factor");
    p.caseworkers.fte_annual_cost = s.real("caseworkers.fte_annual_cost");

    InburgeringParameters& i = p.inburgering;
    i.regime = s.text("inburgering.regime") == "new_2022" ? InburgeringRegime::new_2022 : InburgeringRegime::old_2013;
    i.course_cost_per_hour = s.real("inburgering.course_cost_per_hour");
    i.deadline_months = static_cast<int>(s.integer("inburgering.deadline_months"));
    i.exam_ready_margin = s.real("inburgering.exam_ready_margin");
    i.exam_pass_scale = s.real("inburgering.exam_pass_scale");
    i.months_between_exams = static_cast<int>(s.integer("inburgering.months_between_exams"));
    i.exams_after_course = s.boolean("inburgering.exams_after_course");
    i.loan_limit = s.real("inburgering.old.loan_limit");
    i.max_spend_per_quarter = s.real("inburgering.old.max_spend_per_quarter");
    i.fine = s.real("inburgering.old.fine");
    i.fine_term_months = static_cast<int>(s.integer("inburgering.old.fine_term_months"));
    i.exemption_lesson_hours = static_cast<int>(s.integer("inburgering.old.exemption_lesson_hours"));
    i.exemption_exam_attempts = static_cast<int>(s.integer("inburgering.old.exemption_exam_attempts"));
    i.exemption_seeking_share = s.real("inburgering.old.exemption_seeking_share");
    i.b1_route_hours_per_week = s.real("inburgering.new.b1_route_hours_per_week");
    i.z_route_learnability_below = s.real("inburgering.new.z_route_learnability_below");
    i.z_route_lesson_hours = static_cast<int>(s.integer("inburgering.new.z_route_lesson_hours"));
    i.z_route_hours_per_week = s.real("inburgering.new.z_route_hours_per_week");
    i.education_route_max_age_band = static_cast<int>(s.integer("inburgering.new.education_route_max_age_band"));

    double total_weight = 0.0;
    for (const auto& name : s.entries("municipalities")) {
        const std::string prefix = "municipalities." + name + ".";
        MunicipalityParameters m;
        m.name = name;
        m.cohort_weight = s.real(prefix + "cohort_weight");
        m.pathway = parse_pathway(s.text(prefix + "pathway"));
        m.tailored.mental_health = parse_pathway(s.text(prefix + "tailored.mental_health"));
        m.tailored.not_literate = parse_pathway(s.text(prefix + "tailored.not_literate"));
        m.tailored.young_children = parse_pathway(s.text(prefix + "tailored.young_children"));
        m.tailored.under_30 = parse_pathway(s.text(prefix + "tailored.under_30"));
        m.tailored.higher_educated = parse_pathway(s.text(prefix + "tailored.higher_educated"));
        m.tailored.others = parse_pathway(s.text(prefix + "tailored.others"));
        const std::string& region = s.text(prefix + "region");
        const auto found = std::find_if(p.regions.begin(), p.regions.end(),
                                        [&](const RegionParameters& r) { return r.name == region; });
        if (found == p.regions.end()) {
            std::string known;
            for (const auto& r : p.regions) known += (known.empty() ? "'" : ", '") + r.name + "'";
            throw ScenarioError(s.name() + ": key '" + prefix + "region': value '" + region +
                                "' is not a region of this scenario; allowed: " + known +
                                " (add it as [regions." + region + "])");
        }
        m.region = static_cast<std::size_t>(found - p.regions.begin());
        m.budget_per_housed_adult = s.real(prefix + "budget_per_housed_adult");
        for (std::size_t k = 0; k < instrument_count; ++k)
            m.instrument_priority[k] =
                static_cast<int>(s.integer(prefix + "instrument_priority." + std::string(instrument_names[k])));
        // Rank order, equal ranks in instrument order (sorted here: the monthly step never allocates).
        for (int rank = 1; rank <= 100; ++rank)
            for (std::size_t k = 0; k < instrument_count; ++k)
                if (m.instrument_priority[k] == rank) m.instruments_by_priority[m.offered_instruments++] = static_cast<std::uint8_t>(k);
        m.early_start_language_hours_per_week = s.real(prefix + "early_start_language_hours_per_week");
        m.early_matching = s.boolean(prefix + "early_matching");
        m.intake_months_before_housing = static_cast<int>(s.integer(prefix + "intake_months_before_housing"));
        m.course_seats_per_100 = s.real(prefix + "course_seats_per_100");
        m.caseload = s.real(prefix + "caseload");
        m.max_caseworker_fte_per_100 = s.real(prefix + "max_caseworker_fte_per_100");
        m.guidance_months = static_cast<int>(s.integer(prefix + "guidance_months"));
        m.pays_courses_after_loan = s.boolean(prefix + "pays_courses_after_loan");
        m.guide_both_partners = s.boolean(prefix + "guide_both_partners");
        m.mental_health_care_access = s.real(prefix + "mental_health_care_access");
        total_weight += m.cohort_weight;
        p.municipalities.push_back(m);
    }
    if (p.municipalities.empty() || total_weight <= 0.0)
        throw ScenarioError(s.name() + ": key 'municipalities.*.cohort_weight': weights sum to " +
                            std::to_string(total_weight) + "; allowed: at least one municipality with a positive weight");
    if (p.municipalities.size() > 250)
        throw ScenarioError(s.name() + ": " + std::to_string(p.municipalities.size()) +
                            " municipalities; allowed: at most 250");
    return p;
}

}  // namespace taalwerk
