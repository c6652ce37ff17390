// read_run_output: reads back what write_run_output wrote, checking the layout as it goes.
#include <hdf5.h>

#include <limits>
#include <set>
#include <string>
#include <vector>

#include "output/file_seal.hpp"
#include "output/hdf5_attributes.hpp"
#include "output/hdf5_error.hpp"
#include "output/hdf5_handle.hpp"
#include "output/hdf5_types.hpp"
#include "output/output_file_layout.hpp"
#include "output/run_output.hpp"

namespace taalwerk {

namespace {

using hdf5::check;
using hdf5::Hdf5Failure;
using hdf5::Hdf5Handle;
namespace layout = output_layout;

Hdf5Handle open_file(const std::filesystem::path& path) {
    return Hdf5Handle(H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT), H5Fclose, "not a readable HDF5 file");
}

Hdf5Handle open_dataset(hid_t file, const char* name) {
    if (check(H5Lexists(file, name, H5P_DEFAULT), "cannot look up '" + std::string(name) + "'") <= 0) {
        throw Hdf5Failure("dataset '" + std::string(name) + "' is missing");
    }
    return Hdf5Handle(H5Dopen2(file, name, H5P_DEFAULT), H5Dclose, "cannot open dataset '" + std::string(name) + "'");
}

std::vector<hsize_t> dataset_shape(hid_t dataset, const std::string& label) {
    const Hdf5Handle space(H5Dget_space(dataset), H5Sclose, "cannot get the dataspace of " + label);
    const int rank = check(H5Sget_simple_extent_ndims(space.get()), "cannot get the rank of " + label);
    std::vector<hsize_t> shape(static_cast<std::size_t>(rank));
    check(H5Sget_simple_extent_dims(space.get(), shape.data(), nullptr), "cannot get the shape of " + label);
    return shape;
}

// How many bytes of values a file of `file_bytes` can hold at most: deflate cannot compress
// better than about 1032:1, so a dataset that claims more is damaged. Checked before anything is
// allocated, so a corrupt dimension size cannot make the reader allocate gigabytes.
std::uint64_t value_byte_budget(std::uint64_t file_bytes) { return file_bytes * 1100 + 4096; }

void require_within_budget(std::uint64_t elements, std::uint64_t element_bytes, std::uint64_t budget,
                           const std::string& label) {
    if (element_bytes != 0 && elements > budget / element_bytes) {
        throw Hdf5Failure(label + " claims " + std::to_string(elements) +
                          " values, more than a file of this size can hold: the file is damaged");
    }
}

std::string shape_text(const std::vector<hsize_t>& shape) {
    std::string text = "(";
    for (std::size_t axis = 0; axis < shape.size(); ++axis) {
        text += (axis > 0 ? ", " : "") + std::to_string(shape[axis]);
    }
    return text + ")";
}

void require_type_class(hid_t dataset, H5T_class_t expected, const std::string& label, const char* description) {
    const Hdf5Handle type(H5Dget_type(dataset), H5Tclose, "cannot get the type of " + label);
    const H5T_class_t stored = H5Tget_class(type.get());
    const bool variable_string = stored == H5T_STRING && H5Tis_variable_str(type.get()) > 0;
    if (stored != expected || (expected == H5T_STRING && !variable_string)) {
        throw Hdf5Failure(label + " does not hold " + description);
    }
}

// The values of the 1-D integer coordinate dataset `name`.
template <typename Number>
std::vector<Number> read_number_coordinate(hid_t file, const char* name, std::uint64_t budget) {
    const std::string label = "dataset '" + std::string(name) + "'";
    const Hdf5Handle dataset = open_dataset(file, name);
    require_type_class(dataset.get(), H5T_INTEGER, label, "integers");
    const std::vector<hsize_t> shape = dataset_shape(dataset.get(), label);
    if (shape.size() != 1) throw Hdf5Failure(label + " has shape " + shape_text(shape) + " where 1-D is expected");
    require_within_budget(shape[0], sizeof(Number), budget, label);
    std::vector<Number> values(shape[0]);
    if (!values.empty()) {
        check(H5Dread(dataset.get(), hdf5::memory_type_of<Number>(), H5S_ALL, H5S_ALL, H5P_DEFAULT, values.data()),
              "cannot read " + label);
    }
    return values;
}

std::vector<std::string> read_string_coordinate(hid_t file, const char* name, std::uint64_t budget) {
    const std::string label = "dataset '" + std::string(name) + "'";
    const Hdf5Handle dataset = open_dataset(file, name);
    require_type_class(dataset.get(), H5T_STRING, label, "variable-length strings");
    const std::vector<hsize_t> shape = dataset_shape(dataset.get(), label);
    if (shape.size() != 1) throw Hdf5Failure(label + " has shape " + shape_text(shape) + " where 1-D is expected");
    require_within_budget(shape[0], sizeof(char*), budget, label);
    if (shape[0] == 0) return {};

    const Hdf5Handle type = hdf5::utf8_string_type();
    const Hdf5Handle space(H5Dget_space(dataset.get()), H5Sclose, "cannot get the dataspace of " + label);
    std::vector<char*> texts(shape[0], nullptr);
    // HDF5 allocates the strings; give them back however we leave this function, including when
    // the read fails halfway through a damaged file (the guard is set before reading; the
    // pointers it was not given stay null, and reclaiming a null string is a no-op).
    struct ReclaimStrings {
        hid_t type, space;
        std::vector<char*>& texts;
        ~ReclaimStrings() { H5Dvlen_reclaim(type, space, H5P_DEFAULT, texts.data()); }
    } reclaim{type.get(), space.get(), texts};
    check(H5Dread(dataset.get(), type.get(), H5S_ALL, H5S_ALL, H5P_DEFAULT, texts.data()), "cannot read " + label);

    std::vector<std::string> values;
    for (const char* text : texts) values.emplace_back(text == nullptr ? "" : text);
    return values;
}

RunMetadata read_metadata(hid_t root, std::vector<std::uint32_t> replicate_ids) {
    RunMetadata metadata;
    metadata.scenario_name = hdf5::read_string_attribute(root, layout::scenario_name_attribute);
    metadata.scenario_toml = hdf5::read_string_attribute(root, layout::scenario_toml_attribute);
    metadata.base_seed = hdf5::read_number_attribute<std::uint64_t>(root, layout::base_seed_attribute);
    metadata.code_version = hdf5::read_string_attribute(root, layout::code_version_attribute);
    metadata.created_utc = hdf5::read_string_attribute(root, layout::created_utc_attribute);
    metadata.agents = hdf5::read_number_attribute<std::int64_t>(root, layout::agents_attribute);
    metadata.threads = hdf5::read_number_attribute<std::int32_t>(root, layout::threads_attribute);
    const std::string prefix = layout::library_version_prefix;
    for (const std::string& name : hdf5::attribute_names(root)) {
        if (name.size() > prefix.size() && name.starts_with(prefix)) {
            metadata.library_versions[name.substr(prefix.size())] = hdf5::read_string_attribute(root, name.c_str());
        }
    }
    // The replicate ids are stored twice (coordinate and attribute); a mismatch means an edited
    // or damaged file.
    if (hdf5::read_number_array_attribute<std::uint32_t>(root, layout::replicates_attribute) != replicate_ids) {
        throw Hdf5Failure("the 'replicates' attribute does not match the replicate coordinate");
    }
    metadata.replicates = std::move(replicate_ids);
    return metadata;
}

void check_layout_version(hid_t root) {
    if (!hdf5::has_attribute(root, layout::layout_version_attribute)) {
        throw Hdf5Failure("attribute 'layout_version' is missing: not a taalwerk output file");
    }
    const auto version = hdf5::read_number_attribute<std::int32_t>(root, layout::layout_version_attribute);
    if (version != layout::layout_version) {
        throw Hdf5Failure("layout version " + std::to_string(version) +
                          " is not supported (this program reads version " + std::to_string(layout::layout_version) +
                          ")");
    }
}

// Names of the objects in the root group, in creation order when the file tracks it (files from
// write_run_output do), so indicators come back in the order they were written.
std::vector<std::string> root_link_names(hid_t root) {
    const Hdf5Handle properties(H5Gget_create_plist(root), H5Pclose, "cannot get the root group properties");
    unsigned order_flags = 0;
    check(H5Pget_link_creation_order(properties.get(), &order_flags), "cannot get the root group link order");
    const H5_index_t index = (order_flags & H5P_CRT_ORDER_TRACKED) != 0 ? H5_INDEX_CRT_ORDER : H5_INDEX_NAME;

    H5G_info_t info;
    check(H5Gget_info(root, &info), "cannot list the root group");
    std::vector<std::string> names;
    for (hsize_t position = 0; position < info.nlinks; ++position) {
        const ssize_t length =
            check(H5Lget_name_by_idx(root, ".", index, H5_ITER_INC, position, nullptr, 0, H5P_DEFAULT),
                  "cannot get a name in the root group");
        std::string name(static_cast<std::size_t>(length) + 1, '\0');
        check(H5Lget_name_by_idx(root, ".", index, H5_ITER_INC, position, name.data(), name.size(), H5P_DEFAULT),
              "cannot get a name in the root group");
        name.resize(static_cast<std::size_t>(length));
        names.push_back(std::move(name));
    }
    return names;
}

Indicator read_indicator(hid_t dataset, const std::string& name, const std::vector<hsize_t>& expected_shape) {
    const std::string label = "indicator '" + name + "'";
    require_type_class(dataset, H5T_FLOAT, label, "floating-point numbers");
    const std::vector<hsize_t> shape = dataset_shape(dataset, label);
    if (shape != expected_shape) {
        throw Hdf5Failure(label + " has shape " + shape_text(shape) + " where (replicate, month, group) = " +
                          shape_text(expected_shape) + " is expected");
    }
    Indicator indicator;
    indicator.name = name;
    indicator.unit = hdf5::read_string_attribute(dataset, layout::units_attribute);
    indicator.description = hdf5::read_string_attribute(dataset, layout::long_name_attribute);
    indicator.values.resize(expected_shape[0] * expected_shape[1] * expected_shape[2]);
    check(H5Dread(dataset, hdf5::memory_type_of<double>(), H5S_ALL, H5S_ALL, H5P_DEFAULT, indicator.values.data()),
          "cannot read " + label);
    return indicator;
}

// Every dataset in the root group other than the coordinates is an indicator.
std::vector<Indicator> read_indicators(hid_t root, const std::vector<hsize_t>& shape) {
    const std::set<std::string> coordinates = {layout::replicate_dimension, layout::month_dimension,
                                               layout::group_dimension};
    std::vector<Indicator> indicators;
    for (const std::string& name : root_link_names(root)) {
        if (coordinates.contains(name)) continue;
        const Hdf5Handle object(H5Oopen(root, name.c_str(), H5P_DEFAULT), H5Oclose, "cannot open '" + name + "'");
        if (H5Iget_type(object.get()) != H5I_DATASET) continue;  // not part of layout version 1
        indicators.push_back(read_indicator(object.get(), name, shape));
    }
    return indicators;
}

RunOutput read_file(const std::filesystem::path& path) {
    const std::uint64_t budget = value_byte_budget(std::filesystem::file_size(path));
    const Hdf5Handle file = open_file(path);
    const Hdf5Handle root(H5Gopen2(file.get(), "/", H5P_DEFAULT), H5Gclose, "cannot open the root group");
    check_layout_version(root.get());

    RunOutput output;
    std::vector<std::uint32_t> replicate_ids =
        read_number_coordinate<std::uint32_t>(file.get(), layout::replicate_dimension, budget);
    const std::vector<std::int32_t> months = read_number_coordinate<std::int32_t>(file.get(), layout::month_dimension, budget);
    output.group_labels = read_string_coordinate(file.get(), layout::group_dimension, budget);
    for (std::size_t month = 0; month < months.size(); ++month) {
        if (months[month] != static_cast<std::int32_t>(month)) {
            throw Hdf5Failure("dataset 'month' does not count 0, 1, 2, ... at position " + std::to_string(month));
        }
    }
    output.months = static_cast<int>(months.size());  // fits: each value was an int32 equal to its position

    const std::vector<hsize_t> shape = {replicate_ids.size(), months.size(), output.group_labels.size()};
    if (shape[0] == 0 || shape[1] == 0 || shape[2] == 0) {
        throw Hdf5Failure("the dimensions " + shape_text(shape) + " are empty");
    }
    // The coordinates are in memory already, so each axis is modest; their product may still not be.
    if (shape[2] > std::numeric_limits<std::size_t>::max() / sizeof(double) / shape[0] / shape[1]) {
        throw Hdf5Failure("the dimensions " + shape_text(shape) + " are too large");
    }
    require_within_budget(shape[0] * shape[1] * shape[2], sizeof(double), budget,
                          "each indicator of shape " + shape_text(shape));
    output.metadata = read_metadata(root.get(), std::move(replicate_ids));
    output.indicators = read_indicators(root.get(), shape);
    return output;
}

}  // namespace

RunOutput read_run_output(const std::filesystem::path& source) {
    const auto failure = [&](const std::string& reason) {
        return OutputError("cannot read output file '" + source.string() + "': " + reason);
    };
    try {
        if (!std::filesystem::exists(source)) throw failure("no such file");
        if (std::filesystem::is_directory(source)) throw failure("it is a folder");
        check_seal(source);  // before HDF5 parses anything: libhdf5 can hang on some damaged files
        const hdf5::Hdf5Access access;
        return read_file(source);
    } catch (const OutputError&) {
        throw;
    } catch (const std::bad_alloc&) {
        throw failure("not enough memory; the file may be damaged");
    } catch (const std::exception& error) {
        throw failure(error.what());
    }
}

}  // namespace taalwerk
