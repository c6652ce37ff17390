// The seal of output files: a sealed file reads as intact; any change after sealing (a flipped
// bit anywhere, a cut, an extension, damage to the seal itself) is refused with the file's path
// before HDF5 sees it; files without a seal are left to the HDF5 reader.
#include <catch2/catch.hpp>

#include <cstddef>
#include <filesystem>
#include <fstream>
#include <random>
#include <span>
#include <string>
#include <vector>

#include "output/file_seal.hpp"
#include "output/run_output.hpp"
#include "scratch_folder.hpp"

using namespace taalwerk;
using Catch::Matchers::Contains;
namespace fs = std::filesystem;

namespace {

fs::path seal_scratch_folder(const std::string& test_case) { return testing::fresh_scratch_folder("file_seal", test_case); }

void write_bytes(const fs::path& file, const std::vector<std::byte>& bytes) {
    std::ofstream stream(file, std::ios::binary | std::ios::trunc);
    stream.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
}

std::vector<std::byte> read_bytes(const fs::path& file) {
    std::ifstream stream(file, std::ios::binary);
    const std::string text{std::istreambuf_iterator<char>(stream), std::istreambuf_iterator<char>()};
    const auto* first = reinterpret_cast<const std::byte*>(text.data());
    return {first, first + text.size()};
}

// An empty seal block, then the HDF5 signature and `content_bytes` of pseudo-random content.
std::vector<std::byte> unsealed_image(std::size_t content_bytes) {
    std::vector<std::byte> image(seal_block_bytes + content_bytes);
    const std::string signature = "\x89HDF\r\n\x1a\n";
    for (std::size_t index = 0; index < signature.size(); ++index) image[seal_block_bytes + index] = std::byte(signature[index]);
    std::mt19937 bits(7);
    for (std::size_t index = seal_block_bytes + signature.size(); index < image.size(); ++index) image[index] = std::byte(bits());
    return image;
}

std::string seal_error(const fs::path& file) {
    try {
        check_seal(file);
    } catch (const OutputError& error) {
        return error.what();
    }
    return "no error";
}

}  // namespace

TEST_CASE("file seal: CRC-32 is zlib's, as Python's zlib.crc32", "[output][seal]") {
    const std::string text = "123456789";  // the standard check input of CRC-32
    CHECK(crc32_of(std::as_bytes(std::span(text.data(), text.size()))) == 0xCBF43926u);
    const std::string first = "1234", rest = "56789";
    CHECK(crc32_of(std::as_bytes(std::span(rest.data(), rest.size())), crc32_of(std::as_bytes(std::span(first.data(), first.size())))) ==
          0xCBF43926u);
}

TEST_CASE("file seal: a sealed image or file checks as intact and shows its length and CRC in plain text", "[output][seal]") {
    const fs::path folder = seal_scratch_folder("sealed");
    std::vector<std::byte> image = unsealed_image(3 * 1024 * 1024 + 17);  // more than one read block
    const fs::path by_file = folder / "by-file.h5";
    write_bytes(by_file, image);
    CHECK(check_seal(by_file) == SealState::unsealed);  // zero block: written, not yet sealed
    seal_file(by_file);
    CHECK(check_seal(by_file) == SealState::intact);

    seal_file_image(image);
    const fs::path by_image = folder / "by-image.h5";
    write_bytes(by_image, image);
    CHECK(check_seal(by_image) == SealState::intact);
    CHECK(read_bytes(by_file) == image);  // both ways give the same seal

    const std::string block(reinterpret_cast<const char*>(image.data()), 64);
    CHECK(block.starts_with("taalwerk sealed output 1\nlength 3145745\ncrc32 "));
}

TEST_CASE("file seal: any change after sealing is refused with the file's path", "[output][seal]") {
    const fs::path folder = seal_scratch_folder("changed");
    std::vector<std::byte> sealed = unsealed_image(100'000);
    seal_file_image(sealed);
    const fs::path damaged = folder / "damaged.h5";

    SECTION("one flipped bit anywhere, the seal block included") {
        std::mt19937 positions(11);
        for (int trial = 0; trial < 200; ++trial) {
            std::vector<std::byte> bytes = sealed;
            const std::size_t position = trial % 2 ? positions() % seal_block_bytes : positions() % bytes.size();
            bytes[position] ^= std::byte(1u << (positions() % 8));
            write_bytes(damaged, bytes);
            INFO("bit flipped in byte " << position);
            CHECK_THAT(seal_error(damaged), Contains(damaged.string()) && Contains("damaged"));
        }
    }

    SECTION("a cut or an extension") {
        for (const std::size_t length : {sealed.size() - 1, sealed.size() / 2, seal_block_bytes + 8}) {
            write_bytes(damaged, {sealed.begin(), sealed.begin() + static_cast<std::ptrdiff_t>(length)});
            CHECK_THAT(seal_error(damaged), Contains(damaged.string()) && Contains("bytes follow its seal"));
        }
        std::vector<std::byte> longer = sealed;
        longer.push_back(std::byte{0});
        write_bytes(damaged, longer);
        CHECK_THAT(seal_error(damaged), Contains("100001 bytes follow its seal, which says 100000"));
    }

    SECTION("the seal block cut short") {
        write_bytes(damaged, {sealed.begin(), sealed.begin() + 100});
        CHECK_THAT(seal_error(damaged), Contains(damaged.string()) && Contains("damaged"));
    }

    SECTION("a file that cannot be sealed twice") {
        write_bytes(damaged, sealed);
        CHECK_THROWS_WITH(seal_file(damaged), Contains(damaged.string()) && Contains("not an empty user block"));
    }
}

TEST_CASE("file seal: files without a seal are left to the HDF5 reader", "[output][seal]") {
    const fs::path folder = seal_scratch_folder("unsealed");
    const fs::path plain = folder / "plain.h5";
    std::vector<std::byte> image = unsealed_image(1000);
    write_bytes(plain, {image.begin() + seal_block_bytes, image.end()});  // HDF5 signature at byte 0
    CHECK(check_seal(plain) == SealState::unsealed);
    write_bytes(plain, {});
    CHECK(check_seal(plain) == SealState::unsealed);
    const std::string text = "not an HDF5 file\n";
    const auto* first = reinterpret_cast<const std::byte*>(text.data());
    write_bytes(plain, {first, first + text.size()});
    CHECK(check_seal(plain) == SealState::unsealed);
    const std::string part = "taalwerk-sweep-point 1\n{}";  // another taalwerk file, not a run file
    write_bytes(plain, {reinterpret_cast<const std::byte*>(part.data()), reinterpret_cast<const std::byte*>(part.data()) + part.size()});
    CHECK(check_seal(plain) == SealState::unsealed);
    CHECK_THAT(seal_error(folder / "missing.h5"), Contains("missing.h5") && Contains("No such file"));
}

TEST_CASE("file seal: HDF5 content behind a block that is not a seal is refused", "[output][seal]") {
    const fs::path folder = seal_scratch_folder("foreign-block");
    std::vector<std::byte> image = unsealed_image(1000);
    image[0] = std::byte{'M'};  // e.g. another program's user block
    const fs::path foreign = folder / "foreign-block.h5";
    write_bytes(foreign, image);
    CHECK_THAT(seal_error(foreign), Contains(foreign.string()) && Contains("user block belongs to another program"));
}
