#pragma once
// Counter-based randomness (engineering note 2). A RandomStream is the sequence of 32-bit words
// of Philox4x32-10 blocks with key (base seed, replicate) and counter (agent, month, decision,
// block). Draws therefore depend only on who decides what and when: not on thread, order,
// population size or scenario, so runs are bit-identical for any thread count and two scenarios
// with the same seed share random numbers (common random numbers).
#include <Random123/philox.h>

#include <boost/random/uniform_01.hpp>
#include <cstdint>
#include <limits>

#include "random/decision_id.hpp"

namespace taalwerk {

// Identifies one replicate's random numbers. The scenario is deliberately not part of it.
struct RandomKey {
    std::uint32_t base_seed = 0;
    std::uint32_t replicate = 0;
};

class RandomStream {
public:
    using result_type = std::uint32_t;

    RandomStream(RandomKey key, std::uint32_t agent, std::uint32_t month, Decision decision)
        : key_{{key.base_seed, key.replicate}}, counter_{{agent, month, decision.id, 0}} {}

    static constexpr result_type min() { return 0; }
    static constexpr result_type max() { return std::numeric_limits<result_type>::max(); }

    result_type operator()() {
        if (position_ == 4) refill();
        return block_.v[position_++];
    }

    // A 64-bit word (two draws), e.g. a tie-breaking key.
    std::uint64_t next_u64() {
        const std::uint64_t high = (*this)();
        return (high << 32) | (*this)();
    }

private:
    using Generator = r123::Philox4x32;
    void refill() {
        block_ = Generator{}(counter_, key_);
        counter_.v[3] += 1;  // next block of the same (agent, month, decision)
        position_ = 0;
    }

    Generator::key_type key_;
    Generator::ctr_type counter_;
    Generator::ctr_type block_{};
    unsigned position_ = 4;
};

// Draws through Boost.Random distributions: their algorithms are fixed per Boost version,
// unlike std:: distributions, which differ between standard libraries.
inline double draw_uniform(RandomStream& stream) { return boost::random::uniform_01<double>{}(stream); }

// Always consumes exactly one word, even for probability 0 or 1, so that a policy moving a
// probability to a limit does not shift the later draws of the same stream (common random numbers).
inline bool draw_event(RandomStream& stream, double probability) { return draw_uniform(stream) < probability; }

}  // namespace taalwerk
