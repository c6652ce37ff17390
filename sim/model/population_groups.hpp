#pragma once
// The categorical attributes that define output groups. Each agent's combination of them is one
// "profile cell"; indicators are tallied per profile cell and summed into group cells
// ("sex=female", "origin=syria", ...) once a month (indicator_tally.hpp).
#include <array>
#include <cstdint>
#include <string_view>

namespace taalwerk {

enum class Sex : std::uint8_t { male, female };
enum class Origin : std::uint8_t { syria, eritrea, other };
enum class Education : std::uint8_t { primary_or_less, lower_secondary, upper_secondary, higher };
enum class AgeBand : std::uint8_t { age_18_29, age_30_44, age_45_64 };
enum class Literacy : std::uint8_t { literate, not_literate };

inline constexpr std::array<std::string_view, 2> sex_names{"male", "female"};
inline constexpr std::array<std::string_view, 3> origin_names{"syria", "eritrea", "other"};
inline constexpr std::array<std::string_view, 4> education_names{"primary_or_less", "lower_secondary",
                                                                 "upper_secondary", "higher"};
inline constexpr std::array<std::string_view, 3> age_band_names{"18-29", "30-44", "45-64"};
inline constexpr std::array<std::string_view, 2> literacy_names{"literate", "not_literate"};

}  // namespace taalwerk
