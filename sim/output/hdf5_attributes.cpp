#include "output/hdf5_attributes.hpp"

#include <memory>

namespace taalwerk::hdf5 {

namespace {

std::string object_path(hid_t object) {
    const ssize_t length = H5Iget_name(object, nullptr, 0);
    if (length <= 0) return "?";
    std::string path(static_cast<std::size_t>(length) + 1, '\0');
    H5Iget_name(object, path.data(), path.size());
    path.resize(static_cast<std::size_t>(length));
    return path;
}

Hdf5Handle open_attribute(hid_t object, const char* name) {
    if (!has_attribute(object, name)) throw Hdf5Failure(attribute_label(object, name) + " is missing");
    return Hdf5Handle(H5Aopen(object, name, H5P_DEFAULT), H5Aclose, "cannot open " + attribute_label(object, name));
}

// Number of elements in the attribute's dataspace, which must be scalar or 1-D.
hsize_t element_count(hid_t attribute, const std::string& label) {
    const Hdf5Handle space(H5Aget_space(attribute), H5Sclose, "cannot get the dataspace of " + label);
    const int rank = check(H5Sget_simple_extent_ndims(space.get()), "cannot get the rank of " + label);
    if (rank > 1) {
        throw Hdf5Failure(label + " has " + std::to_string(rank) + " dimensions where at most one is expected");
    }
    const hssize_t count = check(H5Sget_simple_extent_npoints(space.get()), "cannot count the values of " + label);
    // Our attributes hold at most a replicate id per replicate; a damaged dataspace could claim
    // billions, which the reader would otherwise allocate before reading fails.
    constexpr hssize_t most_values = hssize_t{1} << 24;
    if (count > most_values) {
        throw Hdf5Failure(label + " claims " + std::to_string(count) + " values: the file is damaged");
    }
    return static_cast<hsize_t>(count);
}

herr_t collect_attribute_name(hid_t /*object*/, const char* name, const H5A_info_t* /*info*/, void* names) {
    try {
        static_cast<std::vector<std::string>*>(names)->emplace_back(name);
        return 0;
    } catch (...) {  // an exception must not unwind through HDF5's C frames
        return -1;
    }
}

}  // namespace

std::string attribute_label(hid_t object, const char* name) {
    return "attribute '" + std::string(name) + "' of '" + object_path(object) + "'";
}

bool has_attribute(hid_t object, const char* name) {
    return check(H5Aexists(object, name), "cannot look up " + attribute_label(object, name)) > 0;
}

std::vector<std::string> attribute_names(hid_t object) {
    std::vector<std::string> names;
    check(H5Aiterate2(object, H5_INDEX_NAME, H5_ITER_INC, nullptr, collect_attribute_name, &names),
          "cannot list the attributes of '" + object_path(object) + "'");
    return names;
}

void write_string_attribute(hid_t object, const char* name, const std::string& value) {
    const std::string label = attribute_label(object, name);
    const Hdf5Handle type = utf8_string_type();
    const Hdf5Handle space(H5Screate(H5S_SCALAR), H5Sclose, "cannot create a scalar dataspace");
    const Hdf5Handle attribute(H5Acreate2(object, name, type.get(), space.get(), H5P_DEFAULT, H5P_DEFAULT),
                               H5Aclose, "cannot create " + label);
    const char* text = value.c_str();
    check(H5Awrite(attribute.get(), type.get(), &text), "cannot write " + label);
}

std::string read_string_attribute(hid_t object, const char* name) {
    const std::string label = attribute_label(object, name);
    const Hdf5Handle attribute = open_attribute(object, name);
    const Hdf5Handle stored_type(H5Aget_type(attribute.get()), H5Tclose, "cannot get the type of " + label);
    if (H5Tget_class(stored_type.get()) != H5T_STRING || H5Tis_variable_str(stored_type.get()) <= 0) {
        throw Hdf5Failure(label + " is not a variable-length string");
    }
    if (element_count(attribute.get(), label) != 1) throw Hdf5Failure(label + " holds more than one string");

    const Hdf5Handle type = utf8_string_type();
    char* text = nullptr;
    check(H5Aread(attribute.get(), type.get(), &text), "cannot read " + label);
    // HDF5 allocated the text; hand it back to HDF5 however we leave this function.
    const std::unique_ptr<char, herr_t (*)(void*)> owned_text(text, H5free_memory);
    return text == nullptr ? std::string() : std::string(text);
}

void write_numbers_attribute(hid_t object, const char* name, hid_t file_type, hid_t memory_type,
                             const void* values, hsize_t count, bool scalar) {
    const std::string label = attribute_label(object, name);
    const Hdf5Handle space(scalar ? H5Screate(H5S_SCALAR) : H5Screate_simple(1, &count, nullptr), H5Sclose,
                           "cannot create the dataspace of " + label);
    const Hdf5Handle attribute(H5Acreate2(object, name, file_type, space.get(), H5P_DEFAULT, H5P_DEFAULT), H5Aclose,
                               "cannot create " + label);
    check(H5Awrite(attribute.get(), memory_type, values), "cannot write " + label);
}

std::size_t number_attribute_length(hid_t object, const char* name, H5T_class_t expected_class) {
    const std::string label = attribute_label(object, name);
    const Hdf5Handle attribute = open_attribute(object, name);
    const Hdf5Handle stored_type(H5Aget_type(attribute.get()), H5Tclose, "cannot get the type of " + label);
    if (H5Tget_class(stored_type.get()) != expected_class) {
        const char* expected = expected_class == H5T_INTEGER ? "an integer" : "a floating-point number";
        throw Hdf5Failure(label + " is not " + expected);
    }
    return static_cast<std::size_t>(element_count(attribute.get(), label));
}

void read_numbers_attribute(hid_t object, const char* name, hid_t memory_type, void* values) {
    const Hdf5Handle attribute = open_attribute(object, name);
    check(H5Aread(attribute.get(), memory_type, values), "cannot read " + attribute_label(object, name));
}

}  // namespace taalwerk::hdf5
