// cpio "newc" archives (core/loader/cpio.cpp), built here byte by byte:
// entries, alignment, lookup, and malformed or truncated archives, which
// must give Status::invalid without reading past the end (guarded.hpp).
#include <stdint.h>

#include <string>
#include <vector>

#include "catch.hpp"
#include "cpio_builder.hpp"
#include "guarded.hpp"
#include "loader/cpio.hpp"

using tern::CpioEntry;
using tern::CpioReader;
using tern::Status;

namespace {

using test::archive;
using test::Bytes;

// Every entry name until the end; "!<status>: <error>" if it stops on an error.
std::string walk(const uint8_t* data, size_t size) {
    CpioReader r(data, size);
    CpioEntry e{};
    std::string out;
    Status s;
    int guard = 0;
    while ((s = r.next(e)) == Status::ok && ++guard < 100) out += std::string(e.name) + ";";
    if (s != Status::not_found) out += std::string("!") + tern::status_name(s) + ": " + r.error();
    return out;
}

std::string walk(const Bytes& b) {
    test::Guarded g(b);
    return walk(g.data(), g.size());
}

}  // namespace

TEST_CASE("cpio: walking a valid archive", "[loader][cpio]") {
    Bytes b = archive({{"hello/guest.dtb", "DTB!"}, {"hello/rom.bin", "0123456789"}, {"empty", ""}});
    test::Guarded g(b);
    CpioReader r(g.data(), g.size());
    CpioEntry e{};
    REQUIRE(r.next(e) == Status::ok);
    CHECK(std::string(e.name) == "hello/guest.dtb");
    CHECK(e.name_len == 15);
    CHECK(std::string(reinterpret_cast<const char*>(e.data), e.size) == "DTB!");
    CHECK(e.mode == 0100644);
    CHECK((e.data - g.data()) % 4 == 0);
    REQUIRE(r.next(e) == Status::ok);
    CHECK(std::string(e.name) == "hello/rom.bin");
    CHECK(std::string(reinterpret_cast<const char*>(e.data), e.size) == "0123456789");
    REQUIRE(r.next(e) == Status::ok);
    CHECK(std::string(e.name) == "empty");
    CHECK(e.size == 0);
    CHECK(r.next(e) == Status::not_found);  // the trailer
    CHECK(walk(b) == "hello/guest.dtb;hello/rom.bin;empty;");
}

TEST_CASE("cpio: every name and data length pads correctly", "[loader][cpio]") {
    for (size_t name_len = 1; name_len <= 8; ++name_len)
        for (size_t data_len = 0; data_len <= 8; ++data_len) {
            std::string name(name_len, 'n'), data(data_len, 'd');
            Bytes b = archive({{name, data}, {"next", "x"}});
            INFO("name " << name_len << " data " << data_len);
            CHECK(walk(b) == name + ";next;");
        }
}

TEST_CASE("cpio: find looks entries up by name", "[loader][cpio]") {
    Bytes b = archive({{"a/guest.dtb", "1"}, {"b/guest.dtb", "22"}, {"b/image.elf", "333"}});
    test::Guarded g(b);
    CpioReader r(g.data(), g.size());
    CpioEntry e{};
    REQUIRE(r.find("b/image.elf", e) == Status::ok);
    CHECK(e.size == 3);
    REQUIRE(r.find("a/guest.dtb", e) == Status::ok);  // find does not move the reader
    CHECK(e.size == 1);
    CHECK(r.find("c/guest.dtb", e) == Status::not_found);
    CHECK(r.find("b/image", e) == Status::not_found);  // whole names only
    CHECK(r.find("TRAILER!!!", e) == Status::not_found);
    REQUIRE(r.next(e) == Status::ok);
    CHECK(std::string(e.name) == "a/guest.dtb");
    Bytes broken = archive({{"x", "1"}}, false);
    broken.resize(broken.size() + 20, 'Z');  // garbage instead of a trailer
    test::Guarded gb(broken);
    CpioReader rb(gb.data(), gb.size());
    CHECK(rb.find("y", e) == Status::invalid);  // an error is not "absent"
}

TEST_CASE("cpio: malformed archives are invalid", "[loader][cpio]") {
    Bytes good = archive({{"x/guest.dtb", "data"}});
    CHECK(walk(Bytes{}) == "!invalid: archive truncated (no trailer)");
    Bytes no_trailer = archive({{"a", "1"}}, false);
    CHECK(walk(no_trailer) == "a;!invalid: archive truncated (no trailer)");

    Bytes bad_magic = good;
    bad_magic[5] = '2';  // 070702: the CRC format
    CHECK(walk(bad_magic) == "!invalid: not a cpio newc archive (bad magic)");

    Bytes bad_hex = good;
    bad_hex[6 + 8 * 6 + 3] = 'g';  // filesize
    CHECK(walk(bad_hex) == "!invalid: bad cpio header field");

    Bytes no_nul = good;
    no_nul[110 + 11] = 'X';  // the name's NUL
    CHECK(walk(no_nul) == "!invalid: bad cpio entry name");

    Bytes zero_name = good;
    for (int i = 0; i < 8; ++i) zero_name[6 + 8 * 11 + i] = '0';
    CHECK(walk(zero_name) == "!invalid: bad cpio entry name");

    Bytes huge_name = good;
    for (int i = 0; i < 8; ++i) huge_name[6 + 8 * 11 + i] = 'F';
    CHECK(walk(huge_name) == "!invalid: bad cpio entry name");

    Bytes huge_data = good;
    for (int i = 0; i < 8; ++i) huge_data[6 + 8 * 6 + i] = 'F';
    CHECK(walk(huge_data) == "!invalid: cpio entry data past the end of the archive");

    Bytes long_data = good;
    long_data[6 + 8 * 6 + 7] = 'C';  // 12 bytes of data where there are 4 (and the trailer)
    CHECK(walk(long_data).find("!invalid") != std::string::npos);

    Bytes garbage(4096);
    for (size_t i = 0; i < garbage.size(); ++i) garbage[i] = static_cast<uint8_t>(i * 7 + 3);
    CHECK(walk(garbage) == "!invalid: not a cpio newc archive (bad magic)");
}

TEST_CASE("cpio: every truncation is invalid and stays inside the archive", "[loader][cpio]") {
    Bytes b = archive({{"guest/guest.dtb", std::string(37, 'g')}, {"guest/rom", std::string(100, 'r')}});
    unsigned valid = 0, invalid = 0, other = 0;
    for (size_t len = 0; len < b.size(); ++len) {
        Bytes cut(b.begin(), b.begin() + static_cast<long>(len));
        std::string w = walk(cut);  // a read past `len` would hit the guard page
        if (w.find("!invalid") != std::string::npos) ++invalid;
        else if (w == "guest/guest.dtb;guest/rom;") ++valid;  // cut only in the trailer's padding
        else ++other;
    }
    CHECK(other == 0);
    CHECK(valid == 0);  // the trailer's name ends the archive: nothing after it is optional
    CHECK(invalid == b.size());
    CHECK(walk(b) == "guest/guest.dtb;guest/rom;");
}
