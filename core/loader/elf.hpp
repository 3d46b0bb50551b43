// ELF32 images: validating and walking the loadable segments.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "lib/std.hpp"

namespace tern {

struct ElfSegment {
    uint32_t vaddr;
    uint32_t file_size;
    uint32_t mem_size;   // >= file_size; the rest is zero-filled
    const uint8_t* data;
};

class ElfImage {
public:
    // True if `data` starts with the ELF magic (then it must also be valid).
    static bool looks_like_elf(const void* data, size_t size);

    // Checks an ELF32 little-endian executable for `machine` (EM_MIPS = 8)
    // whose program headers lie inside the file. Status::invalid with
    // error() set otherwise.
    Status open(const void* data, size_t size, uint16_t machine);
    const char* error() const { return error_; }

    uint32_t entry() const { return entry_; }
    unsigned segment_count() const;
    // The i-th PT_LOAD segment (0-based among loadable ones).
    [[nodiscard]] bool segment(unsigned i, ElfSegment& out) const;

private:
    const uint8_t* data_ = nullptr;
    size_t size_ = 0;
    uint32_t entry_ = 0;
    uint32_t phoff_ = 0;
    uint16_t phnum_ = 0;
    uint16_t phentsize_ = 0;
    const char* error_ = "";
};

}  // namespace tern
