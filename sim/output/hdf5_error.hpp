#pragma once
// Turning HDF5's C-style failures (negative return values plus a thread-local error stack) into
// C++ exceptions with a readable message, and keeping HDF5 quiet while we use it.
#include <hdf5.h>

#include <mutex>
#include <stdexcept>
#include <string>
#include <string_view>

namespace taalwerk::hdf5 {

// A failed HDF5 call. The output writer and reader catch it and rethrow an OutputError that names
// the file, so this never escapes the output module.
class Hdf5Failure : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Exclusive, silent use of the HDF5 library for as long as it lives. Exclusive because HDF5 built
// without thread safety must not be entered by two threads at once; silent because HDF5 would
// otherwise print its error stack to stderr, and we put that text into the exception instead.
class Hdf5Access {
public:
    Hdf5Access();
    ~Hdf5Access();
    Hdf5Access(const Hdf5Access&) = delete;
    Hdf5Access& operator=(const Hdf5Access&) = delete;

private:
    std::unique_lock<std::mutex> lock_;
    H5E_auto2_t saved_printer_ = nullptr;
    void* saved_printer_data_ = nullptr;
};

// The current HDF5 error stack in one line, outermost call first, e.g.
// "unable to create file: unable to open file: ... errno = 13, error message = 'Permission denied'".
std::string describe_error_stack();

// Returns `result` if it signals success (>= 0); otherwise throws Hdf5Failure "<action>: <stack>".
template <typename Result>
Result check(Result result, std::string_view action) {
    if (result < 0) {
        std::string message(action);
        const std::string stack = describe_error_stack();
        if (!stack.empty()) message += ": " + stack;
        throw Hdf5Failure(message);
    }
    return result;
}

}  // namespace taalwerk::hdf5
