#include "scenario/toml_node.hpp"

#include <sstream>

#include "scenario/value_text.hpp"

namespace taalwerk {

namespace {

const char* basic_type_name(toml::node_type type) {
    switch (type) {
        case toml::node_type::string: return "string";
        case toml::node_type::integer: return "integer";
        case toml::node_type::floating_point: return "real";
        case toml::node_type::boolean: return "boolean";
        case toml::node_type::array: return "list";
        case toml::node_type::table: return "table";
        case toml::node_type::date: return "date";
        case toml::node_type::time: return "time";
        case toml::node_type::date_time: return "date-time";
        case toml::node_type::none: break;
    }
    return "nothing";
}

bool is_number(const toml::node& node) { return node.is_integer() || node.is_floating_point(); }

}  // namespace

std::string place_text(const std::string& origin, const toml::source_region& region) {
    if (region.begin.line == 0) return origin;
    return origin + ":" + std::to_string(region.begin.line) + ":" + std::to_string(region.begin.column);
}

std::optional<ScenarioValue> scenario_value_of(const toml::node& node) {
    if (const auto* flag = node.as_boolean()) return ScenarioValue{flag->get()};
    if (const auto* whole = node.as_integer()) return ScenarioValue{whole->get()};
    if (const auto* real = node.as_floating_point()) return ScenarioValue{real->get()};
    if (const auto* text = node.as_string()) return ScenarioValue{text->get()};
    if (const auto* array = node.as_array()) {
        std::vector<double> list;
        list.reserve(array->size());
        for (const toml::node& element : *array) {
            if (const auto* whole = element.as_integer()) {
                list.push_back(static_cast<double>(whole->get()));
            } else if (const auto* real = element.as_floating_point()) {
                list.push_back(real->get());
            } else {
                return std::nullopt;
            }
        }
        return ScenarioValue{std::move(list)};
    }
    return std::nullopt;
}

std::string node_text(const toml::node& node) {
    // Lists element by element, so integers in them are shown as written, not as reals.
    if (const auto* array = node.as_array()) {
        std::string text = "[";
        for (const toml::node& element : *array) text += (text.size() > 1 ? ", " : "") + node_text(element);
        return text + "]";
    }
    if (const std::optional<ScenarioValue> value = scenario_value_of(node)) return value_literal(*value);
    std::ostringstream text;
    node.visit([&text](const auto& concrete) { text << concrete; });
    return text.str();
}

std::string node_type_name(const toml::node& node) {
    if (const auto* array = node.as_array()) {
        for (const toml::node& element : *array) {
            if (!is_number(element)) return std::string("list containing ") + basic_type_name(element.type());
        }
    }
    return basic_type_name(node.type());
}

}  // namespace taalwerk
