#include "output/output_target.hpp"

#include <string>

#include "output/run_output.hpp"

namespace taalwerk {

void check_output_target(const std::filesystem::path& target, bool overwrite) {
    if (std::filesystem::is_directory(target)) {
        throw OutputError("cannot write output file '" + target.string() + "': a folder of that name exists");
    }
    if (!overwrite && std::filesystem::exists(target)) {
        throw OutputError("output file '" + target.string() + "' already exists; pass --force to overwrite it");
    }
}

}  // namespace taalwerk
