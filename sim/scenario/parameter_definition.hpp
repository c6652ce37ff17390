#pragma once
// A parameter is data with provenance: every value the model reads is declared once here,
// with unit, default, allowed range and source. The scenario schema, the validation messages
// and docs/parameters.md are all generated from these definitions.
#include <cstdint>
#include <string>
#include <vector>

namespace taalwerk {

enum class ValueKind { real, integer, boolean, choice, real_list, text };

const char* to_string(ValueKind kind);

struct ParameterDefinition {
    // Dotted path as written in a scenario file ("labour_market.vacancy_rate").
    // A segment "*" matches the name of any entry of a collection ("municipalities.*.caseload").
    std::string key;
    ValueKind kind = ValueKind::real;
    std::string unit;                  // "share", "persons", "months", "EUR per month", "-" ...
    double default_number = 0.0;       // real, integer, boolean (0 or 1)
    std::string default_text;          // choice, text
    std::vector<double> default_list;  // real_list
    double minimum = 0.0;              // real, integer, and each element of a real_list
    double maximum = 0.0;
    std::vector<std::string> choices;  // choice
    std::size_t list_min_length = 1;   // real_list
    std::size_t list_max_length = 100000;
    std::string source;                // "model-brief: §3 (004)", a citation, or "assumed"
    std::string description;
};

// A collection is a table of named entries that all follow the "<collection>.*.<field>" keys,
// e.g. municipalities or regions. Entries named anywhere in a base chain are merged by name;
// `inherit = false` in the collection's own table drops the entries inherited from bases.
struct CollectionDefinition {
    std::string name;                         // "municipalities"
    // Used when the chain leaves the collection empty: no file names an entry, or the top-most
    // `inherit = false` comes with no entries of its own.
    std::vector<std::string> default_entries;
    std::string description;
};

struct ParameterCatalogue {
    std::vector<ParameterDefinition> parameters;
    std::vector<CollectionDefinition> collections;

    // nullptr when no definition matches; `*` segments match any entry name.
    const ParameterDefinition* find(const std::string& dotted_key) const;
    const CollectionDefinition* find_collection(const std::string& name) const;
};

// Builders that keep the catalogue files readable.
ParameterDefinition real_parameter(std::string key, double default_value, double minimum, double maximum,
                                   std::string unit, std::string source, std::string description);
ParameterDefinition integer_parameter(std::string key, std::int64_t default_value, std::int64_t minimum,
                                      std::int64_t maximum, std::string unit, std::string source,
                                      std::string description);
ParameterDefinition boolean_parameter(std::string key, bool default_value, std::string source,
                                      std::string description);
ParameterDefinition choice_parameter(std::string key, std::string default_value, std::vector<std::string> choices,
                                     std::string source, std::string description);
ParameterDefinition real_list_parameter(std::string key, std::vector<double> default_value, double minimum,
                                        double maximum, std::size_t min_length, std::size_t max_length,
                                        std::string unit, std::string source, std::string description);
ParameterDefinition text_parameter(std::string key, std::string default_value, std::string source,
                                   std::string description);

// The model's full catalogue (sim/model/parameter_catalogue.cpp).
const ParameterCatalogue& model_catalogue();

// docs/parameters.md, generated from a catalogue.
std::string parameters_markdown(const ParameterCatalogue& catalogue);

}  // namespace taalwerk
