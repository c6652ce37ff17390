#include "model/population_synthesis.hpp"

#include <algorithm>
#include <cmath>

#include "model/decisions.hpp"
#include "model/language_learning.hpp"
#include "random/waiting_time.hpp"

namespace taalwerk {
namespace {

// Index of the category a uniform draw falls into, given shares (the last absorbs rounding).
template <class Shares>
std::size_t draw_category(RandomStream& stream, const Shares& shares) {
    double u = draw_uniform(stream);
    for (std::size_t i = 0; i + 1 < std::size(shares); ++i) {
        if (u < shares[i]) return i;
        u -= shares[i];
    }
    return std::size(shares) - 1;
}

// Months waited: geometric with the given mean (0 when the mean is 0).
std::uint16_t draw_months_to_housing(RandomStream& stream, double mean_months) {
    return std::min<std::uint16_t>(draw_months_without_event(stream, 1.0 / (1.0 + mean_months)), 600);
}

// A couple is a woman and a man, so the share of women among singles makes up the rest of
// cohort.share_female: (share - couple_share / 2) / (1 - couple_share), within [0, 1].
double share_female_among_singles(const ModelParameters& p) {
    if (p.couple_share >= 1.0) return p.share_female;  // no singles
    return std::clamp((p.share_female - p.couple_share / 2.0) / (1.0 - p.couple_share), 0.0, 1.0);
}

struct Household {
    bool couple = false;
    bool partner_arrives_later = false;
    bool children = false;
    int reunification_delay = 0;             // months after the first partner's housing, minus one
    std::uint16_t young_children_months = 0; // months until the youngest child turns 4 (0: none)
};

// Household facts, drawn from the first partner's stream so both partners see the same.
Household draw_household(const ModelParameters& p, RandomKey key, std::uint32_t first, std::uint32_t cohort) {
    RandomStream draw(key, first, 0, decisions::cohort_household);
    Household household;
    household.couple = draw_event(draw, p.couple_share) && first + 1 < cohort;
    household.partner_arrives_later = draw_event(draw, p.partner_arrives_later_share);
    household.children = draw_event(draw, p.children_share);
    const bool young = draw_event(draw, p.young_children_share) && household.children;
    household.reunification_delay =
        std::min<int>(draw_months_without_event(draw, 1.0 / (1.0 + p.mean_reunification_months)), 120);
    household.young_children_months = young ? static_cast<std::uint16_t>(1 + draw_uniform(draw) * 48.0) : 0;
    return household;
}

// The months in the AZC before the permit (not simulated month by month): early-start lessons
// where the municipality offers them, and asylum-period work for those who use the rule.
struct AsylumPeriod {
    double proficiency = 0.0;
    std::uint8_t dutch_experience_months = 0;
};

AsylumPeriod live_asylum_period(const ModelParameters& p, double learnability, double lesson_hours_per_week,
                                bool works_when_allowed) {
    const ReceptionParameters& r = p.reception;
    AsylumPeriod period;
    const int months = static_cast<int>(std::lround(r.months_before_permit));
    const double working_share = std::min(1.0, r.asylum_work_max_weeks_per_year / 52.0);
    double worked_months = 0.0;
    for (int month = 0; month < months; ++month) {
        const bool may_work = works_when_allowed && month >= r.asylum_work_after_months;
        const double practice = may_work ? r.asylum_work_hours_per_week * working_share : 0.0;
        worked_months += may_work ? working_share : 0.0;
        period.proficiency += monthly_language_gain(p, period.proficiency, learnability, lesson_hours_per_week, practice);
    }
    period.dutch_experience_months = static_cast<std::uint8_t>(std::min(255.0, std::round(worked_months)));
    return period;
}

}  // namespace

Pathway pathway_in_force(const ModelParameters& p, RandomKey key, std::uint32_t agent, Pathway pathway) {
    if (pathway != Pathway::sequential) return pathway;
    RandomStream combining(key, agent, 0, decisions::sequential_combining);
    return draw_event(combining, p.sequential_combining_share) ? Pathway::parallel : Pathway::sequential;
}

void synthesize_population(const ModelParameters& p, const GroupCells& cells, RandomKey key, const ChunkGrid& grid,
                           AgentStore& agents) {
    std::vector<double> municipality_shares;
    double total_weight = 0.0;
    for (const auto& m : p.municipalities) total_weight += m.cohort_weight;
    for (const auto& m : p.municipalities) municipality_shares.push_back(m.cohort_weight / total_weight);

    const std::uint32_t cohort = grid.agents();
    const double single_share_female = share_female_among_singles(p);
    // Chunks start at even ids, so a couple (2k, 2k+1) is always in one chunk, and its first
    // partner is synthesised before the second, who copies the shared household facts.
    static_assert(ChunkGrid::agents_per_chunk % 2 == 0, "couples must not straddle chunks");
    grid.for_each_chunk([&](std::size_t, AgentRange range) {
        for (std::uint32_t agent = range.begin; agent < range.end; ++agent) {
            const std::uint32_t first = agent & ~1u;
            const Household household = draw_household(p, key, first, cohort);
            const bool second_partner = household.couple && agent != first;

            RandomStream sex_draw(key, agent, 0, decisions::cohort_sex);
            // A first partner is a woman with probability share_female, so the second partner, who
            // more often arrives later (nareiziger), is more often a woman.
            Sex sex = draw_event(sex_draw, household.couple ? p.share_female : single_share_female) ? Sex::female : Sex::male;
            RandomStream origin_draw(key, agent, 0, decisions::cohort_origin);
            auto origin = static_cast<Origin>(draw_category(origin_draw, p.origin_shares));
            if (second_partner) {
                sex = agents.sex[first] == static_cast<std::uint8_t>(Sex::female) ? Sex::male : Sex::female;
                origin = static_cast<Origin>(agents.origin[first]);
            }
            RandomStream education_draw(key, agent, 0, decisions::cohort_education);
            const auto education = static_cast<Education>(
                draw_category(education_draw, p.education_shares[static_cast<std::size_t>(origin)]));
            RandomStream literacy_draw(key, agent, 0, decisions::cohort_literacy);
            const bool not_literate = draw_event(literacy_draw, p.not_literate_share[static_cast<std::size_t>(origin)]);
            RandomStream script_draw(key, agent, 0, decisions::cohort_latin_script);
            const bool latin_script =
                draw_event(script_draw, p.latin_script_share[static_cast<std::size_t>(education)]) && !not_literate;
            RandomStream age_draw(key, agent, 0, decisions::cohort_age);
            const auto age_band = static_cast<AgeBand>(draw_category(age_draw, p.age_band_shares));
            RandomStream health_draw(key, agent, 0, decisions::cohort_mental_health);
            const bool mental_health_problem = draw_event(health_draw, p.mental_health_problem_share);
            RandomStream municipality_draw(key, agent, 0, decisions::cohort_municipality);
            auto municipality = static_cast<std::uint8_t>(draw_category(municipality_draw, municipality_shares));
            if (second_partner) municipality = agents.municipality[first];
            RandomStream housing_draw(key, agent, 0, decisions::reception_months_to_housing);
            RandomStream permit_draw(key, agent, 0, decisions::cohort_permit_month);
            auto permit_month = static_cast<std::uint16_t>(draw_category(permit_draw, p.permit_month_shares));
            if (second_partner) permit_month = agents.permit_month[first];

            const auto education_index = static_cast<std::size_t>(education);
            double learnability = p.learnability_by_education[education_index];
            if (not_literate) learnability *= p.not_literate_learning_factor;
            else if (!latin_script) learnability *= p.non_latin_script_learning_factor;
            if (age_band == AgeBand::age_45_64) learnability *= p.age_45_plus_learning_factor;
            double employability = p.employability_by_education[education_index];
            if (sex == Sex::female) employability *= p.female_job_factor;

            auto housing_month =
                static_cast<std::uint16_t>(permit_month + draw_months_to_housing(housing_draw, p.mean_months_to_housing));
            if (second_partner)
                housing_month = household.partner_arrives_later
                                    ? static_cast<std::uint16_t>(std::min(600, agents.housing_month[first] + 1 + household.reunification_delay))
                                    : agents.housing_month[first];
            const bool nareiziger = second_partner && household.partner_arrives_later;
            // A nareiziger's permit comes with the reunification.
            agents.permit_month[agent] = nareiziger ? housing_month : permit_month;
            agents.housing_month[agent] = housing_month;
            agents.sex[agent] = static_cast<std::uint8_t>(sex);
            agents.origin[agent] = static_cast<std::uint8_t>(origin);
            agents.household_role[agent] = static_cast<std::uint8_t>(
                !household.couple ? HouseholdRole::single : (second_partner ? HouseholdRole::second_partner : HouseholdRole::first_partner));
            agents.nareiziger[agent] = nareiziger;
            agents.household_children[agent] = household.children;
            // The main carer of a child under 4: the woman of a couple, or the single parent.
            const bool main_carer = household.young_children_months > 0 && (!household.couple || sex == Sex::female);
            agents.young_children_until[agent] =
                main_carer ? static_cast<std::uint16_t>(agents.permit_month[agent] + household.young_children_months) : 0;
            agents.municipality[agent] = municipality;
            agents.profile_cell[agent] = cells.profile_cell(sex, origin, education, age_band,
                                                        not_literate ? Literacy::not_literate : Literacy::literate, municipality);
            agents.mental_health_problem[agent] = mental_health_problem;
            RandomStream onset_draw(key, agent, 0, decisions::health_onset_time);
            // Onset is counted from the permit: before it the person is not simulated.
            agents.health_onset_month[agent] =
                mental_health_problem ? never
                                      : static_cast<std::uint16_t>(std::min<std::uint32_t>(
                                            agents.permit_month[agent] + draw_months_without_event(onset_draw, p.health.onset_rate), never));
            agents.education[agent] = static_cast<std::uint8_t>(education);
            agents.age_band[agent] = static_cast<std::uint8_t>(age_band);
            agents.learnability[agent] = static_cast<float>(learnability);
            agents.employability[agent] = static_cast<float>(employability);
            agents.not_literate[agent] = not_literate;
            agents.latin_script[agent] = latin_script;
            const MunicipalityParameters& home = p.municipalities[municipality];
            agents.pathway[agent] = static_cast<std::uint8_t>(pathway_in_force(p, key, agent, home.pathway));

            RandomStream prior_work_draw(key, agent, 0, decisions::cohort_prior_work);
            const double prior_work_share = std::min(1.0, p.prior_work_experience_share[education_index] *
                                                              (sex == Sex::female ? p.female_prior_work_factor : 1.0));
            agents.prior_work_experience[agent] = draw_event(prior_work_draw, prior_work_share);
            // Nareizigers come straight from abroad: no asylum period in an AZC.
            if (!nareiziger) {
                RandomStream asylum_work_draw(key, agent, 0, decisions::asylum_work);
                const bool works = draw_event(asylum_work_draw, p.reception.asylum_work_take_up);
                const double learning = learnability * (mental_health_problem ? p.mental_health_learning_factor : 1.0);
                const AsylumPeriod period =
                    live_asylum_period(p, learning, home.early_start_language_hours_per_week, works);
                agents.proficiency[agent] = static_cast<float>(period.proficiency);
                agents.dutch_experience_months[agent] = period.dutch_experience_months;
            }
        }
    });
}

}  // namespace taalwerk
