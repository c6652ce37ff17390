#pragma once
// How values are written, both in messages and in resolved TOML. Reals use the shortest text
// that reads back to the same double, so a resolved scenario reproduces a run exactly.
#include <string>

#include "scenario/scenario.hpp"

namespace taalwerk {

// TOML float literal: round-trips exactly and always keeps a '.' or exponent ("2.0", "1e-07").
std::string real_literal(double value);
// A bound or count in prose: "0", "1", "100000000", "0.25".
std::string number_text(double value);
// TOML basic string with escapes: "say \"hi\"".
std::string quoted(const std::string& text);
// A value as a TOML literal: true, -5, 0.1, "abc", [0.1, 0.2].
std::string value_literal(const ScenarioValue& value);
// "boolean", "integer", "real", "string", "list".
const char* value_type_name(const ScenarioValue& value);

}  // namespace taalwerk
