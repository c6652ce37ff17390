#pragma once
// Every random decision has a name; its id is a hash of that name, so adding a decision never
// shifts the draws of another (engineering note 3). Ids are checked for collisions at compile
// time (all_decisions in decisions.hpp) and again at start-up.
#include <cstdint>
#include <span>
#include <string_view>

namespace taalwerk {

struct Decision {
    std::string_view name;
    std::uint32_t id;
};

// FNV-1a, 32 bit: simple, stable across compilers and versions, constexpr.
constexpr std::uint32_t hash_decision_name(std::string_view name) {
    std::uint32_t hash = 2166136261u;
    for (char c : name) {
        hash ^= static_cast<std::uint8_t>(c);
        hash *= 16777619u;
    }
    return hash;
}

constexpr Decision make_decision(std::string_view name) { return Decision{name, hash_decision_name(name)}; }

template <std::size_t N>
constexpr bool decision_ids_are_unique(const Decision (&decisions)[N]) {
    for (std::size_t i = 0; i < N; ++i)
        for (std::size_t j = i + 1; j < N; ++j)
            if (decisions[i].id == decisions[j].id || decisions[i].name == decisions[j].name) return false;
    return true;
}

// Throws std::logic_error naming both decisions when two share an id or a name.
void check_decision_ids(std::span<const Decision> decisions);

}  // namespace taalwerk
