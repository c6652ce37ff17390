// What write_run_output refuses before touching the disk, and the netCDF naming rule it applies.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "output/run_output.hpp"
#include "output/run_output_validation.hpp"

using namespace taalwerk;
using Catch::Matchers::Contains;

namespace {

RunOutput small_valid_run_output() {
    RunOutput output;
    output.metadata.scenario_name = "default";
    output.metadata.scenario_toml = "name = \"default\"\n";
    output.metadata.replicates = {0, 1};
    output.metadata.library_versions = {{"hdf5", "1.10.8"}, {"toml++", "3.3.0"}};
    output.months = 3;
    output.group_labels = {"all", "sex=female"};
    output.indicators.push_back(
        {"persons_in_paid_work", "persons", "Persons in paid work.", std::vector<double>(12, 1.0)});
    output.indicators.push_back({"benefit_spending", "EUR", "Benefit spending.", std::vector<double>(12, 0.5)});
    return output;
}

std::string validation_message(const RunOutput& output) {
    try {
        validate_run_output(output);
    } catch (const OutputError& error) {
        return error.what();
    }
    FAIL("expected an OutputError");
    return {};
}

}  // namespace

TEST_CASE("output validation: a well-formed run output passes", "[output]") {
    CHECK_NOTHROW(validate_run_output(small_valid_run_output()));
}

TEST_CASE("output validation: each malformed run output is refused with a message that says why", "[output]") {
    RunOutput output = small_valid_run_output();

    SECTION("no months") {
        output.months = 0;
        for (Indicator& indicator : output.indicators) indicator.values.clear();
        CHECK_THAT(validation_message(output), Contains("0 months"));
    }
    SECTION("negative months") {
        output.months = -2;
        CHECK_THAT(validation_message(output), Contains("-2 months"));
    }
    SECTION("no replicates") {
        output.metadata.replicates.clear();
        CHECK_THAT(validation_message(output), Contains("no replicates"));
    }
    SECTION("no groups") {
        output.group_labels.clear();
        CHECK_THAT(validation_message(output), Contains("no groups"));
    }
    SECTION("a replicate id twice") {
        output.metadata.replicates = {4, 4};
        CHECK_THAT(validation_message(output), Contains("replicate id more than once"));
    }
    SECTION("a group label twice") {
        output.group_labels = {"all", "all"};
        CHECK_THAT(validation_message(output), Contains("'all' appears more than once"));
    }
    SECTION("too few values") {
        output.indicators[1].values.pop_back();
        CHECK_THAT(validation_message(output),
                   Contains("'benefit_spending' has 11 values") && Contains("(2, 3, 2) needs 12"));
    }
    SECTION("too many values") {
        output.indicators[0].values.push_back(0.0);
        CHECK_THAT(validation_message(output), Contains("'persons_in_paid_work' has 13 values"));
    }
    SECTION("an indicator name twice") {
        output.indicators[1].name = output.indicators[0].name;
        CHECK_THAT(validation_message(output), Contains("'persons_in_paid_work' appears more than once"));
    }
    SECTION("an indicator named like a dimension") {
        output.indicators[0].name = "month";
        CHECK_THAT(validation_message(output), Contains("'month' is taken by a dimension"));
    }
    SECTION("an indicator name that netCDF refuses") {
        output.indicators[0].name = "persons/paid";
        CHECK_THAT(validation_message(output), Contains("'persons/paid' is not a valid netCDF variable name"));
    }
    SECTION("a NUL byte inside a unit, which HDF5 would cut off") {
        output.indicators[0].unit = std::string("pers\0ons", 8);
        CHECK_THAT(validation_message(output), Contains("unit of indicator 'persons_in_paid_work'"));
    }
    SECTION("scenario text that is not UTF-8") {
        output.metadata.scenario_toml = "name = \"caf\xE9\"";  // Latin-1, not UTF-8
        CHECK_THAT(validation_message(output), Contains("scenario text is not valid UTF-8"));
    }
    SECTION("a library name that cannot be part of an attribute name") {
        output.metadata.library_versions["a/b"] = "1.0";
        CHECK_THAT(validation_message(output), Contains("library name 'a/b'"));
    }
}

TEST_CASE("output validation: netCDF names follow NC_check_name", "[output]") {
    for (const char* name : {"persons_in_paid_work", "_hidden", "2nd_wave", "x", "gr\xC3\xB6\xC3\x9F" "e", "a b",
                             "toml++", "library_version_toml++"}) {
        INFO(name);
        CHECK(is_valid_netcdf_name(name));
    }
    const std::string too_long(257, 'a');
    const std::vector<std::string> invalid_names = {
        "", "a/b", " leading", "trailing ", "-dash", "tab\there", std::string("nul\0", 4), "bad\xFFutf8", "\xC3",
        too_long};
    for (const std::string& name : invalid_names) {
        INFO(name);
        CHECK_FALSE(is_valid_netcdf_name(name));
    }
    CHECK(is_valid_netcdf_name(std::string(256, 'a')));
}

TEST_CASE("output validation: storable text is UTF-8 without NUL bytes", "[output]") {
    CHECK(is_storable_text(""));
    CHECK(is_storable_text("plain ASCII"));
    CHECK(is_storable_text("\xE2\x80\x94 em dash, \xF0\x9F\x98\x80 emoji"));
    CHECK_FALSE(is_storable_text(std::string("a\0b", 3)));
    CHECK_FALSE(is_storable_text("\xC0\xAF"));          // overlong '/'
    CHECK_FALSE(is_storable_text("\xED\xA0\x80"));      // UTF-16 surrogate
    CHECK_FALSE(is_storable_text("\xF4\x90\x80\x80"));  // beyond U+10FFFF
    CHECK_FALSE(is_storable_text("\xE2\x80"));          // cut short
}
