#pragma once
// The names and fixed values of the output file layout (docs/output-file-format.md), shared by
// the writer and the reader so the two cannot drift apart.
#include <cstdint>

namespace taalwerk::output_layout {

// Raise when a reader of the old layout would misread a new file.
inline constexpr std::int32_t layout_version = 1;
inline constexpr const char* conventions = "taalwerk-1";
inline constexpr const char* title = "taalwerk run";

// Dimensions, each also a coordinate dataset (an HDF5 dimension scale) of the same name.
inline constexpr const char* replicate_dimension = "replicate";
inline constexpr const char* month_dimension = "month";
inline constexpr const char* group_dimension = "group";

// Variable attributes.
inline constexpr const char* units_attribute = "units";
inline constexpr const char* long_name_attribute = "long_name";

// Not "months since permit": xarray would take "<unit> since <date>" for a calendar time axis and
// fail to open the file, because "permit" is no date.
inline constexpr const char* month_units = "months";
inline constexpr const char* month_long_name = "months since the residence permit (0: the permit month)";
inline constexpr const char* replicate_long_name = "replicate id";
inline constexpr const char* group_long_name = "population group";

// Root (global) attributes.
inline constexpr const char* title_attribute = "title";
inline constexpr const char* conventions_attribute = "Conventions";
inline constexpr const char* layout_version_attribute = "layout_version";
inline constexpr const char* scenario_name_attribute = "scenario_name";
inline constexpr const char* scenario_toml_attribute = "scenario_toml";
inline constexpr const char* base_seed_attribute = "base_seed";
inline constexpr const char* replicates_attribute = "replicates";
inline constexpr const char* code_version_attribute = "code_version";
inline constexpr const char* created_utc_attribute = "created_utc";
inline constexpr const char* agents_attribute = "agents";
inline constexpr const char* threads_attribute = "threads";
// One attribute per library: "library_version_hdf5" = "1.10.8", ...
inline constexpr const char* library_version_prefix = "library_version_";

}  // namespace taalwerk::output_layout
