// The asylum-period work rule (reception.asylum_work_*): the months in the AZC before the permit
// are summarised at synthesis (population_synthesis.cpp, docs/model.md section 5 step 8). Those
// who use the rule work from month asylum_work_after_months on, for
// min(1, max_weeks_per_year / 52) of each month; the worked months (rounded) start their Dutch
// experience and the practice raises their initial Dutch. Nareizigers have no asylum period.
#include <catch2/catch.hpp>

#include <cmath>

#include "model/cohort_simulation.hpp"
#include "model_test_support.hpp"

using namespace taalwerk;
using namespace taalwerk::testing;

namespace {
// No early-start lessons (the default), so the only source of Dutch before the permit is work.
Overrides asylum_work(double take_up, double after_months) {
    return {{"cohort.size", std::int64_t{6000}},
            {"reception.months_before_permit", 16.0},
            {"reception.asylum_work_take_up", take_up},
            {"reception.asylum_work_after_months", after_months},
            {"reception.asylum_work_max_weeks_per_year", 24.0},
            {"reception.asylum_work_hours_per_week", 20.0}};
}

struct Synthesized {
    ModelParameters parameters;
    AgentStore agents;
};

Synthesized synthesized(const Overrides& overrides) {
    const AgentLevelRun run(overrides, RandomKey{9, 0});
    return {run.parameters(), run.agents()};
}

// Worked months as docs/model.md defines them: months allowed x min(1, weeks / 52), rounded.
int expected_worked_months(double months_before_permit, double after_months, double weeks_per_year) {
    const double allowed = std::max(0.0, std::round(months_before_permit) - std::ceil(after_months));
    return static_cast<int>(std::round(allowed * std::min(1.0, weeks_per_year / 52.0)));
}
}  // namespace

TEST_CASE("Asylum work: everyone who uses the rule works only from the allowed month on", "[model][asylum-work]") {
    // Take-up 1: every non-nareiziger works 10 of the 16 months (months 6-15) for 24/52 of each.
    const Synthesized s = synthesized(asylum_work(1.0, 6.0));
    const int expected = expected_worked_months(16.0, 6.0, 24.0);
    REQUIRE(expected == 5);  // round(10 x 24 / 52) = round(4.6)
    std::size_t checked = 0;
    for (std::uint32_t i = 0; i < s.agents.size(); ++i) {
        INFO("agent " << i);
        if (s.agents.nareiziger[i]) {
            REQUIRE(s.agents.dutch_experience_months[i] == 0);  // no asylum period
            continue;
        }
        REQUIRE(s.agents.dutch_experience_months[i] == expected);
        REQUIRE(s.agents.proficiency[i] > 0.0f);  // practice at work builds Dutch
        ++checked;
    }
    CHECK(checked > 0);
    // Allowed later, fewer months count: 6 of 16 months at 24/52 round to 3.
    const Synthesized later = synthesized(asylum_work(1.0, 10.0));
    for (std::uint32_t i = 0; i < later.agents.size(); ++i)
        if (!later.agents.nareiziger[i]) REQUIRE(later.agents.dutch_experience_months[i] == 3);
}

TEST_CASE("Asylum work: allowed only after the asylum period, nobody works in the AZC", "[model][asylum-work]") {
    // The permit comes after 16 months; work allowed from month 16 on comes too late.
    const Synthesized s = synthesized(asylum_work(1.0, 16.0));
    for (std::uint32_t i = 0; i < s.agents.size(); ++i) {
        INFO("agent " << i);
        REQUIRE(s.agents.dutch_experience_months[i] == 0);
        REQUIRE(s.agents.proficiency[i] == 0.0f);  // no lessons, no work: no Dutch
    }
}

TEST_CASE("Asylum work: with take-up 0 nobody works in the AZC", "[model][asylum-work]") {
    const Synthesized s = synthesized(asylum_work(0.0, 0.0));
    for (std::uint32_t i = 0; i < s.agents.size(); ++i) {
        INFO("agent " << i);
        REQUIRE(s.agents.dutch_experience_months[i] == 0);
        REQUIRE(s.agents.proficiency[i] == 0.0f);
    }
}

TEST_CASE("Asylum work: the share who work is the take-up", "[model][asylum-work][statistics]") {
    const double take_up = 0.3;
    const Synthesized s = synthesized(asylum_work(take_up, 0.0));
    std::size_t eligible = 0, working = 0;
    for (std::uint32_t i = 0; i < s.agents.size(); ++i) {
        if (s.agents.nareiziger[i]) continue;
        ++eligible;
        working += s.agents.dutch_experience_months[i] > 0;
    }
    // An independent draw per agent: binomial, within 5 standard errors.
    const double share = static_cast<double>(working) / static_cast<double>(eligible);
    CHECK_THAT(share, Catch::Matchers::WithinAbs(take_up, 5.0 * std::sqrt(take_up * (1 - take_up) / static_cast<double>(eligible))));
}

TEST_CASE("Asylum work: those who worked in the AZC start with more Dutch and find work sooner",
          "[model][asylum-work][labour]") {
    // Job entry over the run, paired on the same seeds: with take-up 1 from month 0 everyone
    // starts with round(16 x 24/52) = 7 months of Dutch experience and some Dutch.
    const RunOutput none = run_default_with(asylum_work(0.0, 0.0), 2);
    const RunOutput all = run_default_with(asylum_work(1.0, 0.0), 2);
    CHECK(value_at(all, IndicatorId::ever_worked, 30) > value_at(none, IndicatorId::ever_worked, 30));
    // Fewer start below A1: the practice at work built Dutch before the permit.
    CHECK(value_at(all, IndicatorId::language_below_a1, 0) < value_at(none, IndicatorId::language_below_a1, 0));
}
