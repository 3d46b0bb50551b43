// Guest device tree parsing with libfdt.
#include "config/guest_config.hpp"

#include <libfdt.h>
#include <string.h>

#include "lib/format.hpp"

namespace tern {
namespace {

constexpr uint64_t page = 4096;

struct Parser {
    const void* fdt;
    char* error;
    size_t error_size;

    Status fail(const char* fmt, const char* a = "", const char* b = "") {
        format_to(error, error_size, fmt, a, b);
        return Status::invalid;
    }

    // A node's "reg" as one (base, size) pair with the parent's cells.
    bool reg(int node, uint64_t& base, uint64_t& size) const {
        int parent = fdt_parent_offset(fdt, node);
        int ac = fdt_address_cells(fdt, parent), sc = fdt_size_cells(fdt, parent);
        if (ac < 1 || ac > 2 || sc < 1 || sc > 2) return false;
        int len = 0;
        auto* p = static_cast<const fdt32_t*>(fdt_getprop(fdt, node, "reg", &len));
        if (p == nullptr || len != (ac + sc) * 4) return false;
        base = size = 0;
        for (int i = 0; i < ac; ++i) base = (base << 32) | fdt32_to_cpu(p[i]);
        for (int i = 0; i < sc; ++i) size = (size << 32) | fdt32_to_cpu(p[ac + i]);
        return true;
    }

    bool u32(int node, const char* prop, uint32_t& out) const {
        int len = 0;
        auto* p = static_cast<const fdt32_t*>(fdt_getprop(fdt, node, prop, &len));
        if (p == nullptr) return false;
        if (len != 4) return false;
        out = fdt32_to_cpu(*p);
        return true;
    }

    // A string property copied into dst; false if absent, unterminated or too long.
    bool string(int node, const char* prop, char* dst, size_t size) const {
        int len = 0;
        auto* p = static_cast<const char*>(fdt_getprop(fdt, node, prop, &len));
        if (p == nullptr || len <= 0 || p[len - 1] != '\0') return false;
        size_t n = strlen(p);
        if (n >= size) return false;
        memcpy(dst, p, n + 1);
        return true;
    }
};

}  // namespace

bool valid_guest_name(const char* name) {
    size_t n = 0;
    for (; name[n] != '\0'; ++n) {
        char c = name[n];
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-')) return false;
        if (n == GuestConfig::max_name) return false;
    }
    return n > 0;
}

Status parse_guest_config(const void* dtb, size_t size, GuestConfig& out, char* error,
                          size_t error_size) {
    Parser p{dtb, error, error_size};
    memset(&out, 0, sizeof(out));
    if (dtb == nullptr || size < sizeof(fdt_header) || fdt_check_header(dtb) != 0 ||
        fdt_totalsize(dtb) > size)
        return p.fail("not a valid device tree blob");
    if (fdt_node_check_compatible(dtb, 0, "tern,guest") != 0)
        return p.fail("root is not compatible with \"tern,guest\"");
    if (!p.string(0, "model", out.name, sizeof(out.name)) || !valid_guest_name(out.name))
        return p.fail("\"model\" must name the guest: 1-15 characters of [a-z0-9_-]");

    uint32_t v = 1;
    if (fdt_getprop(dtb, 0, "vcpus", nullptr) != nullptr && !p.u32(0, "vcpus", v))
        return p.fail("\"vcpus\" must be one cell");
    if (v < 1 || v > GuestConfig::max_vcpus) return p.fail("\"vcpus\" must be 1 to 4");
    out.vcpus = v;
    if (fdt_getprop(dtb, 0, "start-pc", nullptr) != nullptr) {
        if (!p.u32(0, "start-pc", v)) return p.fail("\"start-pc\" must be one cell");
        out.has_start_pc = true;
        out.start_pc = v;
    }

    int memory = fdt_subnode_offset(dtb, 0, "memory");
    if (memory < 0) return p.fail("no /memory node");
    int node;
    fdt_for_each_subnode(node, dtb, memory) {
        const char* node_name = fdt_get_name(dtb, node, nullptr);
        if (out.region_count == GuestConfig::max_regions)
            return p.fail("too many memory regions (at most 8)");
        RegionConfig& r = out.regions[out.region_count];
        memset(&r, 0, sizeof(r));
        size_t n = strnlen(node_name, sizeof(r.name) - 1);
        memcpy(r.name, node_name, n);
        char type[8];
        if (!p.string(node, "device_type", type, sizeof(type)))
            return p.fail("memory/%s: device_type must be \"ram\" or \"rom\"", node_name);
        if (strcmp(type, "ram") == 0) r.kind = RegionKind::ram;
        else if (strcmp(type, "rom") == 0) r.kind = RegionKind::rom;
        else return p.fail("memory/%s: device_type must be \"ram\" or \"rom\"", node_name);
        if (!p.reg(node, r.gpa, r.size) || r.size == 0 || r.gpa % page != 0 || r.size % page != 0 ||
            r.gpa + r.size < r.gpa)
            return p.fail("memory/%s: reg must be one page-aligned (base, size) pair", node_name);
        if (fdt_getprop(dtb, node, "image", nullptr) != nullptr &&
            !p.string(node, "image", r.image, sizeof(r.image)))
            return p.fail("memory/%s: bad \"image\" (a file name, at most 47 characters)",
                          node_name);
        if (fdt_getprop(dtb, node, "image-offset", nullptr) != nullptr) {
            if (!p.u32(node, "image-offset", v) || v >= r.size)
                return p.fail("memory/%s: \"image-offset\" must be one cell inside the region",
                              node_name);
            r.image_offset = v;
        }
        ++out.region_count;
    }
    if (out.region_count == 0) return p.fail("/memory has no regions");

    int devices = fdt_subnode_offset(dtb, 0, "devices");
    if (devices >= 0) {
        fdt_for_each_subnode(node, dtb, devices) {
            const char* node_name = fdt_get_name(dtb, node, nullptr);
            if (out.device_count == GuestConfig::max_devices)
                return p.fail("too many devices (at most 8)");
            DeviceConfig& d = out.devices[out.device_count];
            memset(&d, 0, sizeof(d));
            size_t n = strnlen(node_name, sizeof(d.name) - 1);
            memcpy(d.name, node_name, n);
            if (!p.string(node, "compatible", d.compatible, sizeof(d.compatible)))
                return p.fail("devices/%s: no usable \"compatible\"", node_name);
            if (!p.reg(node, d.base, d.size) || d.size == 0 || d.base + d.size < d.base)
                return p.fail("devices/%s: reg must be one (base, size) pair", node_name);
            d.irq = -1;
            if (fdt_getprop(dtb, node, "interrupts", nullptr) != nullptr) {
                if (!p.u32(node, "interrupts", v) || v > 31)
                    return p.fail("devices/%s: \"interrupts\" must be one cell, 0-31", node_name);
                d.irq = static_cast<int32_t>(v);
            }
            if (fdt_getprop(dtb, node, "reg-shift", nullptr) != nullptr) {
                if (!p.u32(node, "reg-shift", v) || v > 3)
                    return p.fail("devices/%s: \"reg-shift\" must be 0-3", node_name);
                d.reg_shift = v;
            }
            ++out.device_count;
        }
    }
    return Status::ok;
}

}  // namespace tern
