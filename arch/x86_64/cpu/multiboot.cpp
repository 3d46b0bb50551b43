// Reads QEMU's multiboot information into the BootInfo.
#include "arch/multiboot.hpp"

#include <string.h>

#include "arch/boot.hpp"
#include "console.hpp"

namespace x86 {
namespace {

// The same limit as the core's command line.
char cmdline_copy[1024];

template <typename T>
const T* at(uint32_t phys) {
    return reinterpret_cast<const T*>(static_cast<uintptr_t>(phys));
}

// Multiboot loaders (QEMU, GRUB) put the image's path in front of the
// command line, like argv[0]; the kernel command line is the rest.
const char* copy_cmdline(const char* s) {
    while (*s == ' ') ++s;
    while (*s != '\0' && *s != ' ') ++s;
    while (*s == ' ') ++s;
    size_t n = strnlen(s, sizeof(cmdline_copy) - 1);
    memcpy(cmdline_copy, s, n);
    cmdline_copy[n] = '\0';
    return cmdline_copy;
}

constexpr uint64_t page_size = 4096;

}  // namespace

void read_multiboot(uint32_t magic, uint32_t info_phys, hal::BootInfo& boot) {
    boot.cmdline = "";
    if (magic != multiboot_loader_magic || info_phys == 0) {
        tern::print("boot: not started by a multiboot loader (magic 0x%08x)\n", magic);
        return;
    }
    const MultibootInfo& info = *at<MultibootInfo>(info_phys);
    if (MultibootFlags::Memory::test(info.flags))
        boot.firmware_ram_size = (uint64_t{info.mem_upper} + 1024) * 1024;
    if (MultibootFlags::Cmdline::test(info.flags) && info.cmdline != 0)
        boot.cmdline = copy_cmdline(at<char>(info.cmdline));

    if (MultibootFlags::Modules::test(info.flags) && info.mods_count > 0) {
        const MultibootModule& mod = *at<MultibootModule>(info.mods_addr);
        size_t size = mod.mod_end - mod.mod_start;
        // QEMU loads modules right after the image, where the heap goes.
        // Move the initrd to the top of RAM, as the MIPS and ARM loaders
        // place theirs; memmove copes with the two ranges overlapping.
        uint64_t top = boot.firmware_ram_size;
        uint64_t dest = top > size ? (top - size) & ~(page_size - 1) : 0;
        if (size != 0 && dest >= mod.mod_start) {
            memmove(reinterpret_cast<void*>(static_cast<uintptr_t>(dest)),
                    at<char>(mod.mod_start), size);
            boot.initrd_start = static_cast<uintptr_t>(dest);
            boot.initrd_size = size;
        } else if (size != 0) {
            tern::print("boot: no room to move the %zu byte initrd, ignoring it\n", size);
        }
    }
}

}  // namespace x86
