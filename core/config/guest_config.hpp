// A guest's description, read from its device tree (docs/guest-bindings.md).
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "aspace.hpp"
#include "emulators/emulator.hpp"
#include "lib/std.hpp"

namespace tern {

struct RegionConfig {
    char name[24];
    RegionKind kind;       // ram or rom (devices are listed separately)
    uint64_t gpa;
    uint64_t size;
    char image[48];        // file name in the guest's archive directory, "" if none
    uint64_t image_offset; // raw images: where in the region they go
};

struct GuestConfig {
    static constexpr unsigned max_vcpus = 4;
    static constexpr unsigned max_regions = 8;
    static constexpr unsigned max_devices = 8;
    static constexpr size_t max_name = 15;

    char name[max_name + 1];
    unsigned vcpus;
    bool has_start_pc;
    uint64_t start_pc;
    RegionConfig regions[max_regions];
    unsigned region_count;
    DeviceConfig devices[max_devices];
    unsigned device_count;
};

// Parses and validates a guest device tree. On failure returns
// Status::invalid and writes a one-line reason into `error`.
Status parse_guest_config(const void* dtb, size_t size, GuestConfig& out, char* error,
                          size_t error_size);

// True for names made of [a-z0-9_-], 1 to 15 characters.
bool valid_guest_name(const char* name);

}  // namespace tern
