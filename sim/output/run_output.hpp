#pragma once
// What one `taalwerk run` produces, in memory: monthly indicators for every replicate and group
// cell, plus the metadata that makes the file self-describing.
#include <cstdint>
#include <filesystem>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace taalwerk {

struct Indicator {
    std::string name;         // "persons_in_paid_work"
    std::string unit;         // "persons", "EUR"
    std::string description;  // one sentence, written into the file as an attribute
    // values[(replicate * months + month) * groups + group], shape (replicate, month, group).
    std::vector<double> values;
};

struct RunMetadata {
    std::string scenario_name;
    std::string scenario_toml;       // resolved scenario text
    std::uint64_t base_seed = 0;
    std::vector<std::uint32_t> replicates;  // replicate ids, one per row of the replicate dimension
    std::string code_version;        // git describe
    std::map<std::string, std::string> library_versions;  // "hdf5" -> "1.10.8", ...
    std::string created_utc;         // ISO 8601
    std::int64_t agents = 0;
    int threads = 0;
};

struct RunOutput {
    RunMetadata metadata;
    int months = 0;                         // month 0 .. months-1 (month 0: permit month)
    std::vector<std::string> group_labels;  // "all", "sex=female", "origin=syria", ...
    std::vector<Indicator> indicators;

    std::size_t replicate_count() const { return metadata.replicates.size(); }
    std::size_t cell_count() const { return replicate_count() * static_cast<std::size_t>(months) * group_labels.size(); }
};

class OutputError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Writes `output` to `target` as HDF5 (layout: docs/output-file-format.md): first to a
// temporary file in the same folder, renamed into place only when complete. An existing `target`
// is kept and an OutputError thrown unless `overwrite`. On any failure the temporary file is
// removed and nothing under `target` changes. Missing parent folders are created.
void write_run_output(const RunOutput& output, const std::filesystem::path& target, bool overwrite);

// Reads a file written by write_run_output. Throws OutputError naming the file on any problem.
RunOutput read_run_output(const std::filesystem::path& source);

// Versions of the libraries linked in, for provenance ("hdf5", "tbb", "boost", "random123", "toml++").
std::map<std::string, std::string> library_versions();

}  // namespace taalwerk
