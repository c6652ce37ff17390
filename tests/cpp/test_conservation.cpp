// Conservation: every agent is in exactly one state of each partition every month, and the
// group cells of each breakdown add up to "all".
#include <catch2/catch.hpp>

#include "model_test_support.hpp"

using namespace taalwerk;
using namespace taalwerk::testing;

TEST_CASE("Every agent is in exactly one state of each partition, every month", "[model][conservation]") {
    const RunOutput output = run_default_with({{"cohort.size", std::int64_t{5000}},
                                               {"cohort.mean_reunification_months", 20.0},
                                               {"municipalities.national.course_seats_per_100", 30.0},
                                               {"municipalities.national.max_caseworker_fte_per_100", 0.3},
                                               {"cohort.permit_month_shares", std::vector<double>{0.6, 0.2, 0.2}}}, 2);
    for (int month = 0; month < output.months; ++month) {
        INFO("month " << month);
        const double persons = value_at(output, IndicatorId::persons, month);
        REQUIRE(persons + value_at(output, IndicatorId::abroad_awaiting_reunification, month) +
                    value_at(output, IndicatorId::awaiting_permit, month) == 5000.0);
        CHECK(value_at(output, IndicatorId::in_reception, month) + value_at(output, IndicatorId::housed, month) == persons);
        double levels = 0.0;
        for (auto id : {IndicatorId::language_below_a1, IndicatorId::language_a1, IndicatorId::language_a2,
                        IndicatorId::language_b1, IndicatorId::language_b2_or_higher})
            levels += value_at(output, id, month);
        CHECK(levels == persons);
        const double work = value_at(output, IndicatorId::in_paid_work, month);
        CHECK(value_at(output, IndicatorId::in_part_time_work, month) + value_at(output, IndicatorId::in_full_time_work, month) == work);
        CHECK(value_at(output, IndicatorId::in_temporary_work, month) + value_at(output, IndicatorId::in_permanent_work, month) == work);
        CHECK(value_at(output, IndicatorId::in_work_12_months_or_more, month) <= value_at(output, IndicatorId::in_work_6_months_or_more, month));
        CHECK(value_at(output, IndicatorId::in_work_6_months_or_more, month) <= work);
        CHECK(value_at(output, IndicatorId::in_elementary_job, month) + value_at(output, IndicatorId::in_intermediate_job, month) +
                  value_at(output, IndicatorId::in_higher_job, month) == work);
        CHECK(value_at(output, IndicatorId::ever_in_work_12_months, month) <= value_at(output, IndicatorId::ever_in_work_6_months, month));
        CHECK(value_at(output, IndicatorId::ever_in_work_6_months, month) <= value_at(output, IndicatorId::ever_worked, month));
        CHECK(value_at(output, IndicatorId::in_placement, month) + value_at(output, IndicatorId::in_education, month) +
                  work <= persons);
        for (std::size_t k = 0; k < instrument_count; ++k)
            CHECK(value_at(output, static_cast<IndicatorId>(first_receiving_indicator + k), month) <=
                  value_at(output, IndicatorId::housed, month));
        CHECK(work <= value_at(output, IndicatorId::ever_worked, month));
        CHECK(value_at(output, IndicatorId::waiting_for_intake, month) + value_at(output, IndicatorId::in_language_course, month) <=
              2 * value_at(output, IndicatorId::housed, month));
        CHECK(value_at(output, IndicatorId::on_bijstand, month) <= value_at(output, IndicatorId::housed, month));
        CHECK(value_at(output, IndicatorId::below_poverty_line, month) <= value_at(output, IndicatorId::housed, month));
    }
}

TEST_CASE("Group cells of each breakdown add up to all", "[model][conservation]") {
    const RunOutput output = run_default_with({{"cohort.size", std::int64_t{3000}}});
    const std::size_t groups = output.group_labels.size();
    for (const std::string prefix : {"sex=", "origin=", "education=", "age=", "literacy=", "pathway=", "municipality="}) {
        for (const auto& indicator : output.indicators) {
            for (std::size_t row = 0; row < indicator.values.size() / groups; ++row) {
                double sum = 0.0;
                for (std::size_t g = 0; g < groups; ++g)
                    if (output.group_labels[g].rfind(prefix, 0) == 0) sum += indicator.values[row * groups + g];
                INFO(prefix << " " << indicator.name);
                REQUIRE_THAT(sum, Catch::Matchers::WithinRel(indicator.values[row * groups], 1e-12) ||
                                      Catch::Matchers::WithinAbs(indicator.values[row * groups], 1e-6));
            }
        }
    }
}
