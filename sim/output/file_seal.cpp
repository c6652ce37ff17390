#include "output/file_seal.hpp"

#include <fcntl.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <charconv>
#include <optional>
#include <cstdio>
#include <cstring>
#include <stdexcept>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

#include "output/run_output.hpp"

namespace taalwerk {

namespace {

constexpr std::string_view seal_magic = "taalwerk sealed output 1\n";
constexpr std::string_view hdf5_signature = "\x89HDF\r\n\x1a\n";
constexpr std::size_t read_block_bytes = 64 * 1024;  // small: readers may run under ASan, which keeps freed blocks for a while

using SealBlock = std::array<char, seal_block_bytes>;

struct Seal {
    std::uint64_t length = 0;
    std::uint32_t crc = 0;
};

SealBlock seal_block_of(const Seal& seal) {
    SealBlock block{};
    char text[96];
    const int written = std::snprintf(text, sizeof text, "%.*slength %llu\ncrc32 %08x\n", static_cast<int>(seal_magic.size()),
                                      seal_magic.data(), static_cast<unsigned long long>(seal.length),
                                      static_cast<unsigned>(seal.crc));
    std::memcpy(block.data(), text, static_cast<std::size_t>(written));
    return block;
}

// Reads "<label> <number>\n" at `text`, advancing it; false if the line is not exactly that.
template <typename Number>
bool read_field(std::string_view& text, std::string_view label, int base, Number& value) {
    if (!text.starts_with(label) || text.size() <= label.size() || text[label.size()] != ' ') return false;
    text.remove_prefix(label.size() + 1);
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value, base);
    if (error != std::errc() || end == text.data() || end == text.data() + text.size() || *end != '\n') return false;
    text.remove_prefix(static_cast<std::size_t>(end - text.data()) + 1);
    return true;
}

// The seal in `block`, or nothing if the block is not exactly a seal followed by zeros.
std::optional<Seal> parse_seal(const SealBlock& block) {
    std::string_view text(block.data(), block.size());
    if (!text.starts_with(seal_magic)) return std::nullopt;
    text.remove_prefix(seal_magic.size());
    Seal seal;
    if (!read_field(text, "length", 10, seal.length) || !read_field(text, "crc32", 16, seal.crc)) return std::nullopt;
    if (!std::all_of(text.begin(), text.end(), [](char c) { return c == '\0'; })) return std::nullopt;
    if (seal_block_of(seal) != block) return std::nullopt;  // e.g. leading zeros or upper-case hex
    return seal;
}

class OpenFile {
public:
    // `action` begins every error message: "<action> '<path>': <what went wrong>".
    OpenFile(const std::filesystem::path& path, int flags, std::string action)
        : path_(path), action_(std::move(action)), descriptor_(::open(path.c_str(), flags | O_CLOEXEC)) {
        if (descriptor_ < 0) fail("cannot open it", errno);
    }
    ~OpenFile() {
        if (descriptor_ >= 0) ::close(descriptor_);
    }
    OpenFile(const OpenFile&) = delete;
    OpenFile& operator=(const OpenFile&) = delete;

    [[noreturn]] void fail(const std::string& what, int error = 0) const {
        std::string message = action_ + " '" + path_.string() + "': " + what;
        if (error != 0) message += ": " + std::generic_category().message(error);
        throw OutputError(message);
    }

    // Reads up to `bytes.size()` bytes at `offset`; fewer only at the end of the file.
    std::size_t read_at(std::span<char> bytes, std::uint64_t offset) const {
        std::size_t done = 0;
        while (done < bytes.size()) {
            const ssize_t got = ::pread(descriptor_, bytes.data() + done, bytes.size() - done, static_cast<off_t>(offset + done));
            if (got < 0 && errno == EINTR) continue;
            if (got < 0) fail("cannot read it", errno);
            if (got == 0) break;
            done += static_cast<std::size_t>(got);
        }
        return done;
    }

    // CRC-32 and length of everything from `offset` to the end of the file.
    Seal content_from(std::uint64_t offset) const {
        std::vector<char> buffer(read_block_bytes);
        Seal seal;
        while (true) {
            const std::size_t got = read_at(buffer, offset + seal.length);
            seal.crc = crc32_of(std::as_bytes(std::span(buffer.data(), got)), seal.crc);
            seal.length += got;
            if (got < buffer.size()) return seal;
        }
    }

    void write_at(std::span<const char> bytes, std::uint64_t offset) const {
        std::size_t done = 0;
        while (done < bytes.size()) {
            const ssize_t put = ::pwrite(descriptor_, bytes.data() + done, bytes.size() - done, static_cast<off_t>(offset + done));
            if (put < 0 && errno == EINTR) continue;
            if (put < 0) fail("cannot write its seal", errno);
            done += static_cast<std::size_t>(put);
        }
    }

    void sync() const {
        if (::fsync(descriptor_) != 0) fail("cannot flush it to disk", errno);
    }

private:
    std::filesystem::path path_;
    std::string action_;
    int descriptor_;
};

std::string crc_text(std::uint32_t crc) {
    char text[9];
    std::snprintf(text, sizeof text, "%08x", static_cast<unsigned>(crc));
    return text;
}

}  // namespace

std::uint32_t crc32_of(std::span<const std::byte> bytes, std::uint32_t crc) {
    // zlib's crc32 takes a uInt length: feed very large spans in pieces.
    constexpr std::size_t piece = 1u << 30;
    for (std::size_t offset = 0; offset < bytes.size(); offset += piece) {
        const std::size_t length = std::min(piece, bytes.size() - offset);
        crc = static_cast<std::uint32_t>(
            ::crc32(crc, reinterpret_cast<const Bytef*>(bytes.data() + offset), static_cast<uInt>(length)));
    }
    return crc;
}

void seal_file_image(std::span<std::byte> image) {
    if (image.size() < seal_block_bytes) throw std::invalid_argument("a file image shorter than its seal block");
    const std::span<const std::byte> content = image.subspan(seal_block_bytes);
    const SealBlock block = seal_block_of({content.size(), crc32_of(content)});
    std::memcpy(image.data(), block.data(), block.size());
}

void seal_file(const std::filesystem::path& path) {
    const OpenFile file(path, O_RDWR, "cannot seal");
    SealBlock block{};
    if (file.read_at(block, 0) < block.size()) file.fail("too short to hold a seal");
    if (std::any_of(block.begin(), block.end(), [](char c) { return c != '\0'; })) {
        file.fail("its first " + std::to_string(seal_block_bytes) + " bytes are not an empty user block, so it cannot be sealed");
    }
    block = seal_block_of(file.content_from(seal_block_bytes));
    file.write_at(block, 0);
    file.sync();
}

SealState check_seal(const std::filesystem::path& path) {
    const OpenFile file(path, O_RDONLY, "cannot read");
    SealBlock block{};
    const std::size_t got = file.read_at(block, 0);
    const std::string_view start(block.data(), got);
    if (start.starts_with(hdf5_signature)) return SealState::unsealed;

    std::array<char, hdf5_signature.size()> after_block{};
    const bool hdf5_after_block = got == block.size() && file.read_at(after_block, seal_block_bytes) == after_block.size() &&
                                  std::string_view(after_block.data(), after_block.size()) == hdf5_signature;
    const bool zeros = std::all_of(start.begin(), start.end(), [](char c) { return c == '\0'; });
    if (zeros && hdf5_after_block) return SealState::unsealed;

    const std::optional<Seal> seal = got == block.size() ? parse_seal(block) : std::nullopt;
    if (!seal) {
        constexpr std::string_view seal_name = "taalwerk sealed output ";
        if (start.starts_with(seal_name)) {
            file.fail("the file is damaged, or was written by a newer taalwerk: its first " + std::to_string(seal_block_bytes) +
                      " bytes (the seal that says how long the file is and what its checksum is) are not a seal this version reads");
        }
        // A plain foreign file (empty, text) is left to the HDF5 reader, which refuses it safely.
        if (!hdf5_after_block) return SealState::unsealed;
        file.fail("the file is damaged, or is an HDF5 file whose user block belongs to another program: its first " +
                  std::to_string(seal_block_bytes) + " bytes are neither a taalwerk seal nor zeros");
    }
    const Seal found = file.content_from(seal_block_bytes);
    if (found.length != seal->length) {
        file.fail("the file is damaged or incomplete: " + std::to_string(found.length) + " bytes follow its seal, which says " +
                  std::to_string(seal->length));
    }
    if (found.crc != seal->crc) {
        file.fail("the file is damaged: its content does not match the checksum it was written with (CRC-32 " +
                  crc_text(found.crc) + ", sealed " + crc_text(seal->crc) + ")");
    }
    return SealState::intact;
}

}  // namespace taalwerk
