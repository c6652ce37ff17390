// Old inburgering law (2013): exemption after enough lesson hours and exam attempts without a
// pass, and the end of the course when the DUO loan is used up and the municipality does not pay.
#include <catch2/catch.hpp>

#include <vector>

#include "model/cohort_simulation.hpp"
#include "model/inburgering.hpp"
#include "model_test_support.hpp"

using namespace taalwerk;
using namespace taalwerk::testing;

namespace {
// Nobody learns (no lesson or practice gain, so proficiency stays at 0), yet everyone in a course
// sits the exam every few months: an exam attempt needs p >= target - exam_ready_margin, and
// the margin of 2 levels puts the A2 target's threshold at 0. The pass probability at p = 0 is
// 1 / (1 + exp(2 / 0.2)) ~ 5e-5, so practically nobody passes.
Overrides nobody_learns(const Overrides& more = {}) {
    Overrides o{{"cohort.size", std::int64_t{3000}},
                {"language.gain_per_lesson_hour", 0.0},
                {"language.practice_gain_per_work_hour", 0.0},
                {"inburgering.exam_ready_margin", 2.0}};
    o.insert(o.end(), more.begin(), more.end());
    return o;
}

}  // namespace

TEST_CASE("Old law: 600 lesson hours and 4 failed attempts make a person exempt", "[model][inburgering][exemption]") {
    const RunOutput output = run_default_with(nobody_learns());
    const double persons = value_at(output, IndicatorId::persons, 59);
    const double exempt = value_at(output, IndicatorId::inburgering_exempt, 59);
    INFO("exempt " << exempt << " of " << persons << ", passed " << value_at(output, IndicatorId::inburgering_passed, 59));
    // On the DUO loan's quarterly cap a person follows about 33 hours a month (EUR 1,250 / 3 at
    // EUR 12.50 x 52/12 per weekly hour), so 600 hours take about 18 months in the course;
    // by month 59 most of the cohort has been housed that long.
    CHECK(exempt > 0.5 * persons);
    // Before 600 hours can have been followed nobody is exempt: 13 months in the course give at
    // most 13 x 34 = 442 hours.
    CHECK(value_at(output, IndicatorId::inburgering_exempt, 12) == 0.0);
    // The pass probability at p = 0 is ~5e-5 an attempt: the exempt are not passers.
    CHECK(value_at(output, IndicatorId::inburgering_passed, 59) < 0.01 * persons);
}

TEST_CASE("Old law: everyone exempt followed the lesson hours and made the exam attempts", "[model][inburgering][exemption]") {
    const AgentStore a = agents_after(nobody_learns(), 48, RandomKey{3, 0});
    const ModelParameters p = read_model_parameters(default_scenario_with(nobody_learns()));
    std::size_t exempt = 0;
    for (std::uint32_t i = 0; i < a.size(); ++i) {
        if (static_cast<InburgeringStatus>(a.inburgering_status[i]) != InburgeringStatus::exempt) continue;
        ++exempt;
        INFO("agent " << i);
        REQUIRE(a.lesson_hours[i] >= p.inburgering.exemption_lesson_hours);
        REQUIRE(a.exam_attempts[i] >= p.inburgering.exemption_exam_attempts);
        REQUIRE(static_cast<InburgeringRoute>(a.inburgering_route[i]) == InburgeringRoute::old_exam);
        CHECK(a.course_status[i] == CourseStatus::finished);  // exemption ends the course
    }
    CHECK(exempt > 0);
}

TEST_CASE("Old law: out of reach of the lesson hours or the attempts, nobody is exempt", "[model][inburgering][exemption]") {
    // At most 36 months in a course (language.max_course_months): about 36 x 34 hours, well under
    // 5,000. Exams go on after the course, so attempts are bounded by the 60 months of the run:
    // an attempt every 4 months gives at most 15, under 20.
    const RunOutput hours = run_default_with(nobody_learns({{"inburgering.old.exemption_lesson_hours", std::int64_t{5000}}}));
    const RunOutput attempts = run_default_with(nobody_learns({{"inburgering.old.exemption_exam_attempts", std::int64_t{20}},
                                                               {"inburgering.months_between_exams", std::int64_t{4}}}));
    CHECK(cumulative(hours, IndicatorId::inburgering_exempt) == 0.0);
    CHECK(cumulative(attempts, IndicatorId::inburgering_exempt) == 0.0);
    // Without the exemption they stay pending and become overdue at the deadline instead.
    CHECK(value_at(hours, IndicatorId::inburgering_overdue, 59) > 0.5 * value_at(hours, IndicatorId::persons, 59));
}

TEST_CASE("Old law: a used-up DUO loan ends the course unless the municipality pays", "[model][inburgering][loan]") {
    // A loan of EUR 500 lasts two months at the cap of EUR 1,250 a quarter; the next month the
    // course ends out of funds. No young children: a carer draws the loan more slowly.
    const std::int64_t cohort = 3000;
    const double loan = 500.0;
    const auto run = [&](bool municipality_pays) {
        return run_default_with({{"cohort.size", cohort},
                                 {"cohort.young_children_share", 0.0},
                                 {"inburgering.old.loan_limit", loan},
                                 {"municipalities.national.pays_courses_after_loan", municipality_pays}},
                                2);
    };
    const RunOutput unpaid = run(false);
    const RunOutput paid = run(true);
    CHECK(value_at(unpaid, IndicatorId::in_language_course, 24) < value_at(paid, IndicatorId::in_language_course, 24));
    // Each person is in a course for at most 3 months (2 on the loan, 1 out of funds), so the
    // person-months in a course are at most 3 per person.
    CHECK(cumulative(unpaid, IndicatorId::in_language_course) <= 3.0 * static_cast<double>(cohort));
    CHECK(cumulative(paid, IndicatorId::in_language_course) > 3.0 * static_cast<double>(cohort));
    // Nothing is paid beyond the loan when the municipality does not pay (no early-start lessons
    // by default, so all inburgering cost is lessons).
    CHECK(cumulative(unpaid, IndicatorId::cost_inburgering) <= loan * static_cast<double>(cohort) * (1.0 + 1e-9));
    CHECK(cumulative(paid, IndicatorId::cost_inburgering) > loan * static_cast<double>(cohort));
}
