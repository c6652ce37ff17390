// Scenario files: base chains, collections, strict validation with clear messages, overrides
// and the resolved TOML that must read back to exactly the same values.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <string>

#include "scenario/scenario.hpp"

using Catch::Matchers::Contains;
using taalwerk::ParameterCatalogue;
using taalwerk::Scenario;
using taalwerk::ScenarioError;

namespace {

// A small catalogue with one parameter of every kind, a top-level key and a collection, so the
// tests do not depend on the model's own catalogue.
const ParameterCatalogue& test_catalogue() {
    static const ParameterCatalogue catalogue = [] {
        ParameterCatalogue built;
        built.parameters = {
            taalwerk::integer_parameter("seed", 1, 0, 1000000, "-", "assumed", "Base seed of the run."),
            taalwerk::integer_parameter("cohort.size", 1000, 1, 100000000, "persons", "assumed",
                                        "Persons simulated."),
            taalwerk::integer_parameter("cohort.months", 120, 1, 600, "months", "assumed", "Months simulated."),
            taalwerk::real_parameter("labour_market.tightness", 0.5, 0.0, 1.0, "share", "CBS | StatLine",
                                     "Vacancies per job seeker, as a share."),
            taalwerk::real_parameter("labour_market.vacancy_rate", 0.03, 0.0, 1.0, "share", "assumed",
                                     "Vacancies per job."),
            taalwerk::real_parameter("labour_market.tiny_rate", 1e-7, 0.0, 1.0, "share per month", "assumed",
                                     "A very small hazard."),
            taalwerk::boolean_parameter("policy.intake_enabled", true, "assumed", "Whether intake runs."),
            taalwerk::choice_parameter("policy.language_route", "b1", {"a2", "b1", "b2"}, "assumed",
                                       "Target language level."),
            taalwerk::real_list_parameter("policy.monthly_uptake", {0.1, 0.2, 0.3}, 0.0, 1.0, 2, 6, "share",
                                          "assumed", "Uptake by month of the programme."),
            taalwerk::text_parameter("policy.label", "baseline", "assumed", "Free label."),
            taalwerk::real_parameter("municipalities.*.caseload", 50.0, 1.0, 500.0, "persons per caseworker",
                                     "assumed", "Clients per caseworker."),
            taalwerk::integer_parameter("municipalities.*.caseworkers", 10, 0, 10000, "persons", "assumed",
                                        "Caseworkers employed."),
            taalwerk::real_parameter("municipalities.*.budget_share", 0.1, 0.0, 1.0, "share", "assumed",
                                     "Share of the national budget."),
        };
        built.collections = {{"municipalities", {"national"}, "Municipalities that run the programme."}};
        return built;
    }();
    return catalogue;
}

std::filesystem::path fixtures() { return std::filesystem::path(TAALWERK_SOURCE_DIR) / "tests/data/scenarios"; }

Scenario load_fixture(const std::string& file) { return Scenario::load(fixtures() / file, test_catalogue()); }

// Text checked as if it were a file "inline.toml" in the fixture folder.
Scenario parse_text(const std::string& text) {
    return Scenario::parse(text, "inline.toml", fixtures(), test_catalogue());
}

std::string without_comment_lines(const std::string& text) {
    std::string kept;
    std::string::size_type start = 0;
    while (start < text.size()) {
        const std::string::size_type end = std::min(text.find('\n', start), text.size());
        if (text[start] != '#') kept += text.substr(start, end - start) + "\n";
        start = end + 1;
    }
    return kept;
}

}  // namespace

TEST_CASE("an empty scenario holds every default", "[scenario]") {
    const Scenario scenario = parse_text("");
    CHECK(scenario.integer("seed") == 1);
    CHECK(scenario.integer("cohort.size") == 1000);
    CHECK(scenario.real("labour_market.tightness") == 0.5);
    CHECK(scenario.real("labour_market.tiny_rate") == 1e-7);
    CHECK(scenario.boolean("policy.intake_enabled"));
    CHECK(scenario.text("policy.language_route") == "b1");
    CHECK(scenario.text("policy.label") == "baseline");
    CHECK(scenario.real_list("policy.monthly_uptake") == std::vector<double>{0.1, 0.2, 0.3});
    // No file names an entry, so the collection's default entry is used, with default fields.
    CHECK(scenario.entries("municipalities") == std::vector<std::string>{"national"});
    CHECK(scenario.real("municipalities.national.caseload") == 50.0);
    CHECK(scenario.integer("municipalities.national.caseworkers") == 10);
    CHECK(scenario.values().size() == 13);
    CHECK(scenario.name() == "inline.toml");
    CHECK(scenario.base_chain() == std::vector<std::string>{"inline.toml"});
}

TEST_CASE("a scenario overrides only what it names", "[scenario]") {
    const Scenario scenario = load_fixture("one_change.toml");
    CHECK(scenario.real("labour_market.tightness") == 0.7);
    CHECK(scenario.real("labour_market.vacancy_rate") == 0.03);
    CHECK(scenario.integer("cohort.size") == 1000);
    CHECK(scenario.name() == "one_change");
    REQUIRE(scenario.base_chain().size() == 2);
    CHECK_THAT(scenario.base_chain()[0], Contains("one_change.toml"));
    CHECK_THAT(scenario.base_chain()[1], Contains("default.toml"));
    // A description belongs to its own file and is not inherited.
    CHECK(scenario.description().empty());
    CHECK(load_fixture("default.toml").description() == "Test baseline: catalogue defaults only.");
}

TEST_CASE("a chain of bases merges from the deepest base up", "[scenario]") {
    const Scenario scenario = load_fixture("chain_top.toml");
    CHECK(scenario.integer("cohort.size") == 300);               // top
    CHECK(scenario.real("labour_market.tightness") == 0.3);      // middle, over bottom
    CHECK(scenario.real("labour_market.vacancy_rate") == 0.05);  // bottom
    CHECK(scenario.integer("cohort.months") == 120);             // default
    CHECK(scenario.description() == "Top of a three-file chain.");
    REQUIRE(scenario.base_chain().size() == 4);
    CHECK_THAT(scenario.base_chain()[1], Contains("chain_middle.toml"));
    CHECK_THAT(scenario.base_chain()[2], Contains("chain_bottom.toml"));
    CHECK_THAT(scenario.base_chain()[3], Contains("default.toml"));
}

TEST_CASE("a base is found next to the file that names it", "[scenario]") {
    const Scenario scenario = load_fixture("nested/child.toml");
    CHECK(scenario.integer("cohort.months") == 24);
    CHECK(scenario.real("labour_market.tightness") == 0.7);
    CHECK(scenario.base_chain().size() == 3);
}

TEST_CASE("a base may be named with or without .toml", "[scenario]") {
    CHECK(parse_text("base = \"one_change\"").real("labour_market.tightness") == 0.7);
    CHECK(parse_text("base = \"one_change.toml\"").real("labour_market.tightness") == 0.7);
}

TEST_CASE("a cyclic base chain is rejected with the chain in the message", "[scenario]") {
    REQUIRE_THROWS_AS(load_fixture("cycle_a.toml"), ScenarioError);
    REQUIRE_THROWS_WITH(load_fixture("cycle_a.toml"), Contains("cyclic base chain: ") &&
                                                          Contains("cycle_a.toml -> ") &&
                                                          Contains("cycle_b.toml -> ") &&
                                                          Contains("cycle_b.toml:1:1"));
}

TEST_CASE("a missing base names the file that asked for it and the path looked for", "[scenario]") {
    REQUIRE_THROWS_WITH(load_fixture("missing_base.toml"),
                        Contains("missing_base.toml:2:1") && Contains("'no_such_scenario' not found") &&
                            Contains("no_such_scenario.toml"));
}

TEST_CASE("a missing scenario file is reported with its path", "[scenario]") {
    const std::filesystem::path missing = fixtures() / "not_there.toml";
    REQUIRE_THROWS_WITH(Scenario::load(missing, test_catalogue()),
                        Contains("scenario file not found: " + missing.string()));
}

TEST_CASE("a TOML syntax error gives file, line and toml++'s description", "[scenario]") {
    REQUIRE_THROWS_WITH(load_fixture("syntax_error.toml"),
                        Contains("syntax_error.toml:3:") && Contains("TOML syntax error"));
}

TEST_CASE("an unknown key suggests the close valid key", "[scenario]") {
    REQUIRE_THROWS_WITH(load_fixture("unknown_key.toml"),
                        Contains("unknown_key.toml:6:1: key 'labour_market.vacancy_rat': unknown key; "
                                 "did you mean 'labour_market.vacancy_rate'?"));
    // A misspelt section is reported at its first key, with the full key suggested.
    REQUIRE_THROWS_WITH(parse_text("[labor_market]\ntightness = 0.3\n"),
                        Contains("inline.toml:2:1: key 'labor_market.tightness': unknown key; "
                                 "did you mean 'labour_market.tightness'?"));
    // Inside a collection entry the suggestion uses the entry's own name.
    REQUIRE_THROWS_WITH(parse_text("[municipalities.amsterdam]\ncasload = 3.0\n"),
                        Contains("did you mean 'municipalities.amsterdam.caseload'?"));
    REQUIRE_THROWS_WITH(parse_text("bse = \"default\""), Contains("did you mean 'base'?"));
}

TEST_CASE("an unknown key with no close match lists the valid keys nearby", "[scenario]") {
    REQUIRE_THROWS_WITH(parse_text("[labour_market]\nunemployment_benefit_level = 3.0\n"),
                        Contains("unknown key; valid keys in 'labour_market' are 'labour_market.tightness'"));
    REQUIRE_THROWS_WITH(parse_text("completely_unrelated_setting = 3\n"),
                        Contains("valid top-level keys are ") && Contains("'cohort'"));
}

TEST_CASE("values out of range are rejected with the range and unit", "[scenario]") {
    REQUIRE_THROWS_WITH(parse_text("\n[cohort]\nsize = -5\n"),
                        Contains("inline.toml:3:1: key 'cohort.size': value -5 is out of range; allowed: "
                                 "integer from 1 to 100000000 (unit: persons)"));
    REQUIRE_THROWS_WITH(parse_text("labour_market.tightness = 1.5"),
                        Contains("key 'labour_market.tightness': value 1.5 is out of range; allowed: real from 0 "
                                 "to 1 (unit: share)"));
}

TEST_CASE("non-finite numbers are rejected", "[scenario]") {
    REQUIRE_THROWS_WITH(parse_text("labour_market.tightness = nan"),
                        Contains("key 'labour_market.tightness': value nan is not a finite number; allowed: real "
                                 "from 0 to 1 (unit: share)"));
    REQUIRE_THROWS_WITH(parse_text("labour_market.tightness = inf"), Contains("value inf is not a finite number"));
    REQUIRE_THROWS_WITH(parse_text("labour_market.tightness = -inf"), Contains("value -inf is not a finite number"));
    REQUIRE_THROWS_WITH(parse_text("cohort.size = nan"), Contains("value nan is not a finite number"));
    REQUIRE_THROWS_WITH(parse_text("policy.monthly_uptake = [0.1, nan]"),
                        Contains("element 2 of value [0.1, nan]: nan is not a finite number"));
    REQUIRE_THROWS_WITH(parse_text("policy.monthly_uptake = [inf, 0.1]"),
                        Contains("element 1 of value [inf, 0.1]: inf is not a finite number"));
}

TEST_CASE("values of the wrong type are rejected with the type given", "[scenario]") {
    REQUIRE_THROWS_WITH(parse_text("labour_market.tightness = \"abc\""),
                        Contains("key 'labour_market.tightness': value \"abc\" has the wrong type (string); "
                                 "allowed: real from 0 to 1 (unit: share)"));
    REQUIRE_THROWS_WITH(parse_text("policy.intake_enabled = 1"),
                        Contains("value 1 has the wrong type (integer); allowed: true or false"));
    REQUIRE_THROWS_WITH(parse_text("policy.label = true"), Contains("has the wrong type (boolean); allowed: text"));
    REQUIRE_THROWS_WITH(parse_text("policy.monthly_uptake = 0.5"), Contains("has the wrong type (real)"));
    REQUIRE_THROWS_WITH(parse_text("policy.monthly_uptake = [\"a\", \"b\"]"),
                        Contains("has the wrong type (list containing string)"));
    REQUIRE_THROWS_WITH(parse_text("labour_market.tightness = 1979-05-27"), Contains("has the wrong type (date)"));
}

TEST_CASE("integers are accepted for reals, whole reals for integers, fractions are not", "[scenario]") {
    const Scenario scenario = parse_text("labour_market.tightness = 1\ncohort.size = 3.0\n");
    CHECK(scenario.real("labour_market.tightness") == 1.0);
    CHECK(scenario.integer("cohort.size") == 3);
    REQUIRE_THROWS_WITH(parse_text("cohort.size = 2.5"),
                        Contains("key 'cohort.size': value 2.5 is not a whole number; allowed: integer from 1 to "
                                 "100000000 (unit: persons)"));
}

TEST_CASE("a choice outside the list names the choices", "[scenario]") {
    CHECK(parse_text("policy.language_route = \"b2\"").text("policy.language_route") == "b2");
    REQUIRE_THROWS_WITH(parse_text("policy.language_route = \"c1\""),
                        Contains("key 'policy.language_route': value \"c1\" is not one of the choices; allowed: "
                                 "one of \"a2\", \"b1\", \"b2\""));
}

TEST_CASE("real lists check their length and every element", "[scenario]") {
    CHECK(parse_text("policy.monthly_uptake = [0, 0.5, 1]").real_list("policy.monthly_uptake") ==
          std::vector<double>{0.0, 0.5, 1.0});
    REQUIRE_THROWS_WITH(parse_text("policy.monthly_uptake = [0.1, 1.5]"),
                        Contains("key 'policy.monthly_uptake': element 2 of value [0.1, 1.5]: 1.5 is out of range; "
                                 "allowed: list of 2 to 6 reals, each from 0 to 1 (unit: share)"));
    REQUIRE_THROWS_WITH(parse_text("policy.monthly_uptake = [0.1]"),
                        Contains("value [0.1] has 1 element; allowed: list of 2 to 6 reals"));
    REQUIRE_THROWS_WITH(parse_text("policy.monthly_uptake = [0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1]"),
                        Contains("has 7 elements"));
}

TEST_CASE("tables and values in each other's place are reported clearly", "[scenario]") {
    REQUIRE_THROWS_WITH(parse_text("[labour_market.tightness]\nlow = 0.1\n"),
                        Contains("key 'labour_market.tightness': a table where a value is expected; allowed: real"));
    REQUIRE_THROWS_WITH(parse_text("labour_market = 3"),
                        Contains("key 'labour_market': value 3 where a table is expected; 'labour_market' holds "
                                 "keys such as 'labour_market.tightness'"));
    REQUIRE_THROWS_WITH(parse_text("municipalities = 3"),
                        Contains("key 'municipalities': value 3 where a table is expected"));
    REQUIRE_THROWS_WITH(parse_text("[municipalities]\ncaseload = 3.0\n"),
                        Contains("key 'municipalities.caseload': value 3.0 where a table is expected; entries of "
                                 "'municipalities' are tables such as [municipalities.<name>]"));
    REQUIRE_THROWS_WITH(parse_text("base = 3"), Contains("key 'base': value 3 has the wrong type (integer)"));
    REQUIRE_THROWS_WITH(parse_text("description = 3"),
                        Contains("key 'description': value 3 has the wrong type (integer); allowed: text"));
}

TEST_CASE("collection entries merge by name across a base chain", "[scenario]") {
    const Scenario base = load_fixture("municipalities_base.toml");
    CHECK(base.entries("municipalities") == std::vector<std::string>{"amsterdam", "rotterdam"});
    CHECK_FALSE(base.has("municipalities.national.caseload"));

    const Scenario merged = load_fixture("municipalities_merge.toml");
    CHECK(merged.entries("municipalities") == std::vector<std::string>{"amsterdam", "rotterdam", "utrecht"});
    CHECK(merged.real("municipalities.amsterdam.caseload") == 40.0);  // inherited
    CHECK(merged.integer("municipalities.amsterdam.caseworkers") == 100);
    CHECK(merged.real("municipalities.amsterdam.budget_share") == 0.2);  // added on top
    CHECK(merged.real("municipalities.utrecht.caseload") == 45.0);
    CHECK(merged.integer("municipalities.utrecht.caseworkers") == 10);  // default for a new entry
}

TEST_CASE("inherit = false drops the entries of the bases", "[scenario]") {
    const Scenario own = load_fixture("municipalities_own.toml");
    CHECK(own.entries("municipalities") == std::vector<std::string>{"utrecht"});
    CHECK_FALSE(own.has("municipalities.amsterdam.caseload"));
    CHECK(own.values().size() == 13);
    // With no entries of its own, the collection falls back to its default entries.
    const Scenario emptied = parse_text("base = \"municipalities_base\"\n[municipalities]\ninherit = false\n");
    CHECK(emptied.entries("municipalities") == std::vector<std::string>{"national"});
    REQUIRE_THROWS_WITH(parse_text("[municipalities]\ninherit = \"no\"\n"),
                        Contains("key 'municipalities.inherit': value \"no\" has the wrong type (string); allowed: "
                                 "true or false"));
}

TEST_CASE("entry names are plain lower-case words", "[scenario]") {
    REQUIRE_THROWS_WITH(load_fixture("bad_entry_name.toml"),
                        Contains("bad_entry_name.toml:3:17: key 'municipalities.Den_Haag': entry name 'Den_Haag' is "
                                 "not allowed; allowed: lower-case letters, digits, '_' and '-'"));
    REQUIRE_THROWS_WITH(parse_text("[municipalities.\"den haag\"]\ncaseload = 3.0\n"),
                        Contains("entry name 'den haag' is not allowed"));
    CHECK(parse_text("[municipalities.den_haag-2]").entries("municipalities") ==
          std::vector<std::string>{"den_haag-2"});
}

TEST_CASE("overrides are validated like file values", "[scenario]") {
    const Scenario base = load_fixture("one_change.toml");
    const Scenario changed = base.with_override("cohort.size", std::int64_t{5000});
    CHECK(changed.integer("cohort.size") == 5000);
    CHECK(base.integer("cohort.size") == 1000);  // the original is untouched
    CHECK(changed.real("labour_market.tightness") == 0.7);
    CHECK(changed.name() == "one_change");

    CHECK(base.with_override("labour_market.tightness", std::int64_t{1}).real("labour_market.tightness") == 1.0);
    CHECK(base.with_override("policy.monthly_uptake", std::vector<double>{0.5, 0.6})
              .real_list("policy.monthly_uptake") == std::vector<double>{0.5, 0.6});

    REQUIRE_THROWS_WITH(base.with_override("cohort.size", std::int64_t{-5}),
                        Contains("override: key 'cohort.size': value -5 is out of range; allowed: integer from 1 to "
                                 "100000000 (unit: persons)"));
    REQUIRE_THROWS_WITH(base.with_override("labour_market.tightness", std::nan("")),
                        Contains("override: key 'labour_market.tightness': value nan is not a finite number"));
    REQUIRE_THROWS_WITH(base.with_override("labour_market.tightness", std::string("high"), "--set"),
                        Contains("--set: key 'labour_market.tightness': value \"high\" has the wrong type (string)"));
    REQUIRE_THROWS_WITH(base.with_override("labour_market.tightnes", 0.4),
                        Contains("override: key 'labour_market.tightnes': unknown key; did you mean "
                                 "'labour_market.tightness'?"));
}

TEST_CASE("an override can add a collection entry", "[scenario]") {
    const Scenario base = parse_text("");
    const Scenario added = base.with_override("municipalities.utrecht.caseload", 45.0);
    CHECK(added.entries("municipalities") == std::vector<std::string>{"national", "utrecht"});
    CHECK(added.real("municipalities.utrecht.caseload") == 45.0);
    CHECK(added.integer("municipalities.utrecht.caseworkers") == 10);
    REQUIRE_THROWS_WITH(base.with_override("municipalities.Utrecht.caseload", 45.0),
                        Contains("override: key 'municipalities.Utrecht': entry name 'Utrecht' is not allowed"));
    REQUIRE_THROWS_WITH(base.with_override("municipalities.utrecht.casload", 45.0),
                        Contains("did you mean 'municipalities.utrecht.caseload'?"));
}

TEST_CASE("accessors reject keys that are missing or of another type", "[scenario]") {
    const Scenario scenario = parse_text("");
    REQUIRE_THROWS_WITH(scenario.real("cohort.size"), Contains("key 'cohort.size' has type integer, not real"));
    REQUIRE_THROWS_WITH(scenario.integer("labour_market.tightness"), Contains("has type real, not integer"));
    REQUIRE_THROWS_WITH(scenario.text("policy.intake_enabled"), Contains("has type boolean, not text"));
    REQUIRE_THROWS_WITH(scenario.boolean("policy.label"), Contains("has type text, not boolean"));
    REQUIRE_THROWS_WITH(scenario.real_list("seed"), Contains("has type integer, not real_list"));
    REQUIRE_THROWS_WITH(scenario.real("labour_market.nothing"), Contains("key 'labour_market.nothing' is not defined"));
    REQUIRE_THROWS_WITH(scenario.entries("regions"), Contains("collection 'regions' is not defined"));
    CHECK(scenario.has("cohort.size"));
    CHECK_FALSE(scenario.has("cohort"));
}

TEST_CASE("resolved TOML reads back to exactly the same values", "[scenario]") {
    const Scenario original = parse_text(R"(base = "municipalities_merge"
description = """
Round trip with "quotes"
and a second line."""
seed = 42
labour_market.tightness = 0.1
labour_market.vacancy_rate = 0.3333333333333333
labour_market.tiny_rate = 1e-7
policy.monthly_uptake = [0.1, 0.7, 1, 2.5e-3]
policy.label = "tab\there"
[municipalities.amsterdam]
caseload = 123.456789
)");
    const std::string text = original.resolved_toml();
    CHECK_THAT(text, Contains("[labour_market]") && Contains("[municipalities.amsterdam]") &&
                         Contains("[municipalities.utrecht]") && Contains("tightness = 0.1  # share; CBS | StatLine") &&
                         Contains("tiny_rate = 1e-07") && Contains("caseload = 123.456789") &&
                         Contains("caseworkers = 10  # persons; assumed") &&
                         Contains("inline.toml -> "));
    CHECK_THAT(text, !Contains("base ="));
    // Top-level keys come before the first table so they stay top-level.
    CHECK(text.find("seed = 42") < text.find("[cohort]"));

    const Scenario again = Scenario::parse(text, "resolved.toml", fixtures(), test_catalogue());
    CHECK(again.values() == original.values());
    CHECK(again.entries("municipalities") == original.entries("municipalities"));
    CHECK(again.description() == original.description());
    CHECK(again.real("labour_market.tightness") == 0.1);
    CHECK(again.real("labour_market.tiny_rate") == 1e-7);
    // Resolving again is stable: only the header comment (name, chain) differs.
    CHECK(without_comment_lines(again.resolved_toml()) == without_comment_lines(text));

    // The same through a file, as an output file's scenario text would be read.
    const std::filesystem::path scratch = std::filesystem::path(TAALWERK_TEST_SCRATCH) / "scenario";
    std::filesystem::create_directories(scratch);
    const std::filesystem::path file = scratch / "resolved_round_trip.toml";
    std::ofstream(file) << text;
    const Scenario loaded = Scenario::load(file, test_catalogue());
    CHECK(loaded.values() == original.values());
    CHECK(loaded.name() == "resolved_round_trip");
    CHECK(loaded.base_chain().size() == 1);
}

TEST_CASE("resolved TOML keeps awkward reals exact", "[scenario]") {
    for (const double value : {0.1, 1e-7, 0.30000000000000004, 5e-324, 0.9999999999999999, 1.0, 0.0}) {
        const Scenario original = parse_text("").with_override("labour_market.tightness", value);
        const Scenario again = Scenario::parse(original.resolved_toml(), "resolved.toml", fixtures(), test_catalogue());
        CHECK(again.real("labour_market.tightness") == value);
    }
}
