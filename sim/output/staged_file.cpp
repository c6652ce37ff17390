#include "output/staged_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <random>
#include <stdexcept>
#include <string>
#include <system_error>

namespace taalwerk {

namespace {

std::string random_hex(int digits) {
    std::random_device entropy;
    std::uniform_int_distribution<int> hex_digit(0, 15);
    std::string text;
    for (int index = 0; index < digits; ++index) text += "0123456789abcdef"[hex_digit(entropy)];
    return text;
}

std::filesystem::path folder_of(const std::filesystem::path& file) {
    return file.has_parent_path() ? file.parent_path() : std::filesystem::path(".");
}

// ".<name>.tmp-<pid>-<random>": hidden, recognisably ours, and unique even among processes
// writing the same target at once.
std::filesystem::path temporary_path_for(const std::filesystem::path& target) {
    std::string name = ".";  // appended piecewise: "." + string trips a false GCC 12 -Wrestrict warning
    name += target.filename().string();
    name += ".tmp-";
    name += std::to_string(::getpid());
    name += "-";
    name += random_hex(12);
    return folder_of(target) / name;
}

[[noreturn]] void throw_system_error(const std::string& action, int error) {
    throw std::runtime_error(action + ": " + std::generic_category().message(error));
}

// Closes the descriptor on every path; close() reports the failure of the explicit close.
class FileDescriptor {
public:
    explicit FileDescriptor(int descriptor) : descriptor_(descriptor) {}
    ~FileDescriptor() {
        if (descriptor_ >= 0) ::close(descriptor_);
    }
    FileDescriptor(const FileDescriptor&) = delete;
    FileDescriptor& operator=(const FileDescriptor&) = delete;
    int get() const { return descriptor_; }
    int close() {
        const int result = ::close(descriptor_);
        descriptor_ = -1;
        return result;
    }

private:
    int descriptor_;
};

}  // namespace

StagedFile::StagedFile(std::filesystem::path target)
    : target_(std::move(target)), temporary_path_(temporary_path_for(target_)) {}

StagedFile::~StagedFile() {
    if (!created_ || committed_) return;
    std::error_code ignored;  // nothing sensible to do if even this fails
    std::filesystem::remove(temporary_path_, ignored);
}

void StagedFile::write(std::span<const std::byte> content) {
    std::string name = "'";  // appended piecewise, like temporary_path_for, for GCC 12's -Wrestrict
    name += temporary_path_.string();
    name += "'";
    FileDescriptor file(::open(temporary_path_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666));
    if (file.get() < 0) throw_system_error("cannot create " + name, errno);
    created_ = true;

    while (!content.empty()) {
        const ssize_t written = ::write(file.get(), content.data(), content.size());
        if (written < 0 && errno == EINTR) continue;
        if (written < 0) throw_system_error("cannot write " + name, errno);
        content = content.subspan(static_cast<std::size_t>(written));
    }
    // Some file systems report a full disk or an I/O error only here.
    if (::fsync(file.get()) != 0) throw_system_error("cannot flush " + name + " to disk", errno);
    if (file.close() != 0) throw_system_error("cannot close " + name, errno);
}

void StagedFile::commit() {
    std::error_code rename_error;
    std::filesystem::rename(temporary_path_, target_, rename_error);
    if (rename_error) {
        throw std::runtime_error("cannot rename '" + temporary_path_.string() + "' to '" + target_.string() +
                                 "': " + rename_error.message());
    }
    committed_ = true;
    // Makes the rename itself survive a power cut. Best effort: the new file is complete and in
    // place already, and some file systems refuse fsync on a folder.
    FileDescriptor folder(::open(folder_of(target_).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (folder.get() >= 0) ::fsync(folder.get());
}

}  // namespace taalwerk
