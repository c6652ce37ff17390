#pragma once
// Empty folders for tests that write files, under the build's scratch folder (TAALWERK_TEST_SCRATCH).
#include <filesystem>
#include <string>

namespace taalwerk::testing {

// A fresh, empty folder `area/name`: one per test case, since ctest runs test cases in parallel.
inline std::filesystem::path fresh_scratch_folder(const std::string& area, const std::string& name) {
    const std::filesystem::path folder = std::filesystem::path(TAALWERK_TEST_SCRATCH) / area / name;
    std::filesystem::remove_all(folder);
    std::filesystem::create_directories(folder);
    return folder;
}

}  // namespace taalwerk::testing
