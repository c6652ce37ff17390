#include "random/decision_id.hpp"

#include <stdexcept>
#include <string>

namespace taalwerk {

void check_decision_ids(std::span<const Decision> decisions) {
    for (std::size_t i = 0; i < decisions.size(); ++i) {
        if (decisions[i].id != hash_decision_name(decisions[i].name))
            throw std::logic_error("decision '" + std::string(decisions[i].name) + "' has an id that is not the hash of its name");
        for (std::size_t j = i + 1; j < decisions.size(); ++j) {
            if (decisions[i].name == decisions[j].name)
                throw std::logic_error("decision '" + std::string(decisions[i].name) + "' is declared twice");
            if (decisions[i].id == decisions[j].id)
                throw std::logic_error("decisions '" + std::string(decisions[i].name) + "' and '" +
                                       std::string(decisions[j].name) + "' hash to the same id " +
                                       std::to_string(decisions[i].id) + "; rename one of them");
        }
    }
}

}  // namespace taalwerk
