// Parameter definitions: lookup with collection patterns, the generated docs/parameters.md, and
// the edit distance behind "did you mean".
#include <catch2/catch.hpp>

#include <string>

#include "scenario/levenshtein.hpp"
#include "scenario/parameter_definition.hpp"

using Catch::Matchers::Contains;
using taalwerk::ParameterCatalogue;

namespace {

ParameterCatalogue small_catalogue() {
    ParameterCatalogue catalogue;
    catalogue.parameters = {
        taalwerk::real_parameter("labour_market.tightness", 0.5, 0.0, 1.0, "share", "CBS | StatLine 2023",
                                 "Vacancies per job seeker."),
        taalwerk::integer_parameter("cohort.size", 1000, 1, 100000000, "persons", "assumed", "Persons simulated."),
        taalwerk::choice_parameter("policy.route", "b1", {"a2", "b1"}, "assumed", "Target level."),
        taalwerk::real_list_parameter("policy.uptake", {0.1, 0.2}, 0.0, 1.0, 2, 2, "share", "assumed",
                                      "Uptake in month 1 and 2."),
        taalwerk::real_parameter("municipalities.*.caseload", 50.0, 1.0, 500.0, "persons", "assumed",
                                 "Clients per caseworker."),
        taalwerk::real_parameter("municipalities.national.caseload", 40.0, 1.0, 500.0, "persons", "assumed",
                                 "A specific definition beside the pattern."),
    };
    catalogue.collections = {{"municipalities", {"national"}, "Municipalities that run the programme."}};
    return catalogue;
}

}  // namespace

TEST_CASE("builders fill kind, range and default", "[scenario]") {
    const taalwerk::ParameterDefinition size =
        taalwerk::integer_parameter("cohort.size", 1000, 1, 5000, "persons", "assumed", "Persons.");
    CHECK(size.kind == taalwerk::ValueKind::integer);
    CHECK(size.default_number == 1000.0);
    CHECK(size.minimum == 1.0);
    CHECK(size.maximum == 5000.0);
    CHECK(taalwerk::boolean_parameter("x.on", true, "assumed", "On.").default_number == 1.0);
    CHECK(taalwerk::text_parameter("x.label", "a", "assumed", "Label.").default_text == "a");
    CHECK(std::string(taalwerk::to_string(taalwerk::ValueKind::real_list)) == "real_list");
    CHECK(std::string(taalwerk::to_string(taalwerk::ValueKind::choice)) == "choice");
}

TEST_CASE("catalogue lookup matches entry names against * and prefers exact keys", "[scenario]") {
    const ParameterCatalogue catalogue = small_catalogue();
    REQUIRE(catalogue.find("labour_market.tightness") != nullptr);
    CHECK(catalogue.find("labour_market.tightness")->unit == "share");
    REQUIRE(catalogue.find("municipalities.amsterdam.caseload") != nullptr);
    CHECK(catalogue.find("municipalities.amsterdam.caseload")->key == "municipalities.*.caseload");
    CHECK(catalogue.find("municipalities.national.caseload")->key == "municipalities.national.caseload");
    CHECK(catalogue.find("municipalities.amsterdam") == nullptr);
    CHECK(catalogue.find("municipalities.amsterdam.caseload.extra") == nullptr);
    CHECK(catalogue.find("labour_market") == nullptr);
    REQUIRE(catalogue.find_collection("municipalities") != nullptr);
    CHECK(catalogue.find_collection("municipalities")->default_entries == std::vector<std::string>{"national"});
    CHECK(catalogue.find_collection("regions") == nullptr);
}

TEST_CASE("parameters_markdown has one table per section and escapes cells", "[scenario]") {
    const std::string markdown = taalwerk::parameters_markdown(small_catalogue());
    CHECK(markdown.rfind("# Parameters\n", 0) == 0);
    CHECK_THAT(markdown, Contains("`taalwerk params`"));
    CHECK_THAT(markdown, Contains("## labour_market") && Contains("## cohort") && Contains("## policy") &&
                             Contains("## municipalities"));
    CHECK_THAT(markdown, Contains("| key | type | unit | default | range / choices | source | description |"));
    CHECK_THAT(markdown, Contains("| `labour_market.tightness` | real | share | 0.5 | 0 to 1 | CBS \\| StatLine 2023 | "
                                  "Vacancies per job seeker. |"));
    CHECK_THAT(markdown, Contains("| `cohort.size` | integer | persons | 1000 | 1 to 100000000 |"));
    CHECK_THAT(markdown, Contains("| \"b1\" | \"a2\", \"b1\" |"));
    CHECK_THAT(markdown, Contains("| [0.1, 0.2] | 2 values, each 0 to 1 |"));
    CHECK_THAT(markdown, Contains("Collection `municipalities`: Municipalities that run the programme. ") &&
                             Contains("`national`"));
    // Sections in the order the catalogue first mentions them.
    CHECK(markdown.find("## labour_market") < markdown.find("## cohort"));
    CHECK(markdown.find("## cohort") < markdown.find("## policy"));
}

TEST_CASE("edit distance and close matches", "[scenario]") {
    CHECK(taalwerk::levenshtein_distance("", "") == 0);
    CHECK(taalwerk::levenshtein_distance("abc", "") == 3);
    CHECK(taalwerk::levenshtein_distance("kitten", "sitting") == 3);
    CHECK(taalwerk::levenshtein_distance("tightnes", "tightness") == 1);
    const std::vector<std::string> keys = {"labour_market.tightness", "labour_market.vacancy_rate", "cohort.size"};
    CHECK(taalwerk::closest_match("labour_market.tightnes", keys) == std::optional<std::string>("labour_market.tightness"));
    CHECK(taalwerk::closest_match("cohort.sise", keys) == std::optional<std::string>("cohort.size"));
    CHECK_FALSE(taalwerk::closest_match("something_else_entirely", keys).has_value());
}
