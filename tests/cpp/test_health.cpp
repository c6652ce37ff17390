#include <catch2/catch.hpp>

#include <cmath>

#include "model_test_support.hpp"

using namespace taalwerk;
using namespace taalwerk::testing;

TEST_CASE("Health limits: no onset and certain recovery leave nobody unwell after month 0", "[model][health]") {
    const RunOutput output = run_default_with({{"cohort.size", std::int64_t{3000}},
                                               {"health.onset_rate", 0.0},
                                               {"health.recovery_rate_without_care", 1.0},
                                               {"health.recovery_rate_with_care", 1.0}});
    for (int month = 0; month < output.months; ++month)
        CHECK(value_at(output, IndicatorId::with_mental_health_problem, month) == 0.0);
}

TEST_CASE("Health: the share with problems starts near the cohort share", "[model][health]") {
    const RunOutput output = run_default_with({{"cohort.size", std::int64_t{20000}},
                                               {"health.recovery_rate_without_care", 0.0},
                                               {"health.recovery_rate_with_care", 0.0},
                                               {"health.onset_rate", 0.0},
                                               {"cohort.partner_arrives_later_share", 0.0}});
    // Everyone present from month 0 (no nareizigers). Without transitions the month-0 share is the synthesis share, within 5 binomial sigma.
    const double share = value_at(output, IndicatorId::with_mental_health_problem, 0) / 20000.0;
    CHECK_THAT(share, Catch::Matchers::WithinAbs(0.2, 5.0 * std::sqrt(0.2 * 0.8 / 20000.0)));
    CHECK(value_at(output, IndicatorId::with_mental_health_problem, 40) == value_at(output, IndicatorId::with_mental_health_problem, 0));
}

TEST_CASE("Better care access never leaves more people unwell (common random numbers)", "[model][health][monotonic]") {
    double previous = 1e300;
    for (double access : {0.0, 0.3, 0.6, 1.0}) {
        const RunOutput output = run_default_with(
            {{"cohort.size", std::int64_t{5000}}, {"municipalities.national.mental_health_care_access", access}});
        const double unwell = cumulative(output, IndicatorId::with_mental_health_problem);
        INFO("access " << access);
        CHECK(unwell <= previous);
        const double in_care = cumulative(output, IndicatorId::in_mental_health_care);
        if (access == 0.0) CHECK(in_care == 0.0);
        else CHECK(in_care > 0.0);
        previous = unwell;
    }
}
