#include "output/hdf5_types.hpp"

namespace taalwerk::hdf5 {

Hdf5Handle utf8_string_type() {
    Hdf5Handle type(H5Tcopy(H5T_C_S1), H5Tclose, "cannot copy the string datatype");
    check(H5Tset_size(type.get(), H5T_VARIABLE), "cannot make the string type variable-length");
    check(H5Tset_cset(type.get(), H5T_CSET_UTF8), "cannot set the UTF-8 character set");
    check(H5Tset_strpad(type.get(), H5T_STR_NULLTERM), "cannot make strings NUL-terminated");
    return type;
}

}  // namespace taalwerk::hdf5
