#include "scenario/parameter_definition.hpp"

#include <utility>

#include "scenario/dotted_key.hpp"

namespace taalwerk {

const char* to_string(ValueKind kind) {
    switch (kind) {
        case ValueKind::real: return "real";
        case ValueKind::integer: return "integer";
        case ValueKind::boolean: return "boolean";
        case ValueKind::choice: return "choice";
        case ValueKind::real_list: return "real_list";
        case ValueKind::text: return "text";
    }
    return "unknown";
}

namespace {

// A `*` segment of the pattern matches any one segment of the key.
bool pattern_matches(const std::string& pattern, const std::string& dotted_key) {
    const std::vector<std::string> pattern_segments = split_dotted_key(pattern);
    const std::vector<std::string> key_segments = split_dotted_key(dotted_key);
    if (pattern_segments.size() != key_segments.size()) return false;
    for (std::size_t i = 0; i < pattern_segments.size(); ++i) {
        if (pattern_segments[i] != "*" && pattern_segments[i] != key_segments[i]) return false;
    }
    return true;
}

ParameterDefinition described(std::string key, ValueKind kind, std::string unit, std::string source,
                              std::string description) {
    ParameterDefinition definition;
    definition.key = std::move(key);
    definition.kind = kind;
    definition.unit = std::move(unit);
    definition.source = std::move(source);
    definition.description = std::move(description);
    return definition;
}

}  // namespace

const ParameterDefinition* ParameterCatalogue::find(const std::string& dotted_key) const {
    // Exact keys win, so a specific definition can sit beside a pattern that would also match.
    for (const ParameterDefinition& definition : parameters) {
        if (definition.key == dotted_key) return &definition;
    }
    for (const ParameterDefinition& definition : parameters) {
        if (pattern_matches(definition.key, dotted_key)) return &definition;
    }
    return nullptr;
}

const CollectionDefinition* ParameterCatalogue::find_collection(const std::string& name) const {
    for (const CollectionDefinition& collection : collections) {
        if (collection.name == name) return &collection;
    }
    return nullptr;
}

ParameterDefinition real_parameter(std::string key, double default_value, double minimum, double maximum,
                                   std::string unit, std::string source, std::string description) {
    ParameterDefinition definition =
        described(std::move(key), ValueKind::real, std::move(unit), std::move(source), std::move(description));
    definition.default_number = default_value;
    definition.minimum = minimum;
    definition.maximum = maximum;
    return definition;
}

ParameterDefinition integer_parameter(std::string key, std::int64_t default_value, std::int64_t minimum,
                                      std::int64_t maximum, std::string unit, std::string source,
                                      std::string description) {
    ParameterDefinition definition = described(std::move(key), ValueKind::integer, std::move(unit),
                                               std::move(source), std::move(description));
    definition.default_number = static_cast<double>(default_value);
    definition.minimum = static_cast<double>(minimum);
    definition.maximum = static_cast<double>(maximum);
    return definition;
}

ParameterDefinition boolean_parameter(std::string key, bool default_value, std::string source,
                                      std::string description) {
    ParameterDefinition definition =
        described(std::move(key), ValueKind::boolean, "-", std::move(source), std::move(description));
    definition.default_number = default_value ? 1.0 : 0.0;
    definition.minimum = 0.0;
    definition.maximum = 1.0;
    return definition;
}

ParameterDefinition choice_parameter(std::string key, std::string default_value, std::vector<std::string> choices,
                                     std::string source, std::string description) {
    ParameterDefinition definition =
        described(std::move(key), ValueKind::choice, "-", std::move(source), std::move(description));
    definition.default_text = std::move(default_value);
    definition.choices = std::move(choices);
    return definition;
}

ParameterDefinition real_list_parameter(std::string key, std::vector<double> default_value, double minimum,
                                        double maximum, std::size_t min_length, std::size_t max_length,
                                        std::string unit, std::string source, std::string description) {
    ParameterDefinition definition = described(std::move(key), ValueKind::real_list, std::move(unit),
                                               std::move(source), std::move(description));
    definition.default_list = std::move(default_value);
    definition.minimum = minimum;
    definition.maximum = maximum;
    definition.list_min_length = min_length;
    definition.list_max_length = max_length;
    return definition;
}

ParameterDefinition text_parameter(std::string key, std::string default_value, std::string source,
                                   std::string description) {
    ParameterDefinition definition =
        described(std::move(key), ValueKind::text, "-", std::move(source), std::move(description));
    definition.default_text = std::move(default_value);
    return definition;
}

}  // namespace taalwerk
