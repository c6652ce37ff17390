// The HDF5 output file: what goes in comes back bit for bit, existing files are only replaced on
// request, a failed write leaves nothing behind, and damaged files are reported, not crashed on.
#include <catch2/catch.hpp>

#include <hdf5.h>
#include <signal.h>
#include <sys/resource.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <functional>
#include <limits>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "output/file_seal.hpp"
#include "output/output_target.hpp"
#include "output/run_output.hpp"
#include "scratch_folder.hpp"

using namespace taalwerk;
using Catch::Matchers::Contains;
namespace fs = std::filesystem;

namespace {

// An empty folder of its own for each test, under the build's scratch folder.
fs::path fresh_scratch_folder(const std::string& name) { return testing::fresh_scratch_folder("output", name); }

std::vector<std::string> folder_entries(const fs::path& folder) {
    std::vector<std::string> names;
    for (const fs::directory_entry& entry : fs::directory_iterator(folder)) {
        names.push_back(entry.path().filename().string());
    }
    std::sort(names.begin(), names.end());
    return names;
}

std::string file_bytes(const fs::path& file) {
    std::ifstream stream(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(stream), std::istreambuf_iterator<char>()};
}

void write_bytes(const fs::path& file, const std::string& bytes) {
    std::ofstream stream(file, std::ios::binary | std::ios::trunc);
    stream.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

// A scenario text of at least `bytes` bytes, non-ASCII included, like a long resolved scenario.
std::string long_scenario_toml(std::size_t bytes) {
    std::string text = "# resolved scenario \xE2\x80\x94 taalwerk test\nname = \"default\"\n";
    for (int parameter = 0; text.size() < bytes; ++parameter) {
        text += "[parameters.p" + std::to_string(parameter) + "]\nvalue = 0." + std::to_string(parameter) +
                "\nsource = \"CBS St\xC3\xA1tline, tabel " + std::to_string(parameter) + "\"\n";
    }
    return text;
}

// Finite doubles that are easy to get subtly wrong: inexact decimals (0.1), signed zero,
// subnormals, extremes, and arbitrary bit patterns.
double awkward_value(std::size_t cell, std::mt19937_64& bits) {
    switch (cell % 8) {
        case 0: return 0.1 * static_cast<double>(cell);
        case 1: return -0.0;
        case 2: return std::numeric_limits<double>::denorm_min() * static_cast<double>(cell);
        case 3: return std::numeric_limits<double>::max();
        case 4: return std::numeric_limits<double>::lowest();
        default: {
            double value = std::nan("");
            while (!std::isfinite(value)) value = std::bit_cast<double>(bits());
            return value;
        }
    }
}

RunOutput sample_run_output(std::size_t scenario_bytes = 2'000) {
    RunOutput output;
    output.metadata.scenario_name = "default";
    output.metadata.scenario_toml = long_scenario_toml(scenario_bytes);
    output.metadata.base_seed = 0xFEDC'BA98'7654'3210ULL;  // above the int64 range: must stay unsigned
    output.metadata.replicates = {0, 1, 7};
    output.metadata.code_version = "v0.1.0-17-gabcdef0-dirty";
    output.metadata.library_versions = library_versions();
    output.metadata.created_utc = "2024-05-01T12:34:56Z";
    output.metadata.agents = 123'456'789'012;  // above the int32 range
    output.metadata.threads = 8;
    output.months = 13;
    output.group_labels = {"all", "sex=female", "origin=syria", "age=18\xE2\x80\x93" "25"};

    std::mt19937_64 bits(2024);
    const std::vector<std::pair<std::string, std::string>> indicators = {
        {"persons_in_paid_work", "persons"}, {"benefit_spending", "EUR"}, {"share_b1_dutch", "1"}};
    for (const auto& [name, unit] : indicators) {
        Indicator indicator{name, unit, "Test indicator '" + name + "', m\xC3\xA9t accent.", {}};
        for (std::size_t cell = 0; cell < output.cell_count(); ++cell) {
            indicator.values.push_back(awkward_value(cell, bits));
        }
        output.indicators.push_back(std::move(indicator));
    }
    return output;
}

void require_same_values(const std::vector<double>& expected, const std::vector<double>& actual,
                         const std::string& name) {
    INFO("indicator " << name);
    REQUIRE(actual.size() == expected.size());
    const auto same_bits = [](double a, double b) {
        return std::bit_cast<std::uint64_t>(a) == std::bit_cast<std::uint64_t>(b);
    };
    const auto mismatch = std::mismatch(expected.begin(), expected.end(), actual.begin(), same_bits);
    const auto first_difference = static_cast<std::size_t>(mismatch.first - expected.begin());
    INFO("first differing cell " << first_difference);
    REQUIRE(first_difference == expected.size());
}

void require_same_run_output(const RunOutput& expected, const RunOutput& actual) {
    CHECK(actual.metadata.scenario_name == expected.metadata.scenario_name);
    CHECK(actual.metadata.scenario_toml == expected.metadata.scenario_toml);
    CHECK(actual.metadata.base_seed == expected.metadata.base_seed);
    CHECK(actual.metadata.replicates == expected.metadata.replicates);
    CHECK(actual.metadata.code_version == expected.metadata.code_version);
    CHECK(actual.metadata.library_versions == expected.metadata.library_versions);
    CHECK(actual.metadata.created_utc == expected.metadata.created_utc);
    CHECK(actual.metadata.agents == expected.metadata.agents);
    CHECK(actual.metadata.threads == expected.metadata.threads);
    CHECK(actual.months == expected.months);
    CHECK(actual.group_labels == expected.group_labels);
    REQUIRE(actual.indicators.size() == expected.indicators.size());
    for (std::size_t index = 0; index < expected.indicators.size(); ++index) {
        CHECK(actual.indicators[index].name == expected.indicators[index].name);
        CHECK(actual.indicators[index].unit == expected.indicators[index].unit);
        CHECK(actual.indicators[index].description == expected.indicators[index].description);
        require_same_values(expected.indicators[index].values, actual.indicators[index].values,
                            expected.indicators[index].name);
    }
}

// The message of the OutputError that `action` throws; fails the test if it throws nothing or
// something else.
std::string output_error_message(const std::function<void()>& action) {
    try {
        action();
    } catch (const OutputError& error) {
        return error.what();
    }
    FAIL("expected an OutputError");
    return {};
}

// Lowers the largest file size this process may write, for as long as it lives: writes past it
// fail with EFBIG, much as on a full disk, and without needing a small file system.
class FileSizeLimit {
public:
    explicit FileSizeLimit(rlim_t bytes) {
        getrlimit(RLIMIT_FSIZE, &saved_limit_);
        saved_handler_ = signal(SIGXFSZ, SIG_IGN);  // else the kernel kills the process instead
        rlimit limit = saved_limit_;
        limit.rlim_cur = bytes;
        setrlimit(RLIMIT_FSIZE, &limit);
    }
    ~FileSizeLimit() {
        setrlimit(RLIMIT_FSIZE, &saved_limit_);
        signal(SIGXFSZ, saved_handler_);
    }
    FileSizeLimit(const FileSizeLimit&) = delete;
    FileSizeLimit& operator=(const FileSizeLimit&) = delete;

private:
    rlimit saved_limit_{};
    void (*saved_handler_)(int) = nullptr;
};

}  // namespace

TEST_CASE("output: a written run reads back identically, bit for bit", "[output]") {
    const fs::path folder = fresh_scratch_folder("round_trip");
    const fs::path target = folder / "run.h5";
    const RunOutput written = sample_run_output(100 * 1024);
    REQUIRE(written.metadata.scenario_toml.size() >= 100 * 1024);

    write_run_output(written, target, false);

    require_same_run_output(written, read_run_output(target));
    CHECK(folder_entries(folder) == std::vector<std::string>{"run.h5"});  // no temporary file left
}

TEST_CASE("output: equal run outputs give byte-identical files", "[output]") {
    const fs::path folder = fresh_scratch_folder("reproducible");
    write_run_output(sample_run_output(), folder / "first.h5", false);
    write_run_output(sample_run_output(), folder / "second.h5", false);
    CHECK(file_bytes(folder / "first.h5") == file_bytes(folder / "second.h5"));
}

TEST_CASE("output: a run without indicators still round-trips its dimensions and metadata", "[output]") {
    const fs::path target = fresh_scratch_folder("no_indicators") / "run.h5";
    RunOutput written = sample_run_output();
    written.indicators.clear();
    write_run_output(written, target, false);
    require_same_run_output(written, read_run_output(target));
}

TEST_CASE("output: missing parent folders are created", "[output]") {
    const fs::path folder = fresh_scratch_folder("nested");
    const fs::path target = folder / "a" / "b" / "run.h5";
    write_run_output(sample_run_output(), target, false);
    CHECK(fs::is_regular_file(target));
    CHECK(folder_entries(target.parent_path()) == std::vector<std::string>{"run.h5"});
}

TEST_CASE("output: an existing file is replaced only when overwrite is asked for", "[output]") {
    const fs::path folder = fresh_scratch_folder("overwrite");
    const fs::path target = folder / "run.h5";
    const RunOutput first = sample_run_output();
    RunOutput second = sample_run_output();
    second.metadata.scenario_name = "second";
    second.indicators.front().values.front() = 42.0;

    write_run_output(first, target, false);
    const std::string first_bytes = file_bytes(target);

    const std::string message = output_error_message([&] { write_run_output(second, target, false); });
    CHECK_THAT(message, Contains(target.string()) && Contains("already exists") && Contains("--force"));
    CHECK(file_bytes(target) == first_bytes);
    CHECK(folder_entries(folder) == std::vector<std::string>{"run.h5"});

    write_run_output(second, target, true);
    require_same_run_output(second, read_run_output(target));
    CHECK(folder_entries(folder) == std::vector<std::string>{"run.h5"});
}

TEST_CASE("output: check_output_target refuses up front what write_run_output would refuse", "[output]") {
    const fs::path folder = fresh_scratch_folder("target_check");
    const fs::path target = folder / "run.h5";

    CHECK_NOTHROW(check_output_target(target, false));
    CHECK(folder_entries(folder).empty());  // checking creates nothing

    write_bytes(target, "old");
    CHECK_THAT(output_error_message([&] { check_output_target(target, false); }),
               Contains(target.string()) && Contains("--force"));
    CHECK_NOTHROW(check_output_target(target, true));

    CHECK_THAT(output_error_message([&] { check_output_target(folder, true); }),
               Contains(folder.string()) && Contains("folder"));
}

TEST_CASE("output: a failed write leaves no temporary file and the target as it was", "[output]") {
    const fs::path folder = fresh_scratch_folder("failed_write");
    const fs::path target = folder / "run.h5";

    SECTION("an invalid run output writes nothing") {
        RunOutput invalid = sample_run_output();
        invalid.indicators.back().values.pop_back();
        const std::string message = output_error_message([&] { write_run_output(invalid, target, true); });
        CHECK_THAT(message, Contains(target.string()) && Contains("share_b1_dutch"));
        CHECK(folder_entries(folder).empty());
    }

    SECTION("an invalid run output keeps an existing target byte for byte") {
        write_run_output(sample_run_output(), target, false);
        const std::string old_bytes = file_bytes(target);
        RunOutput invalid = sample_run_output();
        invalid.months = 0;
        CHECK_THROWS_AS(write_run_output(invalid, target, true), OutputError);
        CHECK(file_bytes(target) == old_bytes);
        CHECK(folder_entries(folder) == std::vector<std::string>{"run.h5"});
    }

    SECTION("running out of space mid-write keeps an existing target byte for byte") {
        write_run_output(sample_run_output(), target, false);
        const std::string old_bytes = file_bytes(target);
        // About 4 MB of incompressible numbers against a limit of 256 KiB.
        RunOutput large = sample_run_output();
        large.months = 120;
        large.group_labels.resize(300);
        for (std::size_t group = 0; group < large.group_labels.size(); ++group) {
            large.group_labels[group] = "group_" + std::to_string(group);
        }
        std::mt19937_64 bits(7);
        for (Indicator& indicator : large.indicators) {
            indicator.values.resize(large.cell_count());
            for (double& value : indicator.values) value = std::ldexp(static_cast<double>(bits() >> 11), -53);
        }
        std::string message;
        {
            const FileSizeLimit limit(256 * 1024);
            message = output_error_message([&] { write_run_output(large, target, true); });
        }
        CHECK_THAT(message, Contains(target.string()));
        CHECK(file_bytes(target) == old_bytes);
        CHECK(folder_entries(folder) == std::vector<std::string>{"run.h5"});
        // And a later write, with room again, works.
        write_run_output(large, target, true);
        require_same_run_output(large, read_run_output(target));
    }

    SECTION("a parent folder that cannot be created is named in the error") {
        write_bytes(folder / "blocker", "a file where a folder should be");
        const fs::path blocked_target = folder / "blocker" / "sub" / "run.h5";
        const std::string message =
            output_error_message([&] { write_run_output(sample_run_output(), blocked_target, false); });
        CHECK_THAT(message, Contains("cannot create folder") && Contains((folder / "blocker" / "sub").string()));
        CHECK(folder_entries(folder) == std::vector<std::string>{"blocker"});
    }

    SECTION("a folder in the target's place is refused even with overwrite") {
        fs::create_directory(target);
        const std::string message = output_error_message([&] { write_run_output(sample_run_output(), target, true); });
        CHECK_THAT(message, Contains(target.string()) && Contains("folder"));
        CHECK(fs::is_directory(target));
        CHECK(folder_entries(folder) == std::vector<std::string>{"run.h5"});
    }
}

TEST_CASE("output: library_versions names the libraries linked in", "[output]") {
    const std::map<std::string, std::string> versions = library_versions();
    for (const char* library : {"hdf5", "tbb", "boost", "random123", "toml++"}) {
        INFO(library);
        REQUIRE(versions.count(library) == 1);
        CHECK_FALSE(versions.at(library).empty());
    }
    CHECK(versions.at("hdf5") ==
          std::to_string(H5_VERS_MAJOR) + "." + std::to_string(H5_VERS_MINOR) + "." + std::to_string(H5_VERS_RELEASE));
    CHECK_THAT(versions.at("toml++"), Catch::StartsWith("3."));
    CHECK_THAT(versions.at("boost"), Catch::StartsWith("1."));
}

TEST_CASE("output: damaged and foreign files are reported with their path", "[output]") {
    const fs::path folder = fresh_scratch_folder("damaged");
    const fs::path valid = folder / "valid.h5";
    write_run_output(sample_run_output(), valid, false);
    const std::string valid_bytes = file_bytes(valid);
    // The reader's own checks behind the seal (output/file_seal.hpp), for files without one:
    // the same file with its seal block zeroed, as older versions or a half-finished write leave it.
    const fs::path unsealed = folder / "unsealed.h5";
    write_bytes(unsealed, std::string(seal_block_bytes, '\0') + valid_bytes.substr(seal_block_bytes));

    SECTION("a missing file") {
        const fs::path missing = folder / "missing.h5";
        CHECK_THAT(output_error_message([&] { read_run_output(missing); }),
                   Contains(missing.string()) && Contains("no such file"));
    }

    SECTION("random bytes") {
        const fs::path noise = folder / "noise.h5";
        std::mt19937 bits(1);
        std::string bytes(64 * 1024, '\0');
        for (char& byte : bytes) byte = static_cast<char>(bits());
        write_bytes(noise, bytes);
        CHECK_THAT(output_error_message([&] { read_run_output(noise); }),
                   Contains(noise.string()) && Contains("not a readable HDF5 file"));
    }

    SECTION("an empty file") {
        const fs::path empty = folder / "empty.h5";
        write_bytes(empty, "");
        CHECK_THAT(output_error_message([&] { read_run_output(empty); }), Contains(empty.string()));
    }

    SECTION("a truncated file, cut anywhere") {
        const fs::path truncated = folder / "truncated.h5";
        for (const std::size_t length : {std::size_t{8}, std::size_t{100}, std::size_t{1000}, valid_bytes.size() / 2,
                                         valid_bytes.size() - 100, valid_bytes.size() - 1}) {
            INFO("cut after " << length << " of " << valid_bytes.size() << " bytes");
            write_bytes(truncated, valid_bytes.substr(0, length));
            CHECK_THAT(output_error_message([&] { read_run_output(truncated); }), Contains(truncated.string()));
        }
    }

    SECTION("a corrupted chunk of numbers in an unsealed file fails its HDF5 checksum") {
        // Find the first chunk of the first indicator and flip one byte in its middle.
        haddr_t chunk_address = 0;
        hsize_t chunk_size = 0;
        {
            const hid_t file = H5Fopen(unsealed.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
            const hid_t dataset = H5Dopen2(file, "persons_in_paid_work", H5P_DEFAULT);
            const hid_t space = H5Dget_space(dataset);
            REQUIRE(H5Dget_chunk_info(dataset, space, 0, nullptr, nullptr, &chunk_address, &chunk_size) >= 0);
            H5Sclose(space);
            H5Dclose(dataset);
            H5Fclose(file);
        }
        REQUIRE(chunk_size > 0);
        std::string bytes = file_bytes(unsealed);
        const std::size_t middle = seal_block_bytes + chunk_address + chunk_size / 2;  // HDF5 addresses start after the block
        bytes[middle] = static_cast<char>(~bytes[middle]);
        const fs::path corrupted = folder / "corrupted.h5";
        write_bytes(corrupted, bytes);
        CHECK_THAT(output_error_message([&] { read_run_output(corrupted); }),
                   Contains(corrupted.string()) && Contains("persons_in_paid_work"));
    }

    SECTION("an HDF5 file that is not a taalwerk output") {
        const fs::path foreign = folder / "foreign.h5";
        H5Fclose(H5Fcreate(foreign.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT));
        CHECK_THAT(output_error_message([&] { read_run_output(foreign); }),
                   Contains(foreign.string()) && Contains("layout_version"));
    }

    SECTION("an indicator without its units attribute") {
        const hid_t file = H5Fopen(unsealed.c_str(), H5F_ACC_RDWR, H5P_DEFAULT);
        REQUIRE(H5Adelete_by_name(file, "benefit_spending", "units", H5P_DEFAULT) >= 0);
        H5Fclose(file);
        CHECK_THAT(output_error_message([&] { read_run_output(unsealed); }),
                   Contains(unsealed.string()) && Contains("'units'") && Contains("benefit_spending"));
    }

    SECTION("an indicator of the wrong shape") {
        const hid_t file = H5Fopen(unsealed.c_str(), H5F_ACC_RDWR, H5P_DEFAULT);
        const hsize_t shape[2] = {3, 13};
        const hid_t space = H5Screate_simple(2, shape, nullptr);
        const hid_t dataset =
            H5Dcreate2(file, "flat_indicator", H5T_IEEE_F64LE, space, H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT);
        REQUIRE(dataset >= 0);
        H5Dclose(dataset);
        H5Sclose(space);
        H5Fclose(file);
        CHECK_THAT(output_error_message([&] { read_run_output(unsealed); }),
                   Contains(unsealed.string()) && Contains("flat_indicator") && Contains("shape (3, 13)"));
    }

    SECTION("a missing coordinate") {
        const hid_t file = H5Fopen(unsealed.c_str(), H5F_ACC_RDWR, H5P_DEFAULT);
        REQUIRE(H5Ldelete(file, "group", H5P_DEFAULT) >= 0);
        H5Fclose(file);
        CHECK_THAT(output_error_message([&] { read_run_output(unsealed); }),
                   Contains(unsealed.string()) && Contains("dataset 'group' is missing"));
    }
}

// A file for the format checks outside C++ (xarray with both netCDF engines, h5dump): see
// tests/python/test_output_file.py and docs/output-file-format.md.
TEST_CASE("output: a sample file is left in the scratch folder for outside readers", "[output]") {
    const fs::path target = fs::path(TAALWERK_TEST_SCRATCH) / "sample_output.h5";
    const RunOutput written = sample_run_output(100 * 1024);
    write_run_output(written, target, true);
    require_same_run_output(written, read_run_output(target));
}
