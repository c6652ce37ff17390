#pragma once
// One replicate of one scenario: the agent store, the scratch memory of the monthly step and the
// step itself. Everything is allocated in the constructor; step() allocates nothing.
#include <cstdint>
#include <span>
#include <vector>

#include "engine/chunk_accumulator.hpp"
#include "engine/chunk_grid.hpp"
#include "engine/contested_resource.hpp"
#include "model/caseworker_guidance.hpp"
#include "model/agent_store.hpp"
#include "model/group_cells.hpp"
#include "model/indicators.hpp"
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

private:
    void update_housing_and_claim(int month);
    void size_pools();
    void learn_work_and_tally(int month);
    void reduce_tally(std::span<double> group_totals);

    struct Household {
        double norm = 0.0;               // bijstand norm of the unit
        double partner_earnings = 0.0;   // the partner's earnings, when living together
    };
    Household household_of(std::uint32_t agent) const;
    bool is_family_approach_partner(std::uint32_t agent, const MunicipalityParameters& municipality) const;
    // Bijstand, poverty and their costs of the agent's benefit unit, added to each member's cell.
    void tally_household_welfare(std::uint32_t agent, double* row) const;

    const ModelParameters& parameters_;
    GroupCells cells_;
    ChunkGrid grid_;
    AgentStore agents_;
    RandomKey key_{};
    ContestedResourceAllocator course_seats_;
    ContestedResourceAllocator intakes_;
    ChunkAccumulator municipality_counts_;  // per chunk: housed, in course, guided clients; per municipality
    std::vector<double> municipality_totals_;
    std::vector<double> seat_capacity_;
    std::vector<double> intake_capacity_;
    std::vector<GuidanceMonth> guidance_;   // per municipality, this month
    ChunkAccumulator tally_;                // per chunk: [profile cell][indicator]
    std::vector<double> profile_totals_;
};

}  // namespace taalwerk
