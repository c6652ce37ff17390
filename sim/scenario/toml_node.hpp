#pragma once
// The bridge from toml++ nodes to scenario values and to the "file:line:column" that every
// scenario message starts with.
#include <optional>
#include <string>

#include <toml++/toml.h>

#include "scenario/scenario.hpp"

namespace taalwerk {

// "scenarios/x.toml:12:1", or just the origin when toml++ recorded no position.
std::string place_text(const std::string& origin, const toml::source_region& region);

// The node as a scenario value; nullopt for tables, dates, times and lists of anything but numbers.
std::optional<ScenarioValue> scenario_value_of(const toml::node& node);

// The node as it would be written: 3, "abc", [1, "x"], 1979-05-27.
std::string node_text(const toml::node& node);

// "string", "integer", "real", "boolean", "list", "list containing string", "table", "date", ...
std::string node_type_name(const toml::node& node);

}  // namespace taalwerk
