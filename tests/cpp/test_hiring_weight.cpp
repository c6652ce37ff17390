// The employer side of the hiring weight (labour_market.hpp): each factor multiplies the weight
// by exactly its parameter, everything else held fixed.
#include <catch2/catch.hpp>

#include "model/instrument_effects.hpp"
#include "model/labour_market.hpp"
#include "model_test_support.hpp"

using namespace taalwerk;
using namespace taalwerk::testing;

namespace {
// The default scenario's values: its factors differ from 1, so a dropped factor shows.
const ModelParameters& default_parameters() {
    static const ModelParameters parameters = read_model_parameters(default_scenario_with({}));
    return parameters;
}

// A seeker at A2 (the language term is exp(0) = 1) with no other advantage.
HiringProfile plain_profile() {
    HiringProfile h;
    h.proficiency = 2.0;
    h.employability = 0.8;
    h.employer_openness = 0.7;
    return h;
}

constexpr double tolerance = 1e-12;
}  // namespace

TEST_CASE("Hiring weight of a plain seeker at A2 is openness times employability", "[model][labour][hiring-weight]") {
    const ModelParameters& p = default_parameters();
    CHECK_THAT(hiring_weight(p, plain_profile()), Catch::Matchers::WithinRel(0.7 * 0.8, tolerance));
}

TEST_CASE("The Dutch network raises the hiring weight linearly up to labour.network_factor", "[model][labour][hiring-weight]") {
    const ModelParameters& p = default_parameters();
    REQUIRE(p.network_job_factor > 1.0);
    REQUIRE(p.network_months > 1.0);
    const double base = hiring_weight(p, plain_profile());
    HiringProfile h = plain_profile();
    h.dutch_experience_months = p.network_months;  // a full network
    CHECK_THAT(hiring_weight(p, h) / base, Catch::Matchers::WithinRel(p.network_job_factor, tolerance));
    h.dutch_experience_months = 3.0 * p.network_months;  // no further gain beyond it
    CHECK_THAT(hiring_weight(p, h) / base, Catch::Matchers::WithinRel(p.network_job_factor, tolerance));
    h.dutch_experience_months = p.network_months / 2.0;  // half way: half the gain
    CHECK_THAT(hiring_weight(p, h) / base, Catch::Matchers::WithinRel(1.0 + (p.network_job_factor - 1.0) / 2.0, tolerance));
}

TEST_CASE("Work experience from before the flight multiplies the hiring weight by labour.prior_experience_factor",
          "[model][labour][hiring-weight]") {
    const ModelParameters& p = default_parameters();
    REQUIRE(p.prior_experience_job_factor > 1.0);
    HiringProfile h = plain_profile();
    h.prior_work_experience = true;
    CHECK_THAT(hiring_weight(p, h) / hiring_weight(p, plain_profile()),
               Catch::Matchers::WithinRel(p.prior_experience_job_factor, tolerance));
}

TEST_CASE("A Dutch certificate or diploma multiplies the hiring weight by education.diploma_job_factor",
          "[model][labour][hiring-weight]") {
    const ModelParameters& p = default_parameters();
    REQUIRE(p.education.diploma_job_factor > 1.0);
    const double base = hiring_weight(p, plain_profile());
    for (const DutchQualification q : {DutchQualification::vocational_certificate, DutchQualification::diploma}) {
        HiringProfile h = plain_profile();
        h.qualification = q;
        INFO("qualification " << static_cast<int>(q));
        CHECK_THAT(hiring_weight(p, h) / base, Catch::Matchers::WithinRel(p.education.diploma_job_factor, tolerance));
    }
}

TEST_CASE("Employability is proportional: mental-health problems lower the weight by labour.mental_health_factor",
          "[model][labour][hiring-weight]") {
    // The caller multiplies employability by the health factor (cohort_simulation.cpp); the
    // weight must follow it exactly.
    const ModelParameters& p = default_parameters();
    REQUIRE(p.mental_health_job_factor < 1.0);
    HiringProfile unwell = plain_profile();
    unwell.employability *= p.mental_health_job_factor;
    CHECK_THAT(hiring_weight(p, unwell) / hiring_weight(p, plain_profile()),
               Catch::Matchers::WithinRel(p.mental_health_job_factor, tolerance));
}

TEST_CASE("Instruments multiply the hiring weight by their job_finding_factor, lasting ones after completion",
          "[model][labour][hiring-weight][instruments]") {
    const ModelParameters& p = default_parameters();
    const double base = hiring_weight(p, plain_profile());
    const auto& subsidy = p.instruments[static_cast<std::size_t>(Instrument::wage_cost_subsidy)];
    const auto& placement = p.instruments[static_cast<std::size_t>(Instrument::work_experience_place)];
    REQUIRE(subsidy.job_finding_factor > 1.0);
    REQUIRE(placement.lasting_job_finding_factor > 1.0);

    HiringProfile h = plain_profile();
    h.instrument_factor = instrument_effects(p, instrument_bit(Instrument::wage_cost_subsidy), 0).job_finding_factor;
    CHECK_THAT(hiring_weight(p, h) / base, Catch::Matchers::WithinRel(subsidy.job_finding_factor, tolerance));
    // A completed work-experience place keeps raising the weight by its lasting factor.
    h.instrument_factor = instrument_effects(p, 0, instrument_bit(Instrument::work_experience_place)).job_finding_factor;
    CHECK_THAT(hiring_weight(p, h) / base, Catch::Matchers::WithinRel(placement.lasting_job_finding_factor, tolerance));
    // A factor below 1 lowers the weight by exactly that factor.
    h.instrument_factor = 0.25;
    CHECK_THAT(hiring_weight(p, h) / base, Catch::Matchers::WithinRel(0.25, tolerance));
}

TEST_CASE("The employer-side factors of the hiring weight multiply", "[model][labour][hiring-weight]") {
    const ModelParameters& p = default_parameters();
    HiringProfile h = plain_profile();
    h.dutch_experience_months = p.network_months;
    h.prior_work_experience = true;
    h.qualification = DutchQualification::diploma;
    h.instrument_factor = 2.0;
    h.employability *= p.mental_health_job_factor;
    const double expected = p.network_job_factor * p.prior_experience_job_factor * p.education.diploma_job_factor * 2.0 *
                            p.mental_health_job_factor;
    CHECK_THAT(hiring_weight(p, h) / hiring_weight(p, plain_profile()), Catch::Matchers::WithinRel(expected, tolerance));
}
