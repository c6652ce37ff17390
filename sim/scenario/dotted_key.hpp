#pragma once
// Dotted keys ("municipalities.amsterdam.caseload") are how scenario files, the catalogue and
// messages name a value; these helpers keep their splitting and joining in one place.
#include <string>
#include <vector>

namespace taalwerk {

std::vector<std::string> split_dotted_key(const std::string& dotted_key);
std::string join_dotted_key(const std::vector<std::string>& segments, std::size_t count);

// Everything before the last dot; empty for a top-level key.
std::string parent_of(const std::string& dotted_key);
std::string last_segment(const std::string& dotted_key);

// TOML bare keys need no quotes: letters, digits, '_' and '-'.
bool is_bare_key(const std::string& segment);
// A key segment as TOML must write it: bare when possible, quoted otherwise.
std::string toml_key_segment(const std::string& segment);

// Collection entry names end up in file names and column labels, so they are kept plain.
bool is_valid_entry_name(const std::string& name);

}  // namespace taalwerk
