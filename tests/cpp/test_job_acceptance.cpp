#include <catch2/catch.hpp>

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
