#pragma once
// A scenario: a TOML file that may name a `base` scenario and override only what differs.
// Loading resolves the base chain, validates every key against a ParameterCatalogue and fills
// in defaults, so the model reads a complete, checked set of values.
#include <cstdint>
#include <filesystem>
#include <map>
#include <stdexcept>
#include <string>
#include <variant>
#include <vector>

#include "scenario/parameter_definition.hpp"

namespace taalwerk {

// Every scenario problem: the message names file, line, key, the value given and what is allowed,
// e.g. "scenarios/x.toml:12:1: key 'labour_market.tightnes': unknown key; did you mean
// 'labour_market.tightness'?".
class ScenarioError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

using ScenarioValue = std::variant<bool, std::int64_t, double, std::string, std::vector<double>>;

class Scenario {
public:
    // Reads `file`, follows its base chain (`base = "default"` or "default.toml", relative to the
    // file's folder), rejects cycles, validates and fills defaults. Throws ScenarioError.
    static Scenario load(const std::filesystem::path& file, const ParameterCatalogue& catalogue);
    // Same from text; `origin` names it in messages; bases are looked up in `base_directory`.
    static Scenario parse(const std::string& toml_text, const std::string& origin,
                          const std::filesystem::path& base_directory, const ParameterCatalogue& catalogue);

    // A copy with one value replaced, validated exactly like a file value; `origin` names the
    // override in messages (e.g. "override"). Used by the Python API. Throws ScenarioError.
    Scenario with_override(const std::string& dotted_key, const ScenarioValue& value,
                           const std::string& origin = "override") const;

    double real(const std::string& key) const;
    std::int64_t integer(const std::string& key) const;
    bool boolean(const std::string& key) const;
    const std::string& text(const std::string& key) const;  // choice or text
    const std::vector<double>& real_list(const std::string& key) const;
    bool has(const std::string& key) const;

    // Entry names of a collection in sorted order ("municipalities" -> {"amsterdam", ...}).
    std::vector<std::string> entries(const std::string& collection) const;

    // The fully resolved scenario as TOML: every key, defaults filled, one comment per key with
    // unit and source; parsing it again gives the same scenario.
    std::string resolved_toml() const;

    const std::string& name() const { return name_; }  // stem of the top file, or the origin
    // The top file's `description` (free text, not a parameter); empty when it has none.
    const std::string& description() const { return description_; }
    const std::vector<std::string>& base_chain() const { return base_chain_; }  // top file first
    const std::map<std::string, ScenarioValue>& values() const { return values_; }

private:
    std::string name_;
    std::vector<std::string> base_chain_;
    std::map<std::string, ScenarioValue> values_;  // concrete keys (collections expanded)
    std::map<std::string, std::vector<std::string>> entries_;  // every collection, entry names sorted
    std::string description_;
    const ParameterCatalogue* catalogue_ = nullptr;
    friend class ScenarioBuilder;
};

}  // namespace taalwerk
