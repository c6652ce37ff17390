#include "scenario/scenario.hpp"

#include <utility>

#include "scenario/scenario_builder.hpp"
#include "scenario/scenario_file.hpp"

namespace taalwerk {

namespace {

Scenario resolve_chain(std::vector<ScenarioLayer> chain, std::string name, const ParameterCatalogue& catalogue) {
    ScenarioBuilder builder(catalogue);
    std::vector<std::string> base_chain;
    for (const ScenarioLayer& layer : chain) base_chain.push_back(layer.origin);
    // Deepest base first, so each file overrides only what it names.
    for (auto layer = chain.rbegin(); layer != chain.rend(); ++layer) builder.apply_layer(*layer);
    std::string description = chain.front().description;
    return builder.finish(std::move(name), std::move(base_chain), std::move(description));
}

// The name a stored value's type goes by in messages, matching ValueKind's names.
const char* stored_kind(const ScenarioValue& value) {
    switch (value.index()) {
        case 0: return "boolean";
        case 1: return "integer";
        case 2: return "real";
        case 3: return "text";
        default: return "real_list";
    }
}

template <typename Stored>
const Stored& typed_value(const Scenario& scenario, const std::string& key, const char* wanted) {
    const auto found = scenario.values().find(key);
    if (found == scenario.values().end()) {
        throw ScenarioError("scenario '" + scenario.name() + "': key '" + key + "' is not defined");
    }
    const Stored* value = std::get_if<Stored>(&found->second);
    if (value == nullptr) {
        throw ScenarioError("scenario '" + scenario.name() + "': key '" + key + "' has type " +
                            stored_kind(found->second) + ", not " + wanted);
    }
    return *value;
}

}  // namespace

Scenario Scenario::load(const std::filesystem::path& file, const ParameterCatalogue& catalogue) {
    ScenarioLayer top = read_scenario_layer(file);
    std::vector<ScenarioLayer> chain = read_base_chain(std::move(top), file.parent_path(), file);
    return resolve_chain(std::move(chain), file.stem().string(), catalogue);
}

Scenario Scenario::parse(const std::string& toml_text, const std::string& origin,
                         const std::filesystem::path& base_directory, const ParameterCatalogue& catalogue) {
    ScenarioLayer top = parse_scenario_layer(toml_text, origin);
    std::vector<ScenarioLayer> chain = read_base_chain(std::move(top), base_directory, {});
    return resolve_chain(std::move(chain), origin, catalogue);
}

Scenario Scenario::with_override(const std::string& dotted_key, const ScenarioValue& value,
                                 const std::string& origin) const {
    ScenarioBuilder builder(*this);
    builder.apply_override(dotted_key, value, origin);
    return builder.finish(name_, base_chain_, description_);
}

double Scenario::real(const std::string& key) const { return typed_value<double>(*this, key, "real"); }

std::int64_t Scenario::integer(const std::string& key) const {
    return typed_value<std::int64_t>(*this, key, "integer");
}

bool Scenario::boolean(const std::string& key) const { return typed_value<bool>(*this, key, "boolean"); }

const std::string& Scenario::text(const std::string& key) const {
    return typed_value<std::string>(*this, key, "text");
}

const std::vector<double>& Scenario::real_list(const std::string& key) const {
    return typed_value<std::vector<double>>(*this, key, "real_list");
}

bool Scenario::has(const std::string& key) const { return values_.count(key) > 0; }

std::vector<std::string> Scenario::entries(const std::string& collection) const {
    const auto found = entries_.find(collection);
    if (found == entries_.end()) {
        throw ScenarioError("scenario '" + name_ + "': collection '" + collection + "' is not defined");
    }
    return found->second;
}

}  // namespace taalwerk
