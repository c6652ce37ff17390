#include "scenario/scenario_builder.hpp"

#include <utility>

#include "scenario/dotted_key.hpp"
#include "scenario/toml_node.hpp"
#include "scenario/value_check.hpp"

namespace taalwerk {

namespace {

// The collection's own table may say `inherit = false` to drop the entries of its bases.
constexpr const char* inherit_key = "inherit";

std::string joined(const std::string& prefix, const std::string& segment) {
    return prefix.empty() ? segment : prefix + "." + segment;
}

std::string key_text(const std::string& place, const std::string& concrete_key) {
    return place + ": key '" + concrete_key + "': ";
}

const ParameterCatalogue& catalogue_of(const Scenario& scenario, const ParameterCatalogue* catalogue) {
    if (catalogue == nullptr) {
        throw ScenarioError("scenario '" + scenario.name() + "' has no parameter catalogue; load or parse it first");
    }
    return *catalogue;
}

}  // namespace

ScenarioBuilder::ScenarioBuilder(const ParameterCatalogue& catalogue) : catalogue_(&catalogue), schema_(catalogue) {
    for (const ParameterDefinition& definition : catalogue.parameters) {
        if (schema_.collection_of(definition) == nullptr) values_[definition.key] = default_value(definition);
    }
    for (const CollectionShape& collection : schema_.collections()) entries_[collection.name];
}

ScenarioBuilder::ScenarioBuilder(const Scenario& resolved)
    : catalogue_(&catalogue_of(resolved, resolved.catalogue_)), schema_(*catalogue_), values_(resolved.values_) {
    for (const auto& [collection, names] : resolved.entries_) {
        entries_[collection].insert(names.begin(), names.end());
    }
}

void ScenarioBuilder::apply_layer(const ScenarioLayer& layer) { walk_table(layer.table, "", "", layer.origin); }

void ScenarioBuilder::walk_table(const toml::table& table, const std::string& concrete_prefix,
                                 const std::string& pattern_prefix, const std::string& origin) {
    for (const auto& [key, node] : table) {
        const std::string segment(key.str());
        const std::string concrete_key = joined(concrete_prefix, segment);
        const std::string pattern = joined(pattern_prefix, segment);
        const std::string place = place_text(origin, key.source());
        switch (schema_.role_of(pattern)) {
            case KeyRole::parameter:
                assign(*schema_.parameter(pattern), concrete_key, node, place);
                break;
            case KeyRole::section:
                if (!node.is_table()) {
                    throw ScenarioError(key_text(place, concrete_key) + "value " + node_text(node) +
                                        " where a table is expected; '" + concrete_key + "' holds keys such as '" +
                                        schema_.example_key(pattern) + "'");
                }
                walk_table(*node.as_table(), concrete_key, pattern, origin);
                break;
            case KeyRole::collection:
                if (!node.is_table()) {
                    throw ScenarioError(key_text(place, concrete_key) + "value " + node_text(node) +
                                        " where a table is expected; '" + concrete_key +
                                        "' holds entries written as [" + concrete_key + ".<name>]");
                }
                walk_collection(*node.as_table(), *schema_.collection(pattern), origin);
                break;
            case KeyRole::unknown:
                reject_unknown(node, concrete_key, place, origin);
        }
    }
}

void ScenarioBuilder::walk_collection(const toml::table& table, const CollectionShape& collection,
                                      const std::string& origin) {
    // `inherit` first: this file's own entries come after the inherited ones are dropped.
    if (const auto inherit = table.find(inherit_key); inherit != table.end()) {
        const std::string place = place_text(origin, inherit->first.source());
        const std::string concrete_key = collection.name + "." + inherit_key;
        const std::string allowed = "; allowed: true or false (false drops the entries of the base scenarios)";
        if (inherit->second.is_table()) {
            throw ScenarioError(key_text(place, concrete_key) + "a table where a value is expected" + allowed);
        }
        const auto* flag = inherit->second.as_boolean();
        if (flag == nullptr) {
            throw ScenarioError(key_text(place, concrete_key) + "value " + node_text(inherit->second) +
                                " has the wrong type (" + node_type_name(inherit->second) + ")" + allowed);
        }
        if (!flag->get()) drop_entries(collection);
    }
    for (const auto& [key, node] : table) {
        const std::string entry(key.str());
        if (entry == inherit_key) continue;
        const std::string concrete_key = collection.name + "." + entry;
        const std::string place = place_text(origin, key.source());
        if (!node.is_table()) {
            const std::string field = collection.fields.empty() ? std::string("<key>")
                                                                : last_segment(collection.fields.front()->key);
            throw ScenarioError(key_text(place, concrete_key) + "value " + node_text(node) +
                                " where a table is expected; entries of '" + collection.name +
                                "' are tables such as [" + collection.name + ".<name>] holding '" + field +
                                " = ...'");
        }
        add_entry(collection, entry, place);
        walk_table(*node.as_table(), concrete_key, collection.name + ".*", origin);
    }
}

void ScenarioBuilder::reject_unknown(const toml::node& node, const std::string& concrete_key,
                                     const std::string& place, const std::string& origin) const {
    // A misspelt table ([labor_market]) is reported at its first key, so the suggestion can be
    // a full key ("labour_market.tightness") rather than a bare section name.
    const toml::node* reported = &node;
    std::string reported_key = concrete_key;
    std::string reported_place = place;
    while (reported->is_table() && !reported->as_table()->empty()) {
        const auto first = reported->as_table()->begin();
        reported_key.append(".").append(first->first.str());
        reported_place = place_text(origin, first->first.source());
        reported = &first->second;
    }
    throw ScenarioError(key_text(reported_place, reported_key) + schema_.unknown_key_problem(reported_key));
}

void ScenarioBuilder::assign(const ParameterDefinition& definition, const std::string& concrete_key,
                             const toml::node& node, const std::string& place) {
    if (node.is_table()) {
        throw ScenarioError(key_text(place, concrete_key) + "a table where a value is expected; allowed: " +
                            allowed_text(definition));
    }
    const std::optional<ScenarioValue> given = scenario_value_of(node);
    if (!given) {
        throw ScenarioError(key_text(place, concrete_key) +
                            wrong_type_problem(definition, node_text(node), node_type_name(node)));
    }
    store(definition, concrete_key, *given, place);
}

void ScenarioBuilder::store(const ParameterDefinition& definition, const std::string& concrete_key,
                            const ScenarioValue& given, const std::string& place) {
    CheckedValue checked = check_value(definition, given);
    if (!checked.problem.empty()) throw ScenarioError(key_text(place, concrete_key) + checked.problem);
    values_[concrete_key] = std::move(checked.value);
}

void ScenarioBuilder::add_entry(const CollectionShape& collection, const std::string& entry,
                                const std::string& place) {
    if (!is_valid_entry_name(entry)) {
        throw ScenarioError(key_text(place, collection.name + "." + entry) + "entry name '" + entry +
                            "' is not allowed; allowed: lower-case letters, digits, '_' and '-'");
    }
    if (!entries_[collection.name].insert(entry).second) return;  // merged by name: keep inherited values
    for (const ParameterDefinition* field : collection.fields) {
        values_[collection.entry_key(*field, entry)] = default_value(*field);
    }
}

void ScenarioBuilder::drop_entries(const CollectionShape& collection) {
    for (const std::string& entry : entries_[collection.name]) {
        for (const ParameterDefinition* field : collection.fields) values_.erase(collection.entry_key(*field, entry));
    }
    entries_[collection.name].clear();
}

void ScenarioBuilder::apply_override(const std::string& dotted_key, const ScenarioValue& value,
                                     const std::string& origin) {
    const ParameterDefinition* definition = catalogue_->find(dotted_key);
    if (definition == nullptr) {
        throw ScenarioError(key_text(origin, dotted_key) + schema_.unknown_key_problem(dotted_key));
    }
    if (const CollectionShape* collection = schema_.collection_of(*definition)) {
        // The entry name sits where the definition has its `*`.
        const std::size_t entry_index = split_dotted_key(collection->name).size();
        add_entry(*collection, split_dotted_key(dotted_key)[entry_index], origin);
    }
    store(*definition, dotted_key, value, origin);
}

Scenario ScenarioBuilder::finish(std::string name, std::vector<std::string> base_chain, std::string description) {
    for (const CollectionShape& collection : schema_.collections()) {
        // Also after `inherit = false` with no entries of its own: an empty collection has no use.
        if (entries_[collection.name].empty()) {
            for (const std::string& entry : collection.default_entries) add_entry(collection, entry, "catalogue");
        }
    }
    Scenario scenario;
    scenario.name_ = std::move(name);
    scenario.base_chain_ = std::move(base_chain);
    scenario.description_ = std::move(description);
    scenario.catalogue_ = catalogue_;
    scenario.values_ = values_;
    for (const auto& [collection, names] : entries_) {
        scenario.entries_[collection] = std::vector<std::string>(names.begin(), names.end());
    }
    return scenario;
}

}  // namespace taalwerk
