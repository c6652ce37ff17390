// library_versions(): the versions of the libraries linked in, for the provenance attributes.
#include <hdf5.h>
#include <oneapi/tbb/version.h>
#include <toml++/toml.h>

#include <boost/version.hpp>
#include <string>

#include "output/run_output.hpp"

namespace taalwerk {

namespace {

std::string hdf5_version() {
    unsigned major = 0, minor = 0, release = 0;
    if (H5get_libversion(&major, &minor, &release) < 0) return "unknown";
    return std::to_string(major) + "." + std::to_string(minor) + "." + std::to_string(release);
}

// Random123 is header-only and defines no version macro, so the build has to tell us
// (e.g. -DTAALWERK_RANDOM123_VERSION="1.14.0" from the Debian package version).
std::string random123_version() {
#ifdef TAALWERK_RANDOM123_VERSION
    return TAALWERK_RANDOM123_VERSION;
#else
    return "unknown";
#endif
}

}  // namespace

std::map<std::string, std::string> library_versions() {
    return {
        {"hdf5", hdf5_version()},  // the library loaded at run time, which may differ from the headers
        {"tbb", TBB_runtime_version()},
        {"boost", std::to_string(BOOST_VERSION / 100000) + "." + std::to_string(BOOST_VERSION / 100 % 1000) + "." +
                      std::to_string(BOOST_VERSION % 100)},
        {"random123", random123_version()},
        {"toml++", std::to_string(TOML_LIB_MAJOR) + "." + std::to_string(TOML_LIB_MINOR) + "." +
                       std::to_string(TOML_LIB_PATCH)},
    };
}

}  // namespace taalwerk
