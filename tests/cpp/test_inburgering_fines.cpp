// The old law's fine and unforgiven DUO loan for those who miss the deadline.
#include <catch2/catch.hpp>

#include "model_test_support.hpp"

using namespace taalwerk;
using namespace taalwerk::testing;

namespace {
// Nobody can pass or be exempted (no learning, exemption out of reach), everyone has the permit
// in month 0 (no couples, so no nareizigers arriving later): everyone is pending at the deadline.
Overrides nobody_passes(Overrides more = {}) {
    Overrides overrides{{"cohort.size", std::int64_t{2000}},
                        {"cohort.couple_share", 0.0},
                        {"run.months", std::int64_t{72}},
                        {"language.gain_per_lesson_hour", 0.0},
                        {"language.practice_gain_per_work_hour", 0.0},
                        {"inburgering.old.exemption_lesson_hours", std::int64_t{5000}}};
    overrides.insert(overrides.end(), more.begin(), more.end());
    return overrides;
}
}  // namespace

TEST_CASE("Old law: everyone pending at the deadline is fined, again after each new term, and nobody in between",
          "[model][inburgering][fines]") {
    const RunOutput output = run_default_with(nobody_passes({{"inburgering.old.fine_term_months", std::int64_t{12}}}));
    const double persons = value_at(output, IndicatorId::persons, 36);
    REQUIRE(value_at(output, IndicatorId::inburgering_passed, 71) == 0.0);
    REQUIRE(value_at(output, IndicatorId::inburgering_exempt, 71) == 0.0);
    for (int month = 0; month < output.months; ++month) {
        const bool fine_month = month == 36 || month == 48 || month == 60;
        const double fined = value_at(output, IndicatorId::inburgering_fined, month);
        CHECK(fined == (fine_month ? persons : 0.0));
        CHECK_THAT(value_at(output, IndicatorId::inburgering_fines_eur, month),
                   Catch::Matchers::WithinRel(fined * 1250.0, 1e-12) || Catch::Matchers::WithinAbs(0.0, 1e-9));
        CHECK(value_at(output, IndicatorId::inburgering_overdue, month) == (month >= 36 ? persons : 0.0));
    }
}

TEST_CASE("Old law: the loan of those who miss the deadline is not forgiven, from the deadline on",
          "[model][inburgering][fines]") {
    const RunOutput output = run_default_with(nobody_passes());
    double debt_before = 0.0, debt_after = 0.0;
    for (int month = 0; month < output.months; ++month)
        (month < 36 ? debt_before : debt_after) += value_at(output, IndicatorId::inburgering_loan_debt_eur, month);
    CHECK(debt_before == 0.0);
    // At the deadline all of the loan drawn so far; after it, what is still drawn. Nobody passes,
    // so all loan drawn over the run becomes debt: the same total as the loan part of the costs
    // (up to the float in which each person's loan drawn so far is kept).
    const double at_deadline = value_at(output, IndicatorId::inburgering_loan_debt_eur, 36);
    CHECK(at_deadline > 0.0);
    CHECK(at_deadline <= value_at(output, IndicatorId::persons, 36) * 10000.0);
    CHECK_THAT(debt_after, Catch::Matchers::WithinRel(cumulative(output, IndicatorId::cost_inburgering), 1e-6));
}

TEST_CASE("New law: no inburgering fines or loans", "[model][inburgering][fines]") {
    const RunOutput output = run_default_with(nobody_passes({{"inburgering.regime", std::string("new_2022")}}));
    CHECK(cumulative(output, IndicatorId::inburgering_fined) == 0.0);
    CHECK(cumulative(output, IndicatorId::inburgering_fines_eur) == 0.0);
    CHECK(cumulative(output, IndicatorId::inburgering_loan_debt_eur) == 0.0);
}

TEST_CASE("Old law: those who pass before the deadline are never fined", "[model][inburgering][fines]") {
    // Default learning: some pass, and the fined at the deadline are exactly those still pending.
    const RunOutput output = run_default_with({{"cohort.size", std::int64_t{3000}}, {"cohort.couple_share", 0.0},
                                               {"run.months", std::int64_t{40}}});
    const double pending = value_at(output, IndicatorId::inburgering_overdue, 36);
    CHECK(value_at(output, IndicatorId::inburgering_passed, 36) > 0.0);
    CHECK(value_at(output, IndicatorId::inburgering_fined, 36) == pending);
    CHECK(pending < value_at(output, IndicatorId::persons, 36));
}
