// The Multiboot (version 0.6.96) boot information QEMU's -kernel loader
// hands a multiboot image, as far as Tern reads it.
#pragma once

#include <stdint.h>

#include "lib/bitfield.hpp"

namespace x86 {

// EAX at entry when a multiboot loader started us.
inline constexpr uint32_t multiboot_loader_magic = 0x2badb002;

// The boot information structure EBX points at (spec 3.3). All addresses
// are physical, 32-bit.
struct MultibootInfo {
    uint32_t flags;
    uint32_t mem_lower;   // KiB below 1 MiB
    uint32_t mem_upper;   // KiB from 1 MiB to the first hole
    uint32_t boot_device;
    uint32_t cmdline;     // NUL-terminated string
    uint32_t mods_count;
    uint32_t mods_addr;   // array of MultibootModule
};

struct MultibootFlags {
    using Memory = tern::Bitfield<0, 1>;   // mem_lower/mem_upper valid
    using Cmdline = tern::Bitfield<2, 1>;
    using Modules = tern::Bitfield<3, 1>;
};

struct MultibootModule {
    uint32_t mod_start;
    uint32_t mod_end;     // one past the last byte
    uint32_t string;
    uint32_t reserved;
};

}  // namespace x86
