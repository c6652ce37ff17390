// Scenario::resolved_toml: the scenario written out in full, so an output file carries exactly
// the values a run used and the text can be read back without its base files.
#include <algorithm>
#include <sstream>

#include "scenario/dotted_key.hpp"
#include "scenario/scenario.hpp"
#include "scenario/scenario_schema.hpp"
#include "scenario/value_text.hpp"

namespace taalwerk {

namespace {

std::string one_line(std::string text) {
    for (char& c : text) {
        if (c == '\n' || c == '\r') c = ' ';
    }
    return text;
}

// "# share; CBS StatLine 2023"
std::string provenance_comment(const ParameterDefinition& definition) {
    std::string comment = "# " + (definition.unit.empty() ? std::string("-") : definition.unit);
    if (!definition.source.empty()) comment += "; " + definition.source;
    return one_line(comment);
}

std::string table_header(const std::string& dotted_key) {
    std::string header;
    for (const std::string& segment : split_dotted_key(dotted_key)) {
        if (!header.empty()) header += '.';
        header += toml_key_segment(segment);
    }
    return "[" + header + "]";
}

// Definitions grouped by the table they are written in, groups in catalogue order.
struct TableGroup {
    std::string parent;  // "labour_market", "municipalities.*", or "" for top-level keys
    std::vector<const ParameterDefinition*> definitions;
};

std::vector<TableGroup> groups_in_catalogue_order(const ParameterCatalogue& catalogue) {
    std::vector<TableGroup> groups{TableGroup{"", {}}};  // top-level keys must precede every table
    for (const ParameterDefinition& definition : catalogue.parameters) {
        const std::string parent = parent_of(definition.key);
        TableGroup* group = nullptr;
        for (TableGroup& known : groups) {
            if (known.parent == parent) group = &known;
        }
        if (group == nullptr) group = &groups.emplace_back(TableGroup{parent, {}});
        group->definitions.push_back(&definition);
    }
    return groups;
}

}  // namespace

std::string Scenario::resolved_toml() const {
    std::ostringstream out;
    out << "# Scenario '" << one_line(name_) << "', fully resolved: every parameter, defaults filled in.\n";
    std::string chain;
    for (const std::string& file : base_chain_) chain += (chain.empty() ? "" : " -> ") + file;
    out << "# Resolved from: " << one_line(chain.empty() ? name_ : chain) << "\n";
    out << "# Each value is followed by its unit and source.\n";
    if (!description_.empty()) out << "description = " << quoted(description_) << "\n";
    if (catalogue_ == nullptr) return out.str();

    const auto write_keys = [&](const TableGroup& group, const std::string& concrete_parent) {
        for (const ParameterDefinition* definition : group.definitions) {
            const std::string key = concrete_parent.empty() ? last_segment(definition->key)
                                                            : concrete_parent + "." + last_segment(definition->key);
            const auto value = values_.find(key);
            if (value == values_.end()) continue;
            out << toml_key_segment(last_segment(definition->key)) << " = " << value_literal(value->second) << "  "
                << provenance_comment(*definition) << "\n";
        }
    };

    const ScenarioSchema schema(*catalogue_);
    for (const TableGroup& group : groups_in_catalogue_order(*catalogue_)) {
        if (group.parent.empty()) {
            write_keys(group, "");
            continue;
        }
        std::vector<std::string> segments = split_dotted_key(group.parent);
        const auto star = std::find(segments.begin(), segments.end(), "*");
        if (star == segments.end()) {
            out << "\n" << table_header(group.parent) << "\n";
            write_keys(group, group.parent);
            continue;
        }
        // One table per entry of the collection: [municipalities.amsterdam], ...
        const std::string collection = join_dotted_key(segments, static_cast<std::size_t>(star - segments.begin()));
        const auto names = entries_.find(collection);
        if (names == entries_.end()) continue;
        for (const std::string& entry : names->second) {
            *star = entry;
            const std::string concrete_parent = join_dotted_key(segments, segments.size());
            out << "\n" << table_header(concrete_parent) << "\n";
            write_keys(group, concrete_parent);
        }
    }
    // Entries of collections without fields still have to be named to survive a round trip.
    for (const CollectionShape& collection : schema.collections()) {
        if (!collection.fields.empty()) continue;
        for (const std::string& entry : entries(collection.name)) {
            out << "\n" << table_header(collection.name + "." + entry) << "\n";
        }
    }
    return out.str();
}

}  // namespace taalwerk
