#pragma once
// Reading and writing HDF5 attributes: scalar UTF-8 strings, scalar numbers and 1-D number arrays.
// Readers check the stored type and size and throw Hdf5Failure naming the attribute and its object.
#include <hdf5.h>

#include <string>
#include <type_traits>
#include <vector>

#include "output/hdf5_types.hpp"

namespace taalwerk::hdf5 {

// "attribute 'units' of '/persons_in_paid_work'", for messages.
std::string attribute_label(hid_t object, const char* name);

bool has_attribute(hid_t object, const char* name);
std::vector<std::string> attribute_names(hid_t object);

// Strings are variable-length: their text lives in HDF5's global heap, not in the object header,
// so a scenario of hundreds of KB fits in an attribute (object headers stop at 64 KB).
void write_string_attribute(hid_t object, const char* name, const std::string& value);
std::string read_string_attribute(hid_t object, const char* name);

// `count` numbers at `values`, converted from `memory_type` to `file_type`. Stored as a scalar
// when `scalar` (the usual form of one number), else as a 1-D array.
void write_numbers_attribute(hid_t object, const char* name, hid_t file_type, hid_t memory_type,
                             const void* values, hsize_t count, bool scalar);
// How many numbers attribute `name` holds, after checking that it is a scalar or 1-D attribute
// of numbers of `expected_class` (H5T_INTEGER or H5T_FLOAT).
std::size_t number_attribute_length(hid_t object, const char* name, H5T_class_t expected_class);
// Reads all numbers of attribute `name`, converted to `memory_type`, into `values`.
void read_numbers_attribute(hid_t object, const char* name, hid_t memory_type, void* values);

template <typename Number>
void write_number_attribute(hid_t object, const char* name, Number value) {
    write_numbers_attribute(object, name, file_type_of<Number>(), memory_type_of<Number>(), &value, 1, true);
}

template <typename Number>
void write_number_array_attribute(hid_t object, const char* name, const std::vector<Number>& values) {
    write_numbers_attribute(object, name, file_type_of<Number>(), memory_type_of<Number>(), values.data(),
                            values.size(), false);
}

template <typename Number>
std::vector<Number> read_number_array_attribute(hid_t object, const char* name) {
    const H5T_class_t expected_class = std::is_floating_point_v<Number> ? H5T_FLOAT : H5T_INTEGER;
    std::vector<Number> values(number_attribute_length(object, name, expected_class));
    if (!values.empty()) read_numbers_attribute(object, name, memory_type_of<Number>(), values.data());
    return values;
}

template <typename Number>
Number read_number_attribute(hid_t object, const char* name) {
    const std::vector<Number> values = read_number_array_attribute<Number>(object, name);
    if (values.size() != 1) {
        throw Hdf5Failure(attribute_label(object, name) + " holds " + std::to_string(values.size()) +
                          " values where one is expected");
    }
    return values.front();
}

}  // namespace taalwerk::hdf5
