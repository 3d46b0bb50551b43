// Board device tree parsing with libfdt.
#include "config/board.hpp"

#include <libfdt.h>
#include <string.h>

namespace tern {
namespace {

void copy_string(char* dst, size_t size, const char* src, int len) {
    size_t n = 0;
    if (src != nullptr && len > 0) {
        n = strnlen(src, static_cast<size_t>(len));
        if (n >= size) n = size - 1;
        memcpy(dst, src, n);
    }
    dst[n] = '\0';
}

// Reads a 1- or 2-cell number starting at `cells`.
uint64_t read_cells(const fdt32_t* cells, int count) {
    uint64_t v = 0;
    for (int i = 0; i < count; ++i) v = (v << 32) | fdt32_to_cpu(cells[i]);
    return v;
}

bool read_u32(const void* fdt, int node, const char* name, uint32_t& out) {
    int len = 0;
    auto* p = static_cast<const fdt32_t*>(fdt_getprop(fdt, node, name, &len));
    if (p == nullptr || len < 4) return false;
    out = fdt32_to_cpu(*p);
    return true;
}

// The first (base, size) pair of a node's "reg", using the parent's cells.
bool read_reg(const void* fdt, int node, uint64_t& base, uint64_t& size) {
    int parent = fdt_parent_offset(fdt, node);
    if (parent < 0) return false;
    int ac = fdt_address_cells(fdt, parent);
    int sc = fdt_size_cells(fdt, parent);
    if (ac < 1 || ac > 2 || sc < 0 || sc > 2) return false;
    int len = 0;
    auto* reg = static_cast<const fdt32_t*>(fdt_getprop(fdt, node, "reg", &len));
    if (reg == nullptr || len < (ac + sc) * 4) return false;
    base = read_cells(reg, ac);
    size = read_cells(reg + ac, sc);
    return true;
}

// Translates a bus address of `node`'s "reg" to a CPU physical address
// through the "ranges" of its ancestors. An absent "ranges" means the bus
// is not mapped into the CPU's address space.
bool translate_address(const void* fdt, int node, uint64_t& addr) {
    for (int bus = fdt_parent_offset(fdt, node); bus > 0; bus = fdt_parent_offset(fdt, bus)) {
        int len = 0;
        auto* ranges = static_cast<const fdt32_t*>(fdt_getprop(fdt, bus, "ranges", &len));
        if (ranges == nullptr) return false;
        if (len == 0) continue;  // identity mapping
        int parent = fdt_parent_offset(fdt, bus);
        int child_ac = fdt_address_cells(fdt, bus);
        int parent_ac = fdt_address_cells(fdt, parent);
        int sc = fdt_size_cells(fdt, bus);
        int entry = child_ac + parent_ac + sc;
        if (child_ac < 1 || child_ac > 2 || parent_ac < 1 || parent_ac > 2 || sc < 1 || sc > 2)
            return false;
        bool found = false;
        for (int i = 0; (i + entry) * 4 <= len; i += entry) {
            uint64_t child = read_cells(ranges + i, child_ac);
            uint64_t parent_base = read_cells(ranges + i + child_ac, parent_ac);
            uint64_t size = read_cells(ranges + i + child_ac + parent_ac, sc);
            if (addr >= child && addr - child < size) {
                addr = addr - child + parent_base;
                found = true;
                break;
            }
        }
        if (!found) return false;
    }
    return true;
}

Status parse_memory(const void* fdt, BoardInfo& out, const char** error) {
    int node = fdt_node_offset_by_prop_value(fdt, -1, "device_type", "memory", 7);
    if (node < 0) {
        *error = "no memory node (device_type = \"memory\")";
        return Status::invalid;
    }
    if (!read_reg(fdt, node, out.ram_base, out.ram_size) || out.ram_size == 0) {
        *error = "memory node has no usable reg";
        return Status::invalid;
    }
    return Status::ok;
}

Status parse_console(const void* fdt, BoardInfo& out, const char** error) {
    int chosen = fdt_path_offset(fdt, "/chosen");
    if (chosen < 0) return Status::ok;  // no console named: keep the early one
    int len = 0;
    auto* path = static_cast<const char*>(fdt_getprop(fdt, chosen, "stdout-path", &len));
    if (path == nullptr) return Status::ok;
    // "stdout-path" may carry options after ':' (e.g. "serial0:115200n8").
    int path_len = static_cast<int>(strnlen(path, static_cast<size_t>(len)));
    const char* colon = static_cast<const char*>(memchr(path, ':', static_cast<size_t>(path_len)));
    if (colon != nullptr) path_len = static_cast<int>(colon - path);
    copy_string(out.console_path, sizeof(out.console_path), path, path_len);

    int node = fdt_path_offset_namelen(fdt, path, path_len);
    if (node < 0) {
        *error = "/chosen/stdout-path names a missing node";
        return Status::invalid;
    }
    auto* compat = static_cast<const char*>(fdt_getprop(fdt, node, "compatible", &len));
    if (compat == nullptr || len <= 0) {
        *error = "console node has no compatible";
        return Status::invalid;
    }
    copy_string(out.console_compatible, sizeof(out.console_compatible), compat, len);
    uint64_t size = 0;
    if (!read_reg(fdt, node, out.console.phys_base, size) ||
        !translate_address(fdt, node, out.console.phys_base)) {
        *error = "console node has no usable reg";
        return Status::invalid;
    }
    out.console.compatible = out.console_compatible;
    uint32_t v = 0;
    out.console.reg_shift = read_u32(fdt, node, "reg-shift", v) ? v : 0;
    out.console.clock_hz = read_u32(fdt, node, "clock-frequency", v) ? v : 0;
    out.console.irq = read_u32(fdt, node, "interrupts", v) ? static_cast<int32_t>(v) : -1;
    out.has_console = true;
    return Status::ok;
}

}  // namespace

Status parse_board(const void* dtb, BoardInfo& out, const char** error) {
    *error = "";
    out = BoardInfo{};
    if (dtb == nullptr || fdt_check_header(dtb) != 0) {
        *error = "not a valid flattened device tree";
        return Status::invalid;
    }
    int len = 0;
    auto* model = static_cast<const char*>(fdt_getprop(dtb, 0, "model", &len));
    copy_string(out.model, sizeof(out.model), model ? model : "unknown board",
                model ? len : 14);

    if (Status s = parse_memory(dtb, out, error); s != Status::ok) return s;
    if (Status s = parse_console(dtb, out, error); s != Status::ok) return s;

    int cpus = fdt_path_offset(dtb, "/cpus");
    if (cpus >= 0) {
        uint32_t hz = 0;
        if (read_u32(dtb, cpus, "timebase-frequency", hz)) out.timer_hz = hz;
        int cpu = fdt_first_subnode(dtb, cpus);
        if (cpu >= 0) {
            auto* compat = static_cast<const char*>(fdt_getprop(dtb, cpu, "compatible", &len));
            if (compat != nullptr)
                copy_string(out.cpu_compatible, sizeof(out.cpu_compatible), compat, len);
        }
    }
    return Status::ok;
}

}  // namespace tern
