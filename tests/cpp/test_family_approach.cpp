// The family approach (municipalities.*.guide_both_partners = false): the caseworker guides the
// first partner of a couple (agent 2k) only; the second partner (2k+1) has no intake and no
// guidance of their own. With guide_both_partners = true both partners are guided.
#include <catch2/catch.hpp>

#include <vector>

#include "model/cohort_simulation.hpp"
#include "model_test_support.hpp"

using namespace taalwerk;
using namespace taalwerk::testing;

namespace {
// Couples only, partners housed together, and unlimited caseworkers: every claimed intake is
// granted in the month it is claimed, so only the family-approach rule can keep one from it.
Overrides couples_with_unlimited_caseworkers(bool guide_both_partners) {
    return {{"cohort.size", std::int64_t{4000}},
            {"cohort.couple_share", 1.0},
            {"cohort.partner_arrives_later_share", 0.0},
            {"municipalities.national.max_caseworker_fte_per_100", 100.0},
            {"municipalities.national.guide_both_partners", guide_both_partners}};
}

struct IntakesByRole {
    std::size_t first_housed = 0, first_with_intake = 0, first_guided = 0;
    std::size_t second_housed = 0, second_with_intake = 0, second_guided = 0;
};

IntakesByRole count_by_role(const AgentStore& a) {
    IntakesByRole c;
    for (std::uint32_t i = 0; i < a.size(); ++i) {
        const auto role = static_cast<HouseholdRole>(a.household_role[i]);
        const bool housed = a.housed[i] != 0;
        const bool intake = a.intake_done[i] != 0;
        const bool guided = intake && a.guidance_months_left[i] > 0;
        if (role == HouseholdRole::first_partner) {
            c.first_housed += housed;
            c.first_with_intake += intake;
            c.first_guided += guided;
        } else if (role == HouseholdRole::second_partner) {
            c.second_housed += housed;
            c.second_with_intake += intake;
            c.second_guided += guided;
        }
    }
    return c;
}
}  // namespace

TEST_CASE("Family approach: the second partner of a couple never gets an intake or guidance", "[model][family-approach]") {
    const AgentStore a = agents_after(couples_with_unlimited_caseworkers(false), 18, RandomKey{7, 0});
    const IntakesByRole c = count_by_role(a);
    INFO("first partners housed " << c.first_housed << ", second partners housed " << c.second_housed);
    REQUIRE(c.second_housed > 1000);  // most of the 2,000 couples are housed by month 18
    CHECK(c.second_with_intake == 0);
    CHECK(c.second_guided == 0);
    // The first partner is guided as usual: every housed one has had the intake.
    CHECK(c.first_with_intake >= c.first_housed);
    CHECK(c.first_guided > 0);
}

TEST_CASE("Guiding both partners: every housed partner has an intake of their own", "[model][family-approach]") {
    const AgentStore a = agents_after(couples_with_unlimited_caseworkers(true), 18, RandomKey{7, 0});
    const IntakesByRole c = count_by_role(a);
    REQUIRE(c.second_housed > 1000);
    CHECK(c.second_with_intake >= c.second_housed);
    CHECK(c.first_with_intake >= c.first_housed);
    // Partners housed together get their intakes in the same month, so they are guided alike.
    CHECK(c.second_guided == c.first_guided);
    CHECK(c.second_guided > 0);
}

TEST_CASE("Family approach halves the guided couples: in_guidance doubles when both partners are guided",
          "[model][family-approach]") {
    // Guidance depends only on the intake month and guidance_months, and partners are housed
    // (and, with unlimited caseworkers, taken in) together: exactly twice as many clients every
    // month, and twice the intakes.
    const RunOutput family = run_default_with(couples_with_unlimited_caseworkers(false));
    const RunOutput both = run_default_with(couples_with_unlimited_caseworkers(true));
    REQUIRE(cumulative(family, IndicatorId::in_guidance) > 0.0);
    for (int month = 0; month < family.months; ++month) {
        INFO("month " << month);
        CHECK(value_at(both, IndicatorId::in_guidance, month) == 2.0 * value_at(family, IndicatorId::in_guidance, month));
    }
    CHECK(cumulative(both, IndicatorId::cost_caseworkers) > cumulative(family, IndicatorId::cost_caseworkers));
}
