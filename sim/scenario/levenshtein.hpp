#pragma once
// Edit distance, used to suggest the key a user probably meant ("did you mean ...?").
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace taalwerk {

// Insertions, deletions and substitutions needed to turn `a` into `b`.
std::size_t levenshtein_distance(const std::string& a, const std::string& b);

// The candidate closest to `typed`, if it is close enough to be a likely typo:
// distance at most max(2, length / 3).
std::optional<std::string> closest_match(const std::string& typed, const std::vector<std::string>& candidates);

}  // namespace taalwerk
