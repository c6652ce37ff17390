#pragma once
// The `taalwerk` command line, as a function so the Python package can offer the same commands.
#include <string>
#include <vector>

namespace taalwerk {

// Exit codes (documented in `taalwerk --help` and README).
enum ExitCode : int {
    exit_success = 0,
    exit_internal_error = 1,
    exit_usage_error = 2,
    exit_scenario_error = 3,
    exit_output_error = 4,
    exit_interrupted = 130,
};

int run_command_line(const std::vector<std::string>& arguments);

}  // namespace taalwerk
