#pragma once
// Output groups. Every agent has a profile cell (its sex, origin, education, age band,
// own-language literacy and municipality); each profile cell belongs to one group cell per breakdown ("all", "sex=female",
// "origin=syria", ..., "literacy=not_literate", "pathway=parallel", "municipality=amsterdam").
#include <cstdint>
#include <string>
#include <vector>

#include "model/model_parameters.hpp"
#include "model/population_groups.hpp"

namespace taalwerk {

class GroupCells {
public:
    explicit GroupCells(const ModelParameters& parameters);

    std::uint16_t profile_cell(Sex sex, Origin origin, Education education, AgeBand age, Literacy literacy,
                               std::uint8_t municipality) const;
    std::size_t profile_cell_count() const { return profile_cell_count_; }

    const std::vector<std::string>& labels() const { return labels_; }
    std::size_t group_count() const { return labels_.size(); }

    // The group cells a profile cell belongs to (one per breakdown, "all" first).
    const std::vector<std::uint16_t>& groups_of(std::size_t profile_cell) const { return groups_of_profile_[profile_cell]; }

private:
    std::size_t municipalities_;
    std::size_t profile_cell_count_;
    std::vector<std::string> labels_;
    std::vector<std::vector<std::uint16_t>> groups_of_profile_;
};

}  // namespace taalwerk
