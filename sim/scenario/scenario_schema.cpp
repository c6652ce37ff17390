#include "scenario/scenario_schema.hpp"

#include <algorithm>

#include "scenario/dotted_key.hpp"
#include "scenario/levenshtein.hpp"

namespace taalwerk {

namespace {

// The reserved top-level keys a file may hold besides parameters.
const std::vector<std::string> reserved_keys = {"base", "description"};

constexpr std::size_t keys_listed = 8;

std::string quoted_list(const std::vector<std::string>& keys) {
    std::string text;
    const std::size_t shown = std::min(keys.size(), keys_listed);
    for (std::size_t i = 0; i < shown; ++i) {
        if (i > 0) text += ", ";
        text += "'" + keys[i] + "'";
    }
    if (keys.size() > shown) text += " and " + std::to_string(keys.size() - shown) + " more";
    return text;
}

}  // namespace

std::string CollectionShape::entry_key(const ParameterDefinition& field, const std::string& entry) const {
    // field.key is "<name>.*.<rest>".
    return name + "." + entry + field.key.substr(name.size() + 2);
}

ScenarioSchema::ScenarioSchema(const ParameterCatalogue& catalogue) : catalogue_(&catalogue) {
    for (const ParameterDefinition& definition : catalogue.parameters) {
        const std::vector<std::string> segments = split_dotted_key(definition.key);
        for (std::size_t length = 1; length < segments.size(); ++length) {
            const bool holds_entries = segments[length] == "*";
            roles_.try_emplace(join_dotted_key(segments, length), holds_entries ? KeyRole::collection : KeyRole::section);
        }
        const auto star = std::find(segments.begin(), segments.end(), "*");
        if (star != segments.end()) {
            const std::string name = join_dotted_key(segments, static_cast<std::size_t>(star - segments.begin()));
            auto shape = std::find_if(collections_.begin(), collections_.end(),
                                      [&](const CollectionShape& known) { return known.name == name; });
            if (shape == collections_.end()) {
                CollectionShape added;
                added.name = name;
                if (const CollectionDefinition* declared = catalogue.find_collection(name)) {
                    added.default_entries = declared->default_entries;
                }
                collections_.push_back(std::move(added));
                shape = collections_.end() - 1;
            }
            shape->fields.push_back(&definition);
        }
        roles_[definition.key] = KeyRole::parameter;
    }
    // A declared collection without fields still has entries that scenarios may name.
    for (const CollectionDefinition& declared : catalogue.collections) {
        if (collection(declared.name) != nullptr) continue;
        roles_.try_emplace(declared.name, KeyRole::collection);
        collections_.push_back(CollectionShape{declared.name, {}, declared.default_entries});
    }
}

KeyRole ScenarioSchema::role_of(const std::string& pattern) const {
    const auto found = roles_.find(pattern);
    return found == roles_.end() ? KeyRole::unknown : found->second;
}

const ParameterDefinition* ScenarioSchema::parameter(const std::string& pattern) const {
    for (const ParameterDefinition& definition : catalogue_->parameters) {
        if (definition.key == pattern) return &definition;
    }
    return nullptr;
}

const CollectionShape* ScenarioSchema::collection(const std::string& name) const {
    for (const CollectionShape& shape : collections_) {
        if (shape.name == name) return &shape;
    }
    return nullptr;
}

const CollectionShape* ScenarioSchema::collection_of(const ParameterDefinition& definition) const {
    for (const CollectionShape& shape : collections_) {
        if (std::find(shape.fields.begin(), shape.fields.end(), &definition) != shape.fields.end()) return &shape;
    }
    return nullptr;
}

std::string ScenarioSchema::example_key(const std::string& prefix) const {
    for (const ParameterDefinition& definition : catalogue_->parameters) {
        if (definition.key.rfind(prefix + ".", 0) == 0) return definition.key;
    }
    return prefix;
}

std::vector<std::string> ScenarioSchema::candidates_like(const std::string& concrete_key) const {
    const std::vector<std::string> typed = split_dotted_key(concrete_key);
    std::vector<std::string> candidates;
    for (const ParameterDefinition& definition : catalogue_->parameters) {
        std::vector<std::string> segments = split_dotted_key(definition.key);
        for (std::size_t i = 0; i < segments.size() && i < typed.size(); ++i) {
            if (segments[i] == "*") segments[i] = typed[i];
        }
        candidates.push_back(join_dotted_key(segments, segments.size()));
    }
    candidates.insert(candidates.end(), reserved_keys.begin(), reserved_keys.end());
    return candidates;
}

std::string ScenarioSchema::unknown_key_problem(const std::string& concrete_key) const {
    const std::vector<std::string> candidates = candidates_like(concrete_key);
    if (const std::optional<std::string> match = closest_match(concrete_key, candidates)) {
        return "unknown key; did you mean '" + *match + "'?";
    }
    // No likely typo: show what the nearest known table holds.
    const std::vector<std::string> typed = split_dotted_key(concrete_key);
    for (std::size_t length = typed.size() - 1; length >= 1; --length) {
        const std::string prefix = join_dotted_key(typed, length) + ".";
        std::vector<std::string> inside;
        for (const std::string& candidate : candidates) {
            if (candidate.rfind(prefix, 0) == 0) inside.push_back(candidate);
        }
        if (!inside.empty()) {
            return "unknown key; valid keys in '" + prefix.substr(0, prefix.size() - 1) + "' are " +
                   quoted_list(inside);
        }
    }
    std::vector<std::string> top_level;
    for (const std::string& candidate : candidates) {
        const std::string first = split_dotted_key(candidate).front();
        if (std::find(top_level.begin(), top_level.end(), first) == top_level.end()) top_level.push_back(first);
    }
    return "unknown key; valid top-level keys are " + quoted_list(top_level);
}

}  // namespace taalwerk
