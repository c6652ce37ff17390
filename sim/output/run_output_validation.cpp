#include "output/run_output_validation.hpp"

#include <set>
#include <string>
#include <vector>

#include "output/output_file_layout.hpp"

namespace taalwerk {

namespace {

// Byte length of the UTF-8 sequence starting at text[position], or 0 if malformed
// (bad lead byte, bad continuation, overlong form, surrogate, or beyond U+10FFFF).
std::size_t utf8_sequence_length(std::string_view text, std::size_t position) {
    const auto byte = [&](std::size_t offset) { return static_cast<unsigned char>(text[position + offset]); };
    const unsigned char lead = byte(0);
    std::size_t length = 0;
    char32_t code_point = 0;
    if (lead < 0x80) return 1;
    if (lead >= 0xC2 && lead <= 0xDF) { length = 2; code_point = lead & 0x1F; }
    else if (lead >= 0xE0 && lead <= 0xEF) { length = 3; code_point = lead & 0x0F; }
    else if (lead >= 0xF0 && lead <= 0xF4) { length = 4; code_point = lead & 0x07; }
    else return 0;
    if (position + length > text.size()) return 0;
    for (std::size_t offset = 1; offset < length; ++offset) {
        if ((byte(offset) & 0xC0) != 0x80) return 0;
        code_point = (code_point << 6) | (byte(offset) & 0x3F);
    }
    const bool overlong = (length == 3 && code_point < 0x800) || (length == 4 && code_point < 0x10000);
    const bool surrogate = code_point >= 0xD800 && code_point <= 0xDFFF;
    if (overlong || surrogate || code_point > 0x10FFFF) return 0;
    return length;
}

bool is_valid_utf8(std::string_view text) {
    for (std::size_t position = 0; position < text.size();) {
        const std::size_t length = utf8_sequence_length(text, position);
        if (length == 0) return false;
        position += length;
    }
    return true;
}

void require_storable_text(std::string_view text, const std::string& what) {
    if (!is_storable_text(text)) throw OutputError(what + " is not valid UTF-8 text without NUL bytes");
}

void validate_dimensions(const RunOutput& output) {
    if (output.months <= 0) {
        throw OutputError("run output has " + std::to_string(output.months) + " months; at least one is needed");
    }
    if (output.metadata.replicates.empty()) throw OutputError("run output has no replicates; at least one is needed");
    if (output.group_labels.empty()) throw OutputError("run output has no groups; at least one is needed");

    const std::vector<std::uint32_t>& replicates = output.metadata.replicates;
    if (std::set<std::uint32_t>(replicates.begin(), replicates.end()).size() != replicates.size()) {
        throw OutputError("run output lists a replicate id more than once");
    }
    std::set<std::string> distinct_groups;
    for (const std::string& label : output.group_labels) {
        require_storable_text(label, "group label '" + label + "'");
        if (!distinct_groups.insert(label).second) {
            throw OutputError("group label '" + label + "' appears more than once");
        }
    }
}

void validate_indicators(const RunOutput& output) {
    const std::set<std::string> coordinate_names = {output_layout::replicate_dimension, output_layout::month_dimension,
                                                    output_layout::group_dimension};
    std::set<std::string> names;
    for (const Indicator& indicator : output.indicators) {
        if (!is_valid_netcdf_name(indicator.name)) {
            throw OutputError("indicator name '" + indicator.name + "' is not a valid netCDF variable name");
        }
        if (coordinate_names.contains(indicator.name)) {
            throw OutputError("indicator name '" + indicator.name + "' is taken by a dimension");
        }
        if (!names.insert(indicator.name).second) {
            throw OutputError("indicator '" + indicator.name + "' appears more than once");
        }
        if (indicator.values.size() != output.cell_count()) {
            throw OutputError("indicator '" + indicator.name + "' has " + std::to_string(indicator.values.size()) +
                              " values; its shape (replicate, month, group) = (" +
                              std::to_string(output.replicate_count()) + ", " + std::to_string(output.months) + ", " +
                              std::to_string(output.group_labels.size()) + ") needs " +
                              std::to_string(output.cell_count()));
        }
        require_storable_text(indicator.unit, "unit of indicator '" + indicator.name + "'");
        require_storable_text(indicator.description, "description of indicator '" + indicator.name + "'");
    }
}

void validate_metadata(const RunMetadata& metadata) {
    require_storable_text(metadata.scenario_name, "scenario name");
    require_storable_text(metadata.scenario_toml, "scenario text");
    require_storable_text(metadata.code_version, "code version");
    require_storable_text(metadata.created_utc, "creation time");
    for (const auto& [library, version] : metadata.library_versions) {
        if (library.empty() || !is_valid_netcdf_name(output_layout::library_version_prefix + library)) {
            throw OutputError("library name '" + library + "' cannot be part of a netCDF attribute name");
        }
        require_storable_text(version, "version of library '" + library + "'");
    }
}

}  // namespace

bool is_storable_text(std::string_view text) {
    return text.find('\0') == std::string_view::npos && is_valid_utf8(text);
}

bool is_valid_netcdf_name(std::string_view name) {
    constexpr std::size_t netcdf_max_name_bytes = 256;  // NC_MAX_NAME
    if (name.empty() || name.size() > netcdf_max_name_bytes || !is_valid_utf8(name)) return false;
    const auto first = static_cast<unsigned char>(name.front());
    const bool ascii_letter_digit_or_underscore = (first >= 'a' && first <= 'z') || (first >= 'A' && first <= 'Z') ||
                                                  (first >= '0' && first <= '9') || first == '_';
    if (first < 0x80 && !ascii_letter_digit_or_underscore) return false;
    for (const char character : name) {
        const auto byte = static_cast<unsigned char>(character);
        if (byte < 0x20 || byte == 0x7F || byte == '/') return false;
    }
    return name.back() != ' ';
}

void validate_run_output(const RunOutput& output) {
    validate_dimensions(output);
    validate_indicators(output);
    validate_metadata(output.metadata);
}

}  // namespace taalwerk
