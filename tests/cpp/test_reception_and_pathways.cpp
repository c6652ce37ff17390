// Reception (asylum period, early start, early matching), intake timing, the inflow schedule
// and the tailored pathway.
#include <catch2/catch.hpp>

#include "model/cohort_simulation.hpp"
#include "model/inburgering.hpp"
#include "model/labour_market.hpp"
#include "model_test_support.hpp"

using namespace taalwerk;
using namespace taalwerk::testing;

TEST_CASE("Asylum-period work: everyone who uses the rule has Dutch work experience at the permit", "[model][reception]") {
    // 16 months before the permit, work allowed after 6, 24 weeks a year: 10 x 24/52 = 4.6 months.
    const ModelParameters p = read_model_parameters(default_scenario_with(
        {{"cohort.size", std::int64_t{2000}}, {"reception.asylum_work_take_up", 1.0}, {"cohort.couple_share", 0.0}}));
    CohortSimulation simulation(p, 2000);
    simulation.start_replicate(RandomKey{3, 0});
    for (std::uint32_t agent = 0; agent < 2000; ++agent) {
        REQUIRE(simulation.agents().dutch_experience_months[agent] == 5);
        REQUIRE(simulation.agents().proficiency[agent] > 0.0f);  // practice at work
    }
    const ModelParameters none = read_model_parameters(default_scenario_with(
        {{"cohort.size", std::int64_t{2000}}, {"reception.asylum_work_take_up", 0.0}, {"cohort.couple_share", 0.0}}));
    CohortSimulation without(none, 2000);
    without.start_replicate(RandomKey{3, 0});
    for (std::uint32_t agent = 0; agent < 2000; ++agent) {
        REQUIRE(without.agents().dutch_experience_months[agent] == 0);
        REQUIRE(without.agents().proficiency[agent] == 0.0f);
    }
}

TEST_CASE("Early start: lessons in the AZC raise Dutch at the permit and cost money before housing", "[model][reception]") {
    const RunOutput none = run_default_with({{"cohort.size", std::int64_t{3000}}, {"reception.asylum_work_take_up", 0.0}});
    const RunOutput early = run_default_with({{"cohort.size", std::int64_t{3000}}, {"reception.asylum_work_take_up", 0.0},
                                              {"municipalities.national.early_start_language_hours_per_week", 6.0}});
    CHECK(value_at(none, IndicatorId::language_below_a1, 0) == value_at(none, IndicatorId::persons, 0));
    CHECK(value_at(early, IndicatorId::language_a1, 0) > 0.0);
    CHECK(value_at(early, IndicatorId::cost_inburgering, 0) > value_at(none, IndicatorId::cost_inburgering, 0));
}

TEST_CASE("Early matching: permit holders find work from the AZC", "[model][reception]") {
    // Nobody searches in the sequential course (and nobody combines it with work), so early work
    // can only come from the AZC.
    const Overrides base{{"cohort.size", std::int64_t{3000}}, {"reception.mean_months_to_housing", 12.0},
                         {"labour.sequential_course_search_factor", 0.0}, {"labour.sequential_combining_share", 0.0}};
    Overrides matching = base;
    matching.push_back({"municipalities.national.early_matching", true});
    const RunOutput without = run_default_with(base);
    const RunOutput with = run_default_with(matching);
    CHECK(value_at(without, IndicatorId::ever_worked, 3) == 0.0);
    CHECK(value_at(with, IndicatorId::ever_worked, 3) > 0.0);
}

TEST_CASE("Intake before housing: the broad intake may take place while still in the AZC", "[model][intake]") {
    const auto count_early_intakes = [](std::int64_t months_before) {
        AgentLevelRun run({{"cohort.size", std::int64_t{3000}}, {"reception.mean_months_to_housing", 6.0},
                           {"municipalities.national.intake_months_before_housing", months_before}},
                          RandomKey{9, 0});
        int early = 0;
        for (int month = 0; month < 6; ++month) {
            run.step(month);
            for (std::uint32_t agent = 0; agent < 3000; ++agent)
                early += run.agents().intake_done[agent] && !run.agents().housed[agent];
        }
        return early;
    };
    CHECK(count_early_intakes(0) == 0);
    CHECK(count_early_intakes(3) > 0);
}

TEST_CASE("Inflow schedule: permits arrive as scheduled and everyone is counted once", "[model][cohort]") {
    const RunOutput output = run_default_with({{"cohort.size", std::int64_t{4000}}, {"cohort.couple_share", 0.0},
                                               {"cohort.permit_month_shares", std::vector<double>{0.5, 0.0, 0.0, 0.5}}});
    const double awaiting = value_at(output, IndicatorId::awaiting_permit, 0);
    CHECK_THAT(awaiting, Catch::Matchers::WithinAbs(2000.0, 5.0 * std::sqrt(4000 * 0.25)));
    CHECK(value_at(output, IndicatorId::awaiting_permit, 2) == awaiting);
    CHECK(value_at(output, IndicatorId::awaiting_permit, 3) == 0.0);
    for (int month = 0; month < output.months; ++month)
        CHECK(value_at(output, IndicatorId::persons, month) + value_at(output, IndicatorId::awaiting_permit, month) == 4000.0);
    // Shares that do not sum to one are an error naming the key.
    CHECK_THROWS_WITH(read_model_parameters(default_scenario_with({{"cohort.permit_month_shares", std::vector<double>{0.5, 0.2}}})),
                      Catch::Contains("cohort.permit_month_shares"));
}

TEST_CASE("Tailored pathway: the first matching rule decides, at the intake", "[model][pathways]") {
    TailoredRules rules;
    rules.mental_health = Pathway::sequential;
    rules.not_literate = Pathway::parallel;
    rules.young_children = Pathway::sequential;
    rules.under_30 = Pathway::parallel;
    rules.higher_educated = Pathway::work_first;
    rules.others = Pathway::parallel;
    CHECK(tailored_pathway(rules, true, true, false, AgeBand::age_18_29, Education::higher) == Pathway::sequential);
    CHECK(tailored_pathway(rules, false, true, false, AgeBand::age_18_29, Education::higher) == Pathway::parallel);
    CHECK(tailored_pathway(rules, false, false, false, AgeBand::age_30_44, Education::higher) == Pathway::work_first);
    CHECK(tailored_pathway(rules, false, false, false, AgeBand::age_30_44, Education::lower_secondary) == Pathway::parallel);

    // All rules work_first: after the intake everyone searches; tailored sits between sequential
    // (no search in the course) and work-first (search from the intake... and before it).
    Overrides all_work_first{{"cohort.size", std::int64_t{4000}}, {"municipalities.national.pathway", std::string("tailored")}};
    for (const char* rule : {"mental_health", "not_literate", "young_children", "under_30", "higher_educated", "others"})
        all_work_first.push_back({std::string("municipalities.national.tailored.") + rule, std::string("work_first")});
    const RunOutput tailored = run_default_with(all_work_first);
    const RunOutput sequential = run_default_with({{"cohort.size", std::int64_t{4000}}});
    CHECK(value_at(tailored, IndicatorId::ever_worked, 18) > value_at(sequential, IndicatorId::ever_worked, 18));
}

namespace {
// The most people, over 48 months, who held an activation instrument (work towards a job)
// while their language course was still ahead of them or running.
double activated_during_course(const char* pathway) {
    AgentLevelRun run({{"cohort.size", std::int64_t{4000}},
                       {"municipalities.national.pathway", std::string(pathway)},
                       {"municipalities.national.budget_per_housed_adult", 1e5},
                       {"labour.sequential_course_search_factor", 0.3},
                       {"labour.sequential_combining_share", 0.0}},
                      RandomKey{13, 0});
    constexpr std::uint16_t activation = instrument_bit(Instrument::sector_language_course) |
                                         instrument_bit(Instrument::jobhunter) |
                                         instrument_bit(Instrument::work_experience_place) |
                                         instrument_bit(Instrument::trial_placement) |
                                         instrument_bit(Instrument::learn_work_trajectory);
    const AgentStore& a = run.agents();
    double most = 0.0;
    for (int month = 0; month < 48; ++month) {
        run.step(month);
        double count = 0.0;
        for (std::uint32_t i = 0; i < a.size(); ++i)
            count += (a.course_status[i] != CourseStatus::finished) && (a.instruments_active[i] & activation) != 0;
        most = std::max(most, count);
    }
    return most;
}
}  // namespace

TEST_CASE("Sequential pathway: activation towards work only after the course, however much people search on their own",
          "[model][pathways]") {
    CHECK(!activated_towards_work(Pathway::sequential, CourseStatus::not_started, false));
    CHECK(!activated_towards_work(Pathway::sequential, CourseStatus::in_course, false));
    CHECK(activated_towards_work(Pathway::sequential, CourseStatus::in_course, true));  // new law: past A2
    CHECK(!activated_towards_work(Pathway::sequential, CourseStatus::waiting_for_seat, true));
    CHECK(activated_towards_work(Pathway::sequential, CourseStatus::finished, false));
    CHECK(activated_towards_work(Pathway::parallel, CourseStatus::in_course, false));
    CHECK(activated_towards_work(Pathway::work_first, CourseStatus::not_started, false));
    CHECK(!activated_towards_work(Pathway::tailored, CourseStatus::finished, false));
    // Old law, a generous budget and 30% own search during the course: under the sequential
    // pathway nobody holds a jobhunter, placement or sector course before the course is over;
    // under the parallel pathway many do.
    CHECK(activated_during_course("sequential") == 0.0);
    CHECK(activated_during_course("parallel") > 100.0);
}

TEST_CASE("Sequential pathway: those who combine course and work follow it like the parallel one", "[model][pathways]") {
    // Everyone combining: the sequential scenario is the parallel one, output for output (group
    // "all": the pathway groups are named after the municipality's pathway).
    const RunOutput all_combining = run_default_with({{"cohort.size", std::int64_t{3000}},
                                                      {"municipalities.national.pathway", std::string("sequential")},
                                                      {"labour.sequential_combining_share", 1.0}});
    const RunOutput parallel = run_default_with({{"cohort.size", std::int64_t{3000}},
                                                 {"municipalities.national.pathway", std::string("parallel")},
                                                 {"labour.sequential_combining_share", 1.0}});
    for (std::size_t k = 0; k < indicator_count; ++k)
        for (int month = 0; month < parallel.months; ++month)
            CHECK(value_at(all_combining, static_cast<IndicatorId>(k), month) == value_at(parallel, static_cast<IndicatorId>(k), month));
    // A share combining: more early work than nobody combining, less than everyone (same seeds).
    auto work_at_18 = [](double share) {
        return value_at(run_default_with({{"cohort.size", std::int64_t{3000}}, {"labour.sequential_combining_share", share}}, 2),
                        IndicatorId::in_paid_work, 18);
    };
    const double none = work_at_18(0.0), some = work_at_18(0.3), all = work_at_18(1.0);
    CHECK(none < some);
    CHECK(some < all);
    // Synthesis: the share drawn is the share asked (their pathway in force is the parallel one).
    const AgentStore synthesized = agents_after(
        {{"labour.sequential_combining_share", 0.2}, {"cohort.size", std::int64_t{40000}}}, 0, RandomKey{3, 0});
    double combining = 0.0;
    for (std::uint32_t i = 0; i < 40000; ++i) combining += synthesized.pathway[i] == static_cast<std::uint8_t>(Pathway::parallel);
    CHECK(std::abs(combining / 40000.0 - 0.2) < 4.0 * std::sqrt(0.2 * 0.8 / 40000.0));
}

TEST_CASE("Activated job seekers: every seeker under parallel, only those past the course under sequential",
          "[model][pathways][outputs]") {
    // Parallel (no early matching from the AZC): every housed seeker is activated from housing.
    const RunOutput parallel = run_default_with({{"cohort.size", std::int64_t{3000}},
                                                 {"municipalities.national.pathway", std::string("parallel")}});
    for (int month = 0; month < parallel.months; ++month) {
        INFO("month " << month);
        REQUIRE(value_at(parallel, IndicatorId::seeking_work_activated, month) ==
                value_at(parallel, IndicatorId::seeking_work, month));
    }
    // Sequential, old law, nobody combining, 30% own search in the course: whoever is in a course
    // or waiting for one searches on their own, so the activated seekers are among the housed
    // who are neither (in_language_course and waiting_for_course_seat count everyone who began
    // the month in or before a course). Old-law courses end, so activation comes later.
    const RunOutput sequential = run_default_with({{"cohort.size", std::int64_t{3000}},
                                                   {"labour.sequential_combining_share", 0.0},
                                                   {"labour.sequential_course_search_factor", 0.3}});
    double activated_months = 0.0, own_search_months = 0.0;
    for (int month = 0; month < sequential.months; ++month) {
        INFO("month " << month);
        const double activated = value_at(sequential, IndicatorId::seeking_work_activated, month);
        const double past_course = value_at(sequential, IndicatorId::housed, month) -
                                   value_at(sequential, IndicatorId::in_language_course, month) -
                                   value_at(sequential, IndicatorId::waiting_for_course_seat, month);
        REQUIRE(activated <= past_course);
        REQUIRE(activated <= value_at(sequential, IndicatorId::seeking_work, month));
        activated_months += activated;
        own_search_months += value_at(sequential, IndicatorId::seeking_work, month) - activated;
    }
    CHECK(activated_months > 0.0);
    CHECK(own_search_months > 0.0);
    // With everyone combining, the sequential scenario activates like the parallel one.
    const RunOutput combining = run_default_with({{"cohort.size", std::int64_t{3000}},
                                                  {"labour.sequential_combining_share", 1.0}});
    for (int month = 0; month < combining.months; ++month)
        REQUIRE(value_at(combining, IndicatorId::seeking_work_activated, month) ==
                value_at(combining, IndicatorId::seeking_work, month));
}

TEST_CASE("Activated job seekers: the indicator counts the searches the first pass made as activated",
          "[model][pathways][outputs]") {
    // New law, sequential, nobody combining, 30% own search in the course: on the B1 and education
    // routes a learner is activated in the course once past A2, as the search saw it at the start
    // of the month (pathway, course and proficiency before this month's intake, seat and lessons).
    AgentLevelRun run({{"cohort.size", std::int64_t{3000}},
                       {"inburgering.regime", std::string("new_2022")},
                       {"labour.sequential_combining_share", 0.0},
                       {"labour.sequential_course_search_factor", 0.3}},
                      RandomKey{6, 0});
    double activated_in_course = 0.0;
    for (int month = 0; month < 60; ++month) {
        const AgentStore before = run.agents();
        run.step(month);
        const AgentStore& after = run.agents();
        const ContestedResourceAllocator& vacancies = run.simulation().vacancies();
        double expected = 0.0;
        for (std::uint32_t i = 0; i < after.size(); ++i) {
            const bool searching = vacancies.claimed(i) && vacancies.claim_priority(i) == 0;
            const bool activated =
                after.housed[i] && activated_towards_work(static_cast<Pathway>(before.pathway[i]), before.course_status[i],
                                                          past_a2_milestone(static_cast<InburgeringRoute>(after.inburgering_route[i]),
                                                                            before.proficiency[i]));
            expected += searching && activated;
            activated_in_course += searching && activated && before.course_status[i] == CourseStatus::in_course;
        }
        INFO("month " << month);
        REQUIRE(run.value(IndicatorId::seeking_work_activated) == expected);
    }
    CHECK(activated_in_course > 0.0);  // the milestone case occurs
}
