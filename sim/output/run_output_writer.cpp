// write_run_output: the HDF5 layout of docs/output-file-format.md, written all-or-nothing.
#include <hdf5.h>
#include <hdf5_hl.h>

#include <algorithm>
#include <cstddef>
#include <string>
#include <system_error>
#include <vector>

#include "output/file_seal.hpp"
#include "output/hdf5_attributes.hpp"
#include "output/hdf5_error.hpp"
#include "output/hdf5_handle.hpp"
#include "output/hdf5_types.hpp"
#include "output/output_file_layout.hpp"
#include "output/output_target.hpp"
#include "output/run_output.hpp"
#include "output/run_output_validation.hpp"
#include "output/staged_file.hpp"

namespace taalwerk {

namespace {

using hdf5::check;
using hdf5::Hdf5Handle;
namespace layout = output_layout;

// netCDF-4 keeps the order in which variables and attributes were defined; tracking creation
// order lets netCDF and xarray list them as written (replicate, month, group, then indicators).
constexpr unsigned creation_order = H5P_CRT_ORDER_TRACKED | H5P_CRT_ORDER_INDEXED;
constexpr unsigned deflate_level = 4;  // most of the gain of level 9 at a fraction of the time
// Chunks of about 256 KiB: large enough for deflate to work well and keep the chunk index small,
// small enough for HDF5's default 1 MiB chunk cache.
constexpr hsize_t values_per_chunk = 256 * 1024 / sizeof(double);
// How much the in-memory file grows at a time. Large blocks are grown by remapping, not copying.
constexpr std::size_t memory_increment = 16 * 1024 * 1024;

// The file is built in memory (HDF5's "core" driver without a backing file) and written out by
// StagedFile: HDF5 then never meets a full disk or an I/O error, after which it cannot close the
// file cleanly and may crash when the library shuts down at exit.
Hdf5Handle create_file_in_memory(const std::string& name) {
    const Hdf5Handle creation(H5Pcreate(H5P_FILE_CREATE), H5Pclose, "cannot create file creation properties");
    check(H5Pset_link_creation_order(creation.get(), creation_order), "cannot track link creation order");
    check(H5Pset_attr_creation_order(creation.get(), creation_order), "cannot track attribute creation order");
    // Without modification times in object headers, equal runs give files that differ only in
    // created_utc.
    check(H5Pset_obj_track_times(creation.get(), false), "cannot turn off object times");

    const Hdf5Handle access(H5Pcreate(H5P_FILE_ACCESS), H5Pclose, "cannot create file access properties");
    check(H5Pset_fapl_core(access.get(), memory_increment, false), "cannot select the in-memory file driver");
    // Nothing newer than the HDF5 1.8 format, so every HDF5 since 1.8 can read the file. The lower
    // bound keeps the version 0 superblock, which has no checksum: before HDF5 2.0,
    // H5Fget_file_image clears a flag in newer superblocks without updating their checksum, and
    // the image is unreadable (HDFGroup/hdf5 issue #1915).
    check(H5Pset_libver_bounds(access.get(), H5F_LIBVER_EARLIEST, H5F_LIBVER_V18),
          "cannot set the file format versions");
    // Closing fails if an object is still open (a handle leak) instead of silently keeping it.
    check(H5Pset_fclose_degree(access.get(), H5F_CLOSE_SEMI), "cannot set the file close degree");

    return Hdf5Handle(H5Fcreate(name.c_str(), H5F_ACC_TRUNC, creation.get(), access.get()), H5Fclose,
                      "cannot create the file in memory");
}

Hdf5Handle dataset_creation_properties() {
    Hdf5Handle properties(H5Pcreate(H5P_DATASET_CREATE), H5Pclose, "cannot create dataset creation properties");
    check(H5Pset_attr_creation_order(properties.get(), creation_order), "cannot track attribute creation order");
    check(H5Pset_obj_track_times(properties.get(), false), "cannot turn off object times");
    return properties;
}

Hdf5Handle create_dataset(hid_t file, const char* name, hid_t type, const std::vector<hsize_t>& dimensions,
                          hid_t properties) {
    const Hdf5Handle space(H5Screate_simple(static_cast<int>(dimensions.size()), dimensions.data(), nullptr), H5Sclose,
                           "cannot create the dataspace of '" + std::string(name) + "'");
    return Hdf5Handle(H5Dcreate2(file, name, type, space.get(), H5P_DEFAULT, properties, H5P_DEFAULT), H5Dclose,
                      "cannot create dataset '" + std::string(name) + "'");
}

// A 1-D coordinate dataset that is also the HDF5 dimension scale `name`: netCDF-4 and xarray
// read such a dataset as dimension `name` with its coordinate values.
Hdf5Handle write_coordinate(hid_t file, const char* name, hid_t file_type, hid_t memory_type, hsize_t length,
                            const void* values, const char* long_name) {
    const Hdf5Handle properties = dataset_creation_properties();
    Hdf5Handle dataset = create_dataset(file, name, file_type, {length}, properties.get());
    check(H5Dwrite(dataset.get(), memory_type, H5S_ALL, H5S_ALL, H5P_DEFAULT, values),
          "cannot write dataset '" + std::string(name) + "'");
    check(H5DSset_scale(dataset.get(), name), "cannot make '" + std::string(name) + "' a dimension scale");
    hdf5::write_string_attribute(dataset.get(), layout::long_name_attribute, long_name);
    return dataset;
}

struct DimensionScales {
    Hdf5Handle replicate;
    Hdf5Handle month;
    Hdf5Handle group;
};

DimensionScales write_coordinates(hid_t file, const RunOutput& output) {
    const std::vector<std::uint32_t>& replicate_ids = output.metadata.replicates;
    std::vector<std::int32_t> months(static_cast<std::size_t>(output.months));
    for (std::size_t month = 0; month < months.size(); ++month) months[month] = static_cast<std::int32_t>(month);
    std::vector<const char*> group_labels;
    for (const std::string& label : output.group_labels) group_labels.push_back(label.c_str());
    const Hdf5Handle string_type = hdf5::utf8_string_type();

    DimensionScales scales{
        write_coordinate(file, layout::replicate_dimension, hdf5::file_type_of<std::uint32_t>(),
                         hdf5::memory_type_of<std::uint32_t>(), replicate_ids.size(), replicate_ids.data(),
                         layout::replicate_long_name),
        write_coordinate(file, layout::month_dimension, hdf5::file_type_of<std::int32_t>(),
                         hdf5::memory_type_of<std::int32_t>(), months.size(), months.data(), layout::month_long_name),
        write_coordinate(file, layout::group_dimension, string_type.get(), string_type.get(), group_labels.size(),
                         group_labels.data(), layout::group_long_name)};
    hdf5::write_string_attribute(scales.month.get(), layout::units_attribute, layout::month_units);
    return scales;
}

// Whole group and month axes if they fit, then as many replicates as fit: one replicate's
// curves, or all of them for small runs, come from one chunk.
std::vector<hsize_t> indicator_chunk_shape(const std::vector<hsize_t>& shape) {
    const hsize_t groups = std::min(shape[2], values_per_chunk);
    const hsize_t months = std::min(shape[1], std::max<hsize_t>(1, values_per_chunk / groups));
    const hsize_t replicates = std::min(shape[0], std::max<hsize_t>(1, values_per_chunk / (groups * months)));
    return {replicates, months, groups};
}

void write_indicator(hid_t file, const Indicator& indicator, const std::vector<hsize_t>& shape,
                     const DimensionScales& scales) {
    const std::string label = "indicator '" + indicator.name + "'";
    const Hdf5Handle properties = dataset_creation_properties();
    const std::vector<hsize_t> chunk_shape = indicator_chunk_shape(shape);
    check(H5Pset_chunk(properties.get(), static_cast<int>(chunk_shape.size()), chunk_shape.data()),
          "cannot chunk " + label);
    // Shuffle puts the bytes of equal significance together, which deflate compresses far better;
    // the checksum turns a corrupted chunk into a read error instead of wrong numbers.
    check(H5Pset_shuffle(properties.get()), "cannot set the shuffle filter of " + label);
    check(H5Pset_deflate(properties.get(), deflate_level), "cannot set the deflate filter of " + label);
    check(H5Pset_fletcher32(properties.get()), "cannot set the checksum filter of " + label);

    const Hdf5Handle dataset =
        create_dataset(file, indicator.name.c_str(), hdf5::file_type_of<double>(), shape, properties.get());
    check(H5Dwrite(dataset.get(), hdf5::memory_type_of<double>(), H5S_ALL, H5S_ALL, H5P_DEFAULT,
                   indicator.values.data()),
          "cannot write " + label);
    check(H5DSattach_scale(dataset.get(), scales.replicate.get(), 0), "cannot attach the replicate scale to " + label);
    check(H5DSattach_scale(dataset.get(), scales.month.get(), 1), "cannot attach the month scale to " + label);
    check(H5DSattach_scale(dataset.get(), scales.group.get(), 2), "cannot attach the group scale to " + label);
    hdf5::write_string_attribute(dataset.get(), layout::units_attribute, indicator.unit);
    hdf5::write_string_attribute(dataset.get(), layout::long_name_attribute, indicator.description);
}

void write_root_attributes(hid_t file, const RunMetadata& metadata) {
    const Hdf5Handle root(H5Gopen2(file, "/", H5P_DEFAULT), H5Gclose, "cannot open the root group");
    const hid_t group = root.get();
    hdf5::write_string_attribute(group, layout::title_attribute, layout::title);
    hdf5::write_string_attribute(group, layout::conventions_attribute, layout::conventions);
    hdf5::write_number_attribute<std::int32_t>(group, layout::layout_version_attribute, layout::layout_version);
    hdf5::write_string_attribute(group, layout::scenario_name_attribute, metadata.scenario_name);
    hdf5::write_number_attribute<std::uint64_t>(group, layout::base_seed_attribute, metadata.base_seed);
    hdf5::write_number_array_attribute<std::uint32_t>(group, layout::replicates_attribute, metadata.replicates);
    hdf5::write_number_attribute<std::int64_t>(group, layout::agents_attribute, metadata.agents);
    hdf5::write_number_attribute<std::int32_t>(group, layout::threads_attribute, metadata.threads);
    hdf5::write_string_attribute(group, layout::created_utc_attribute, metadata.created_utc);
    hdf5::write_string_attribute(group, layout::code_version_attribute, metadata.code_version);
    for (const auto& [library, version] : metadata.library_versions) {
        hdf5::write_string_attribute(group, (layout::library_version_prefix + library).c_str(), version);
    }
    // Last, so the short attributes above come first in h5dump and ncdump listings.
    hdf5::write_string_attribute(group, layout::scenario_toml_attribute, metadata.scenario_toml);
}

// The bytes of the complete file: the seal (output/file_seal.hpp), then the HDF5 file. `name`
// only labels the file inside HDF5. The seal block is put in front of the image rather than
// reserved with H5Pset_userblock, which the in-memory driver's image does not honour; HDF5 finds
// the superblock at byte 512 and takes that as the base of all its addresses.
std::vector<std::byte> build_file_image(const RunOutput& output, const std::string& name) {
    Hdf5Handle file = create_file_in_memory(name);
    {
        const DimensionScales scales = write_coordinates(file.get(), output);
        const std::vector<hsize_t> shape = {output.replicate_count(), static_cast<hsize_t>(output.months),
                                            output.group_labels.size()};
        for (const Indicator& indicator : output.indicators) write_indicator(file.get(), indicator, shape, scales);
        write_root_attributes(file.get(), output.metadata);
    }
    // H5Fget_file_image copies what the driver holds; metadata still in HDF5's caches must go first.
    check(H5Fflush(file.get(), H5F_SCOPE_GLOBAL), "cannot flush the file in memory");
    const ssize_t size = check(H5Fget_file_image(file.get(), nullptr, 0), "cannot measure the file image");
    std::vector<std::byte> image(seal_block_bytes + static_cast<std::size_t>(size));
    check(H5Fget_file_image(file.get(), image.data() + seal_block_bytes, static_cast<std::size_t>(size)),
          "cannot copy the file image");
    file.close("cannot close the file in memory");
    seal_file_image(image);
    return image;
}

void create_parent_folder(const std::filesystem::path& target) {
    if (!target.has_parent_path()) return;
    std::error_code error;
    std::filesystem::create_directories(target.parent_path(), error);
    if (error) {
        throw OutputError("cannot create folder '" + target.parent_path().string() + "' for output file '" +
                          target.string() + "': " + error.message());
    }
}

}  // namespace

void write_run_output(const RunOutput& output, const std::filesystem::path& target, bool overwrite) {
    const auto failure = [&](const std::string& reason) {
        return OutputError("cannot write output file '" + target.string() + "': " + reason);
    };
    try {
        validate_run_output(output);
    } catch (const OutputError& error) {
        throw failure(error.what());
    }
    try {
        check_output_target(target, overwrite);
        create_parent_folder(target);

        StagedFile staged(target);  // removes the temporary file if we leave by an exception
        std::vector<std::byte> image;
        {
            const hdf5::Hdf5Access access;
            image = build_file_image(output, staged.temporary_path().string());
        }
        staged.write(image);
        check_output_target(target, overwrite);  // again: the target may have appeared meanwhile
        staged.commit();
    } catch (const OutputError&) {
        throw;
    } catch (const std::exception& error) {
        throw failure(error.what());
    }
}

}  // namespace taalwerk
