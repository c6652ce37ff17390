#pragma once
// One replicate of one scenario: the agent store, the scratch memory of the monthly step and the
// step itself. Everything is allocated in the constructor; step() allocates nothing.
//
// A month has two passes over the agents with the allocations in between (engineering note 4):
//   1. claims: arrivals and housing; claims for course seats, intakes, instruments and
//      vacancies, each from the state at the start of the month; counts per municipality;
//   2. the municipalities size their pools (seats, caseworker capacity, budget by priority,
//      regional openings) and the four allocators serve the claims;
//   3. updates: each agent applies what it was granted and lives its month (guidance, lessons,
//      instruments, health, language, exams, education, work, welfare), and is tallied.
#include <array>
#include <cstdint>
#include <span>
#include <vector>

#include "engine/chunk_accumulator.hpp"
#include "engine/chunk_grid.hpp"
#include "engine/contested_resource.hpp"
#include "model/agent_store.hpp"
#include "model/caseworker_guidance.hpp"
#include "model/group_cells.hpp"
#include "model/indicators.hpp"
#include "model/instrument_effects.hpp"
#include "model/model_parameters.hpp"
#include "random/random_stream.hpp"

namespace taalwerk {

class CohortSimulation {
public:
    CohortSimulation(const ModelParameters& parameters, std::uint32_t agents);

    // Draws a new population for this replicate's key and resets every state.
    void start_replicate(RandomKey key);
    // Advances one month and writes its indicators into group_totals (indicator-major:
    // [indicator * group_count + group]).
    void step(int month, std::span<double> group_totals);

    const AgentStore& agents() const { return agents_; }
    AgentStore& agents() { return agents_; }
    const GroupCells& cells() const { return cells_; }
    // This month's job-search claims on the openings (for tests that look at who searched).
    const ContestedResourceAllocator& vacancies() const { return vacancies_; }

    // Scratch memory of the allocators per agent (for memory reports).
    static constexpr std::size_t allocator_bytes_per_agent() {
        return 4 * ContestedResourceAllocator::scratch_bytes_per_agent();
    }
    // The indicator flags each agent was last tallied with (for memory reports).
    static constexpr std::size_t tally_bytes_per_agent() { return sizeof(std::array<std::uint64_t, 2>); }

private:
    void house_and_claim(int month);
    void size_pools(int month);
    void plan_guidance();
    void live_month_and_tally(int month);
    void reduce_tally(std::span<double> group_totals);

    struct Household {
        double norm = 0.0;               // bijstand norm of the unit
        double partner_earnings = 0.0;   // the partner's income, when living together
    };
    Household household_of(std::uint32_t agent) const;
    // Job search at the start of the month.
    class EffectsCache;
    struct JobSearch {
        double intensity = 0.0;   // 0: not searching
        bool activated = false;   // searching, and turned towards work by the pathway (activated_towards_work)
    };
    JobSearch job_search_of(std::uint32_t agent, std::uint32_t month, const MunicipalityParameters& municipality,
                            bool present_in_azc, EffectsCache& effects_cache) const;
    // A trial placement or learn-work trajectory ending this month with a job offer (first pass).
    bool placement_ends_with_offer(std::uint32_t agent, std::uint32_t month) const;
    // Whether the person, past the old law's exemption hours, sits the exam to reach the exemption.
    bool seeks_exemption(std::uint32_t agent) const;
    // Bijstand, poverty and their costs of the agent's benefit unit, added to each member's cell.
    void tally_household_welfare(std::uint32_t agent, double* row) const;

    const ModelParameters& parameters_;
    GroupCells cells_;
    ChunkGrid grid_;
    AgentStore agents_;
    RandomKey key_{};
    std::uint64_t tie_seed_ = 0;               // tie_key_seed(key_)
    ContestedResourceAllocator course_seats_;
    ContestedResourceAllocator intakes_;
    ContestedResourceAllocator instruments_;   // pools: municipality x instrument
    ContestedResourceAllocator vacancies_;     // pools: region x segment
    ChunkAccumulator municipality_counts_;     // per chunk: housed, in course, clients, instrument counts
    std::vector<double> municipality_totals_;
    ChunkAccumulator vacancy_weights_;         // per chunk: summed hiring weight per vacancy pool
    std::vector<double> vacancy_weight_totals_;
    std::vector<double> region_cohort_adults_; // adults assigned to each region (fixed per replicate)
    std::vector<double> seat_capacity_;
    std::vector<double> intake_capacity_;
    std::vector<double> instrument_capacity_;
    std::vector<double> vacancy_capacity_;
    std::vector<double> budget_balance_;       // per municipality, EUR
    std::vector<GuidanceMonth> guidance_;      // per municipality, this month
    InstrumentLevelSteps instrument_levels_;   // who meets which instrument's Dutch requirement
    ChunkAccumulator tally_;                   // per chunk: [profile cell][indicator]; flag counts carry over
    std::vector<std::array<std::uint64_t, 2>> tallied_flags_;  // per agent: the indicator flags in tally_
    std::vector<double> profile_totals_;
};

}  // namespace taalwerk
