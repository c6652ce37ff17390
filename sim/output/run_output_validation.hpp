#pragma once
// Checks that a RunOutput can be written as a well-formed output file, before anything touches
// the disk, so a bad RunOutput costs no temporary file and no half-written target.
#include <string_view>

#include "output/run_output.hpp"

namespace taalwerk {

// Throws OutputError describing the first problem found: indicator sizes that do not match the
// (replicate, month, group) shape, no months, replicates or groups, duplicate replicate ids or
// group labels, duplicate or invalid indicator names, or text that is not valid UTF-8.
void validate_run_output(const RunOutput& output);

// netCDF's rule for variable and attribute names (NC_check_name): starts with a letter, digit,
// '_' or a non-ASCII UTF-8 character; no '/' and no control characters; no trailing space; valid
// UTF-8; at most 256 bytes.
bool is_valid_netcdf_name(std::string_view name);

// Well-formed UTF-8 without NUL bytes (an HDF5 string ends at the first NUL, so text after one
// would be lost silently).
bool is_storable_text(std::string_view text);

}  // namespace taalwerk
