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

}  // namespace

void synthesize_population(const ModelParameters& p, const GroupCells& cells, RandomKey key, const ChunkGrid& grid,
                           AgentStore& agents) {
    std::vector<double> municipality_shares;
    double total_weight = 0.0;
    for (const auto& m : p.municipalities) total_weight += m.cohort_weight;
    for (const auto& m : p.municipalities) municipality_shares.push_back(m.cohort_weight / total_weight);

    grid.for_each_chunk([&](std::size_t, AgentRange range) {
        for (std::uint32_t agent = range.begin; agent < range.end; ++agent) {
            RandomStream sex_draw(key, agent, 0, decisions::cohort_sex);
            const Sex sex = draw_event(sex_draw, p.share_female) ? Sex::female : Sex::male;
            RandomStream origin_draw(key, agent, 0, decisions::cohort_origin);
            const auto origin = static_cast<Origin>(draw_category(origin_draw, p.origin_shares));
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
            const auto municipality = static_cast<std::uint8_t>(draw_category(municipality_draw, municipality_shares));
            RandomStream housing_draw(key, agent, 0, decisions::reception_months_to_housing);

            const auto education_index = static_cast<std::size_t>(education);
            double learnability = p.learnability_by_education[education_index];
            if (not_literate) learnability *= p.not_literate_learning_factor;
            if (age_band == AgeBand::age_45_64) learnability *= p.age_45_plus_learning_factor;
            double employability = p.employability_by_education[education_index];
            if (sex == Sex::female) employability *= p.female_job_factor;

            agents.housing_month[agent] = draw_months_to_housing(housing_draw, p.mean_months_to_housing);
            agents.municipality[agent] = municipality;
            agents.profile_cell[agent] = cells.profile_cell(sex, origin, education, age_band, municipality);
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
