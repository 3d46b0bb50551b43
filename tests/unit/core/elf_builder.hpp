// Hand-built ELF32 little-endian executables for the loader tests.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include <string>
#include <vector>

namespace test {

using Bytes = std::vector<uint8_t>;
inline constexpr uint16_t em_mips = 8;

inline void put16(Bytes& b, size_t at, uint32_t v) {
    b[at] = static_cast<uint8_t>(v);
    b[at + 1] = static_cast<uint8_t>(v >> 8);
}
inline void put32(Bytes& b, size_t at, uint32_t v) {
    for (int i = 0; i < 4; ++i) b[at + static_cast<size_t>(i)] = static_cast<uint8_t>(v >> (8 * i));
}

struct Segment {
    uint32_t type;
    uint32_t vaddr;
    std::string data;
    uint32_t mem_extra;  // p_memsz - p_filesz
};

// An ELF32 little-endian MIPS executable: header, program headers, then
// each segment's data in order.
struct ElfBuilder {
    uint32_t entry = 0x80001000;
    uint16_t machine = em_mips;
    uint16_t type = 2;  // ET_EXEC
    uint16_t phentsize = 32;
    std::vector<Segment> segments;

    Bytes build() const {
        size_t phoff = 52;
        size_t data_off = phoff + segments.size() * phentsize;
        size_t total = data_off;
        for (const Segment& s : segments) total += s.data.size();
        Bytes b(total, 0);
        b[0] = 0x7f, b[1] = 'E', b[2] = 'L', b[3] = 'F';
        b[4] = 1;  // ELFCLASS32
        b[5] = 1;  // ELFDATA2LSB
        b[6] = 1;  // EV_CURRENT
        put16(b, 16, type);
        put16(b, 18, machine);
        put32(b, 20, 1);
        put32(b, 24, entry);
        put32(b, 28, static_cast<uint32_t>(phoff));
        put16(b, 40, 52);
        put16(b, 42, phentsize);
        put16(b, 44, static_cast<uint32_t>(segments.size()));
        size_t off = data_off;
        for (size_t i = 0; i < segments.size(); ++i) {
            const Segment& s = segments[i];
            size_t ph = phoff + i * phentsize;
            put32(b, ph + 0, s.type);
            put32(b, ph + 4, static_cast<uint32_t>(off));
            put32(b, ph + 8, s.vaddr);
            put32(b, ph + 12, s.vaddr);
            put32(b, ph + 16, static_cast<uint32_t>(s.data.size()));
            put32(b, ph + 20, static_cast<uint32_t>(s.data.size()) + s.mem_extra);
            for (size_t j = 0; j < s.data.size(); ++j) b[off + j] = static_cast<uint8_t>(s.data[j]);
            off += s.data.size();
        }
        return b;
    }
};

}  // namespace test
