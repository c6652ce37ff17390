#pragma once
// The checks on an output path that need no output yet, so the command-line program can refuse
// a bad --out before a long run instead of after it.
#include <filesystem>

namespace taalwerk {

// Throws the OutputError that write_run_output would throw for `target`: a folder in its place,
// or an existing file while !overwrite ("... already exists; pass --force to overwrite it").
void check_output_target(const std::filesystem::path& target, bool overwrite);

}  // namespace taalwerk
