#pragma once
// Which HDF5 datatype stands for which C++ type: in memory (native) and in the file (fixed,
// little-endian, so a file looks the same whichever machine wrote it).
#include <hdf5.h>

#include <cstdint>
#include <type_traits>

#include "output/hdf5_handle.hpp"

namespace taalwerk::hdf5 {

template <typename Number>
hid_t memory_type_of() {
    if constexpr (std::is_same_v<Number, std::int32_t>) return H5T_NATIVE_INT32;
    else if constexpr (std::is_same_v<Number, std::int64_t>) return H5T_NATIVE_INT64;
    else if constexpr (std::is_same_v<Number, std::uint32_t>) return H5T_NATIVE_UINT32;
    else if constexpr (std::is_same_v<Number, std::uint64_t>) return H5T_NATIVE_UINT64;
    else if constexpr (std::is_same_v<Number, double>) return H5T_NATIVE_DOUBLE;
    else static_assert(!sizeof(Number), "no HDF5 type for this C++ type");
}

template <typename Number>
hid_t file_type_of() {
    if constexpr (std::is_same_v<Number, std::int32_t>) return H5T_STD_I32LE;
    else if constexpr (std::is_same_v<Number, std::int64_t>) return H5T_STD_I64LE;
    else if constexpr (std::is_same_v<Number, std::uint32_t>) return H5T_STD_U32LE;
    else if constexpr (std::is_same_v<Number, std::uint64_t>) return H5T_STD_U64LE;
    else if constexpr (std::is_same_v<Number, double>) return H5T_IEEE_F64LE;
    else static_assert(!sizeof(Number), "no HDF5 type for this C++ type");
}

// Variable-length, NUL-terminated UTF-8 string: what netCDF-4 calls NC_STRING, read by xarray as
// str. Used both in memory (as const char*) and in the file.
Hdf5Handle utf8_string_type();

}  // namespace taalwerk::hdf5
