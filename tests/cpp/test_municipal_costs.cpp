// Costs with several municipalities: each cost indicator of group "all" is the sum over the
// municipality groups, and each municipality's costs follow its own policy.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <string>

#include "model_test_support.hpp"

using namespace taalwerk;
using namespace taalwerk::testing;

namespace {
// Two municipalities with a 3:1 share of the cohort. "b" has no instrument budget, no
// caseworkers and pays for courses after the DUO loan; "a" is the default.
RunOutput run_two_municipalities() {
    const std::string text = R"(
base = "default"
[cohort]
size = 4000
[municipalities]
inherit = false
[municipalities.a]
cohort_weight = 3.0
[municipalities.b]
cohort_weight = 1.0
budget_per_housed_adult = 0.0
max_caseworker_fte_per_100 = 0.0
pays_courses_after_loan = true
)";
    const Scenario scenario =
        Scenario::parse(text, "two-municipalities", std::filesystem::path(TAALWERK_SOURCE_DIR) / "scenarios", model_catalogue());
    RunSettings settings;
    settings.replicates = 2;
    return run_scenario(scenario, settings);
}

const RunOutput& two_municipalities() {
    static const RunOutput output = run_two_municipalities();  // shared by the test cases below
    return output;
}

std::size_t group_of(const RunOutput& output, const std::string& label) {
    const auto at = std::find(output.group_labels.begin(), output.group_labels.end(), label);
    REQUIRE(at != output.group_labels.end());
    return static_cast<std::size_t>(at - output.group_labels.begin());
}

// Sum over all replicates and months of an indicator in one group.
double total_in_group(const RunOutput& output, IndicatorId id, std::size_t group) {
    const auto& values = indicator(output, id).values;
    const std::size_t groups = output.group_labels.size();
    double sum = 0.0;
    for (std::size_t row = 0; row < values.size() / groups; ++row) sum += values[row * groups + group];
    return sum;
}

constexpr IndicatorId cost_indicators[] = {IndicatorId::cost_bijstand, IndicatorId::cost_caseworkers, IndicatorId::cost_inburgering,
                                           IndicatorId::cost_instruments, IndicatorId::cost_total};
}  // namespace

TEST_CASE("Two municipalities: every cost of group all is the sum of the municipalities' costs", "[model][costs][municipalities]") {
    const RunOutput& output = two_municipalities();
    const std::size_t a = group_of(output, "municipality=a");
    const std::size_t b = group_of(output, "municipality=b");
    REQUIRE(output.group_labels[0] == "all");
    REQUIRE(std::count_if(output.group_labels.begin(), output.group_labels.end(),
                          [](const std::string& label) { return label.rfind("municipality=", 0) == 0; }) == 2);
    const std::size_t groups = output.group_labels.size();
    for (const IndicatorId id : cost_indicators) {
        const auto& values = indicator(output, id).values;
        for (std::size_t row = 0; row < values.size() / groups; ++row) {
            INFO(indicator(output, id).name << ", replicate-month row " << row);
            // Relative tolerance for summation order; absolute for rows that are all ~0.
            REQUIRE_THAT(values[row * groups], Catch::Matchers::WithinRel(values[row * groups + a] + values[row * groups + b], 1e-12) ||
                                                   Catch::Matchers::WithinAbs(values[row * groups + a] + values[row * groups + b], 1e-6));
        }
    }
    // Both municipalities carry costs, so the sum is not trivially one of them.
    CHECK(total_in_group(output, IndicatorId::cost_total, a) > 0.0);
    CHECK(total_in_group(output, IndicatorId::cost_total, b) > 0.0);
}

TEST_CASE("Two municipalities: each pays for its own policy", "[model][costs][municipalities]") {
    const RunOutput& output = two_municipalities();
    const std::size_t a = group_of(output, "municipality=a");
    const std::size_t b = group_of(output, "municipality=b");
    // Without budget or caseworkers b spends nothing on instruments or guidance; a does.
    CHECK(total_in_group(output, IndicatorId::cost_instruments, b) == 0.0);
    CHECK(total_in_group(output, IndicatorId::cost_caseworkers, b) == 0.0);
    CHECK(total_in_group(output, IndicatorId::cost_instruments, a) > 0.0);
    CHECK(total_in_group(output, IndicatorId::cost_caseworkers, a) > 0.0);
    // b pays lessons after the loan, a does not: b's lesson cost per person-month is higher.
    const double lessons_a = total_in_group(output, IndicatorId::cost_inburgering, a) / total_in_group(output, IndicatorId::persons, a);
    const double lessons_b = total_in_group(output, IndicatorId::cost_inburgering, b) / total_in_group(output, IndicatorId::persons, b);
    CHECK(lessons_b > lessons_a);
    // The cohort is shared 3:1. Each agent draws its municipality (couples share one), so the
    // share of b is binomial over at most 4,000 draws; 5 standard errors of at least 2,000
    // independent draws (one per household) bound it.
    const double share_b = total_in_group(output, IndicatorId::persons, b) / total_in_group(output, IndicatorId::persons, 0);
    CHECK_THAT(share_b, Catch::Matchers::WithinAbs(0.25, 5.0 * std::sqrt(0.25 * 0.75 / 2000.0)));
}
