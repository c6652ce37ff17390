#pragma once
// Checks one given value against its definition. Files and overrides share this, so both give
// the same messages: what was given, what is wrong with it, and what is allowed.
#include <string>

#include "scenario/parameter_definition.hpp"
#include "scenario/scenario.hpp"

namespace taalwerk {

// The definition's default in its own type.
ScenarioValue default_value(const ParameterDefinition& definition);

// What a definition accepts, in words: "real from 0 to 1 (unit: share)".
std::string allowed_text(const ParameterDefinition& definition);

struct CheckedValue {
    ScenarioValue value;  // in the definition's own type (an integer given for a real becomes a double)
    std::string problem;  // empty when the value is accepted
};

CheckedValue check_value(const ParameterDefinition& definition, const ScenarioValue& given);

// "value <given_text> has the wrong type (<type_name>); allowed: ...", for values that cannot
// even be represented as a ScenarioValue (a date, a table, a list of strings).
std::string wrong_type_problem(const ParameterDefinition& definition, const std::string& given_text,
                               const std::string& type_name);

// "4" or "2 to 10": the allowed number of elements of a real_list.
std::string list_length_text(const ParameterDefinition& definition);

}  // namespace taalwerk
