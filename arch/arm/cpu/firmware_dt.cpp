// Reads the boot loader's device tree: -append's bootargs, RAM size and
// the PSCI conduit QEMU emulates.
#include "arch/firmware_dt.hpp"

#include <libfdt.h>
#include <string.h>

#include "arch/board.hpp"
#include "arch/mmu.hpp"

extern "C" char board_dtb[];

namespace arm {
namespace {

// The same limit as the core's command line; longer ones are cut here and
// the core's parser never sees the difference.
char bootargs_copy[1024];

// A blob at `addr` that is a device tree, lies in mapped RAM and is not the
// board tree built into the image.
const void* blob_at(uintptr_t addr) {
    if (addr == 0 || addr % 8 != 0 || addr < ram_window_base ||
        addr + sizeof(fdt_header) > ram_window_end)
        return nullptr;
    const void* fdt = reinterpret_cast<const void*>(addr);
    if (fdt == board_dtb || fdt_check_header(fdt) != 0 ||
        fdt_totalsize(fdt) > ram_window_end - addr)
        return nullptr;
    return fdt;
}

uint64_t read_cells(const fdt32_t* cells, int count) {
    uint64_t v = 0;
    for (int i = 0; i < count; ++i) v = (v << 32) | fdt32_to_cpu(cells[i]);
    return v;
}

// A 1- or 2-cell number property (the linux,initrd-* convention).
uint64_t read_number(const void* fdt, int node, const char* name) {
    int len = 0;
    auto* p = static_cast<const fdt32_t*>(fdt_getprop(fdt, node, name, &len));
    if (p == nullptr || (len != 4 && len != 8)) return 0;
    return read_cells(p, len / 4);
}

uint64_t memory_size(const void* fdt) {
    int node = fdt_node_offset_by_prop_value(fdt, -1, "device_type", "memory", 7);
    if (node < 0) return 0;
    int ac = fdt_address_cells(fdt, 0), sc = fdt_size_cells(fdt, 0);
    int len = 0;
    auto* reg = static_cast<const fdt32_t*>(fdt_getprop(fdt, node, "reg", &len));
    if (reg == nullptr || ac < 1 || ac > 2 || sc < 1 || sc > 2 || len < (ac + sc) * 4) return 0;
    return read_cells(reg + ac, sc);
}

}  // namespace

FirmwareDt read_firmware_dt(uintptr_t loader_x0) {
    FirmwareDt out;
    const void* fdt = blob_at(loader_x0);
    if (fdt == nullptr) fdt = blob_at(board_firmware_dtb_hint());
    if (fdt == nullptr) return out;
    out.found = true;

    int len = 0;
    int chosen = fdt_path_offset(fdt, "/chosen");
    auto* args = chosen >= 0 ? static_cast<const char*>(fdt_getprop(fdt, chosen, "bootargs", &len))
                             : nullptr;
    if (args != nullptr && len > 0) {
        size_t n = strnlen(args, static_cast<size_t>(len));
        if (n >= sizeof(bootargs_copy)) n = sizeof(bootargs_copy) - 1;
        memcpy(bootargs_copy, args, n);
        bootargs_copy[n] = '\0';
        out.bootargs = bootargs_copy;
    }
    // QEMU only loads -initrd for Linux images; another loader (U-Boot,
    // -device loader plus -dtb) may have placed one.
    if (chosen >= 0) {
        out.initrd_start = read_number(fdt, chosen, "linux,initrd-start");
        out.initrd_end = read_number(fdt, chosen, "linux,initrd-end");
        if (out.initrd_end <= out.initrd_start) out.initrd_start = out.initrd_end = 0;
    }
    out.ram_size = memory_size(fdt);

    int psci = fdt_path_offset(fdt, "/psci");
    auto* method = psci >= 0 ? static_cast<const char*>(fdt_getprop(fdt, psci, "method", &len))
                             : nullptr;
    if (method != nullptr && len > 0) {
        if (strcmp(method, "hvc") == 0) {
            out.has_psci_method = true;
            out.psci_method = PsciConduit::hvc;
        } else if (strcmp(method, "smc") == 0) {
            out.has_psci_method = true;
            out.psci_method = PsciConduit::smc;
        }
    }
    return out;
}

}  // namespace arm
