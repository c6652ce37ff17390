// Regional labour markets: openings shared with competing seekers, weighted offers, tightness,
// employer openness, segments, regions.
#include <catch2/catch.hpp>

#include <cmath>

#include "engine/contested_resource.hpp"
#include "model/decisions.hpp"
#include "model/labour_market.hpp"
#include "model/regional_labour_market.hpp"
#include "model_test_support.hpp"
#include "random/random_stream.hpp"

using namespace taalwerk;
using namespace taalwerk::testing;

TEST_CASE("Openings are shared by weight: more statushouder seekers crowd each other and the competitors out", "[model][labour]") {
    ModelParameters p;
    p.base_job_finding_rate = 0.1;
    p.tightness = 1.0;
    RegionParameters region;
    region.other_seekers_per_100 = {500.0, 0.0, 0.0};
    region.tightness_path = {1.0};
    // 1,000 cohort adults: 5,000 competitors, 500 openings a month in the elementary segment.
    const VacancyPoolMonth few = vacancy_pool_month(p, region, Segment::elementary, 0, 1000.0, 100.0);
    const VacancyPoolMonth many = vacancy_pool_month(p, region, Segment::elementary, 0, 1000.0, 1000.0);
    CHECK(few.openings == 500.0);
    CHECK_THAT(few.expected_cohort_hires, Catch::Matchers::WithinRel(500.0 * 100.0 / 5100.0, 1e-12));
    CHECK(many.expected_cohort_hires > few.expected_cohort_hires);                   // more hires in total
    CHECK(many.expected_cohort_hires / 1000.0 < few.expected_cohort_hires / 100.0);  // fewer per unit of weight
    CHECK(many.openings - many.expected_cohort_hires < few.openings - few.expected_cohort_hires);  // competitors lose
    // No competitors, no openings: nobody is hired.
    CHECK(vacancy_pool_month(p, region, Segment::intermediate, 0, 1000.0, 50.0).expected_cohort_hires == 0.0);
    // The business cycle: the path's later years hold.
    region.tightness_path = {0.5, 2.0};
    CHECK(vacancy_pool_month(p, region, Segment::elementary, 11, 1000.0, 0.0).openings == 250.0);
    CHECK(vacancy_pool_month(p, region, Segment::elementary, 40, 1000.0, 0.0).openings == 1000.0);
}

TEST_CASE("Offers go to seekers in proportion to hiring weight (weighted sampling)", "[model][labour][statistics]") {
    // 4,000 seekers, half with weight 3 and half with weight 1, and 100 offers: when few are
    // chosen the heavy half gets close to 3/4 of them. Over 200 months the share is within
    // 4 standard errors of its expectation.
    const std::uint32_t seekers = 4000;
    const ChunkGrid grid(seekers);
    ContestedResourceAllocator vacancies(seekers, 1);
    const std::vector<double> capacity{100.0};
    double heavy = 0.0;
    const int months = 200;
    for (int month = 0; month < months; ++month) {
        for (std::uint32_t agent = 0; agent < seekers; ++agent) {
            RandomStream draw(RandomKey{5, 0}, agent, static_cast<std::uint32_t>(month), decisions::vacancy_claim);
            const double weight = agent % 2 == 0 ? 3.0 : 1.0;
            vacancies.claim(agent, 0, 0, vacancy_claim_key(1.0 - draw_uniform(draw), weight));
        }
        vacancies.allocate(grid, capacity);
        for (std::uint32_t agent = 0; agent < seekers; agent += 2) heavy += vacancies.granted(agent);
    }
    const double share = heavy / (100.0 * months);
    // Without replacement the heavy share is a little below 3/4 (100 of 2,000 heavy are gone).
    const double expected = 0.75;
    const double margin = 4.0 * std::sqrt(expected * (1 - expected) / (100.0 * months)) + 0.01;
    CHECK_THAT(share, Catch::Matchers::WithinAbs(expected, margin));
}

TEST_CASE("Segments: intermediate jobs need B1 and schooling or a Dutch diploma, higher jobs B2 and higher education",
          "[model][labour]") {
    ModelParameters p;
    p.intermediate_min_level = 3.0;
    p.higher_min_level = 4.0;
    CHECK(qualified_segment(p, 2.5, Education::higher, DutchQualification::none) == Segment::elementary);
    CHECK(qualified_segment(p, 3.2, Education::upper_secondary, DutchQualification::none) == Segment::intermediate);
    CHECK(qualified_segment(p, 3.2, Education::primary_or_less, DutchQualification::none) == Segment::elementary);
    CHECK(qualified_segment(p, 3.2, Education::primary_or_less, DutchQualification::diploma) == Segment::intermediate);
    CHECK(qualified_segment(p, 4.1, Education::higher, DutchQualification::none) == Segment::higher);
}

TEST_CASE("No competitors means no openings: nobody is ever employed", "[model][labour]") {
    const RunOutput output = run_default_with({{"cohort.size", std::int64_t{3000}},
                                               {"regions.national.other_seekers_per_100", std::vector<double>{0.0, 0.0, 0.0}}});
    CHECK(cumulative(output, IndicatorId::ever_worked) == 0.0);
}

TEST_CASE("A closed first year of the business cycle: no jobs in it, jobs after it", "[model][labour]") {
    const RunOutput output = run_default_with({{"cohort.size", std::int64_t{3000}},
                                               {"municipalities.national.pathway", std::string("work_first")},
                                               {"regions.national.tightness_path", std::vector<double>{0.0, 1.0}}});
    CHECK(value_at(output, IndicatorId::ever_worked, 11) == 0.0);
    CHECK(value_at(output, IndicatorId::ever_worked, 23) > 0.0);
}

TEST_CASE("More competing seekers never raise statushouder job entry (common random numbers)", "[model][labour][monotonic]") {
    // Openings scale with competitors, so compare at fixed openings: halve the base rate as the
    // competitors double.
    double previous = 1e9;
    for (double scale : {1.0, 2.0, 4.0}) {
        const RunOutput output = run_default_with(
            {{"cohort.size", std::int64_t{4000}}, {"municipalities.national.pathway", std::string("work_first")},
             {"regions.national.other_seekers_per_100", std::vector<double>{40.0 * scale, 30.0 * scale, 20.0 * scale}},
             {"labour.base_job_finding_rate", 0.4 / scale}}, 2);
        const double worked = value_at(output, IndicatorId::ever_worked, output.months - 1);
        INFO("competitor scale " << scale);
        CHECK(worked <= previous);
        previous = worked;
    }
}

TEST_CASE("Employers less open to 3-year permits: fewer jobs (common random numbers)", "[model][labour][monotonic]") {
    const Overrides base{{"cohort.size", std::int64_t{4000}}, {"labour.short_permit_openness_factor", 0.5}};
    Overrides short_permit = base;
    short_permit.push_back({"cohort.permit_years", std::int64_t{3}});
    const RunOutput five = run_default_with(base, 2);
    const RunOutput three = run_default_with(short_permit, 2);
    CHECK(value_at(three, IndicatorId::ever_worked, 59) < value_at(five, IndicatorId::ever_worked, 59));
}

TEST_CASE("Job upgrades: none without the mechanism, more permanent jobs with it", "[model][labour]") {
    const RunOutput none = run_default_with({{"cohort.size", std::int64_t{4000}}, {"labour.upgrade_rate", 0.0}}, 2);
    const RunOutput some = run_default_with({{"cohort.size", std::int64_t{4000}}, {"labour.upgrade_rate", 0.1}}, 2);
    CHECK(cumulative(none, IndicatorId::job_upgrades) == 0.0);
    CHECK(cumulative(some, IndicatorId::job_upgrades) > 0.0);
    CHECK(value_at(some, IndicatorId::in_permanent_work, 59) > value_at(none, IndicatorId::in_permanent_work, 59));
}

TEST_CASE("Separations fall with better Dutch and with coaching", "[model][labour]") {
    ModelParameters p;
    p.separation_rate_temporary = 0.05;
    p.separation_rate_permanent = 0.01;
    p.separation_language_effect = 0.3;
    CHECK(separation_probability(p, false, 2.0, 1.0) == 0.05);
    CHECK(separation_probability(p, false, 3.0, 1.0) < 0.05);
    CHECK(separation_probability(p, false, 2.0, 0.5) == 0.025);
    CHECK(separation_probability(p, true, 2.0, 1.0) == 0.01);
}

TEST_CASE("Regions: a municipality in a tighter region finds more work; an unknown region is an error", "[model][labour][regions]") {
    const auto path = std::filesystem::path(TAALWERK_SOURCE_DIR) / "scenarios";
    const std::string text = R"(
base = "default"
[cohort]
size = 6000
[regions.slack]
tightness_path = [0.5]
[regions.tight]
tightness_path = [2.0]
[municipalities]
inherit = false
[municipalities.a]
region = "slack"
pathway = "work_first"
[municipalities.b]
region = "tight"
pathway = "work_first"
)";
    const Scenario scenario = Scenario::parse(text, "two-regions", path, model_catalogue());
    RunSettings settings;
    settings.replicates = 2;
    const RunOutput output = run_scenario(scenario, settings);
    const auto group = [&](const std::string& label) {
        return static_cast<std::size_t>(std::find(output.group_labels.begin(), output.group_labels.end(), label) -
                                        output.group_labels.begin());
    };
    const auto& worked = indicator(output, IndicatorId::ever_worked).values;
    const std::size_t groups = output.group_labels.size();
    const std::size_t last = static_cast<std::size_t>(output.months - 1) * groups;
    CHECK(worked[last + group("municipality=b")] > worked[last + group("municipality=a")]);

    const std::string unknown = R"(
base = "default"
[municipalities.national]
region = "randstad"
)";
    const Scenario bad = Scenario::parse(unknown, "unknown-region", path, model_catalogue());
    CHECK_THROWS_WITH(read_model_parameters(bad), Catch::Contains("randstad") && Catch::Contains("national"));
}
