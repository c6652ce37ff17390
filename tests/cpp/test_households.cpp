#include <catch2/catch.hpp>

#include <cmath>

#include "model/cohort_simulation.hpp"
#include "model/welfare.hpp"
#include "model_test_support.hpp"

using namespace taalwerk;
using namespace taalwerk::testing;

namespace {
AgentStore synthesized(const Overrides& overrides, std::uint32_t agents) {
    static ModelParameters parameters;  // outlives the simulation's reference
    parameters = read_model_parameters(default_scenario_with(overrides));
    CohortSimulation simulation(parameters, agents);
    simulation.start_replicate(RandomKey{5, 0});
    return simulation.agents();
}
}  // namespace

TEST_CASE("Couples are pairs of agents: opposite sex, same origin and municipality, share as asked", "[model][households]") {
    const std::uint32_t agents = 40000;
    const AgentStore a = synthesized({{"cohort.couple_share", 0.4}, {"cohort.size", std::int64_t{agents}}}, agents);
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
