// ELF32 images (core/loader/elf.cpp), built here header by header: valid
// executables, the wrong class, byte order, type or machine, and program
// headers or segments outside the file (checked with a guard page behind
// the image, guarded.hpp).
#include <stdint.h>

#include <string>
#include <vector>

#include "catch.hpp"
#include "elf_builder.hpp"
#include "guarded.hpp"
#include "loader/elf.hpp"

using tern::ElfImage;
using tern::ElfSegment;
using tern::Status;

namespace {

using test::Bytes;
using test::ElfBuilder;
using test::em_mips;
using test::put16;
using test::put32;

ElfBuilder typical() {
    ElfBuilder e;
    e.segments = {{1, 0x80001000, "TEXTTEXT", 0},
                  {4, 0, "NOTE", 0},  // PT_NOTE: not loaded
                  {1, 0x80002000, "DATA", 0x100}};
    return e;
}

// open() on a guarded copy: "ok" or the error.
std::string open_error(const Bytes& b, uint16_t machine = em_mips) {
    test::Guarded g(b);
    ElfImage elf;
    return elf.open(g.data(), g.size(), machine) == Status::ok ? "ok" : elf.error();
}

size_t phdr(size_t i) { return 52 + i * 32; }

}  // namespace

TEST_CASE("elf: a valid executable and its loadable segments", "[loader][elf]") {
    Bytes b = typical().build();
    test::Guarded g(b);
    CHECK(ElfImage::looks_like_elf(g.data(), g.size()));
    ElfImage elf;
    REQUIRE(elf.open(g.data(), g.size(), em_mips) == Status::ok);
    CHECK(elf.entry() == 0x80001000);
    CHECK(elf.segment_count() == 2);  // the note is not loadable
    ElfSegment s{};
    REQUIRE(elf.segment(0, s));
    CHECK(s.vaddr == 0x80001000);
    CHECK(s.file_size == 8);
    CHECK(s.mem_size == 8);
    CHECK(std::string(reinterpret_cast<const char*>(s.data), s.file_size) == "TEXTTEXT");
    REQUIRE(elf.segment(1, s));
    CHECK(s.vaddr == 0x80002000);
    CHECK(s.file_size == 4);
    CHECK(s.mem_size == 0x104);
    CHECK(std::string(reinterpret_cast<const char*>(s.data), s.file_size) == "DATA");
    CHECK(s.data + s.file_size == g.data() + g.size());  // the last bytes of the file
    CHECK_FALSE(elf.segment(2, s));
}

TEST_CASE("elf: what is not an ELF file", "[loader][elf]") {
    CHECK_FALSE(ElfImage::looks_like_elf("\x7f" "EL", 3));
    CHECK_FALSE(ElfImage::looks_like_elf("\x7f" "elf", 4));
    CHECK(ElfImage::looks_like_elf("\x7f" "ELF", 4));
    Bytes b = typical().build();
    CHECK(open_error(Bytes(b.begin(), b.begin() + 51)) == "not an ELF file");  // shorter than a header
    Bytes bad_magic = b;
    bad_magic[1] = 'X';
    CHECK(open_error(bad_magic) == "not an ELF file");
    CHECK(open_error(Bytes{}) == "not an ELF file");
}

TEST_CASE("elf: the class and byte order and type and machine are checked", "[loader][elf]") {
    Bytes b = typical().build();
    CHECK(open_error(b) == "ok");
    Bytes elf64 = b;
    elf64[4] = 2;
    CHECK(open_error(elf64) == "not a 32-bit little-endian ELF");
    Bytes big_endian = b;
    big_endian[5] = 2;
    CHECK(open_error(big_endian) == "not a 32-bit little-endian ELF");
    ElfBuilder dyn = typical();
    dyn.type = 3;  // ET_DYN
    CHECK(open_error(dyn.build()) == "not an executable ELF (ET_EXEC)");
    ElfBuilder rel = typical();
    rel.type = 1;
    CHECK(open_error(rel.build()) == "not an executable ELF (ET_EXEC)");
    ElfBuilder x86 = typical();
    x86.machine = 3;
    CHECK(open_error(x86.build()) == "ELF for another machine");
    CHECK(open_error(b, 40) == "ELF for another machine");  // asked for ARM
}

TEST_CASE("elf: program headers must lie inside the file", "[loader][elf]") {
    Bytes b = typical().build();
    Bytes no_phdrs = b;
    put16(no_phdrs, 44, 0);
    CHECK(open_error(no_phdrs) == "ELF program headers outside the file");
    Bytes short_entries = b;
    put16(short_entries, 42, 16);
    CHECK(open_error(short_entries) == "ELF program headers outside the file");
    Bytes past_end = b;
    put32(past_end, 28, static_cast<uint32_t>(b.size() + 1));
    CHECK(open_error(past_end) == "ELF program headers outside the file");
    Bytes one_too_many = b;
    // Headers from phoff to the end of file hold (size - 52) / 32 entries.
    put16(one_too_many, 44, static_cast<uint32_t>((b.size() - 52) / 32 + 1));
    CHECK(open_error(one_too_many) == "ELF program headers outside the file");
    Bytes wrapping = b;
    put32(wrapping, 28, 0xffffffe0);
    CHECK(open_error(wrapping) == "ELF program headers outside the file");
    Bytes many = b;
    put16(many, 44, 0xffff);
    CHECK(open_error(many) == "ELF program headers outside the file");
    // Larger entries than Elf32_Phdr are fine: fields are read at the start of each.
    ElfBuilder wide = typical();
    wide.phentsize = 40;
    Bytes w = wide.build();
    test::Guarded g(w);
    ElfImage elf;
    REQUIRE(elf.open(g.data(), g.size(), em_mips) == Status::ok);
    ElfSegment s{};
    REQUIRE(elf.segment(1, s));
    CHECK(s.vaddr == 0x80002000);
}

TEST_CASE("elf: loadable segments must lie inside the file", "[loader][elf]") {
    Bytes b = typical().build();
    Bytes off_past = b;
    put32(off_past, phdr(2) + 4, static_cast<uint32_t>(b.size() + 1));
    CHECK(open_error(off_past) == "ELF segment outside the file");
    Bytes size_past = b;
    put32(size_past, phdr(2) + 16, 5);  // one byte more than the file has
    put32(size_past, phdr(2) + 20, 5);
    CHECK(open_error(size_past) == "ELF segment outside the file");
    Bytes wrap = b;
    put32(wrap, phdr(0) + 4, 0xfffffff0);
    CHECK(open_error(wrap) == "ELF segment outside the file");
    Bytes huge = b;
    put32(huge, phdr(0) + 16, 0xfffffff0);
    put32(huge, phdr(0) + 20, 0xfffffff0);
    CHECK(open_error(huge) == "ELF segment outside the file");
    Bytes mem_small = b;
    put32(mem_small, phdr(0) + 20, 7);  // p_memsz < p_filesz
    CHECK(open_error(mem_small) == "ELF segment outside the file");
    // A segment that ends exactly at the end of the file is inside.
    Bytes exact = b;
    put32(exact, phdr(2) + 4, static_cast<uint32_t>(b.size()));
    put32(exact, phdr(2) + 16, 0);
    CHECK(open_error(exact) == "ok");
    // Segments that are not PT_LOAD are not checked: they are never read.
    Bytes note = b;
    put32(note, phdr(1) + 4, 0xffffff00);
    put32(note, phdr(1) + 16, 0x1000);
    CHECK(open_error(note) == "ok");
}

TEST_CASE("elf: every truncation of a valid image is refused inside the file", "[loader][elf]") {
    Bytes b = typical().build();
    unsigned refused = 0;
    for (size_t len = 0; len < b.size(); ++len)
        if (open_error(Bytes(b.begin(), b.begin() + static_cast<long>(len))) != "ok") ++refused;
    CHECK(refused == b.size());
}
