#pragma once
// The shape of a valid scenario, derived from a ParameterCatalogue: which dotted keys are
// parameters, which are sections (tables of keys) and which are collections (tables of named
// entries). It also words the "unknown key" problem, with a suggestion when one is close.
#include <map>
#include <string>
#include <vector>

#include "scenario/parameter_definition.hpp"

namespace taalwerk {

// A collection and the definitions every one of its entries gets ("municipalities.*.caseload").
// Collections are one level deep: a field pattern has a single `*` segment.
struct CollectionShape {
    std::string name;  // "municipalities"
    std::vector<const ParameterDefinition*> fields;
    std::vector<std::string> default_entries;

    // "municipalities.*.caseload" for entry "amsterdam" -> "municipalities.amsterdam.caseload".
    std::string entry_key(const ParameterDefinition& field, const std::string& entry) const;
};

enum class KeyRole { parameter, section, collection, unknown };

class ScenarioSchema {
public:
    explicit ScenarioSchema(const ParameterCatalogue& catalogue);

    // `pattern` has entry names already replaced by `*` ("municipalities.*.caseload").
    KeyRole role_of(const std::string& pattern) const;
    const ParameterDefinition* parameter(const std::string& pattern) const;
    const CollectionShape* collection(const std::string& name) const;
    // The collection a field definition belongs to, nullptr for an ordinary parameter.
    const CollectionShape* collection_of(const ParameterDefinition& definition) const;
    const std::vector<CollectionShape>& collections() const { return collections_; }

    // A key that lives inside `prefix`, to show what such a table should hold.
    std::string example_key(const std::string& prefix) const;

    // "unknown key; did you mean 'labour_market.tightness'?" or, with no close key, a list of the
    // keys valid in the nearest known section.
    std::string unknown_key_problem(const std::string& concrete_key) const;

private:
    // Every valid key, with `*` segments filled from `concrete_key` where it has that segment.
    std::vector<std::string> candidates_like(const std::string& concrete_key) const;

    const ParameterCatalogue* catalogue_;
    std::map<std::string, KeyRole> roles_;
    std::vector<CollectionShape> collections_;
};

}  // namespace taalwerk
