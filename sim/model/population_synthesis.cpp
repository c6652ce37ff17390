#include "model/population_synthesis.hpp"

#include <algorithm>
#include <cmath>

#include "model/decisions.hpp"
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

}  // namespace

void synthesize_population(const ModelParameters& p, const GroupCells& cells, RandomKey key, const ChunkGrid& grid,
                           AgentStore& agents) {
    std::vector<double> municipality_shares;
    double total_weight = 0.0;
    for (const auto& m : p.municipalities) total_weight += m.cohort_weight;
    for (const auto& m : p.municipalities) municipality_shares.push_back(m.cohort_weight / total_weight);

    const std::uint32_t cohort = grid.agents();
    // Chunks start at even ids, so a couple (2k, 2k+1) is always in one chunk, and its first
    // partner is synthesised before the second, who copies the shared household facts.
    static_assert(ChunkGrid::agents_per_chunk % 2 == 0, "couples must not straddle chunks");
    grid.for_each_chunk([&](std::size_t, AgentRange range) {
        for (std::uint32_t agent = range.begin; agent < range.end; ++agent) {
            const std::uint32_t first = agent & ~1u;
            const Household household = draw_household(p, key, first, cohort);
            const bool second_partner = household.couple && agent != first;

            RandomStream sex_draw(key, agent, 0, decisions::cohort_sex);
            Sex sex = draw_event(sex_draw, p.share_female) ? Sex::female : Sex::male;
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
            RandomStream age_draw(key, agent, 0, decisions::cohort_age);
            const auto age_band = static_cast<AgeBand>(draw_category(age_draw, p.age_band_shares));
            RandomStream health_draw(key, agent, 0, decisions::cohort_mental_health);
            const bool mental_health_problem = draw_event(health_draw, p.mental_health_problem_share);
            RandomStream municipality_draw(key, agent, 0, decisions::cohort_municipality);
            auto municipality = static_cast<std::uint8_t>(draw_category(municipality_draw, municipality_shares));
            if (second_partner) municipality = agents.municipality[first];
            RandomStream housing_draw(key, agent, 0, decisions::reception_months_to_housing);

            const auto education_index = static_cast<std::size_t>(education);
            double learnability = p.learnability_by_education[education_index];
            if (not_literate) learnability *= p.not_literate_learning_factor;
            if (age_band == AgeBand::age_45_64) learnability *= p.age_45_plus_learning_factor;
            double employability = p.employability_by_education[education_index];
            if (sex == Sex::female) employability *= p.female_job_factor;

            std::uint16_t housing_month = draw_months_to_housing(housing_draw, p.mean_months_to_housing);
            if (second_partner)
                housing_month = household.partner_arrives_later
                                    ? static_cast<std::uint16_t>(std::min(600, agents.housing_month[first] + 1 + household.reunification_delay))
                                    : agents.housing_month[first];
            agents.housing_month[agent] = housing_month;
            agents.sex[agent] = static_cast<std::uint8_t>(sex);
            agents.origin[agent] = static_cast<std::uint8_t>(origin);
            agents.household_role[agent] = static_cast<std::uint8_t>(
                !household.couple ? HouseholdRole::single : (second_partner ? HouseholdRole::second_partner : HouseholdRole::first_partner));
            agents.nareiziger[agent] = second_partner && household.partner_arrives_later;
            agents.household_children[agent] = household.children;
            // The main carer of a child under 4: the woman of a couple, or the single parent.
            const bool main_carer = household.young_children_months > 0 && (!household.couple || sex == Sex::female);
            agents.young_children_until[agent] = main_carer ? household.young_children_months : 0;
            agents.municipality[agent] = municipality;
            agents.profile_cell[agent] = cells.profile_cell(sex, origin, education, age_band,
                                                        not_literate ? Literacy::not_literate : Literacy::literate, municipality);
            agents.mental_health_problem[agent] = mental_health_problem;
            RandomStream onset_draw(key, agent, 0, decisions::health_onset_time);
            agents.health_onset_month[agent] =
                mental_health_problem ? never : draw_months_without_event(onset_draw, p.health.onset_rate);
            agents.education[agent] = static_cast<std::uint8_t>(education);
            agents.age_band[agent] = static_cast<std::uint8_t>(age_band);
            agents.learnability[agent] = static_cast<float>(learnability);
            agents.employability[agent] = static_cast<float>(employability);
        }
    });
}

}  // namespace taalwerk
