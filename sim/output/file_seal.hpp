#pragma once
// The seal of a taalwerk output file: the first 512 bytes (HDF5's "user block", which HDF5
// itself skips) say how many bytes follow and their CRC-32. A reader checks the seal before it
// lets HDF5 parse anything, because libhdf5 can loop forever or crash on some damaged files; a
// damaged sealed file is refused with a message naming it. Written by the C++ run writer (run
// files) and, through the Python module, by the sweep store.
//
// Block layout, plain text so `head -c 512 FILE` shows it, zero-padded to 512 bytes:
//   taalwerk sealed output 1\n
//   length <bytes after the block>\n
//   crc32 <8 lower-case hex digits>\n
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <span>

namespace taalwerk {

// Size of the HDF5 user block that holds the seal (HDF5 requires a power of two >= 512).
inline constexpr std::size_t seal_block_bytes = 512;

enum class SealState {
    intact,    // the seal is there and the bytes after it match it
    unsealed,  // no seal: a plain HDF5 file (HDF5 signature at byte 0), written by older versions or
               // other programs, or a block of zeros (room for a seal that was never written, or
               // zeroed by hand to read a file changed with HDF5 tools); read at HDF5's risk
};

// CRC-32 (zlib's, the same as Python's zlib.crc32) of `bytes`, continuing from `crc`.
std::uint32_t crc32_of(std::span<const std::byte> bytes, std::uint32_t crc = 0);

// Writes the seal into the first seal_block_bytes of `image`, an HDF5 file image created with a
// user block of that size. Throws std::invalid_argument if the image is too short.
void seal_file_image(std::span<std::byte> image);

// Seals the file at `path` in place (written with a seal_block_bytes user block of zeros) and
// flushes it to disk. Throws OutputError naming the file.
void seal_file(const std::filesystem::path& path);

// Whether the file at `path` is sealed and intact, or unsealed. Throws OutputError naming the
// file if the seal is broken: content changed, file truncated or extended, a block that begins
// like a seal but is not one, or HDF5 content behind a block that is neither a seal nor zeros.
// Anything else without a seal (empty, text, plain HDF5) is "unsealed", for the HDF5 reader.
SealState check_seal(const std::filesystem::path& path);

}  // namespace taalwerk
