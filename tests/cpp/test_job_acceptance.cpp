#include <catch2/catch.hpp>

#include "model/labour_market.hpp"
#include "model/welfare.hpp"
#include "model_test_support.hpp"

using namespace taalwerk;
using namespace taalwerk::testing;

TEST_CASE("Poverty trap: with full offset a job below the norm gains nothing", "[model][welfare]") {
    ModelParameters p;
    p.bijstand_norm = 1000.0;
    p.earnings_disregard_share = 0.0;
    p.acceptance_without_gain = 0.6;
    p.reservation_net_gain = 300.0;
    CHECK(net_gain_of_job(p, 800.0) == 0.0);
    CHECK(net_gain_of_job(p, 1500.0) == 500.0);  // leaves bijstand: gains what exceeds the norm
    CHECK(job_acceptance_probability(p, 0.0) == 0.6);
    CHECK_THAT(job_acceptance_probability(p, 150.0), Catch::Matchers::WithinAbs(0.8, 1e-12));
    CHECK(job_acceptance_probability(p, 5000.0) == 1.0);
    // An earnings disregard makes part-time work pay.
    p.earnings_disregard_share = 0.25;
    CHECK_THAT(net_gain_of_job(p, 800.0), Catch::Matchers::WithinAbs(200.0, 1e-9));
}

TEST_CASE("Earnings are net: the gross wage times the net share is what meets the bijstand norm", "[model][welfare]") {
    ModelParameters p;
    p.part_time_hours_per_week = 20.0;
    p.full_time_hours_per_week = 36.0;
    p.hourly_wage_by_segment = {11.0, 14.0, 19.0};
    p.net_share_of_gross_wage = 0.9;
    CHECK_THAT(monthly_net_earnings(p, true, false, Segment::elementary),
               Catch::Matchers::WithinRel(20.0 * weeks_per_month * 11.0 * 0.9, 1e-12));
    CHECK_THAT(monthly_net_earnings(p, true, true, Segment::higher), Catch::Matchers::WithinRel(36.0 * weeks_per_month * 19.0 * 0.9, 1e-12));
    CHECK(monthly_net_earnings(p, false, true, Segment::higher) == 0.0);
}

TEST_CASE("Less net pay keeps more households on bijstand (common random numbers)", "[model][welfare][monotonic]") {
    // Same people, same jobs until the first acceptance decision differs: with less of the wage
    // left after tax, more working households still need a top-up.
    const RunOutput gross = run_default_with({{"cohort.size", std::int64_t{4000}}, {"labour.net_share_of_gross_wage", 1.0},
                                              {"labour.acceptance_without_gain", 1.0}});
    const RunOutput net = run_default_with({{"cohort.size", std::int64_t{4000}}, {"labour.net_share_of_gross_wage", 0.6},
                                            {"labour.acceptance_without_gain", 1.0}});
    // Acceptance does not depend on the gain here, so jobs are identical and only bijstand moves.
    CHECK(cumulative(net, IndicatorId::in_paid_work) == cumulative(gross, IndicatorId::in_paid_work));
    CHECK(cumulative(net, IndicatorId::in_paid_work) > 0.0);
    CHECK(cumulative(net, IndicatorId::on_bijstand) > cumulative(gross, IndicatorId::on_bijstand));
    CHECK(cumulative(net, IndicatorId::cost_bijstand) > cumulative(gross, IndicatorId::cost_bijstand));
}

TEST_CASE("A larger earnings disregard never lowers job entry (common random numbers)", "[model][welfare][monotonic]") {
    double previous = -1.0;
    for (double disregard : {0.0, 0.15, 0.3, 0.6}) {
        const RunOutput output = run_default_with(
            {{"cohort.size", std::int64_t{6000}}, {"welfare.earnings_disregard_share", disregard}}, 2);
        const double ever_worked = value_at(output, IndicatorId::ever_worked, output.months - 1);
        INFO("disregard " << disregard);
        CHECK(ever_worked >= previous);
        previous = ever_worked;
    }
}

TEST_CASE("No vacancies: nobody is ever employed", "[model][labour]") {
    const RunOutput output = run_default_with({{"cohort.size", std::int64_t{3000}}, {"labour.tightness", 0.0}});
    CHECK(cumulative(output, IndicatorId::ever_worked) == 0.0);
    CHECK(cumulative(output, IndicatorId::in_paid_work) == 0.0);
}
