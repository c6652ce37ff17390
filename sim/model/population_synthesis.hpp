#pragma once
// Draws the cohort's fixed attributes. Each attribute is its own decision for the agent at
// month 0, so an agent's draws do not depend on the cohort size or on other agents.
#include "engine/chunk_grid.hpp"
#include "model/agent_store.hpp"
#include "model/group_cells.hpp"
#include "model/model_parameters.hpp"
#include "random/random_stream.hpp"

namespace taalwerk {

// The pathway in force for a person under the municipality's (or, tailored, the intake's) pathway:
// the minority who combine course and work (labour.sequential_combining_share, one draw per
// person) follow a sequential pathway like the parallel one.
Pathway pathway_in_force(const ModelParameters& parameters, RandomKey key, std::uint32_t agent, Pathway pathway);

void synthesize_population(const ModelParameters& parameters, const GroupCells& cells, RandomKey key,
                           const ChunkGrid& grid, AgentStore& agents);

}  // namespace taalwerk
