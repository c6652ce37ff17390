#include <catch2/catch.hpp>

#include <cmath>

#include "model/cohort_simulation.hpp"
#include "model/welfare.hpp"
#include "model_test_support.hpp"

using namespace taalwerk;
using namespace taalwerk::testing;

TEST_CASE("Couples are pairs of agents: opposite sex, same origin and municipality, share as asked", "[model][households]") {
    const std::uint32_t agents = 40000;
    const AgentStore a = agents_after({{"cohort.couple_share", 0.4}, {"cohort.size", std::int64_t{agents}}}, 0, RandomKey{5, 0});
    std::size_t in_couples = 0;
    for (std::uint32_t i = 0; i + 1 < agents; i += 2) {
        const auto role = static_cast<HouseholdRole>(a.household_role[i]);
        if (role != HouseholdRole::first_partner) {
            CHECK(static_cast<HouseholdRole>(a.household_role[i + 1]) == HouseholdRole::single);
            continue;
        }
        in_couples += 2;
        REQUIRE(static_cast<HouseholdRole>(a.household_role[i + 1]) == HouseholdRole::second_partner);
        CHECK(a.sex[i] != a.sex[i + 1]);
        CHECK(a.origin[i] == a.origin[i + 1]);
        CHECK(a.municipality[i] == a.municipality[i + 1]);
        CHECK(a.housing_month[i + 1] >= a.housing_month[i]);
        if (a.nareiziger[i + 1]) CHECK(a.housing_month[i + 1] > a.housing_month[i]);
        else CHECK(a.housing_month[i + 1] == a.housing_month[i]);
    }
    const double share = static_cast<double>(in_couples) / agents;
    CHECK_THAT(share, Catch::Matchers::WithinAbs(0.4, 5.0 * std::sqrt(0.4 * 0.6 / (agents / 2.0))));
}

TEST_CASE("A couple is one bijstand unit with the couple norm", "[model][households][welfare]") {
    ModelParameters p;
    p.bijstand_norm = 1000.0;
    p.bijstand_norm_couple = 1400.0;
    p.earnings_disregard_share = 0.0;
    CHECK(household_bijstand(p, p.bijstand_norm_couple, 0.0) == 1400.0);
    CHECK(household_bijstand(p, p.bijstand_norm_couple, 900.0) == 500.0);
    // A partner's part-time job is worth nothing to the household while the other earns nothing
    // (poverty trap), but its full value once the other's earnings already exceed the norm.
    CHECK(net_gain_of_job(p, 900.0, p.bijstand_norm_couple, 0.0) == 0.0);
    CHECK(net_gain_of_job(p, 900.0, p.bijstand_norm_couple, 1500.0) == 900.0);
}

TEST_CASE("Singles only: every housed adult without earnings above the norm is on bijstand", "[model][households][welfare]") {
    const RunOutput output = run_default_with({{"cohort.size", std::int64_t{3000}}, {"cohort.couple_share", 0.0},
                                               {"labour.tightness", 0.0}});
    for (int month = 0; month < output.months; ++month) {
        CHECK(value_at(output, IndicatorId::on_bijstand, month) == value_at(output, IndicatorId::housed, month));
        CHECK(value_at(output, IndicatorId::abroad_awaiting_reunification, month) == 0.0);
    }
    // The single norm is below the poverty line by default: all of them are poor.
    CHECK(value_at(output, IndicatorId::below_poverty_line, 30) == value_at(output, IndicatorId::housed, 30));
    CHECK_THAT(value_at(output, IndicatorId::cost_bijstand, 30),
               Catch::Matchers::WithinRel(980.0 * value_at(output, IndicatorId::housed, 30), 1e-9));
}

TEST_CASE("Nareizigers arrive later and count only once they are here", "[model][households]") {
    const RunOutput output = run_default_with({{"cohort.size", std::int64_t{6000}}, {"cohort.couple_share", 1.0},
                                               {"cohort.partner_arrives_later_share", 1.0}});
    CHECK(value_at(output, IndicatorId::abroad_awaiting_reunification, 0) == 3000.0);
    CHECK(value_at(output, IndicatorId::persons, 0) == 3000.0);
    CHECK(value_at(output, IndicatorId::abroad_awaiting_reunification, 59) < value_at(output, IndicatorId::abroad_awaiting_reunification, 12));
}

TEST_CASE("Young children slow the main carer: fewer lesson-driven passes without childcare time", "[model][households][monotonic]") {
    const auto passed = [](double factor) {
        const RunOutput output = run_default_with({{"cohort.size", std::int64_t{6000}}, {"cohort.children_share", 1.0},
                                                   {"cohort.young_children_share", 1.0},
                                                   {"labour.young_children_time_factor", factor}});
        return value_at(output, IndicatorId::inburgering_passed, 30);
    };
    CHECK(passed(0.3) < passed(1.0));
}

TEST_CASE("Women make up cohort.share_female of the adults, couples being a woman and a man", "[model][cohort]") {
    const std::uint32_t agents = 40000;
    for (const auto& [share, couples] : {std::pair{0.35, 0.5}, std::pair{0.45, 0.4}, std::pair{0.5, 0.0}}) {
        const AgentStore a = agents_after(
            {{"cohort.share_female", share}, {"cohort.couple_share", couples}, {"cohort.size", std::int64_t{agents}}}, 0, RandomKey{5, 0});
        double women = 0.0;
        for (std::uint32_t i = 0; i < agents; ++i) women += a.sex[i] == static_cast<std::uint8_t>(Sex::female);
        // At most binomial spread: couples' halves are exact, the couple draw and singles' sexes vary.
        CHECK(std::abs(women / agents - share) < 4.0 * std::sqrt(0.25 / agents));
    }
}

TEST_CASE("Latin script: read by a share of the literate that rises with education, by none of the not literate",
          "[model][cohort]") {
    const std::uint32_t agents = 60000;
    const AgentStore a = agents_after({{"cohort.size", std::int64_t{agents}}}, 0, RandomKey{5, 0});
    const ModelParameters p = read_model_parameters(default_scenario_with({}));
    std::array<double, 4> literate{}, latin{};
    for (std::uint32_t i = 0; i < agents; ++i) {
        if (a.not_literate[i]) {
            CHECK(a.latin_script[i] == 0);
            continue;
        }
        literate[a.education[i]] += 1.0;
        latin[a.education[i]] += a.latin_script[i];
    }
    for (std::size_t e = 0; e < 4; ++e) {
        REQUIRE(literate[e] > 1000.0);
        const double expected = p.latin_script_share[e];
        CHECK(std::abs(latin[e] / literate[e] - expected) < 4.0 * std::sqrt(expected * (1.0 - expected) / literate[e]));
    }
    // Learnability: the education level's factor, times the script factor for the literate who
    // do not read the Latin script (and the age factor for the oldest).
    for (std::uint32_t i = 0; i < agents; ++i) {
        if (a.not_literate[i]) continue;
        double expected = p.learnability_by_education[a.education[i]] * (a.latin_script[i] ? 1.0 : p.non_latin_script_learning_factor);
        if (static_cast<AgeBand>(a.age_band[i]) == AgeBand::age_45_64) expected *= p.age_45_plus_learning_factor;
        CHECK_THAT(a.learnability[i], Catch::Matchers::WithinRel(expected, 1e-6));
    }
}
