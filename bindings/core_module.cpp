// taalwerk._core: run a scenario, check it, version information. Everything else (datasets,
// sweeps, plots) is plain Python in the taalwerk package.
#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>

#include "cli/cli.hpp"
#include "model/indicators.hpp"
#include "model/model_parameters.hpp"
#include "model/simulation.hpp"
#include "output/file_seal.hpp"
#include "output/run_output.hpp"
#include "scenario/parameter_definition.hpp"
#include "scenario/scenario.hpp"
#include "taalwerk/version.hpp"

namespace py = pybind11;
using namespace taalwerk;

namespace {

std::string python_type_name(const py::handle& value) {
    return py::str(py::type::of(value).attr("__name__"));
}

// A Python int as int64, or a ScenarioError instead of pybind11's opaque cast error.
std::int64_t to_integer(const std::string& key, const py::handle& value) {
    int overflow = 0;
    const long long number = PyLong_AsLongLongAndOverflow(value.ptr(), &overflow);
    if (overflow != 0) {
        throw ScenarioError("override: key '" + key + "': value " + std::string(py::str(value)) +
                            " does not fit a 64-bit integer");
    }
    if (number == -1 && PyErr_Occurred()) throw py::error_already_set();
    return number;
}

ScenarioValue to_scenario_value(const std::string& key, const py::handle& value) {
    if (py::isinstance<py::bool_>(value)) return value.cast<bool>();
    if (py::isinstance<py::int_>(value)) return to_integer(key, value);
    if (py::isinstance<py::float_>(value)) return value.cast<double>();
    if (py::isinstance<py::str>(value)) return value.cast<std::string>();
    // bytes are a sequence of small integers to Python; as a scenario value they are a mistake.
    if (py::isinstance<py::sequence>(value) && !py::isinstance<py::bytes>(value) &&
        !py::isinstance<py::bytearray>(value)) {
        std::vector<double> list;
        for (const auto& item : value.cast<py::sequence>()) {
            if (!py::isinstance<py::float_>(item) && !py::isinstance<py::int_>(item))
                throw ScenarioError("override: key '" + key + "': list elements must be numbers");
            list.push_back(item.cast<double>());
        }
        return list;
    }
    throw ScenarioError("override: key '" + key + "': value of Python type '" + python_type_name(value) +
                        "' cannot be a scenario value (use bool, int, float, str or a list of numbers)");
}

Scenario load_with_overrides(const std::string& path, const py::dict& overrides) {
    Scenario scenario = Scenario::load(path, model_catalogue());
    for (const auto& [key, value] : overrides) {
        if (!py::isinstance<py::str>(key)) {
            throw py::type_error("override keys must be dotted scenario keys (str), not " + python_type_name(key) +
                                 " " + std::string(py::repr(key)));
        }
        const auto name = key.cast<std::string>();
        scenario = scenario.with_override(name, to_scenario_value(name, value));
    }
    return scenario;
}

// Hands a vector to numpy without copying: the array owns the vector through a capsule.
py::array_t<double> to_numpy(std::vector<double>&& values, std::size_t replicates, std::size_t months, std::size_t groups) {
    auto* owned = new std::vector<double>(std::move(values));
    py::capsule owner(owned, [](void* p) { delete static_cast<std::vector<double>*>(p); });
    return py::array_t<double>({replicates, months, groups}, owned->data(), owner);
}

// The same limits as `taalwerk run` (sim/cli), checked here because pybind11 would otherwise
// wrap -1 into 4294967295 or refuse the call with an unhelpful "incompatible arguments".
template <typename Number>
Number checked_argument(const char* name, std::int64_t value, std::int64_t minimum, std::int64_t maximum,
                        const char* meaning) {
    if (value < minimum || value > maximum) {
        throw std::invalid_argument(std::string(name) + " = " + std::to_string(value) + " is out of range; allowed: " +
                                    std::to_string(minimum) + ".." + std::to_string(maximum) + " (" + meaning + ")");
    }
    return static_cast<Number>(value);
}

py::dict run(const std::string& scenario_path, std::int64_t seed, std::int64_t replicates, std::int64_t threads,
             const py::dict& overrides) {
    RunSettings settings;
    settings.base_seed = checked_argument<std::uint32_t>("seed", seed, 0, 4294967295, "a 32-bit random seed");
    settings.replicates = checked_argument<std::uint32_t>("replicates", replicates, 1, 100000, "runs of the scenario");
    settings.threads = checked_argument<int>("threads", threads, 0, 1024, "worker threads, 0 = all cores");
    const Scenario scenario = load_with_overrides(scenario_path, overrides);
    RunOutput output;  // run_scenario refuses a run too large for memory before allocating it
    {
        py::gil_scoped_release release;
        output = run_scenario(scenario, settings);
    }
    py::dict indicators;
    py::dict units;
    py::dict descriptions;
    const std::size_t groups = output.group_labels.size();
    for (auto& indicator : output.indicators) {
        units[py::str(indicator.name)] = indicator.unit;
        descriptions[py::str(indicator.name)] = indicator.description;
        indicators[py::str(indicator.name)] =
            to_numpy(std::move(indicator.values), output.replicate_count(), static_cast<std::size_t>(output.months), groups);
    }
    const RunMetadata& m = output.metadata;
    py::dict metadata;
    metadata["scenario_name"] = m.scenario_name;
    metadata["scenario_toml"] = m.scenario_toml;
    metadata["base_seed"] = m.base_seed;
    metadata["replicates"] = m.replicates;
    metadata["code_version"] = m.code_version;
    metadata["library_versions"] = m.library_versions;
    metadata["created_utc"] = m.created_utc;
    metadata["agents"] = m.agents;
    metadata["threads"] = m.threads;
    py::dict result;
    result["indicators"] = indicators;
    result["units"] = units;
    result["descriptions"] = descriptions;
    result["group_labels"] = output.group_labels;
    result["months"] = output.months;
    result["metadata"] = metadata;
    return result;
}

}  // namespace

PYBIND11_MODULE(_core, module) {
    module.doc() = "taalwerk simulation core (C++). Use the taalwerk package rather than this module.";
    py::register_exception<ScenarioError>(module, "ScenarioError", PyExc_ValueError);
    py::register_exception<OutputError>(module, "OutputError", PyExc_OSError);

    module.def("run", &run, py::arg("scenario_path"), py::arg("seed") = 1, py::arg("replicates") = 1,
               py::arg("threads") = 0, py::arg("overrides") = py::dict(),
               "Run a scenario file (with validated overrides); returns indicators as (replicate, month, group) arrays.");
    module.def(
        "resolved_scenario",
        [](const std::string& path, const py::dict& overrides) {
            const Scenario scenario = load_with_overrides(path, overrides);
            read_model_parameters(scenario);
            return scenario.resolved_toml();
        },
        py::arg("scenario_path"), py::arg("overrides") = py::dict(),
        "Validate a scenario (and overrides) and return the fully resolved scenario as TOML text.");
    module.def(
        "run_command_line",
        [](const std::vector<std::string>& arguments) {
            py::gil_scoped_release release;
            return run_command_line(arguments);
        },
        py::arg("arguments"), "Run the taalwerk command line with these arguments; returns the exit code.");
    module.def(
        "seal_file",
        [](const std::string& path) {
            py::gil_scoped_release release;
            seal_file(path);
        },
        py::arg("path"), "Seal an HDF5 file written with a 512-byte user block of zeros (length and CRC-32 of the rest).");
    module.def(
        "check_seal",
        [](const std::string& path) {
            py::gil_scoped_release release;
            return check_seal(path) == SealState::intact;
        },
        py::arg("path"),
        "True if the file is sealed and intact, False if it has no seal; raises OutputError naming the file if the "
        "seal is broken (damaged, truncated). Call before HDF5 opens the file: libhdf5 can hang on damaged files.");
    module.def("parameters_markdown", [] { return parameters_markdown(model_catalogue()); });
    module.def("version", [] { return std::string(build_info::git_describe); });
    module.def("library_versions", [] { return library_versions(); });
}
