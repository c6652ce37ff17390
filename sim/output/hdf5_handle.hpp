#pragma once
// Ownership of one HDF5 identifier (file, dataset, attribute, dataspace, datatype, property list),
// so every identifier is closed on every path, including when an exception unwinds.
#include <hdf5.h>

#include <string_view>
#include <utility>

#include "output/hdf5_error.hpp"

namespace taalwerk::hdf5 {

class Hdf5Handle {
public:
    using Closer = herr_t (*)(hid_t);

    Hdf5Handle() = default;
    // Takes ownership of `id`; throws Hdf5Failure "<action>: ..." if `id` reports a failure.
    Hdf5Handle(hid_t id, Closer closer, std::string_view action) : id_(check(id, action)), closer_(closer) {}
    ~Hdf5Handle() { release(); }

    Hdf5Handle(Hdf5Handle&& other) noexcept
        : id_(std::exchange(other.id_, H5I_INVALID_HID)), closer_(other.closer_) {}
    Hdf5Handle& operator=(Hdf5Handle&& other) noexcept {
        if (this != &other) {
            release();
            id_ = std::exchange(other.id_, H5I_INVALID_HID);
            closer_ = other.closer_;
        }
        return *this;
    }
    Hdf5Handle(const Hdf5Handle&) = delete;
    Hdf5Handle& operator=(const Hdf5Handle&) = delete;

    hid_t get() const { return id_; }

    // Closes now and throws if closing fails. Closing a file is where HDF5 writes its last
    // metadata, so a full disk may only show up here; the destructor would have to swallow it.
    void close(std::string_view action) {
        const hid_t id = std::exchange(id_, H5I_INVALID_HID);
        if (id >= 0) check(closer_(id), action);
    }

private:
    void release() noexcept {
        if (id_ >= 0) closer_(id_);
        id_ = H5I_INVALID_HID;
    }

    hid_t id_ = H5I_INVALID_HID;
    Closer closer_ = nullptr;
};

}  // namespace taalwerk::hdf5
