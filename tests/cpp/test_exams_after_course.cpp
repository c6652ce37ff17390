// Exams after the course (inburgering.exams_after_course): the obligation is the exam, not the
// course, so someone whose course ended without a pass may go on sitting it on the same rules.
#include <catch2/catch.hpp>

#include <cmath>
#include <string>
#include <vector>

#include "model/cohort_simulation.hpp"
#include "model/inburgering.hpp"
#include "model_test_support.hpp"

using namespace taalwerk;
using namespace taalwerk::testing;

namespace {

Overrides with_exams_after_course(bool on, Overrides more = {}) {
    more.emplace_back("inburgering.exams_after_course", on);
    return more;
}

// Nobody learns, and the DUO loan lasts 608 lesson hours: past the exemption's 600 hours a
// learner sits the exam (towards the exemption) once or twice before the loan is used up and
// the course ends. The other attempts the exemption asks for can only come after the course.
Overrides loan_ends_near_exemption_hours(bool exams_after_course) {
    return with_exams_after_course(exams_after_course, {{"cohort.size", std::int64_t{3000}},
                                                        {"language.gain_per_lesson_hour", 0.0},
                                                        {"language.practice_gain_per_work_hour", 0.0},
                                                        {"inburgering.old.loan_limit", 7600.0},
                                                        {"inburgering.old.exemption_seeking_share", 1.0}});
}

// Per agent, the months in which an exam attempt was made, whether the course had ended before
// that month, and whether the month was a course month.
struct ExamAttempt {
    int month = 0;
    bool after_course = false;
    bool course_month = false;
    InburgeringRoute route = InburgeringRoute::old_exam;
};

std::vector<std::vector<ExamAttempt>> exam_attempts_by_agent(const Overrides& overrides, int months) {
    AgentLevelRun run(overrides, RandomKey{5, 0});
    std::vector<std::vector<ExamAttempt>> attempts(run.agents().size());
    for (int month = 0; month < months; ++month) {
        const AgentStore before = run.agents();
        run.step(month);
        const AgentStore& after = run.agents();
        for (std::uint32_t i = 0; i < after.size(); ++i)
            if (after.exam_attempts[i] != before.exam_attempts[i])
                attempts[i].push_back({month, before.course_status[i] == CourseStatus::finished,
                                       after.months_in_course[i] != before.months_in_course[i],
                                       static_cast<InburgeringRoute>(after.inburgering_route[i])});
    }
    return attempts;
}

}  // namespace

TEST_CASE("Exams after the course: the exemption's attempts can be made once the loan is used up",
          "[model][inburgering][exemption]") {
    const RunOutput off = run_default_with(loan_ends_near_exemption_hours(false));
    const RunOutput on = run_default_with(loan_ends_near_exemption_hours(true));
    const double persons = value_at(on, IndicatorId::persons, 59);
    INFO("exempt at 59 months: " << value_at(off, IndicatorId::inburgering_exempt, 59) << " without, "
                                 << value_at(on, IndicatorId::inburgering_exempt, 59) << " with exams after the course, of "
                                 << persons);
    // Without exams after the course, the 4 attempts cannot be made past 600 hours: 8 hours of
    // loan are a fraction of a month's lessons.
    CHECK(cumulative(off, IndicatorId::inburgering_exempt) == 0.0);
    // With them, everyone housed long enough gets there: 600 hours take about 18 months on the
    // loan's quarterly cap, then 3 more attempts 3 months apart.
    CHECK(value_at(on, IndicatorId::inburgering_exempt, 59) > 0.5 * persons);
    // Nobody learns, so nobody passes: the exempt are those who tried.
    CHECK(value_at(on, IndicatorId::inburgering_passed, 59) < 0.01 * persons);
}

TEST_CASE("Exams after the course: attempts follow the rules, only after a course and never on the Z-route",
          "[model][inburgering]") {
    const int months = 60;
    for (const char* regime : {"old_2013", "new_2022"}) {
        INFO("regime " << regime);
        const Overrides regime_override{{"cohort.size", std::int64_t{2000}}, {"inburgering.regime", std::string(regime)}};
        const auto off = exam_attempts_by_agent(with_exams_after_course(false, regime_override), months);
        const auto on = exam_attempts_by_agent(with_exams_after_course(true, regime_override), months);
        std::size_t after_course_attempts = 0;
        for (std::size_t i = 0; i < on.size(); ++i) {
            INFO("agent " << i);
            for (const ExamAttempt& attempt : off[i]) {
                REQUIRE_FALSE(attempt.after_course);
                REQUIRE(attempt.course_month);
            }
            for (std::size_t k = 0; k < on[i].size(); ++k) {
                REQUIRE(on[i][k].route != InburgeringRoute::z_route);
                REQUIRE((on[i][k].after_course || on[i][k].course_month));  // never before a course
                if (k > 0) REQUIRE(on[i][k].month - on[i][k - 1].month >= 3);  // inburgering.months_between_exams
                after_course_attempts += on[i][k].after_course;
            }
            // Under the old law, up to the first attempt after the course both runs are the same
            // person (common random numbers, and no feedback from the exam): the same attempts in
            // the same months. (Under the new law a pass on the onderwijsroute leads into
            // education, which changes the competition for vacancies for everyone.)
            if (std::string(regime) != "old_2013") continue;
            std::size_t same = 0;
            while (same < on[i].size() && !on[i][same].after_course) ++same;
            REQUIRE(off[i].size() >= same);
            for (std::size_t k = 0; k < same; ++k) REQUIRE(off[i][k].month == on[i][k].month);
        }
        CHECK(after_course_attempts > 0);
    }
}

TEST_CASE("Exams after the course: under the old law they change the exam's outcomes, not work or welfare",
          "[model][inburgering]") {
    // Under the old law the exam result feeds nothing but the inburgering indicators (fines,
    // overdue): work and bijstand are the same month by month with common random numbers, and
    // passes and exemptions are never fewer.
    const RunOutput off = run_default_with(with_exams_after_course(false, {{"cohort.size", std::int64_t{5000}}}), 2);
    const RunOutput on = run_default_with(with_exams_after_course(true, {{"cohort.size", std::int64_t{5000}}}), 2);
    for (int month = 0; month < on.months; ++month) {
        INFO("month " << month);
        for (const IndicatorId id : {IndicatorId::in_paid_work, IndicatorId::on_bijstand, IndicatorId::cost_bijstand,
                                     IndicatorId::in_language_course, IndicatorId::cost_inburgering})
            REQUIRE(value_at(on, id, month) == value_at(off, id, month));
        REQUIRE(value_at(on, IndicatorId::inburgering_passed, month) >= value_at(off, IndicatorId::inburgering_passed, month));
        REQUIRE(value_at(on, IndicatorId::inburgering_exempt, month) >= value_at(off, IndicatorId::inburgering_exempt, month));
        REQUIRE(value_at(on, IndicatorId::inburgering_overdue, month) <= value_at(off, IndicatorId::inburgering_overdue, month));
    }
    const double passed_or_exempt_on =
        value_at(on, IndicatorId::inburgering_passed, 59) + value_at(on, IndicatorId::inburgering_exempt, 59);
    const double passed_or_exempt_off =
        value_at(off, IndicatorId::inburgering_passed, 59) + value_at(off, IndicatorId::inburgering_exempt, 59);
    INFO("passed or exempt at 59 months: " << passed_or_exempt_off << " without, " << passed_or_exempt_on << " with");
    CHECK(passed_or_exempt_on > passed_or_exempt_off);
}

TEST_CASE("Exemption seeking: a share of the people sit the exam towards the exemption", "[model][inburgering][exemption]") {
    // Nobody learns, so only exemption seekers sit the exam (never near A2), and the exam feeds
    // nothing else under the old law: with common random numbers the exempt under a share are
    // the exempt under share 1 whose drawn trait says they seek it.
    const auto exempt_agents = [](double share) {
        const AgentStore a = agents_after({{"cohort.size", std::int64_t{4000}},
                                           {"language.gain_per_lesson_hour", 0.0},
                                           {"language.practice_gain_per_work_hour", 0.0},
                                           {"inburgering.old.exemption_seeking_share", share}},
                                          60, RandomKey{9, 0});
        std::vector<bool> exempt(a.size());
        for (std::uint32_t i = 0; i < a.size(); ++i)
            exempt[i] = static_cast<InburgeringStatus>(a.inburgering_status[i]) == InburgeringStatus::exempt;
        return exempt;
    };
    const std::vector<bool> everyone = exempt_agents(1.0);
    const std::vector<bool> nobody = exempt_agents(0.0);
    const double share = 0.3;
    const std::vector<bool> some = exempt_agents(share);
    double exempt_everyone = 0.0, exempt_some = 0.0;
    for (std::size_t i = 0; i < everyone.size(); ++i) {
        INFO("agent " << i);
        REQUIRE_FALSE(nobody[i]);
        if (some[i]) REQUIRE(everyone[i]);
        exempt_everyone += everyone[i];
        exempt_some += some[i];
    }
    REQUIRE(exempt_everyone > 1000.0);
    // The trait is a Bernoulli draw per person: within 4 standard errors of the share.
    const double sigma = std::sqrt(share * (1.0 - share) / exempt_everyone);
    CHECK(std::abs(exempt_some / exempt_everyone - share) < 4.0 * sigma);
}

TEST_CASE("Exams after the course: nobody sits the exam before a course, however well they speak", "[model][inburgering]") {
    // No course seats, fast learning from 20 early-start lesson hours a week in the AZC: many
    // reach A2 (the old exam's level) without ever starting a course, and nobody sits the exam.
    const AgentStore a = agents_after({{"cohort.size", std::int64_t{2000}},
                                       {"municipalities.national.course_seats_per_100", 0.0},
                                       {"municipalities.national.early_start_language_hours_per_week", 20.0},
                                       {"language.gain_per_lesson_hour", 0.02}},
                                      60, RandomKey{4, 0});
    std::size_t at_a2 = 0;
    for (std::uint32_t i = 0; i < a.size(); ++i) {
        INFO("agent " << i);
        REQUIRE(a.exam_attempts[i] == 0);
        REQUIRE(a.months_in_course[i] == 0);
        at_a2 += a.proficiency[i] >= a2_level;
    }
    CHECK(at_a2 > a.size() / 4);
}
