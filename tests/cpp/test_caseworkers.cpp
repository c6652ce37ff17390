#include <catch2/catch.hpp>

#include "model/caseworker_guidance.hpp"
#include "model_test_support.hpp"

using namespace taalwerk;
using namespace taalwerk::testing;

TEST_CASE("Guidance: contact time falls as the caseload rises, with diminishing returns", "[model][caseworkers]") {
    CaseworkerParameters c;
    MunicipalityParameters low, high;
    low.caseload = 50;
    high.caseload = 120;
    const GuidanceMonth g50 = guidance_month(c, low, 1000, 1000);
    const GuidanceMonth g120 = guidance_month(c, high, 1000, 1000);
    CHECK_THAT(g50.fte, Catch::Matchers::WithinRel(20.0, 1e-12));
    CHECK_THAT(g50.contact_hours_per_client, Catch::Matchers::WithinRel(c.client_hours_per_fte_month / 50, 1e-12));
    CHECK(g50.search_factor > g120.search_factor);
    CHECK(g120.search_factor > 1.0);
    CHECK(g50.search_factor < 1.0 + c.max_search_effect);
    CHECK_THAT(g50.cost, Catch::Matchers::WithinRel(20.0 * c.fte_annual_cost / 12.0, 1e-12));
    // Past the staffing ceiling the caseload rises beyond the plan.
    low.max_caseworker_fte_per_100 = 1.0;  // 10 FTE for 1,000 housed
    const GuidanceMonth capped = guidance_month(c, low, 1000, 1000);
    CHECK_THAT(capped.fte, Catch::Matchers::WithinRel(10.0, 1e-12));
    CHECK_THAT(capped.contact_hours_per_client, Catch::Matchers::WithinRel(c.client_hours_per_fte_month / 100, 1e-12));
}

TEST_CASE("Unlimited caseworkers: nobody waits for an intake", "[model][caseworkers]") {
    const RunOutput output = run_default_with({{"cohort.size", std::int64_t{4000}},
                                               {"municipalities.national.max_caseworker_fte_per_100", 100.0}});
    CHECK(cumulative(output, IndicatorId::waiting_for_intake) == 0.0);
    CHECK(cumulative(output, IndicatorId::in_guidance) > 0.0);
}

TEST_CASE("No caseworkers: nobody gets an intake or guidance, and it costs nothing", "[model][caseworkers]") {
    // Both partners guided, so every housed adult needs an intake.
    const RunOutput output = run_default_with({{"cohort.size", std::int64_t{4000}},
                                               {"municipalities.national.guide_both_partners", true},
                                               {"municipalities.national.max_caseworker_fte_per_100", 0.0}});
    CHECK(cumulative(output, IndicatorId::in_guidance) == 0.0);
    CHECK(cumulative(output, IndicatorId::cost_caseworkers) == 0.0);
    CHECK(value_at(output, IndicatorId::waiting_for_intake, 30) == value_at(output, IndicatorId::housed, 30));
}

TEST_CASE("A scarce staffing ceiling makes people queue for the intake", "[model][caseworkers]") {
    const RunOutput output = run_default_with({{"cohort.size", std::int64_t{4000}},
                                               {"municipalities.national.max_caseworker_fte_per_100", 0.2}});
    CHECK(value_at(output, IndicatorId::waiting_for_intake, 12) > 0.0);
    // Never more clients than the ceiling allows: 0.2 FTE per 100 housed at caseload 120.
    for (int month = 0; month < output.months; ++month)
        CHECK(value_at(output, IndicatorId::in_guidance, month) <=
              0.2 / 100.0 * value_at(output, IndicatorId::housed, month) * 120.0 + 1e-9);
}

TEST_CASE("A lower caseload never lowers job entry (common random numbers)", "[model][caseworkers][monotonic]") {
    // Individual draws are shared (common random numbers), but vacancies are contested: who wins
    // an opening depends on everyone's weight, so a paired difference can be negative by chance.
    // The mean paired difference must not fall below zero by more than three standard errors.
    const std::uint32_t replicates = 6;
    RunOutput previous = run_default_with({{"cohort.size", std::int64_t{5000}}, {"municipalities.national.caseload", 150.0}}, replicates);
    double total_gain = 0.0;
    for (double caseload : {100.0, 50.0, 25.0}) {
        const RunOutput output = run_default_with(
            {{"cohort.size", std::int64_t{5000}}, {"municipalities.national.caseload", caseload}}, replicates);
        const PairedDifference gain = paired_difference(previous, output, IndicatorId::ever_worked, output.months - 1);
        INFO("caseload " << caseload << ": gain " << gain.mean << " +- " << gain.standard_error);
        CHECK(gain.mean >= -3.0 * std::max(gain.standard_error, 1.0));
        total_gain += gain.mean;
        previous = output;
    }
    CHECK(total_gain > 0.0);  // from 150 to 25 clients per FTE, job entry rises
}

TEST_CASE("Costs add up: the total is the sum of its parts", "[model][costs]") {
    const RunOutput output = run_default_with({{"cohort.size", std::int64_t{3000}}}, 2);
    const auto& total = indicator(output, IndicatorId::cost_total).values;
    const auto& bijstand = indicator(output, IndicatorId::cost_bijstand).values;
    const auto& caseworkers = indicator(output, IndicatorId::cost_caseworkers).values;
    const auto& inburgering = indicator(output, IndicatorId::cost_inburgering).values;
    const auto& instruments = indicator(output, IndicatorId::cost_instruments).values;
    for (std::size_t i = 0; i < total.size(); ++i)
        REQUIRE_THAT(total[i], Catch::Matchers::WithinRel(bijstand[i] + caseworkers[i] + inburgering[i] + instruments[i], 1e-9) ||
                                   Catch::Matchers::WithinAbs(0.0, 1e-6));
    CHECK(cumulative(output, IndicatorId::cost_caseworkers) > 0.0);
    CHECK(cumulative(output, IndicatorId::cost_instruments) > 0.0);
}
