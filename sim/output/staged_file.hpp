#pragma once
// Writing a file all-or-nothing: the content goes to a hidden temporary file next to the target,
// which replaces the target in one rename only once it is complete and on disk. Readers see the
// old file or the new one, never a partial one, even if the process dies mid-write.
#include <cstddef>
#include <filesystem>
#include <span>

namespace taalwerk {

class StagedFile {
public:
    // Picks a fresh temporary path ".<target name>.tmp-<pid>-<random>" in the target's folder
    // (same folder, so the rename stays within one file system and is atomic). Creates nothing.
    explicit StagedFile(std::filesystem::path target);
    // Removes the temporary file if write() created it and commit() did not move it into place.
    ~StagedFile();
    StagedFile(const StagedFile&) = delete;
    StagedFile& operator=(const StagedFile&) = delete;

    const std::filesystem::path& temporary_path() const { return temporary_path_; }

    // Creates the temporary file (never reusing an existing one), writes `content` and flushes it
    // to disk. Throws std::runtime_error naming the temporary file and the system's reason.
    void write(std::span<const std::byte> content);

    // Renames the temporary file onto the target, replacing any file there, and flushes the
    // folder. Throws std::runtime_error, leaving the target as it was, if the rename fails.
    void commit();

private:
    std::filesystem::path target_;
    std::filesystem::path temporary_path_;
    bool created_ = false;
    bool committed_ = false;
};

}  // namespace taalwerk
