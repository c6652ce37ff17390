#include "output/hdf5_error.hpp"

#include <vector>

namespace taalwerk::hdf5 {

namespace {

std::mutex& hdf5_library_mutex() {
    static std::mutex mutex;
    return mutex;
}

herr_t collect_description(unsigned /*position*/, const H5E_error2_t* error, void* descriptions) {
    if (error->desc != nullptr && error->desc[0] != '\0') {
        static_cast<std::vector<std::string>*>(descriptions)->emplace_back(error->desc);
    }
    return 0;
}

}  // namespace

Hdf5Access::Hdf5Access() : lock_(hdf5_library_mutex()) {
    H5Eget_auto2(H5E_DEFAULT, &saved_printer_, &saved_printer_data_);
    H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
}

Hdf5Access::~Hdf5Access() { H5Eset_auto2(H5E_DEFAULT, saved_printer_, saved_printer_data_); }

std::string describe_error_stack() {
    std::vector<std::string> descriptions;
    H5Ewalk2(H5E_DEFAULT, H5E_WALK_DOWNWARD, collect_description, &descriptions);
    std::string text;
    for (const std::string& description : descriptions) {
        // Nested HDF5 layers often repeat the same sentence; once is enough.
        if (text.find(description) != std::string::npos) continue;
        if (!text.empty()) text += ": ";
        text += description;
    }
    return text;
}

}  // namespace taalwerk::hdf5
