#pragma once
// Caseworkers. A municipality staffs FTE for its clients at its planned caseload, up to a
// staffing ceiling; beyond that the caseload rises, contact time per client falls, and new
// intakes queue. Contact time raises job search with diminishing returns.
#include <algorithm>
#include <cmath>

#include "model/model_parameters.hpp"

namespace taalwerk {

struct GuidanceMonth {
    double fte = 0.0;
    double client_capacity = 0.0;        // clients the ceiling FTE can take at the planned caseload
    double contact_hours_per_client = 0.0;
    double search_factor = 1.0;          // multiplies the job-finding rate of guided clients
    double cost = 0.0;                   // EUR this month
    double cost_per_client = 0.0;        // the cost shared equally by this month's clients
};

inline double client_capacity(const MunicipalityParameters& m, double housed) {
    return m.max_caseworker_fte_per_100 / 100.0 * housed * m.caseload;
}

inline GuidanceMonth guidance_month(const CaseworkerParameters& c, const MunicipalityParameters& m, double clients,
                                    double housed) {
    GuidanceMonth g;
    const double max_fte = m.max_caseworker_fte_per_100 / 100.0 * housed;
    g.client_capacity = max_fte * m.caseload;
    g.fte = std::min(max_fte, clients / m.caseload);
    if (clients > 0.0 && g.fte > 0.0) {
        g.contact_hours_per_client = c.client_hours_per_fte_month * g.fte / clients;
        const double h = g.contact_hours_per_client;
        g.search_factor = 1.0 + c.max_search_effect * h / (h + c.contact_hours_for_half_effect);
    }
    g.cost = g.fte * c.fte_annual_cost / 12.0;
    g.cost_per_client = clients > 0.0 ? g.cost / clients : 0.0;
    return g;
}

}  // namespace taalwerk
