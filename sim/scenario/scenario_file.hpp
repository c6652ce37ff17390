#pragma once
// Reading the files of a base chain: each file parsed, its `base` followed until a file has
// none, cycles and missing files reported. Nothing here knows the parameter catalogue.
#include <filesystem>
#include <string>
#include <vector>

#include <toml++/toml.h>

namespace taalwerk {

struct ScenarioLayer {
    std::string origin;       // the file path as given (or the origin of parsed text), for messages
    toml::table table;        // every key but the reserved `base` and `description`
    std::string description;  // free text, empty when the file has none
    std::string base;         // as written, empty when the file has no base
    toml::source_region base_region;
};

// Throws ScenarioError for TOML syntax errors and for a `base` or `description` of the wrong type.
ScenarioLayer parse_scenario_layer(const std::string& toml_text, const std::string& origin);
// Throws "scenario file not found: <path>" when the file does not exist.
ScenarioLayer read_scenario_layer(const std::filesystem::path& file);

// The top layer and all its bases, top first. The top layer's base is looked up in
// `base_directory`, each further base next to the file that names it. `top_file` is empty for
// text that came from no file.
std::vector<ScenarioLayer> read_base_chain(ScenarioLayer top, const std::filesystem::path& base_directory,
                                           const std::filesystem::path& top_file);

}  // namespace taalwerk
