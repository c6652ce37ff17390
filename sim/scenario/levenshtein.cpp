#include "scenario/levenshtein.hpp"

#include <algorithm>
#include <numeric>

namespace taalwerk {

std::size_t levenshtein_distance(const std::string& a, const std::string& b) {
    // One row of the dynamic-programming table at a time.
    std::vector<std::size_t> row(b.size() + 1);
    std::iota(row.begin(), row.end(), std::size_t{0});
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            const std::size_t substitution = diagonal + (a[i - 1] == b[j - 1] ? 0 : 1);
            row[j] = std::min({above + 1, row[j - 1] + 1, substitution});
            diagonal = above;
        }
    }
    return row[b.size()];
}

std::optional<std::string> closest_match(const std::string& typed, const std::vector<std::string>& candidates) {
    const std::size_t threshold = std::max<std::size_t>(2, typed.size() / 3);
    std::optional<std::string> best;
    std::size_t best_distance = threshold + 1;
    for (const std::string& candidate : candidates) {
        const std::size_t distance = levenshtein_distance(typed, candidate);
        if (distance < best_distance) {
            best_distance = distance;
            best = candidate;
        }
    }
    return best;
}

}  // namespace taalwerk
