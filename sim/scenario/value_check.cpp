#include "scenario/value_check.hpp"

#include <cmath>

#include "scenario/value_text.hpp"

namespace taalwerk {

namespace {

std::string unit_suffix(const ParameterDefinition& definition) {
    if (definition.unit.empty() || definition.unit == "-") return "";
    return " (unit: " + definition.unit + ")";
}

std::string range_text(const ParameterDefinition& definition) {
    return "from " + number_text(definition.minimum) + " to " + number_text(definition.maximum);
}

bool in_range(const ParameterDefinition& definition, double value) {
    return value >= definition.minimum && value <= definition.maximum;
}

CheckedValue rejected(const ParameterDefinition& definition, const std::string& what) {
    return {ScenarioValue{}, what + "; allowed: " + allowed_text(definition)};
}

CheckedValue wrong_type(const ParameterDefinition& definition, const ScenarioValue& given) {
    return {ScenarioValue{}, wrong_type_problem(definition, value_literal(given), value_type_name(given))};
}

CheckedValue checked_real(const ParameterDefinition& definition, const ScenarioValue& given) {
    double value = 0.0;
    if (const std::int64_t* whole = std::get_if<std::int64_t>(&given)) {
        value = static_cast<double>(*whole);
    } else if (const double* real = std::get_if<double>(&given)) {
        value = *real;
    } else {
        return wrong_type(definition, given);
    }
    const std::string shown = "value " + value_literal(given);
    if (!std::isfinite(value)) return rejected(definition, shown + " is not a finite number");
    if (!in_range(definition, value)) return rejected(definition, shown + " is out of range");
    return {value, ""};
}

CheckedValue checked_integer(const ParameterDefinition& definition, const ScenarioValue& given) {
    const std::string shown = "value " + value_literal(given);
    if (const std::int64_t* whole = std::get_if<std::int64_t>(&given)) {
        if (!in_range(definition, static_cast<double>(*whole))) return rejected(definition, shown + " is out of range");
        return {*whole, ""};
    }
    const double* real = std::get_if<double>(&given);
    if (real == nullptr) return wrong_type(definition, given);
    // A real that happens to be whole (3.0) is accepted; 2.5 is not silently rounded.
    if (!std::isfinite(*real)) return rejected(definition, shown + " is not a finite number");
    if (std::trunc(*real) != *real) return rejected(definition, shown + " is not a whole number");
    // The second test keeps the conversion below defined even if a definition's bounds are huge.
    constexpr double int64_limit = 9223372036854775808.0;  // 2^63
    if (!in_range(definition, *real) || *real >= int64_limit || *real < -int64_limit) {
        return rejected(definition, shown + " is out of range");
    }
    return {static_cast<std::int64_t>(*real), ""};
}

CheckedValue checked_real_list(const ParameterDefinition& definition, const ScenarioValue& given) {
    const std::vector<double>* list = std::get_if<std::vector<double>>(&given);
    if (list == nullptr) return wrong_type(definition, given);
    const std::string shown = "value " + value_literal(given);
    if (list->size() < definition.list_min_length || list->size() > definition.list_max_length) {
        const std::string count = std::to_string(list->size()) + (list->size() == 1 ? " element" : " elements");
        return rejected(definition, shown + " has " + count);
    }
    for (std::size_t i = 0; i < list->size(); ++i) {
        const double element = (*list)[i];
        const std::string where = "element " + std::to_string(i + 1) + " of " + shown + ": " + real_literal(element);
        if (!std::isfinite(element)) return rejected(definition, where + " is not a finite number");
        if (!in_range(definition, element)) return rejected(definition, where + " is out of range");
    }
    return {*list, ""};
}

CheckedValue checked_choice(const ParameterDefinition& definition, const ScenarioValue& given) {
    const std::string* text = std::get_if<std::string>(&given);
    if (text == nullptr) return wrong_type(definition, given);
    for (const std::string& choice : definition.choices) {
        if (choice == *text) return {*text, ""};
    }
    return rejected(definition, "value " + quoted(*text) + " is not one of the choices");
}

}  // namespace

ScenarioValue default_value(const ParameterDefinition& definition) {
    switch (definition.kind) {
        case ValueKind::real: return definition.default_number;
        case ValueKind::integer: return static_cast<std::int64_t>(definition.default_number);
        case ValueKind::boolean: return definition.default_number != 0.0;
        case ValueKind::choice:
        case ValueKind::text: return definition.default_text;
        case ValueKind::real_list: return definition.default_list;
    }
    return definition.default_number;
}

std::string allowed_text(const ParameterDefinition& definition) {
    switch (definition.kind) {
        case ValueKind::real: return "real " + range_text(definition) + unit_suffix(definition);
        case ValueKind::integer: return "integer " + range_text(definition) + unit_suffix(definition);
        case ValueKind::boolean: return "true or false";
        case ValueKind::text: return "text";
        case ValueKind::choice: {
            std::string text = "one of ";
            for (std::size_t i = 0; i < definition.choices.size(); ++i) {
                if (i > 0) text += ", ";
                text += quoted(definition.choices[i]);
            }
            return text;
        }
        case ValueKind::real_list: {
            const std::string length = list_length_text(definition);
            return "list of " + length + " reals, each " + range_text(definition) + unit_suffix(definition);
        }
    }
    return "";
}

std::string wrong_type_problem(const ParameterDefinition& definition, const std::string& given_text,
                               const std::string& type_name) {
    return "value " + given_text + " has the wrong type (" + type_name + "); allowed: " + allowed_text(definition);
}

CheckedValue check_value(const ParameterDefinition& definition, const ScenarioValue& given) {
    switch (definition.kind) {
        case ValueKind::real: return checked_real(definition, given);
        case ValueKind::integer: return checked_integer(definition, given);
        case ValueKind::real_list: return checked_real_list(definition, given);
        case ValueKind::choice: return checked_choice(definition, given);
        case ValueKind::boolean:
            if (std::holds_alternative<bool>(given)) return {given, ""};
            return wrong_type(definition, given);
        case ValueKind::text:
            if (std::holds_alternative<std::string>(given)) return {given, ""};
            return wrong_type(definition, given);
    }
    return wrong_type(definition, given);
}

std::string list_length_text(const ParameterDefinition& definition) {
    if (definition.list_min_length == definition.list_max_length) return std::to_string(definition.list_min_length);
    return std::to_string(definition.list_min_length) + " to " + std::to_string(definition.list_max_length);
}

}  // namespace taalwerk
