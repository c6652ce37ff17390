// Municipal budgets and instruments: the budget's arithmetic, limit cases and monotone responses.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

#include "model/instrument_effects.hpp"
#include "model/municipal_budget.hpp"
#include "model/cohort_simulation.hpp"
#include "model_test_support.hpp"

using namespace taalwerk;
using namespace taalwerk::testing;

namespace {

std::string priority_key(Instrument instrument) {
    return "municipalities.national.instrument_priority." + std::string(instrument_names[static_cast<std::size_t>(instrument)]);
}

// Only `offered` is offered, at rank 1.
Overrides only_instrument(Instrument offered, Overrides overrides) {
    for (std::size_t k = 0; k < instrument_count; ++k) {
        const auto instrument = static_cast<Instrument>(k);
        overrides.push_back({priority_key(instrument), std::int64_t{instrument == offered ? 1 : 0}});
    }
    return overrides;
}

double received(const RunOutput& output, Instrument instrument) {
    return cumulative(output, static_cast<IndicatorId>(first_receiving_indicator + static_cast<std::size_t>(instrument)));
}

}  // namespace

TEST_CASE("Budget: ongoing places are paid first, then new places by rank until money or places run out", "[model][budget]") {
    ModelParameters p;
    MunicipalityParameters m;
    m.budget_per_housed_adult = 1200.0;  // 1,000 housed: EUR 100,000 a month
    m.instrument_priority[static_cast<std::size_t>(Instrument::jobhunter)] = 1;
    m.instrument_priority[static_cast<std::size_t>(Instrument::orientation)] = 2;
    m.instruments_by_priority[0] = static_cast<std::uint8_t>(Instrument::jobhunter);
    m.instruments_by_priority[1] = static_cast<std::uint8_t>(Instrument::orientation);
    m.offered_instruments = 2;
    for (auto& instrument : p.instruments) instrument.places_per_100 = 100.0;
    p.instruments[static_cast<std::size_t>(Instrument::jobhunter)].cost_per_month = 250.0;
    p.instruments[static_cast<std::size_t>(Instrument::orientation)].cost_per_month = 1000.0;
    p.instruments[static_cast<std::size_t>(Instrument::jobhunter)].places_per_100 = 20.0;  // 200 places

    InstrumentCounts counts;
    counts.participants[static_cast<std::size_t>(Instrument::jobhunter)] = 100;  // EUR 25,000 ongoing
    counts.claims[static_cast<std::size_t>(Instrument::jobhunter)] = 500;
    counts.claims[static_cast<std::size_t>(Instrument::orientation)] = 500;
    double balance = 0.0;
    const BudgetMonth month = plan_instrument_month(p, m, 1000.0, counts, balance);
    // Jobhunters: 100 free places (the place limit binds before the money): EUR 25,000.
    CHECK(month.new_places[static_cast<std::size_t>(Instrument::jobhunter)] == 100.0);
    // Orientation: what is left, EUR 50,000, buys 50 places.
    CHECK(month.new_places[static_cast<std::size_t>(Instrument::orientation)] == 50.0);
    CHECK(month.spent == 100000.0);
    CHECK(balance == 0.0);
    // Instruments not offered get nothing.
    CHECK(month.new_places[static_cast<std::size_t>(Instrument::childcare)] == 0.0);

    SECTION("a budget cut is one number") {
        p.budget_cut_share = 0.25;
        CHECK(annual_instrument_budget(p, m, 1000.0) == 0.75 * 1200.0 * 1000.0);
        double cut_balance = 0.0;
        const BudgetMonth cut = plan_instrument_month(p, m, 1000.0, counts, cut_balance);
        CHECK(cut.new_places[static_cast<std::size_t>(Instrument::orientation)] == 25.0);
    }
    SECTION("unspent money carries over up to one year's budget") {
        InstrumentCounts nobody;
        double saved = 0.0;
        for (int i = 0; i < 30; ++i) plan_instrument_month(p, m, 1000.0, nobody, saved);
        CHECK(saved == 1200.0 * 1000.0);
    }
}

TEST_CASE("Zero budget: nobody receives an instrument, and eligible people wait", "[model][budget]") {
    const RunOutput output = run_default_with({{"cohort.size", std::int64_t{3000}},
                                               {"municipalities.national.budget_per_housed_adult", 0.0}});
    CHECK(cumulative(output, IndicatorId::instrument_starts) == 0.0);
    CHECK(cumulative(output, IndicatorId::cost_instruments) == 0.0);
    for (std::size_t k = 0; k < instrument_count; ++k) CHECK(received(output, static_cast<Instrument>(k)) == 0.0);
    CHECK(cumulative(output, IndicatorId::waiting_for_instrument) > 0.0);
}

TEST_CASE("A 100% budget cut is the same as no budget", "[model][budget]") {
    const RunOutput cut = run_default_with({{"cohort.size", std::int64_t{3000}}, {"budget.cut_share", 1.0}});
    const RunOutput none = run_default_with({{"cohort.size", std::int64_t{3000}},
                                             {"municipalities.national.budget_per_housed_adult", 0.0}});
    CHECK(cut.indicators[static_cast<std::size_t>(IndicatorId::in_paid_work)].values ==
          none.indicators[static_cast<std::size_t>(IndicatorId::in_paid_work)].values);
}

TEST_CASE("More budget never lowers the number served (common random numbers)", "[model][budget][monotonic]") {
    double previous = -1.0;
    for (double budget : {0.0, 100.0, 300.0, 1000.0, 5000.0}) {
        const RunOutput output = run_default_with(
            only_instrument(Instrument::orientation,
                            {{"cohort.size", std::int64_t{4000}}, {"municipalities.national.budget_per_housed_adult", budget}}),
            2);
        const double served = cumulative(output, IndicatorId::instrument_starts);
        INFO("budget " << budget);
        CHECK(served >= previous);
        previous = served;
    }
    CHECK(previous > 0.0);
}

TEST_CASE("Places cap an instrument however large the budget", "[model][budget]") {
    const RunOutput output = run_default_with(only_instrument(Instrument::jobhunter,
        {{"cohort.size", std::int64_t{4000}}, {"municipalities.national.budget_per_housed_adult", 1e5},
         {"instruments.jobhunter.places_per_100", 2.0}}));
    for (int month = 0; month < output.months; ++month) {
        INFO("month " << month);
        CHECK(value_at(output, IndicatorId::receiving_jobhunter, month) <=
              std::floor(0.02 * value_at(output, IndicatorId::housed, month)) + 1e-9);
    }
    CHECK(cumulative(output, IndicatorId::receiving_jobhunter) > 0.0);
}

TEST_CASE("A stronger jobhunter never lowers job entry (common random numbers)", "[model][instruments][monotonic]") {
    double previous = -1.0;
    for (double factor : {1.0, 2.0, 4.0}) {
        const RunOutput output = run_default_with(only_instrument(Instrument::jobhunter,
            {{"cohort.size", std::int64_t{4000}}, {"municipalities.national.budget_per_housed_adult", 5000.0},
             {"instruments.jobhunter.job_finding_factor", factor}}), 2);
        const double worked = value_at(output, IndicatorId::ever_worked, output.months - 1);
        INFO("factor " << factor);
        CHECK(worked >= previous);
        previous = worked;
    }
}

TEST_CASE("Instrument effects: childcare lifts the time crowding, placements count as practice", "[model][instruments]") {
    ModelParameters p;
    p.instruments[static_cast<std::size_t>(Instrument::work_experience_place)].practice_hours_per_week = 16.0;
    p.instruments[static_cast<std::size_t>(Instrument::work_experience_place)].search_factor = 0.5;
    p.instruments[static_cast<std::size_t>(Instrument::jobhunter)].job_finding_factor = 1.6;
    p.instruments[static_cast<std::size_t>(Instrument::orientation)].lasting_job_finding_factor = 1.1;
    const InstrumentEffects none = instrument_effects(p, 0, 0);
    CHECK(none.job_finding_factor == 1.0);
    CHECK_FALSE(none.childcare);
    const InstrumentEffects some = instrument_effects(
        p, instrument_bit(Instrument::work_experience_place) | instrument_bit(Instrument::childcare) | instrument_bit(Instrument::jobhunter),
        instrument_bit(Instrument::orientation));
    CHECK(some.childcare);
    CHECK(some.in_placement);
    CHECK(some.practice_hours_per_week == 16.0);
    CHECK(some.search_factor == 0.5);
    CHECK_THAT(some.job_finding_factor, Catch::Matchers::WithinRel(1.6 * 1.1, 1e-12));

    InstrumentSituation carer;
    carer.intake_done = true;
    carer.carer_of_young_child = true;
    carer.in_course = true;
    CHECK(eligible(Instrument::childcare, p.instrument(Instrument::childcare), carer));
    carer.intake_done = false;  // instruments come with the plan made at the intake
    CHECK_FALSE(eligible(Instrument::childcare, p.instrument(Instrument::childcare), carer));
}

TEST_CASE("Childcare lets carers of young children learn faster (common random numbers)", "[model][instruments][monotonic]") {
    const Overrides base{{"cohort.size", std::int64_t{4000}}, {"cohort.young_children_share", 1.0},
                         {"cohort.children_share", 1.0}, {"municipalities.national.budget_per_housed_adult", 20000.0},
                         {"instruments.childcare.places_per_100", 100.0}};
    const RunOutput without = run_default_with(only_instrument(Instrument::bridging_programme, base), 2);
    const RunOutput with = run_default_with(only_instrument(Instrument::childcare, base), 2);
    CHECK(received(with, Instrument::childcare) > 0.0);
    const auto passed = [](const RunOutput& o) { return value_at(o, IndicatorId::inburgering_passed, 30); };
    CHECK(passed(with) > passed(without));
}

TEST_CASE("Education route: bridging leads to Dutch education and a diploma; without entry nobody studies", "[model][education]") {
    const Overrides base{{"cohort.size", std::int64_t{4000}}, {"run.months", std::int64_t{72}},
                         {"municipalities.national.budget_per_housed_adult", 20000.0},
                         {"instruments.bridging_programme.places_per_100", 100.0},
                         {"education.monthly_dropout_rate", 0.0}};
    const RunOutput output = run_default_with(only_instrument(Instrument::bridging_programme, base));
    CHECK(received(output, Instrument::bridging_programme) > 0.0);
    CHECK(cumulative(output, IndicatorId::in_education) > 0.0);
    CHECK(value_at(output, IndicatorId::with_dutch_qualification, 71) > 0.0);
    CHECK(value_at(output, IndicatorId::in_education, 71) <= value_at(output, IndicatorId::persons, 71));

    Overrides closed = base;
    closed.push_back({"instruments.bridging_programme.completion_probability", 0.0});
    const RunOutput none = run_default_with(only_instrument(Instrument::bridging_programme, closed));
    CHECK(cumulative(none, IndicatorId::in_education) == 0.0);
    CHECK(value_at(none, IndicatorId::with_dutch_qualification, 71) == 0.0);
}

namespace {
// Of the people whose trial placement ends in a month (without a job), the share employed at the
// end of that month, over the first 60 months; and how many such endings there were.
struct PlacementEndings {
    double employed_share = 0.0;
    double endings = 0.0;
};

PlacementEndings jobs_at_placement_end(const Overrides& overrides) {
    AgentLevelRun run(overrides, RandomKey{7, 0});
    const AgentStore& a = run.agents();
    const auto k = static_cast<std::size_t>(Instrument::trial_placement);
    double endings = 0.0, employed = 0.0;
    std::vector<std::uint32_t> ending;
    for (int month = 0; month < 60; ++month) {
        ending.clear();
        for (std::uint32_t i = 0; i < a.size(); ++i)
            if ((a.instruments_active[i] & instrument_bit(Instrument::trial_placement)) && a.instrument_months_left[i][k] == 1 &&
                !a.employed[i])
                ending.push_back(i);
        run.step(month);
        for (const std::uint32_t i : ending) employed += a.employed[i];
        endings += static_cast<double>(ending.size());
    }
    return {endings > 0.0 ? employed / endings : 0.0, endings};
}
}  // namespace

TEST_CASE("Trial placements end in jobs only when the employer offers one", "[model][instruments]") {
    const Overrides base{{"cohort.size", std::int64_t{4000}}, {"municipalities.national.budget_per_housed_adult", 20000.0},
                         {"instruments.trial_placement.places_per_100", 50.0}, {"labour.acceptance_without_gain", 1.0}};
    Overrides never_offered = base;
    never_offered.push_back({"instruments.trial_placement.completion_probability", 0.0});
    Overrides always_offered = base;
    always_offered.push_back({"instruments.trial_placement.completion_probability", 1.0});
    const RunOutput run = run_default_with(only_instrument(Instrument::trial_placement, always_offered), 1);
    CHECK(cumulative(run, IndicatorId::in_placement) > 0.0);
    // An employer's offer at the end is a claim on the region's openings ahead of everyone else
    // (priority 1), so nearly everyone whose placement ends gets the job; without offers they
    // only search like others. Openings are contested, so the total number of jobs need not grow.
    const PlacementEndings never = jobs_at_placement_end(only_instrument(Instrument::trial_placement, never_offered));
    const PlacementEndings always = jobs_at_placement_end(only_instrument(Instrument::trial_placement, always_offered));
    REQUIRE(always.endings > 100.0);
    REQUIRE(never.endings > 100.0);
    const double standard_error = std::sqrt(0.25 / always.endings + 0.25 / never.endings);
    CHECK(always.employed_share > never.employed_share + 5.0 * standard_error);
}

TEST_CASE("The instrument claimed is the first eligible one in priority order, for every situation", "[model][instruments]") {
    // instrument_to_claim works on sets of instruments; this is its rule written out with
    // eligible(), instrument by instrument, on many situations, levels and priority orders.
    ModelParameters p;
    const double levels[] = {0.0, 1.0, 2.0, 2.5, 3.0};
    for (std::size_t k = 0; k < instrument_count; ++k) p.instruments[k].min_level = levels[(k * 7) % 5];
    const InstrumentLevelSteps steps(p);
    MunicipalityParameters municipality;
    std::uint32_t state = 12345u;
    auto next = [&state] {
        state = state * 1664525u + 1013904223u;
        return state >> 8;
    };
    for (int trial = 0; trial < 20000; ++trial) {
        if (trial % 500 == 0) {  // a new priority order with some instruments not offered
            municipality.offered_instruments = 0;
            for (std::size_t k = 0; k < instrument_count; ++k)
                if (next() % 4 != 0) municipality.instruments_by_priority[municipality.offered_instruments++] = static_cast<std::uint8_t>(k);
            std::reverse(municipality.instruments_by_priority.begin(),
                         municipality.instruments_by_priority.begin() + static_cast<std::ptrdiff_t>(municipality.offered_instruments));
        }
        InstrumentSituation s;
        s.intake_done = next() % 8 != 0;
        s.in_course = next() % 2;
        s.activated = next() % 2;
        s.employed = next() % 2;
        s.months_in_job = static_cast<std::uint16_t>(next() % 6);
        s.carer_of_young_child = next() % 3 == 0;
        s.unwell = next() % 4 == 0;
        s.in_education = next() % 5 == 0;
        s.qualification = static_cast<DutchQualification>(next() % 3);
        s.age = static_cast<AgeBand>(next() % 3);
        s.education = static_cast<Education>(next() % 4);
        s.proficiency = static_cast<double>(next() % 40) / 10.0;
        const auto active = static_cast<std::uint16_t>(next() & 0x0FFFu & next());
        const auto done = static_cast<std::uint16_t>(next() & 0x0FFFu & next());
        Instrument expected = Instrument::count;
        if (s.intake_done)
            for (std::size_t i = 0; i < municipality.offered_instruments && expected == Instrument::count; ++i) {
                const auto instrument = static_cast<Instrument>(municipality.instruments_by_priority[i]);
                const std::uint16_t bit = instrument_bit(instrument);
                if ((active & bit) || (!renewable(instrument) && (done & bit))) continue;
                if (eligible(instrument, p.instrument(instrument), s)) expected = instrument;
            }
        REQUIRE(instrument_to_claim(steps, municipality, s, active, done) == expected);
    }
}
