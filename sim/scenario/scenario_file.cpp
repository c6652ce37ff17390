#include "scenario/scenario_file.hpp"

#include <fstream>
#include <iterator>
#include <optional>
#include <sstream>
#include <system_error>

#include "scenario/scenario.hpp"
#include "scenario/toml_node.hpp"
#include "scenario/value_text.hpp"

namespace taalwerk {

namespace {

// Reads a reserved top-level string key and removes it, so the catalogue walk never sees it.
std::optional<std::string> take_reserved_text(toml::table& table, const std::string& origin, const char* key,
                                              const char* allowed, toml::source_region& region) {
    const auto found = table.find(key);
    if (found == table.end()) return std::nullopt;
    region = found->first.source();
    const toml::node& node = found->second;
    const std::string place = place_text(origin, region);
    if (node.is_table()) {
        throw ScenarioError(place + ": key '" + key + "': a table where a value is expected; allowed: " + allowed);
    }
    const auto* text = node.as_string();
    if (text == nullptr) {
        throw ScenarioError(place + ": key '" + key + "': value " + node_text(node) + " has the wrong type (" +
                            node_type_name(node) + "); allowed: " + allowed);
    }
    std::string value = text->get();
    table.erase(found);
    return value;
}

// Bases may be named with or without their extension: "default" and "default.toml".
std::filesystem::path base_path(const std::filesystem::path& directory, const std::string& base) {
    std::filesystem::path path = directory / base;
    if (path.extension() != ".toml") path += ".toml";
    return path.lexically_normal();
}

// Two spellings of one file must count as the same link when looking for cycles.
std::filesystem::path file_identity(const std::filesystem::path& file) {
    std::error_code error;
    std::filesystem::path identity = std::filesystem::weakly_canonical(file, error);
    if (error) return std::filesystem::absolute(file).lexically_normal();
    return identity;
}

}  // namespace

ScenarioLayer parse_scenario_layer(const std::string& toml_text, const std::string& origin) {
    ScenarioLayer layer;
    layer.origin = origin;
    try {
        layer.table = toml::parse(std::string_view{toml_text}, std::string_view{origin});
    } catch (const toml::parse_error& error) {
        throw ScenarioError(place_text(origin, error.source()) + ": TOML syntax error: " +
                            std::string(error.description()));
    }
    toml::source_region description_region;
    if (auto description = take_reserved_text(layer.table, origin, "description", "text", description_region)) {
        layer.description = std::move(*description);
    }
    const char* base_allowed = "the name of another scenario file in the same folder, e.g. \"default\"";
    if (auto base = take_reserved_text(layer.table, origin, "base", base_allowed, layer.base_region)) {
        if (base->empty()) {
            throw ScenarioError(place_text(origin, layer.base_region) + ": key 'base': value \"\" is empty; allowed: " +
                                base_allowed);
        }
        layer.base = std::move(*base);
    }
    return layer;
}

ScenarioLayer read_scenario_layer(const std::filesystem::path& file) {
    std::error_code error;
    if (!std::filesystem::is_regular_file(file, error)) {
        throw ScenarioError("scenario file not found: " + file.string());
    }
    std::ifstream stream(file, std::ios::binary);
    if (!stream) throw ScenarioError("cannot read scenario file: " + file.string());
    const std::string text((std::istreambuf_iterator<char>(stream)), std::istreambuf_iterator<char>());
    return parse_scenario_layer(text, file.string());
}

std::vector<ScenarioLayer> read_base_chain(ScenarioLayer top, const std::filesystem::path& base_directory,
                                           const std::filesystem::path& top_file) {
    std::vector<std::filesystem::path> identities;
    identities.push_back(top_file.empty() ? std::filesystem::path() : file_identity(top_file));
    std::vector<ScenarioLayer> chain;
    chain.push_back(std::move(top));
    std::filesystem::path directory = base_directory;

    while (!chain.back().base.empty()) {
        const ScenarioLayer& asking = chain.back();
        const std::string place = place_text(asking.origin, asking.base_region);
        const std::filesystem::path path = base_path(directory, asking.base);
        std::error_code error;
        if (!std::filesystem::is_regular_file(path, error)) {
            throw ScenarioError(place + ": key 'base': base scenario '" + asking.base +
                                "' not found; looked for " + path.string());
        }
        const std::filesystem::path identity = file_identity(path);
        for (const std::filesystem::path& seen : identities) {
            if (seen == identity) {
                std::string links;
                for (const ScenarioLayer& layer : chain) links += layer.origin + " -> ";
                throw ScenarioError(place + ": cyclic base chain: " + links + path.string());
            }
        }
        identities.push_back(identity);
        chain.push_back(read_scenario_layer(path));
        directory = path.parent_path();
    }
    return chain;
}

}  // namespace taalwerk
