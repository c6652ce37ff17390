#pragma once
// A municipality's instrument budget. Each month a twelfth of the year's budget is added to the
// balance (unspent money carries over, up to one year's budget); ongoing places are paid first,
// then new places go to the instruments in the municipality's priority order until the balance
// or the places run out. The rest of the claimants wait for next month.
#include <algorithm>
#include <array>
#include <cmath>

#include "model/instruments.hpp"
#include "model/model_parameters.hpp"

namespace taalwerk {

struct InstrumentCounts {
    std::array<double, instrument_count> participants{};  // in the instrument at the start of the month
    std::array<double, instrument_count> claims{};        // asking for a new place this month
};

struct BudgetMonth {
    std::array<double, instrument_count> new_places{};  // capacity given to the allocator
    double spent = 0.0;                                 // ongoing plus new places, EUR
};

inline double annual_instrument_budget(const ModelParameters& p, const MunicipalityParameters& m, double housed) {
    return m.budget_per_housed_adult * housed * (1.0 - p.budget_cut_share);
}

// Decides this month's new places and updates the balance.
inline BudgetMonth plan_instrument_month(const ModelParameters& p, const MunicipalityParameters& m, double housed,
                                         const InstrumentCounts& counts, double& balance) {
    BudgetMonth month;
    const double annual = annual_instrument_budget(p, m, housed);
    balance = std::min(balance + annual / 12.0, annual);
    double ongoing = 0.0;
    for (std::size_t k = 0; k < instrument_count; ++k) ongoing += counts.participants[k] * p.instruments[k].cost_per_month;
    double left = balance - ongoing;
    month.spent = ongoing;

    // Rank 1 first; instruments not offered are not in the order.
    for (std::size_t i = 0; i < m.offered_instruments; ++i) {
        const std::size_t k = m.instruments_by_priority[i];
        const InstrumentParameters& instrument = p.instruments[k];
        const double free_places = std::max(0.0, std::floor(instrument.places_per_100 / 100.0 * housed) - counts.participants[k]);
        const double affordable = instrument.cost_per_month > 0.0 ? std::floor(std::max(0.0, left) / instrument.cost_per_month)
                                                                   : counts.claims[k];
        const double places = std::min({free_places, affordable, counts.claims[k]});
        month.new_places[k] = places;
        left -= places * instrument.cost_per_month;
        month.spent += places * instrument.cost_per_month;
    }
    balance -= month.spent;
    return month;
}

}  // namespace taalwerk
