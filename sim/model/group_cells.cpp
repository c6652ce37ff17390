#include "model/group_cells.hpp"

namespace taalwerk {

namespace {
constexpr std::size_t sexes = sex_names.size();
constexpr std::size_t origins = origin_names.size();
constexpr std::size_t educations = education_names.size();
constexpr std::size_t age_bands = age_band_names.size();
constexpr std::size_t literacies = literacy_names.size();
}  // namespace

GroupCells::GroupCells(const ModelParameters& parameters)
    : municipalities_(parameters.municipalities.size()),
      profile_cell_count_(sexes * origins * educations * age_bands * literacies * municipalities_) {
    labels_.push_back("all");
    const std::size_t sex_first = labels_.size();
    for (auto name : sex_names) labels_.push_back("sex=" + std::string(name));
    const std::size_t origin_first = labels_.size();
    for (auto name : origin_names) labels_.push_back("origin=" + std::string(name));
    const std::size_t education_first = labels_.size();
    for (auto name : education_names) labels_.push_back("education=" + std::string(name));
    const std::size_t age_first = labels_.size();
    for (auto name : age_band_names) labels_.push_back("age=" + std::string(name));
    const std::size_t literacy_first = labels_.size();
    for (auto name : literacy_names) labels_.push_back("literacy=" + std::string(name));
    const std::size_t pathway_first = labels_.size();
    for (auto name : pathway_names) labels_.push_back("pathway=" + std::string(name));
    const std::size_t municipality_first = labels_.size();
    for (const auto& municipality : parameters.municipalities) labels_.push_back("municipality=" + municipality.name);

    groups_of_profile_.resize(profile_cell_count_);
    for (std::size_t s = 0; s < sexes; ++s)
        for (std::size_t o = 0; o < origins; ++o)
            for (std::size_t e = 0; e < educations; ++e)
                for (std::size_t a = 0; a < age_bands; ++a)
                    for (std::size_t l = 0; l < literacies; ++l)
                    for (std::size_t m = 0; m < municipalities_; ++m) {
                        const auto cell = profile_cell(static_cast<Sex>(s), static_cast<Origin>(o), static_cast<Education>(e),
                                                       static_cast<AgeBand>(a), static_cast<Literacy>(l),
                                                       static_cast<std::uint8_t>(m));
                        const auto pathway = static_cast<std::size_t>(parameters.municipalities[m].pathway);
                        groups_of_profile_[cell] = {
                            0,
                            static_cast<std::uint16_t>(sex_first + s),
                            static_cast<std::uint16_t>(origin_first + o),
                            static_cast<std::uint16_t>(education_first + e),
                            static_cast<std::uint16_t>(age_first + a),
                            static_cast<std::uint16_t>(literacy_first + l),
                            static_cast<std::uint16_t>(pathway_first + pathway),
                            static_cast<std::uint16_t>(municipality_first + m),
                        };
                    }
}

std::uint16_t GroupCells::profile_cell(Sex sex, Origin origin, Education education, AgeBand age, Literacy literacy,
                                       std::uint8_t municipality) const {
    std::size_t cell = static_cast<std::size_t>(sex);
    cell = cell * origins + static_cast<std::size_t>(origin);
    cell = cell * educations + static_cast<std::size_t>(education);
    cell = cell * age_bands + static_cast<std::size_t>(age);
    cell = cell * literacies + static_cast<std::size_t>(literacy);
    cell = cell * municipalities_ + municipality;
    return static_cast<std::uint16_t>(cell);
}

}  // namespace taalwerk
