#include <catch2/catch.hpp>

#include "model/inburgering.hpp"
#include "model/language_learning.hpp"
#include "model_test_support.hpp"

using namespace taalwerk;
using namespace taalwerk::testing;

TEST_CASE("Exam pass probability is 1/2 at the target and rises with proficiency", "[model][inburgering]") {
    InburgeringParameters p;
    CHECK_THAT(exam_pass_probability(p, 2.0, 2.0), Catch::Matchers::WithinAbs(0.5, 1e-12));
    CHECK(exam_pass_probability(p, 2.3, 2.0) > exam_pass_probability(p, 2.1, 2.0));
    CHECK(exam_pass_probability(p, 1.0, 2.0) < 0.01);
}

TEST_CASE("Old law: the DUO loan is spent at most EUR 1,250 a quarter and stops at the limit", "[model][inburgering]") {
    ModelParameters p;
    p.course_hours_per_week = 20.0;  // wants more than the quarterly cap allows
    const double price = p.inburgering.course_cost_per_hour * weeks_per_month;
    const LessonMonth capped = lesson_month(p, InburgeringRoute::old_exam, 0.0, false);
    CHECK_THAT(capped.loan_spent, Catch::Matchers::WithinRel(p.inburgering.max_spend_per_quarter / 3.0, 1e-12));
    CHECK_THAT(capped.hours_per_week, Catch::Matchers::WithinRel(p.inburgering.max_spend_per_quarter / 3.0 / price, 1e-12));
    const LessonMonth last = lesson_month(p, InburgeringRoute::old_exam, p.inburgering.loan_limit - 100.0, false);
    CHECK_THAT(last.loan_spent, Catch::Matchers::WithinRel(100.0, 1e-12));
    const LessonMonth none = lesson_month(p, InburgeringRoute::old_exam, p.inburgering.loan_limit, false);
    CHECK(none.out_of_funds);
    CHECK(none.hours_per_week == 0.0);
    const LessonMonth paid = lesson_month(p, InburgeringRoute::old_exam, p.inburgering.loan_limit, true);
    CHECK_FALSE(paid.out_of_funds);
    CHECK(paid.hours_per_week == p.course_hours_per_week);
    CHECK(paid.municipal_cost > 0.0);
}

TEST_CASE("New law routes: Z-route for low learners, onderwijsroute for the young and educated", "[model][inburgering]") {
    InburgeringParameters p;
    p.regime = InburgeringRegime::new_2022;
    CHECK(choose_route(p, 0.3, Education::higher, AgeBand::age_18_29) == InburgeringRoute::z_route);
    CHECK(choose_route(p, 1.0, Education::higher, AgeBand::age_18_29) == InburgeringRoute::education_route);
    CHECK(choose_route(p, 1.0, Education::higher, AgeBand::age_30_44) == InburgeringRoute::b1_route);
    CHECK(choose_route(p, 1.0, Education::lower_secondary, AgeBand::age_18_29) == InburgeringRoute::b1_route);
    p.regime = InburgeringRegime::old_2013;
    CHECK(choose_route(p, 0.3, Education::higher, AgeBand::age_18_29) == InburgeringRoute::old_exam);
}

TEST_CASE("A course with zero hours gives no language gain", "[model][language]") {
    const RunOutput output = run_default_with({{"cohort.size", std::int64_t{3000}},
                                               {"language.course_hours_per_week", 0.0},
                                               {"language.practice_gain_per_work_hour", 0.0}});
    for (int month = 0; month < output.months; ++month)
        REQUIRE(value_at(output, IndicatorId::language_below_a1, month) == value_at(output, IndicatorId::persons, month));
    CHECK(cumulative(output, IndicatorId::inburgering_passed) == 0.0);
}

TEST_CASE("Old law: people pass, some are overdue after the deadline, the loan is drawn", "[model][inburgering]") {
    // Singles: everyone has the permit in month 0, so the deadline falls in month 36 for all.
    const RunOutput output = run_default_with({{"cohort.size", std::int64_t{5000}}, {"cohort.couple_share", 0.0}}, 2);
    CHECK(value_at(output, IndicatorId::inburgering_passed, 42) > 0.0);
    CHECK(value_at(output, IndicatorId::inburgering_overdue, 35) == 0.0);   // before the deadline nobody is overdue
    CHECK(value_at(output, IndicatorId::inburgering_overdue, 36) > 0.0);
    CHECK(value_at(output, IndicatorId::inburgering_passed, 42) + value_at(output, IndicatorId::inburgering_exempt, 42) +
              value_at(output, IndicatorId::inburgering_overdue, 42) ==
          value_at(output, IndicatorId::persons, 42));
    CHECK(cumulative(output, IndicatorId::cost_inburgering) > 0.0);
    CHECK(cumulative(output, IndicatorId::in_z_route) == 0.0);
}

TEST_CASE("New law: Z-route learners complete their route and B1 learners sit a B1 exam", "[model][inburgering]") {
    const RunOutput output = run_default_with({{"cohort.size", std::int64_t{5000}}, {"inburgering.regime", std::string("new_2022")}}, 2);
    CHECK(cumulative(output, IndicatorId::in_z_route) > 0.0);
    CHECK(value_at(output, IndicatorId::inburgering_route_completed, 59) > 0.0);
    CHECK(value_at(output, IndicatorId::inburgering_passed, 59) > 0.0);
    CHECK(cumulative(output, IndicatorId::inburgering_exempt) == 0.0);  // exemption is an old-law rule
}

TEST_CASE("Time crowding: work or a placement takes lesson hours, in proportion to the hours", "[model][language]") {
    ModelParameters p;
    p.work_time_crowding = 0.5;
    CHECK(lesson_hours_after_work(p, 10.0, 0.0) == 10.0);
    CHECK(lesson_hours_after_work(p, 10.0, 18.0) == 7.5);
    CHECK(lesson_hours_after_work(p, 10.0, 36.0) == 5.0);
    CHECK(lesson_hours_after_work(p, 10.0, 60.0) == 5.0);
    p.work_time_crowding = 0.0;
    CHECK(lesson_hours_after_work(p, 10.0, 36.0) == 10.0);
}
