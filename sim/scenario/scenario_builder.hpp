#pragma once
// Builds a Scenario: starts from the catalogue's defaults, applies the files of a base chain
// from the deepest base up (each file overriding only what it names), checks every key and
// value on the way, and finally gives empty collections their default entries.
#include <map>
#include <set>
#include <string>
#include <vector>

#include <toml++/toml.h>

#include "scenario/scenario.hpp"
#include "scenario/scenario_file.hpp"
#include "scenario/scenario_schema.hpp"

namespace taalwerk {

class ScenarioBuilder {
public:
    explicit ScenarioBuilder(const ParameterCatalogue& catalogue);
    // Continues from a resolved scenario, for overrides.
    explicit ScenarioBuilder(const Scenario& resolved);

    void apply_layer(const ScenarioLayer& layer);
    void apply_override(const std::string& dotted_key, const ScenarioValue& value, const std::string& origin);

    Scenario finish(std::string name, std::vector<std::string> base_chain, std::string description);

private:
    // `pattern_prefix` is `concrete_prefix` with entry names replaced by `*`.
    void walk_table(const toml::table& table, const std::string& concrete_prefix, const std::string& pattern_prefix,
                    const std::string& origin);
    void walk_collection(const toml::table& table, const CollectionShape& collection, const std::string& origin);
    [[noreturn]] void reject_unknown(const toml::node& node, const std::string& concrete_key,
                                     const std::string& place, const std::string& origin) const;
    void assign(const ParameterDefinition& definition, const std::string& concrete_key, const toml::node& node,
                const std::string& place);
    void store(const ParameterDefinition& definition, const std::string& concrete_key, const ScenarioValue& given,
               const std::string& place);
    void add_entry(const CollectionShape& collection, const std::string& entry, const std::string& place);
    void drop_entries(const CollectionShape& collection);

    const ParameterCatalogue* catalogue_;
    ScenarioSchema schema_;
    std::map<std::string, ScenarioValue> values_;
    std::map<std::string, std::set<std::string>> entries_;
};

}  // namespace taalwerk
