#pragma once
// Keys that break ties in a queue (equal waits for a seat, an intake, an instrument). They need
// to be deterministic, independent of thread and scenario, and well mixed, but not of Philox's
// statistical quality: a 64-bit finaliser (splitmix64) of the same coordinates as a RandomStream
// costs a few multiplications instead of a Philox block. Claims are made every month by
// everyone waiting, so this is on the hot path.
#include <cstdint>

#include "random/decision_id.hpp"
#include "random/random_stream.hpp"

namespace taalwerk {

inline std::uint64_t mix64(std::uint64_t z) {
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

// The first stage of tie_key, which depends only on the key: computed once per replicate by
// callers that make many tie keys.
inline std::uint64_t tie_key_seed(RandomKey key) {
    return mix64((static_cast<std::uint64_t>(key.base_seed) << 32 | key.replicate) + 0x9e3779b97f4a7c15ULL);
}

// tie_key(key, ...) with tie_key_seed(key) given.
inline std::uint64_t tie_key(std::uint64_t seed, std::uint32_t agent, std::uint32_t month, Decision decision) {
    const std::uint64_t z = mix64(seed ^ (static_cast<std::uint64_t>(agent) << 32 | month));
    return mix64(z ^ decision.id);
}

inline std::uint64_t tie_key(RandomKey key, std::uint32_t agent, std::uint32_t month, Decision decision) {
    return tie_key(tie_key_seed(key), agent, month, decision);
}

}  // namespace taalwerk
