// Reading a cpio "newc" archive (the initrd that carries guests).
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "lib/std.hpp"

namespace tern {

struct CpioEntry {
    const char* name;     // NUL-terminated inside the archive
    size_t name_len;      // without the NUL
    const uint8_t* data;
    size_t size;
    uint32_t mode;
};

class CpioReader {
public:
    CpioReader(const void* archive, size_t size)
        : base_(static_cast<const uint8_t*>(archive)), size_(size) {}

    // Steps to the next entry. Returns Status::not_found at the trailer,
    // Status::invalid (with error() set) on a malformed archive.
    Status next(CpioEntry& entry);
    const char* error() const { return error_; }

    // Finds `name`; Status::not_found if absent.
    Status find(const char* name, CpioEntry& entry) const;

private:
    const uint8_t* base_;
    size_t size_;
    size_t offset_ = 0;
    const char* error_ = "";
};

}  // namespace tern
