#include "model/cohort_simulation.hpp"

#include <oneapi/tbb/parallel_invoke.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cassert>
#include <cmath>

#include "engine/thread_sanitizer.hpp"
#include "model/decisions.hpp"
#include "model/inburgering.hpp"
#include "model/instrument_effects.hpp"
#include "model/labour_market.hpp"
#include "model/language_learning.hpp"
#include "model/municipal_budget.hpp"
#include "model/population_synthesis.hpp"
#include "model/regional_labour_market.hpp"
#include "model/welfare.hpp"
#include "random/tie_key.hpp"
#include "random/waiting_time.hpp"

namespace taalwerk {
namespace {

constexpr std::size_t slot(IndicatorId id) { return static_cast<std::size_t>(id); }
static_assert(slot(IndicatorId::language_b2_or_higher) - slot(IndicatorId::language_below_a1) == 4,
              "language indicators follow CefrLevel order");
static_assert(slot(IndicatorId::in_higher_job) - slot(IndicatorId::in_elementary_job) == segment_count - 1,
              "job segment indicators follow Segment order");

// Municipality counter slots: [municipality * counter_kinds + kind].
constexpr std::size_t housed_slot = 0;
constexpr std::size_t in_course_slot = 1;
constexpr std::size_t client_slot = 2;
constexpr std::size_t participants_slot = 3;                            // + instrument
constexpr std::size_t claims_slot = participants_slot + instrument_count;  // + instrument
constexpr std::size_t counter_kinds = claims_slot + instrument_count;

// Streams of pool-level draws use ids above any agent's.
constexpr std::uint32_t pool_stream_base = 0xFFFF0000u;

// Writes a month's value only when it differs (bit for bit) from the stored one: most state
// stays the same from month to month, and memory not written need not be written back.
template <class T>
void store_if_changed(T& stored, T value) {
    if constexpr (std::is_floating_point_v<T>) {
        static_assert(sizeof(T) == sizeof(std::uint32_t), "float columns");
        if (std::bit_cast<std::uint32_t>(stored) != std::bit_cast<std::uint32_t>(value)) stored = value;
    } else {
        if (stored != value) stored = value;
    }
}

// Indicators added to directly, month by month (pre-arrival counts, welfare and costs). All
// others are person counts tallied through IndicatorFlags.
constexpr std::array<IndicatorId, 11> direct_indicators{
    IndicatorId::awaiting_permit, IndicatorId::abroad_awaiting_reunification, IndicatorId::on_bijstand,
    IndicatorId::below_poverty_line, IndicatorId::inburgering_fines_eur, IndicatorId::inburgering_loan_debt_eur,
    IndicatorId::cost_bijstand, IndicatorId::cost_caseworkers, IndicatorId::cost_inburgering,
    IndicatorId::cost_instruments, IndicatorId::cost_total};

constexpr bool is_direct(IndicatorId id) {
    for (const IndicatorId direct : direct_indicators)
        if (direct == id) return true;
    return false;
}

// The month's person counts of one agent as bits (indicator_count fits in IndicatorFlags).
//
// A chunk's count of a flag indicator is kept from month to month and changed only by the
// agents whose flag changed (+1 or -1): most flags of most people are the same as last month.
// Counts are whole numbers far below 2^53, so every order of adding and subtracting ones gives
// exactly the count, the same double as adding one per person each month.
class IndicatorFlags {
public:
    using Words = std::array<std::uint64_t, 2>;

    void set(IndicatorId id, bool value) {
        assert(!is_direct(id));
        const std::size_t bit = slot(id);
        words_[bit / 64] |= static_cast<std::uint64_t>(value) << (bit % 64);
    }
    // Adds this month's flags to the cell's counts, which hold last month's flags `tallied`;
    // then `tallied` holds this month's.
    void change_counts(double* cell, Words& tallied) const {
        for (std::size_t word = 0; word < words_.size(); ++word) {
            const std::uint64_t now = words_[word];
            const std::uint64_t before = tallied[word];
            for (std::uint64_t bits = now & ~before; bits != 0; bits &= bits - 1)
                cell[word * 64 + static_cast<std::size_t>(__builtin_ctzll(bits))] += 1.0;
            for (std::uint64_t bits = before & ~now; bits != 0; bits &= bits - 1)
                cell[word * 64 + static_cast<std::size_t>(__builtin_ctzll(bits))] -= 1.0;
            if (now != before) tallied[word] = now;
        }
    }

private:
    Words words_{};
};
static_assert(indicator_count <= 128, "IndicatorFlags holds 128 indicators");

bool awaiting_course(CourseStatus course) {
    return course == CourseStatus::not_started || course == CourseStatus::waiting_for_seat;
}

double weekly_work_hours(const ModelParameters& p, bool employed, bool full_time) {
    return employed ? (full_time ? p.full_time_hours_per_week : p.part_time_hours_per_week) : 0.0;
}

// Instruments that end when someone takes a job (they were steps towards one). A wage-cost
// subsidy goes on: it is paid for the job.
constexpr std::uint16_t ends_with_a_job =
    instrument_bit(Instrument::sector_language_course) | instrument_bit(Instrument::jobhunter) |
    instrument_bit(Instrument::work_experience_place) | instrument_bit(Instrument::trial_placement) |
    instrument_bit(Instrument::learn_work_trajectory) | instrument_bit(Instrument::bridging_programme);

}  // namespace

// The instrument effects (and monthly cost) of the (active, done) combinations met in one
// chunk: few combinations occur, so each is computed once by instrument_effects, the same
// function of the same arguments, instead of once per agent and pass. Direct-mapped; a
// collision only means computing again.
class CohortSimulation::EffectsCache {
public:
    struct Entry {
        std::uint32_t key = empty;
        InstrumentEffects effects;
        double cost_per_month = 0.0;  // of the active instruments, summed in instrument order
    };

    const Entry& get(const ModelParameters& p, std::uint16_t active, std::uint16_t done) {
        const std::uint32_t key = (static_cast<std::uint32_t>(active) << 16) | done;
        Entry& entry = entries_[(key * 0x9E3779B1u) >> (32 - index_bits)];
        if (entry.key != key) {
            entry.key = key;
            entry.effects = instrument_effects(p, active, done);
            double cost = 0.0;
            if (active)
                for (std::size_t k = 0; k < instrument_count; ++k)
                    if ((active >> k) & 1u) cost += p.instruments[k].cost_per_month;
            entry.cost_per_month = cost;
        }
        return entry;
    }

private:
    static constexpr std::uint32_t empty = 0xFFFFFFFFu;  // active and done are 12-bit sets
    static constexpr unsigned index_bits = 8;
    std::array<Entry, std::size_t{1} << index_bits> entries_{};
};

CohortSimulation::CohortSimulation(const ModelParameters& parameters, std::uint32_t agents)
    : parameters_(parameters),
      cells_(parameters),
      grid_(agents),
      agents_(agents),
      course_seats_(agents, static_cast<std::uint32_t>(parameters.municipalities.size())),
      intakes_(agents, static_cast<std::uint32_t>(parameters.municipalities.size())),
      instruments_(agents, static_cast<std::uint32_t>(parameters.municipalities.size() * instrument_count)),
      vacancies_(agents, static_cast<std::uint32_t>(parameters.regions.size() * segment_count)),
      municipality_counts_(grid_.chunk_count(), parameters.municipalities.size() * counter_kinds),
      municipality_totals_(parameters.municipalities.size() * counter_kinds, 0.0),
      vacancy_weights_(grid_.chunk_count(), parameters.regions.size() * segment_count),
      vacancy_weight_totals_(parameters.regions.size() * segment_count, 0.0),
      region_cohort_adults_(parameters.regions.size(), 0.0),
      seat_capacity_(parameters.municipalities.size(), 0.0),
      intake_capacity_(parameters.municipalities.size(), 0.0),
      instrument_capacity_(parameters.municipalities.size() * instrument_count, 0.0),
      vacancy_capacity_(parameters.regions.size() * segment_count, 0.0),
      budget_balance_(parameters.municipalities.size(), 0.0),
      guidance_(parameters.municipalities.size()),
      instrument_levels_(parameters),
      tally_(grid_.chunk_count(), cells_.profile_cell_count() * indicator_count),
      tallied_flags_(agents),
      profile_totals_(cells_.profile_cell_count() * indicator_count, 0.0) {}

void CohortSimulation::start_replicate(RandomKey key) {
    key_ = key;
    tie_seed_ = tie_key_seed(key);
    agents_.resize(grid_.agents());
    synthesize_population(parameters_, cells_, key_, grid_, agents_);
    std::fill(region_cohort_adults_.begin(), region_cohort_adults_.end(), 0.0);
    for (std::uint32_t agent = 0; agent < agents_.size(); ++agent)
        region_cohort_adults_[parameters_.municipalities[agents_.municipality[agent]].region] += 1.0;
    std::fill(budget_balance_.begin(), budget_balance_.end(), 0.0);
    std::fill(guidance_.begin(), guidance_.end(), GuidanceMonth{});
    tally_.clear();
    std::fill(tallied_flags_.begin(), tallied_flags_.end(), std::array<std::uint64_t, 2>{});
}

void CohortSimulation::step(int month, std::span<double> group_totals) {
    house_and_claim(month);
    size_pools(month);
    // The four allocations are independent: run side by side, so that serving one large pool
    // (one thread's work) overlaps with the others.
    ForkJoin hand_off;
    oneapi::tbb::parallel_invoke(hand_off.body([&] { vacancies_.allocate(grid_, vacancy_capacity_); }),
                                 hand_off.body([&] { instruments_.allocate(grid_, instrument_capacity_); }),
                                 hand_off.body([&] { course_seats_.allocate(grid_, seat_capacity_); }),
                                 hand_off.body([&] { intakes_.allocate(grid_, intake_capacity_); }));
    hand_off.join();
    plan_guidance();
    live_month_and_tally(month);
    reduce_tally(group_totals);
}

void CohortSimulation::plan_guidance() {
    // Guidance this month: the clients at the start of the month plus this month's intakes.
    for (std::size_t m = 0; m < parameters_.municipalities.size(); ++m) {
        const MunicipalityParameters& municipality = parameters_.municipalities[m];
        const double new_clients = municipality.guidance_months > 0 ? intakes_.result(static_cast<std::uint32_t>(m)).granted : 0.0;
        const double clients = municipality_totals_[m * counter_kinds + client_slot] + new_clients;
        guidance_[m] = guidance_month(parameters_.caseworkers, municipality, clients,
                                      municipality_totals_[m * counter_kinds + housed_slot]);
    }
}

void CohortSimulation::size_pools(int month) {
    const ModelParameters& p = parameters_;
    municipality_counts_.reduce_into(municipality_totals_);
    vacancy_weights_.reduce_into(vacancy_weight_totals_);
    for (std::size_t m = 0; m < p.municipalities.size(); ++m) {
        const MunicipalityParameters& municipality = p.municipalities[m];
        const double* counts = municipality_totals_.data() + m * counter_kinds;
        const double housed = counts[housed_slot];
        // Seats: the municipality's seats for its housed adults, minus seats taken.
        const double seats = std::floor(municipality.course_seats_per_100 / 100.0 * housed);
        seat_capacity_[m] = std::max(0.0, seats - counts[in_course_slot]);
        // Intakes: what the staffing ceiling can still take on.
        intake_capacity_[m] = std::max(0.0, std::floor(client_capacity(municipality, housed)) - counts[client_slot]);
        // Instruments: the budget by priority.
        InstrumentCounts instrument_counts;
        std::copy_n(counts + participants_slot, instrument_count, instrument_counts.participants.begin());
        std::copy_n(counts + claims_slot, instrument_count, instrument_counts.claims.begin());
        const BudgetMonth budget = plan_instrument_month(p, municipality, housed, instrument_counts, budget_balance_[m]);
        std::copy(budget.new_places.begin(), budget.new_places.end(), instrument_capacity_.begin() + static_cast<std::ptrdiff_t>(m * instrument_count));
    }
    // Vacancies: each region's openings, shared with the competing seekers.
    for (std::size_t r = 0; r < p.regions.size(); ++r)
        for (std::size_t s = 0; s < segment_count; ++s) {
            const std::size_t pool = vacancy_pool(r, static_cast<Segment>(s));
            const VacancyPoolMonth openings = vacancy_pool_month(p, p.regions[r], static_cast<Segment>(s), month,
                                                                 region_cohort_adults_[r], vacancy_weight_totals_[pool]);
            RandomStream rounding(key_, pool_stream_base + static_cast<std::uint32_t>(pool), static_cast<std::uint32_t>(month),
                                  decisions::vacancy_offers);
            vacancy_capacity_[pool] = offers_from_expected(openings.expected_cohort_hires, draw_uniform(rounding));
        }
}

CohortSimulation::JobSearch CohortSimulation::job_search_of(std::uint32_t agent, std::uint32_t month,
                                                             const MunicipalityParameters& municipality, bool present_in_azc,
                                                             EffectsCache& effects_cache) const {
    const ModelParameters& p = parameters_;
    // Not searching with a job or in education. (An early return measured faster than computing
    // the intensity for everyone and selecting.)
    if ((agents_.employed[agent] != 0) |
        (agents_.education_status[agent] == static_cast<std::uint8_t>(EducationStatus::in_education)))
        return {};
    JobSearch search;
    if (agents_.housed[agent]) {
        const auto pathway = static_cast<Pathway>(agents_.pathway[agent]);
        const CourseStatus course = agents_.course_status[agent];
        const bool past_a2 = past_a2_milestone(static_cast<InburgeringRoute>(agents_.inburgering_route[agent]),
                                               agents_.proficiency[agent]);
        search.intensity = search_intensity(pathway, course, past_a2, p);
        search.activated = activated_towards_work(pathway, course, past_a2);
        const bool intake_done = agents_.intake_done[agent] != 0;
        const bool guided = intake_done & (agents_.guidance_months_left[agent] > 0);
        const std::size_t m = agents_.municipality[agent];
        search.intensity *= guided ? guidance_[m].search_factor : (intake_done ? 1.0 : p.caseworkers.unguided_search_factor);
    } else if (present_in_azc && municipality.early_matching) {
        search.intensity = p.caseworkers.unguided_search_factor;  // early matching from the AZC
    }
    if (search.intensity <= 0.0) return {};
    const std::uint16_t active = agents_.instruments_active[agent];
    const InstrumentEffects effects = active ? effects_cache.get(p, active, 0).effects : InstrumentEffects{};
    const bool carer = (month < agents_.young_children_until[agent]) & !effects.childcare;
    search.intensity *= effects.search_factor * (carer ? p.young_children_time_factor : 1.0);
    return search;
}

void CohortSimulation::house_and_claim(int month) {
    const ModelParameters& p = parameters_;
    const auto m = static_cast<std::uint32_t>(month);
    const bool new_law = p.inburgering.regime == InburgeringRegime::new_2022;
    grid_.for_each_chunk([&](std::size_t chunk, AgentRange range) {
        auto counts = municipality_counts_.row(chunk);
        std::fill(counts.begin(), counts.end(), 0.0);
        auto weights = vacancy_weights_.row(chunk);
        std::fill(weights.begin(), weights.end(), 0.0);
        EffectsCache effects_cache;
        for (std::uint32_t agent = range.begin; agent < range.end; ++agent) {
            const std::size_t municipality_index = agents_.municipality[agent];
            const MunicipalityParameters& municipality = p.municipalities[municipality_index];
            if (m < agents_.permit_month[agent]) {  // not here yet: no claims
                course_seats_.withdraw(agent);
                intakes_.withdraw(agent);
                instruments_.withdraw(agent);
                vacancies_.withdraw(agent);
                continue;
            }
            if ((agents_.housed[agent] == 0) & (m >= agents_.housing_month[agent])) {
                agents_.housed[agent] = 1;
                // The route depends only on fixed attributes: set on arrival, used under the new law.
                agents_.inburgering_route[agent] = static_cast<std::uint8_t>(choose_route(
                    p.inburgering, agents_.learnability[agent], static_cast<Education>(agents_.education[agent]),
                    static_cast<AgeBand>(agents_.age_band[agent])));
            }
            const bool housed = agents_.housed[agent] != 0;
            // A partner guided through the other (family approach) claims no intake of their own.
            const bool family_approach_partner =
                !municipality.guide_both_partners &
                (static_cast<HouseholdRole>(agents_.household_role[agent]) == HouseholdRole::second_partner);
            const CourseStatus course = agents_.course_status[agent];
            const bool guided = (agents_.intake_done[agent] != 0) & (agents_.guidance_months_left[agent] > 0);
            const std::uint16_t active = agents_.instruments_active[agent];
            double* counter = counts.data() + municipality_index * counter_kinds;
            counter[housed_slot] += housed;
            counter[in_course_slot] += course == CourseStatus::in_course;
            counter[client_slot] += guided;
            if (active)
                for (std::size_t k = 0; k < instrument_count; ++k) counter[participants_slot + k] += (active >> k) & 1u;

            // Course seats: longest waiting first, equal waits in random order. Under the new
            // law the course starts only after the broad intake (municipal regie).
            if (housed && awaiting_course(course) && (!new_law || agents_.intake_done[agent] || family_approach_partner)) {
                course_seats_.claim(agent, static_cast<std::uint32_t>(municipality_index), agents_.months_waiting_for_seat[agent],
                                    tie_key(tie_seed_, agent, m, decisions::course_seat_tie_break));
            } else {
                course_seats_.withdraw(agent);
            }
            // Intakes: after housing, or from some months before it where policy says so.
            const bool intake_window = housed || m + static_cast<std::uint32_t>(municipality.intake_months_before_housing) >=
                                                     agents_.housing_month[agent];
            if (intake_window && !agents_.intake_done[agent] && !family_approach_partner) {
                intakes_.claim(agent, static_cast<std::uint32_t>(municipality_index), agents_.months_waiting_for_intake[agent],
                               tie_key(tie_seed_, agent, m, decisions::intake_tie_break));
            } else {
                intakes_.withdraw(agent);
            }

            // Job search: a claim on the region's openings, weighted by what employers see. A
            // trial placement or learn-work trajectory that ends this month with the employer
            // wanting to keep the person claims first (priority 1): that job is an opening too.
            const JobSearch search = job_search_of(agent, m, municipality, !housed, effects_cache);
            const double intensity = search.intensity;
            const bool employed = agents_.employed[agent] != 0;
            const bool unwell = agents_.mental_health_problem[agent] != 0;
            const double proficiency = agents_.proficiency[agent];
            const auto education = static_cast<Education>(agents_.education[agent]);
            const auto qualification = static_cast<DutchQualification>(agents_.dutch_qualification[agent]);
            constexpr std::uint16_t placements =
                instrument_bit(Instrument::trial_placement) | instrument_bit(Instrument::learn_work_trajectory);
            const bool placement_offer = !employed && (active & placements) && placement_ends_with_offer(agent, m);
            if (intensity > 0.0 || placement_offer) {
                const RegionParameters& region = p.regions[municipality.region];
                HiringProfile profile;
                profile.proficiency = proficiency;
                profile.employability = agents_.employability[agent] * (unwell ? p.mental_health_job_factor : 1.0);
                profile.prior_work_experience = agents_.prior_work_experience[agent] != 0;
                profile.qualification = qualification;
                profile.dutch_experience_months = agents_.dutch_experience_months[agent];
                profile.employer_openness = employer_openness(p, region);
                profile.instrument_factor = effects_cache.get(p, active, agents_.instruments_done[agent]).effects.job_finding_factor;
                const double weight = hiring_weight(p, profile) * std::max(intensity, placement_offer ? 1.0 : 0.0);
                const Segment segment = qualified_segment(p, proficiency, education, qualification);
                const std::size_t pool = vacancy_pool(municipality.region, segment);
                RandomStream draw(key_, agent, m, decisions::vacancy_claim);
                const double open_uniform = 1.0 - draw_uniform(draw);  // in (0, 1]
                vacancies_.claim(agent, static_cast<std::uint32_t>(pool), placement_offer ? 1 : 0,
                                 vacancy_claim_key(open_uniform, weight));
                weights[pool] += weight;
            } else {
                vacancies_.withdraw(agent);
            }

            // Instruments: the first in the municipality's order the person may start.
            InstrumentSituation situation;
            situation.intake_done = agents_.intake_done[agent] != 0;
            situation.in_course = course == CourseStatus::in_course;
            situation.activated = search.activated;
            situation.employed = employed;
            situation.months_in_job = agents_.months_in_job[agent];
            situation.carer_of_young_child = m < agents_.young_children_until[agent];
            situation.unwell = unwell;
            situation.in_education = agents_.education_status[agent] == static_cast<std::uint8_t>(EducationStatus::in_education);
            situation.qualification = qualification;
            situation.age = static_cast<AgeBand>(agents_.age_band[agent]);
            situation.education = education;
            situation.proficiency = proficiency;
            const Instrument wanted = housed ? instrument_to_claim(instrument_levels_, municipality, situation, active, agents_.instruments_done[agent])
                                             : Instrument::count;
            if (wanted != Instrument::count) {
                const auto k = static_cast<std::size_t>(wanted);
                counter[claims_slot + k] += 1.0;
                instruments_.claim(agent, static_cast<std::uint32_t>(municipality_index * instrument_count + k),
                                   agents_.months_waiting_for_instrument[agent], tie_key(tie_seed_, agent, m, decisions::instrument_tie_break));
            } else {
                instruments_.withdraw(agent);
            }
        }
    });
}

void CohortSimulation::live_month_and_tally(int month) {
    const ModelParameters& p = parameters_;
    const InburgeringParameters& ib = p.inburgering;
    const auto m = static_cast<std::uint32_t>(month);
    grid_.for_each_chunk([&](std::size_t chunk, AgentRange range) {
        auto row = tally_.row(chunk);
        // Flag counts carry over from last month (IndicatorFlags); the others start at 0.
        for (std::size_t cell = 0; cell < cells_.profile_cell_count(); ++cell)
            for (const IndicatorId id : direct_indicators) row[cell * indicator_count + slot(id)] = 0.0;
        EffectsCache effects_cache;
        for (std::uint32_t agent = range.begin; agent < range.end; ++agent) {
            double* cell = row.data() + static_cast<std::size_t>(agents_.profile_cell[agent]) * indicator_count;
            if (m < agents_.permit_month[agent]) {
                // A nareiziger's permit comes with the reunification; others wait in the inflow.
                cell[slot(agents_.nareiziger[agent] ? IndicatorId::abroad_awaiting_reunification : IndicatorId::awaiting_permit)] += 1.0;
                // The partner already here is still a benefit unit of one.
                if (static_cast<HouseholdRole>(agents_.household_role[agent]) == HouseholdRole::second_partner)
                    tally_household_welfare(agent, row.data());
                continue;
            }
            const bool housed = agents_.housed[agent] != 0;
            const std::size_t municipality_index = agents_.municipality[agent];
            const MunicipalityParameters& municipality = p.municipalities[municipality_index];
            const GuidanceMonth& guidance = guidance_[municipality_index];
            // The pathway, course and proficiency as the first pass saw them (for the activation
            // indicator), before this month's intake, seat and lessons change them.
            const auto pathway_at_start = static_cast<Pathway>(agents_.pathway[agent]);
            const bool carer = m < agents_.young_children_until[agent];

            // Intake: the broad intake starts guidance; a tailored municipality fixes the pathway.
            bool waiting_for_intake = false;
            if (intakes_.claimed(agent)) {
                if (intakes_.granted(agent)) {
                    agents_.intake_done[agent] = 1;
                    agents_.guidance_months_left[agent] = static_cast<std::uint16_t>(municipality.guidance_months);
                    if (municipality.pathway == Pathway::tailored)
                        agents_.pathway[agent] = static_cast<std::uint8_t>(pathway_in_force(
                            p, key_, agent,
                            tailored_pathway(municipality.tailored, agents_.mental_health_problem[agent] != 0,
                                             agents_.not_literate[agent] != 0, carer, static_cast<AgeBand>(agents_.age_band[agent]),
                                             static_cast<Education>(agents_.education[agent]))));
                } else if (housed) {
                    waiting_for_intake = true;
                    agents_.months_waiting_for_intake[agent] += 1;
                }
            }
            const bool guided = agents_.intake_done[agent] && agents_.guidance_months_left[agent] > 0;

            CourseStatus course = agents_.course_status[agent];
            const CourseStatus course_at_start = course;
            if (housed && awaiting_course(course)) {
                if (course_seats_.granted(agent)) {
                    course = CourseStatus::in_course;
                } else {
                    course = CourseStatus::waiting_for_seat;
                    agents_.months_waiting_for_seat[agent] += 1;
                }
            }

            // Instruments: a new place if granted; the month's effects of all places held.
            bool waiting_for_instrument = false;
            bool instrument_started = false;
            if (instruments_.claimed(agent)) {
                if (instruments_.granted(agent)) {
                    const std::uint32_t k = instruments_.claimed_pool(agent) % instrument_count;
                    agents_.instruments_active[agent] |= static_cast<std::uint16_t>(1u << k);
                    agents_.instrument_months_left[agent][k] = static_cast<std::uint8_t>(std::min(255, p.instruments[k].duration_months));
                    agents_.months_waiting_for_instrument[agent] = 0;
                    instrument_started = true;
                } else {
                    waiting_for_instrument = true;
                    agents_.months_waiting_for_instrument[agent] =
                        static_cast<std::uint8_t>(std::min(255, agents_.months_waiting_for_instrument[agent] + 1));
                }
            }
            const std::uint16_t active = agents_.instruments_active[agent];
            const EffectsCache::Entry& cached_effects = effects_cache.get(p, active, agents_.instruments_done[agent]);
            const InstrumentEffects effects = cached_effects.effects;
            const double instrument_cost = cached_effects.cost_per_month;
            const double time_factor = carer && !effects.childcare ? p.young_children_time_factor : 1.0;

            // Lessons: the inburgering course (hours and who pays, by law and route), extra
            // lessons from instruments, early-start lessons in the AZC.
            const auto route = static_cast<InburgeringRoute>(agents_.inburgering_route[agent]);
            LessonMonth lessons;
            if (course == CourseStatus::in_course) {
                lessons = lesson_month(p, route, agents_.loan_spent[agent], municipality.pays_courses_after_loan);
                // A carer follows (and pays for) fewer hours.
                lessons.hours_per_week *= time_factor;
                lessons.loan_spent *= time_factor;
                lessons.municipal_cost *= time_factor;
                agents_.loan_spent[agent] += static_cast<float>(lessons.loan_spent);
                agents_.lesson_hours[agent] = static_cast<std::uint16_t>(std::min(
                    60000.0, agents_.lesson_hours[agent] + lessons.hours_per_week * weeks_per_month));
            }
            double early_start_cost = 0.0;
            double lesson_hours = lessons.hours_per_week + effects.lesson_hours_per_week * time_factor;
            if (!housed && municipality.early_start_language_hours_per_week > 0.0) {
                lesson_hours += municipality.early_start_language_hours_per_week;
                early_start_cost = municipality.early_start_language_hours_per_week * weeks_per_month * ib.course_cost_per_hour;
            }

            // Health: onset at the drawn month; care access (or municipal care) and recovery.
            bool unwell = agents_.mental_health_problem[agent] != 0;
            bool in_care = false;
            if (unwell) {
                RandomStream health(key_, agent, m, decisions::health_transition);
                in_care = draw_event(health, municipality.mental_health_care_access) || effects.mental_health_care;
                const double recovery = in_care ? p.health.recovery_rate_with_care : p.health.recovery_rate_without_care;
                if (draw_event(health, recovery)) {
                    unwell = false;
                    RandomStream onset(key_, agent, m, decisions::health_onset_time);
                    const std::uint32_t next = m + 1u + draw_months_without_event(onset, p.health.onset_rate);
                    agents_.health_onset_month[agent] = static_cast<std::uint16_t>(std::min<std::uint32_t>(next, never));
                }
            } else if (m == agents_.health_onset_month[agent]) {
                unwell = true;
            }
            store_if_changed(agents_.mental_health_problem[agent], static_cast<std::uint8_t>(unwell));
            const double learnability = agents_.learnability[agent] * (unwell ? p.mental_health_learning_factor : 1.0);

            // Language: lessons, and practice at work, in a placement or in education.
            bool employed = agents_.employed[agent] != 0;
            bool in_education = agents_.education_status[agent] == static_cast<std::uint8_t>(EducationStatus::in_education);
            const double practice_hours = weekly_work_hours(p, employed, agents_.job_full_time[agent] != 0) +
                                          effects.practice_hours_per_week +
                                          (in_education ? p.education.practice_hours_per_week : 0.0);
            double proficiency = agents_.proficiency[agent];
            const double proficiency_at_start = proficiency;
            const double lessons_followed = lesson_hours_after_work(p, lesson_hours, practice_hours);
            proficiency += monthly_language_gain(p, proficiency, learnability, lessons_followed, practice_hours);
            store_if_changed(agents_.proficiency[agent], static_cast<float>(proficiency));

            // Exam and the end of the course. The exam is the obligation, not the course: someone
            // whose course ended without a pass (loan used up, or the longest course) may go on
            // sitting it (inburgering.exams_after_course).
            auto status = static_cast<InburgeringStatus>(agents_.inburgering_status[agent]);
            const bool was_in_course = course == CourseStatus::in_course;
            const bool sits_exams_after_course = ib.exams_after_course & (course == CourseStatus::finished) &
                                                 (status == InburgeringStatus::pending) & (route != InburgeringRoute::z_route);
            if (was_in_course | sits_exams_after_course) {
                if (was_in_course) agents_.months_in_course[agent] += 1;
                if (agents_.months_since_exam[agent] < 255) agents_.months_since_exam[agent] += 1;
                if (route == InburgeringRoute::z_route) {
                    if (agents_.lesson_hours[agent] >= ib.z_route_lesson_hours) status = InburgeringStatus::route_completed;
                } else if (status == InburgeringStatus::pending) {
                    const double target = target_level(route);
                    // Sitting the exam: when nearly at the level, or under the old law, for those who
                    // seek the exemption, once past its lesson hours, since it also asks for attempts.
                    const bool ready = proficiency >= target - ib.exam_ready_margin;
                    const bool exam_due = agents_.months_since_exam[agent] >= ib.months_between_exams;
                    const bool towards_exemption = exam_due && !ready && route == InburgeringRoute::old_exam &&
                                                   agents_.lesson_hours[agent] >= ib.exemption_lesson_hours &&
                                                   seeks_exemption(agent);
                    if (exam_due && (ready || towards_exemption)) {
                        RandomStream exam(key_, agent, m, decisions::inburgering_exam);
                        agents_.months_since_exam[agent] = 0;
                        agents_.exam_attempts[agent] = static_cast<std::uint8_t>(std::min(250, agents_.exam_attempts[agent] + 1));
                        if (draw_event(exam, exam_pass_probability(ib, proficiency, target))) status = InburgeringStatus::passed;
                    }
                    if (status == InburgeringStatus::pending && route == InburgeringRoute::old_exam &&
                        agents_.lesson_hours[agent] >= ib.exemption_lesson_hours &&
                        agents_.exam_attempts[agent] >= ib.exemption_exam_attempts)
                        status = InburgeringStatus::exempt;
                }
                if (was_in_course && (status != InburgeringStatus::pending || lessons.out_of_funds ||
                                      agents_.months_in_course[agent] >= p.max_course_months))
                    course = CourseStatus::finished;
            }
            // The onderwijsroute leads into Dutch education once its exam is passed.
            if (route == InburgeringRoute::education_route && status == InburgeringStatus::passed &&
                agents_.inburgering_status[agent] != static_cast<std::uint8_t>(InburgeringStatus::passed) && !employed &&
                agents_.education_status[agent] == static_cast<std::uint8_t>(EducationStatus::none)) {
                agents_.education_status[agent] = static_cast<std::uint8_t>(EducationStatus::in_education);
                agents_.education_months[agent] = 0;
            }
            store_if_changed(agents_.course_status[agent], course);
            store_if_changed(agents_.inburgering_status[agent], static_cast<std::uint8_t>(status));

            // Education (MBO after a bridging programme or the onderwijsroute): dropout or, at the
            // end, a Dutch diploma. Entered this month means studying from next month.
            if (in_education) {
                RandomStream dropout(key_, agent, m, decisions::education_dropout);
                agents_.education_months[agent] = static_cast<std::uint8_t>(std::min(255, agents_.education_months[agent] + 1));
                if (draw_event(dropout, p.education.monthly_dropout_rate)) {
                    agents_.education_status[agent] = static_cast<std::uint8_t>(EducationStatus::dropped_out);
                } else if (agents_.education_months[agent] >= p.education.programme_months) {
                    agents_.education_status[agent] = static_cast<std::uint8_t>(EducationStatus::graduated);
                    agents_.dutch_qualification[agent] = static_cast<std::uint8_t>(DutchQualification::diploma);
                }
            }

            // Instruments that end this month; a bridging programme may end in entry to education
            // (a placement's job offer was claimed on the openings in the first pass).
            if (active) {
                RandomStream completion(key_, agent, m, decisions::instrument_completion);
                for (std::size_t k = 0; k < instrument_count; ++k) {
                    if (!((active >> k) & 1u)) continue;
                    std::uint8_t& left = agents_.instrument_months_left[agent][k];
                    if (left > 0) --left;
                    if (left > 0) continue;
                    const auto instrument = static_cast<Instrument>(k);
                    agents_.instruments_active[agent] &= static_cast<std::uint16_t>(~instrument_bit(instrument));
                    agents_.instruments_done[agent] |= instrument_bit(instrument);
                    const bool completed = draw_event(completion, p.instruments[k].completion_probability);
                    if (instrument == Instrument::learn_work_trajectory && agents_.dutch_qualification[agent] == 0)
                        agents_.dutch_qualification[agent] = static_cast<std::uint8_t>(DutchQualification::vocational_certificate);
                    if (instrument == Instrument::bridging_programme && completed && !employed) {
                        agents_.education_status[agent] = static_cast<std::uint8_t>(EducationStatus::in_education);
                        agents_.education_months[agent] = 0;
                    }
                }
            }
            in_education = agents_.education_status[agent] == static_cast<std::uint8_t>(EducationStatus::in_education);

            // Work: separations and upgrades of those employed; offers to those without a job
            // (a vacancy won in the regional allocation, or the end of a placement).
            bool upgraded = false;
            if (employed) {
                RandomStream separation(key_, agent, m, decisions::job_separation);
                const bool permanent = agents_.job_permanent[agent] != 0;
                if (draw_event(separation, separation_probability(p, permanent, proficiency, effects.separation_factor))) {
                    employed = false;
                    agents_.employed[agent] = 0;
                    agents_.months_in_job[agent] = 0;
                } else {
                    agents_.months_in_job[agent] = static_cast<std::uint16_t>(std::min(60000, agents_.months_in_job[agent] + 1));
                    const bool full_time = agents_.job_full_time[agent] != 0;
                    // A permanent full-time job cannot improve: its upgrade stream (used by
                    // nothing else) is not drawn from, which changes no other draw.
                    RandomStream upgrade(key_, agent, m, decisions::job_upgrade);
                    if (!(permanent && full_time) && draw_event(upgrade, upgrade_probability(p, proficiency))) {
                        upgraded = true;
                        if (!permanent) agents_.job_permanent[agent] = 1;
                        else agents_.job_full_time[agent] = 1;
                    }
                }
            } else if (!in_education && vacancies_.granted(agent)) {
                const auto segment = static_cast<Segment>(vacancies_.claimed_pool(agent) % segment_count);
                RandomStream terms(key_, agent, m, decisions::job_offer_terms);
                const bool offer_full_time = !draw_event(terms, p.part_time_share_of_offers);
                const bool offer_permanent = !draw_event(terms, p.temporary_share_of_offers);
                // Accepting weighs the net gain after the bijstand offset (the poverty trap).
                const Household household = household_of(agent);
                const double net_gain = net_gain_of_job(p, monthly_net_earnings(p, true, offer_full_time, segment),
                                                        household.norm, household.partner_earnings);
                RandomStream acceptance(key_, agent, m, decisions::job_acceptance);
                if (draw_event(acceptance, job_acceptance_probability(p, net_gain))) {
                    employed = true;
                    agents_.employed[agent] = 1;
                    agents_.job_full_time[agent] = offer_full_time;
                    agents_.job_permanent[agent] = offer_permanent;
                    agents_.job_segment[agent] = static_cast<std::uint8_t>(segment);
                    agents_.months_in_job[agent] = 0;
                    if (agents_.first_job_month[agent] < 0) agents_.first_job_month[agent] = static_cast<std::int16_t>(month);
                    // Steps towards a job end with it; coaching, care and childcare go on.
                    const std::uint16_t ending = agents_.instruments_active[agent] & ends_with_a_job;
                    agents_.instruments_active[agent] &= static_cast<std::uint16_t>(~ending);
                    agents_.instruments_done[agent] |= ending;
                }
            }
            // Guidance months run from housing: an intake in the AZC plans, guidance starts on arrival.
            if (guided && housed) agents_.guidance_months_left[agent] -= 1;

            const bool job_full_time = employed && agents_.job_full_time[agent];
            const bool job_permanent = employed && agents_.job_permanent[agent];
            const auto segment = static_cast<Segment>(agents_.job_segment[agent]);
            const std::uint16_t months_in_job = agents_.months_in_job[agent];
            if (employed && months_in_job >= 6) agents_.durable_reached[agent] |= durable_6_months;
            if (employed && months_in_job >= 12) agents_.durable_reached[agent] |= durable_12_months;
            const bool in_placement = effects.in_placement && !employed;
            if (employed || in_placement || in_education)
                agents_.dutch_experience_months[agent] = static_cast<std::uint8_t>(std::min(255, agents_.dutch_experience_months[agent] + 1));
            // Income of the person: earnings, or study finance for a student (offset against the
            // household's bijstand like earnings).
            store_if_changed(agents_.earnings[agent], static_cast<float>(monthly_net_earnings(p, employed, job_full_time, segment) +
                                                                         (in_education ? p.education.study_finance_per_month : 0.0)));
            const double caseworker_cost = guided ? guidance.cost_per_client : 0.0;
            const double inburgering_cost = lessons.loan_spent + lessons.municipal_cost + early_start_cost;
            const CefrLevel level = cefr_level(proficiency);
            const int months_past_deadline = month - static_cast<int>(agents_.permit_month[agent]) - ib.deadline_months;
            const bool overdue = status == InburgeringStatus::pending && months_past_deadline >= 0;
            // Old law: a fine when the deadline passes without exam or exemption, and again at the
            // end of each new term; the DUO loan of someone who missed the deadline is not forgiven.
            // (The route is set on housing; before it only the regime says which law applies.)
            const bool old_law_overdue = overdue && ib.regime == InburgeringRegime::old_2013;
            const bool fined = old_law_overdue && months_past_deadline % ib.fine_term_months == 0;
            const double loan_debt = !old_law_overdue ? 0.0 : (months_past_deadline == 0 ? agents_.loan_spent[agent] : lessons.loan_spent);

            // Welfare of the benefit unit, once per household: at the second partner of a couple
            // (the first, earlier in the same chunk, has its income for this month set).
            if (static_cast<HouseholdRole>(agents_.household_role[agent]) != HouseholdRole::first_partner)
                tally_household_welfare(agent, row.data());
            // Counts are set as bits and added once per set bit: most are 0 for most people.
            IndicatorFlags flags;
            flags.set(IndicatorId::persons, true);
            flags.set(IndicatorId::caring_for_young_child, carer);
            flags.set(IndicatorId::in_reception, !housed);
            flags.set(IndicatorId::housed, housed);
            flags.set(IndicatorId::waiting_for_intake, waiting_for_intake);
            flags.set(IndicatorId::in_guidance, guided);
            flags.set(IndicatorId::waiting_for_course_seat, course == CourseStatus::waiting_for_seat);
            flags.set(IndicatorId::in_language_course, was_in_course);
            flags.set(IndicatorId::in_placement, in_placement);
            flags.set(IndicatorId::in_education, in_education);
            flags.set(IndicatorId::with_dutch_qualification, agents_.dutch_qualification[agent] != 0);
            flags.set(IndicatorId::waiting_for_instrument, waiting_for_instrument);
            flags.set(IndicatorId::instrument_starts, instrument_started);
            if (active)
                for (std::size_t k = 0; k < instrument_count; ++k)
                    flags.set(static_cast<IndicatorId>(first_receiving_indicator + k), (active >> k) & 1u);
            const bool seeking_work = vacancies_.claimed(agent) && vacancies_.claim_priority(agent) == 0;
            flags.set(IndicatorId::seeking_work, seeking_work);
            flags.set(IndicatorId::seeking_work_activated,
                      seeking_work && housed &&
                          activated_towards_work(pathway_at_start, course_at_start, past_a2_milestone(route, proficiency_at_start)));
            flags.set(IndicatorId::in_paid_work, employed);
            flags.set(IndicatorId::in_part_time_work, employed && !job_full_time);
            flags.set(IndicatorId::in_full_time_work, job_full_time);
            flags.set(IndicatorId::in_temporary_work, employed && !job_permanent);
            flags.set(IndicatorId::in_permanent_work, job_permanent);
            if (employed) flags.set(static_cast<IndicatorId>(slot(IndicatorId::in_elementary_job) + static_cast<std::size_t>(segment)), true);
            flags.set(IndicatorId::job_upgrades, upgraded);
            flags.set(IndicatorId::ever_worked, agents_.first_job_month[agent] >= 0);
            flags.set(IndicatorId::in_work_6_months_or_more, employed && months_in_job >= 6);
            flags.set(IndicatorId::in_work_12_months_or_more, employed && months_in_job >= 12);
            flags.set(IndicatorId::ever_in_work_6_months, (agents_.durable_reached[agent] & durable_6_months) != 0);
            flags.set(IndicatorId::ever_in_work_12_months, (agents_.durable_reached[agent] & durable_12_months) != 0);
            flags.set(static_cast<IndicatorId>(slot(IndicatorId::language_below_a1) + static_cast<std::size_t>(level)), true);
            flags.set(IndicatorId::with_mental_health_problem, unwell);
            flags.set(IndicatorId::in_mental_health_care, in_care);
            flags.set(IndicatorId::in_z_route, was_in_course && route == InburgeringRoute::z_route);
            flags.set(IndicatorId::inburgering_passed, status == InburgeringStatus::passed);
            flags.set(IndicatorId::inburgering_exempt, status == InburgeringStatus::exempt);
            flags.set(IndicatorId::inburgering_route_completed, status == InburgeringStatus::route_completed);
            flags.set(IndicatorId::inburgering_overdue, overdue);
            flags.set(IndicatorId::inburgering_fined, fined);
            flags.change_counts(cell, tallied_flags_[agent]);
            if (old_law_overdue) {
                cell[slot(IndicatorId::inburgering_fines_eur)] += fined ? ib.fine : 0.0;
                cell[slot(IndicatorId::inburgering_loan_debt_eur)] += loan_debt;
            }
            cell[slot(IndicatorId::cost_caseworkers)] += caseworker_cost;
            cell[slot(IndicatorId::cost_inburgering)] += inburgering_cost;
            cell[slot(IndicatorId::cost_instruments)] += instrument_cost;
            cell[slot(IndicatorId::cost_total)] += caseworker_cost + inburgering_cost + instrument_cost;
        }
    });
}

bool CohortSimulation::seeks_exemption(std::uint32_t agent) const {
    // A trait of the person, drawn the same way whenever it is asked (month 0 of their stream).
    const double share = parameters_.inburgering.exemption_seeking_share;
    if (share >= 1.0) return true;
    RandomStream draw(key_, agent, 0, decisions::exemption_seeking);
    return draw_event(draw, share);
}

bool CohortSimulation::placement_ends_with_offer(std::uint32_t agent, std::uint32_t month) const {
    constexpr std::uint16_t placements = instrument_bit(Instrument::trial_placement) | instrument_bit(Instrument::learn_work_trajectory);
    if (!(agents_.instruments_active[agent] & placements)) return false;
    bool offer = false;
    RandomStream draw(key_, agent, month, decisions::placement_job_offer);
    for (const Instrument placement : {Instrument::trial_placement, Instrument::learn_work_trajectory}) {
        const auto k = static_cast<std::size_t>(placement);
        if (!(agents_.instruments_active[agent] & instrument_bit(placement)) || agents_.instrument_months_left[agent][k] != 1)
            continue;
        offer = draw_event(draw, parameters_.instruments[k].completion_probability) || offer;
    }
    return offer;
}

CohortSimulation::Household CohortSimulation::household_of(std::uint32_t agent) const {
    Household household;
    const auto role = static_cast<HouseholdRole>(agents_.household_role[agent]);
    if (role == HouseholdRole::single) {
        household.norm = parameters_.bijstand_norm;
        return household;
    }
    const std::uint32_t partner = role == HouseholdRole::first_partner ? agent + 1 : agent - 1;
    const bool together = agents_.housed[agent] && agents_.housed[partner];
    household.norm = together ? parameters_.bijstand_norm_couple : parameters_.bijstand_norm;
    // The first partner reads last month's income of the second (processed after it, in the
    // same chunk); the second reads this month's of the first. Deterministic either way.
    household.partner_earnings = together ? agents_.earnings[partner] : 0.0;
    return household;
}

void CohortSimulation::tally_household_welfare(std::uint32_t agent, double* row) const {
    const ModelParameters& p = parameters_;
    const bool couple = static_cast<HouseholdRole>(agents_.household_role[agent]) == HouseholdRole::second_partner;
    const std::uint32_t first = couple ? agent - 1 : agent;
    std::uint32_t members[2] = {first, agent};
    const std::size_t member_count = couple ? 2 : 1;
    std::size_t present = 0;
    double earnings = 0.0;
    for (std::size_t i = 0; i < member_count; ++i)
        if (agents_.housed[members[i]]) {
            ++present;
            earnings += agents_.earnings[members[i]];
        }
    if (present == 0) return;
    const double norm = present == 2 ? p.bijstand_norm_couple : p.bijstand_norm;
    const double bijstand = household_bijstand(p, norm, earnings);
    const double poverty_line = (present == 2 ? p.poverty_line_couple : p.poverty_line_single) +
                                (agents_.household_children[agent] ? p.poverty_line_per_child_household : 0.0);
    const bool poor = earnings + bijstand < poverty_line;
    for (std::size_t i = 0; i < member_count; ++i) {
        if (!agents_.housed[members[i]]) continue;
        double* cell = row + static_cast<std::size_t>(agents_.profile_cell[members[i]]) * indicator_count;
        cell[slot(IndicatorId::on_bijstand)] += bijstand > 0.0;
        cell[slot(IndicatorId::below_poverty_line)] += poor;
        // The unit's bijstand is shared equally by the members present.
        cell[slot(IndicatorId::cost_bijstand)] += bijstand / static_cast<double>(present);
        cell[slot(IndicatorId::cost_total)] += bijstand / static_cast<double>(present);
    }
}

void CohortSimulation::reduce_tally(std::span<double> group_totals) {
    tally_.reduce_into(profile_totals_);
    std::fill(group_totals.begin(), group_totals.end(), 0.0);
    const std::size_t groups = cells_.group_count();
    // Profile cells in index order, so group sums are as deterministic as the chunk sums.
    for (std::size_t cell = 0; cell < cells_.profile_cell_count(); ++cell) {
        const double* values = profile_totals_.data() + cell * indicator_count;
        for (const std::uint16_t group : cells_.groups_of(cell))
            for (std::size_t indicator = 0; indicator < indicator_count; ++indicator)
                group_totals[indicator * groups + group] += values[indicator];
    }
}

}  // namespace taalwerk
