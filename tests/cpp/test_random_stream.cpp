#include <catch2/catch.hpp>

#include <Random123/philox.h>

#include <cmath>
#include <vector>

#include "model/decisions.hpp"
#include "random/decision_id.hpp"
#include "random/random_stream.hpp"

using namespace taalwerk;

TEST_CASE("Philox4x32-10 matches Random123's published known-answer values", "[random]") {
    // Random123's kat_vectors for philox4x32, 10 rounds: zero, all-ones and pi-digit inputs.
    r123::Philox4x32 philox;
    r123::Philox4x32::ctr_type counter{{0, 0, 0, 0}};
    r123::Philox4x32::key_type key{{0, 0}};
    auto zero = philox(counter, key);
    CHECK(zero.v[0] == 0x6627e8d5u);
    CHECK(zero.v[1] == 0xe169c58du);
    CHECK(zero.v[2] == 0xbc57ac4cu);
    CHECK(zero.v[3] == 0x9b00dbd8u);

    auto ones = philox({{0xffffffffu, 0xffffffffu, 0xffffffffu, 0xffffffffu}}, {{0xffffffffu, 0xffffffffu}});
    CHECK(ones.v[0] == 0x408f276du);
    CHECK(ones.v[1] == 0x41c83b0eu);
    CHECK(ones.v[2] == 0xa20bc7c6u);
    CHECK(ones.v[3] == 0x6d5451fdu);

    r123::Philox4x32::ctr_type pi_counter{{0x243f6a88u, 0x85a308d3u, 0x13198a2eu, 0x03707344u}};
    r123::Philox4x32::key_type pi_key{{0xa4093822u, 0x299f31d0u}};
    auto pi = philox(pi_counter, pi_key);
    CHECK(pi.v[0] == 0xd16cfe09u);
    CHECK(pi.v[1] == 0x94fdccebu);
    CHECK(pi.v[2] == 0x5001e420u);
    CHECK(pi.v[3] == 0x24126ea1u);
}

TEST_CASE("A RandomStream yields the Philox block of (agent, month, decision) under key (seed, replicate)", "[random]") {
    const Decision decision = make_decision("test.decision");
    RandomStream stream(RandomKey{7, 3}, 11, 5, decision);
    r123::Philox4x32 philox;
    auto block0 = philox({{11, 5, decision.id, 0}}, {{7, 3}});
    auto block1 = philox({{11, 5, decision.id, 1}}, {{7, 3}});
    for (int i = 0; i < 4; ++i) CHECK(stream() == block0.v[i]);
    for (int i = 0; i < 4; ++i) CHECK(stream() == block1.v[i]);
}

TEST_CASE("Streams differ by agent, month, decision, seed and replicate", "[random]") {
    const Decision a = make_decision("test.a");
    const Decision b = make_decision("test.b");
    const auto first = [](RandomStream s) { return s(); };
    const auto base = first(RandomStream({1, 0}, 0, 0, a));
    CHECK(first(RandomStream({1, 0}, 1, 0, a)) != base);
    CHECK(first(RandomStream({1, 0}, 0, 1, a)) != base);
    CHECK(first(RandomStream({1, 0}, 0, 0, b)) != base);
    CHECK(first(RandomStream({2, 0}, 0, 0, a)) != base);
    CHECK(first(RandomStream({1, 1}, 0, 0, a)) != base);
    CHECK(first(RandomStream({1, 0}, 0, 0, a)) == base);
}

TEST_CASE("draw_event has the requested probability within a computed margin", "[random]") {
    const Decision decision = make_decision("test.event");
    constexpr int draws = 200000;
    for (double p : {0.01, 0.3, 0.5, 0.9}) {
        int events = 0;
        for (std::uint32_t agent = 0; agent < draws; ++agent) {
            RandomStream stream({42, 0}, agent, 0, decision);
            events += draw_event(stream, p);
        }
        const double margin = 5.0 * std::sqrt(p * (1 - p) / draws);  // 5 sigma: fails ~1 in 1.7 million
        CHECK_THAT(static_cast<double>(events) / draws, Catch::Matchers::WithinAbs(p, margin));
    }
    RandomStream stream({42, 0}, 0, 0, decision);
    for (int i = 0; i < 1000; ++i) {
        CHECK_FALSE(draw_event(stream, 0.0));
        CHECK(draw_event(stream, 1.0));
    }
    // Each event uses one word whatever the probability: the next draws line up.
    RandomStream limits({42, 0}, 1, 0, decision), middle({42, 0}, 1, 0, decision);
    draw_event(limits, 0.0);
    draw_event(limits, 1.0);
    draw_event(middle, 0.5);
    draw_event(middle, 0.5);
    CHECK(limits() == middle());
}

TEST_CASE("draw_uniform has mean 1/2 and variance 1/12 within computed margins", "[random]") {
    const Decision decision = make_decision("test.uniform");
    constexpr int draws = 200000;
    double sum = 0.0, sum_squares = 0.0;
    RandomStream stream({9, 9}, 0, 0, decision);
    for (int i = 0; i < draws; ++i) {
        const double u = draw_uniform(stream);
        REQUIRE(u >= 0.0);
        REQUIRE(u < 1.0);
        sum += u;
        sum_squares += u * u;
    }
    const double mean = sum / draws;
    CHECK_THAT(mean, Catch::Matchers::WithinAbs(0.5, 5.0 * std::sqrt(1.0 / 12.0 / draws)));
    CHECK_THAT(sum_squares / draws - mean * mean, Catch::Matchers::WithinAbs(1.0 / 12.0, 5.0 * std::sqrt(1.0 / 180.0 / draws)));
}

TEST_CASE("Decision ids are name hashes and collisions are rejected", "[random]") {
    CHECK(hash_decision_name("") == 2166136261u);
    CHECK(hash_decision_name("a") == 0xe40c292cu);  // FNV-1a 32 reference value
    CHECK_NOTHROW(check_decision_ids(decisions::all));
    const Decision duplicated[] = {make_decision("x.one"), make_decision("x.one")};
    CHECK_THROWS_WITH(check_decision_ids(duplicated), Catch::Matchers::Contains("x.one"));
    // "costarring" and "liquid" are a known FNV-1a 32 collision.
    REQUIRE(hash_decision_name("costarring") == hash_decision_name("liquid"));
    const Decision colliding[] = {make_decision("costarring"), make_decision("liquid")};
    CHECK_THROWS_WITH(check_decision_ids(colliding), Catch::Matchers::Contains("costarring") && Catch::Matchers::Contains("liquid"));
    const Decision forged[] = {Decision{"x.forged", 1u}};
    CHECK_THROWS_WITH(check_decision_ids(forged), Catch::Matchers::Contains("not the hash"));
}
