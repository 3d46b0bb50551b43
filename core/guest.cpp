// Guest creation, loading and life cycle.
#include "guest.hpp"

#include <stdarg.h>
#include <string.h>

#include "console.hpp"
#include "hal/cache.hpp"
#include "hal/memory.hpp"
#include "lib/format.hpp"
#include "loader/cpio.hpp"
#include "loader/elf.hpp"
#include "mem/heap.hpp"
#include "mem/page_alloc.hpp"
#include "sched/scheduler.hpp"
#include "sync/spinlock.hpp"
#include "thread.hpp"

namespace tern {
namespace {

constexpr unsigned vcpu_priority = 2;      // below hypervisor threads
constexpr size_t vcpu_stack_size = 8192;
constexpr uint16_t elf_machine_mips = 8;

List<Guest, &Guest::node> guests;
unsigned next_guest_id = 1;

struct Error {
    char* buf;
    size_t size;
    Status fail(const char* fmt, ...) __attribute__((format(printf, 2, 3))) {
        va_list ap;
        va_start(ap, fmt);
        vformat_to(buf, size, fmt, ap);
        va_end(ap);
        return Status::invalid;
    }
};

void free_memory(Guest& g) {
    for (unsigned i = 0; i < g.aspace.count(); ++i) {
        const Region& r = g.aspace.region(i);
        if (r.kind != RegionKind::device)
            page_allocator().free(r.host_phys, static_cast<size_t>(r.size / PageAllocator::page_size));
    }
    for (unsigned i = 0; i < g.device_count; ++i)
        if (g.devices[i].ops != nullptr && g.devices[i].state != nullptr)
            g.devices[i].ops->destroy(g.devices[i]);
    g.device_count = 0;
    g.aspace.clear();
}

Status allocate_memory(Guest& g, Error& err) {
    for (unsigned i = 0; i < g.config.region_count; ++i) {
        const RegionConfig& rc = g.config.regions[i];
        size_t pages = static_cast<size_t>(rc.size / PageAllocator::page_size);
        // Aligned to the region's size (up to 16 MiB) so large host pages
        // can map it.
        size_t align = 1;
        while (align * 2 <= pages && align < 4096) align *= 2;
        uint64_t phys = 0;
        if (page_allocator().alloc(pages, phys, align) != Status::ok)
            return err.fail("memory/%s: no room for %llu KiB of host memory", rc.name,
                            static_cast<unsigned long long>(rc.size >> 10));
        Region r{rc.kind, rc.gpa, rc.size, phys, nullptr, {}};
        memcpy(r.name, rc.name, sizeof(r.name));
        if (g.aspace.add(r) != Status::ok) {
            page_allocator().free(phys, pages);
            return err.fail("memory/%s: overlaps another region", rc.name);
        }
    }
    return Status::ok;
}

Status create_devices(Guest& g, Error& err) {
    for (unsigned i = 0; i < g.config.device_count; ++i) {
        const DeviceConfig& dc = g.config.devices[i];
        const EmulatorOps* ops = emulator_find(dc.compatible);
        if (ops == nullptr)
            return err.fail("devices/%s: no emulator for \"%s\" (not built in?)", dc.name,
                            dc.compatible);
        Device& d = g.devices[g.device_count];
        d = Device{};
        d.config = dc;
        d.guest = &g;
        const char* why = "";
        d.state = ops->create(d, &why);
        if (d.state == nullptr) return err.fail("devices/%s: %s", dc.name, why);
        d.ops = ops;
        ++g.device_count;
        Region r{RegionKind::device, dc.base, dc.size, 0, &d, {}};
        memcpy(r.name, dc.name, sizeof(r.name));
        if (g.aspace.add(r) != Status::ok)
            return err.fail("devices/%s: overlaps another region", dc.name);
    }
    return Status::ok;
}

Status find_images(Guest& g, const void* archive, size_t archive_size, Error& err) {
    CpioReader cpio(archive, archive_size);
    for (unsigned i = 0; i < g.config.region_count; ++i) {
        const RegionConfig& rc = g.config.regions[i];
        if (rc.image[0] == '\0') continue;
        char path[80];
        format_to(path, sizeof(path), "%s/%s", g.name, rc.image);
        CpioEntry e{};
        if (archive == nullptr || cpio.find(path, e) != Status::ok)
            return err.fail("memory/%s: image \"%s\" is not in the initrd", rc.name, path);
        g.images[g.image_count++] = GuestImage{i, e.data, e.size};
    }
    return Status::ok;
}

// Zeroes RAM and loads every image (again, on reset).
Status load_images(Guest& g, Error& err) {
    for (unsigned i = 0; i < g.aspace.count(); ++i) {
        const Region& r = g.aspace.region(i);
        if (r.kind == RegionKind::device) continue;
        memset(hal::phys_to_virt(r.host_phys), 0, static_cast<size_t>(r.size));
    }
    for (unsigned n = 0; n < g.image_count; ++n) {
        const GuestImage& img = g.images[n];
        const RegionConfig& rc = g.config.regions[img.region];
        if (!ElfImage::looks_like_elf(img.data, img.size)) {
            void* dst = g.aspace.host_pointer(rc.gpa + rc.image_offset, img.size);
            if (dst == nullptr)
                return err.fail("%s: %zu bytes do not fit in memory/%s at offset 0x%llx",
                                rc.image, img.size, rc.name,
                                static_cast<unsigned long long>(rc.image_offset));
            memcpy(dst, img.data, img.size);
            continue;
        }
        ElfImage elf;
        if (elf.open(img.data, img.size, elf_machine_mips) != Status::ok)
            return err.fail("%s: %s", rc.image, elf.error());
        for (unsigned s = 0; s < elf.segment_count(); ++s) {
            ElfSegment seg{};
            if (!elf.segment(s, seg)) break;
            if (seg.mem_size == 0) continue;
            // Both ends must translate, contiguously (one segment of the map).
            uint64_t gpa = 0, last = 0;
            void* dst = nullptr;
            if (arch_kernel_va_to_gpa(seg.vaddr, gpa) &&
                arch_kernel_va_to_gpa(uint64_t{seg.vaddr} + seg.mem_size - 1, last) &&
                last == gpa + seg.mem_size - 1)
                dst = g.aspace.host_pointer(gpa, seg.mem_size);
            if (dst == nullptr)
                return err.fail("%s: segment at 0x%08x (+0x%x) is outside the guest's RAM/ROM",
                                rc.image, seg.vaddr, seg.mem_size);
            memcpy(dst, seg.data, seg.file_size);
            memset(static_cast<uint8_t*>(dst) + seg.file_size, 0, seg.mem_size - seg.file_size);
        }
    }
    // The guest will fetch what we wrote: make it visible to instruction fetch.
    for (unsigned i = 0; i < g.aspace.count(); ++i) {
        const Region& r = g.aspace.region(i);
        if (r.kind != RegionKind::device)
            hal::icache_sync_range(reinterpret_cast<uintptr_t>(hal::phys_to_virt(r.host_phys)),
                                   static_cast<size_t>(r.size));
    }
    return Status::ok;
}

void destroy_vcpus(Guest& g) {
    for (Vcpu*& v : g.vcpus) {
        if (v == nullptr) continue;
        arch_vcpu_release(*v);
        (void)entity_destroy(*v);
        v = nullptr;
    }
}

bool is_own_vcpu(const Guest& g) {
    const Vcpu& cur = sched_current();
    return !cur.orphan && cur.guest == &g;
}

}  // namespace

const char* guest_state_name(GuestState s) {
    switch (s) {
    case GuestState::stopped: return "stopped";
    case GuestState::running: return "running";
    case GuestState::crashed: return "crashed";
    }
    return "?";
}

Guest* guest_create(const void* dtb, size_t dtb_size, const void* archive, size_t archive_size,
                    char* error, size_t error_size) {
    Error err{error, error_size};
    static GuestConfig cfg;  // large: keep it off the caller's stack
    // libfdt wants the blob 8-byte aligned; inside a cpio it is only 4.
    void* aligned = heap().alloc(dtb_size == 0 ? 1 : dtb_size);
    if (aligned == nullptr) {
        (void)err.fail("out of hypervisor heap");
        return nullptr;
    }
    memcpy(aligned, dtb, dtb_size);
    Status parsed = parse_guest_config(aligned, dtb_size, cfg, error, error_size);
    heap().free(aligned);
    if (parsed != Status::ok) return nullptr;
    if (guest_find(cfg.name) != nullptr) {
        (void)err.fail("a guest named '%s' already exists", cfg.name);
        return nullptr;
    }
    Guest* g = heap_new<Guest>();
    if (g == nullptr) {
        (void)err.fail("out of hypervisor heap");
        return nullptr;
    }
    g->config = cfg;
    memcpy(g->name, cfg.name, sizeof(g->name));
    g->start_pc = cfg.has_start_pc ? cfg.start_pc : arch_default_start_pc();
    if (allocate_memory(*g, err) != Status::ok || create_devices(*g, err) != Status::ok ||
        find_images(*g, archive, archive_size, err) != Status::ok ||
        load_images(*g, err) != Status::ok) {
        free_memory(*g);
        heap_delete(g);
        return nullptr;
    }
    g->id = next_guest_id++;
    IrqGuard guard;
    guests.push_back(*g);
    return g;
}

void guests_load_initrd(const void* initrd, size_t size) {
    CpioReader cpio(initrd, size);
    CpioEntry e{};
    Status s;
    unsigned loaded = 0, failed = 0;
    while ((s = cpio.next(e)) == Status::ok) {
        const char* slash = strchr(e.name, '/');
        if (slash == nullptr || strcmp(slash, "/guest.dtb") != 0) continue;
        char error[160];
        Guest* g = guest_create(e.data, e.size, initrd, size, error, sizeof(error));
        if (g == nullptr) {
            print("guest %.*s: not loaded: %s\n", static_cast<int>(slash - e.name), e.name, error);
            ++failed;
            continue;
        }
        print("guest %s: loaded (%u vcpu%s, %u regions, %u devices)\n", g->name, g->config.vcpus,
              g->config.vcpus > 1 ? "s" : "", g->aspace.count(), g->device_count);
        ++loaded;
        if (guest_start(*g) != Status::ok) print("guest %s: cannot start\n", g->name);
    }
    if (s == Status::invalid) print("initrd: %s\n", cpio.error());
    if (loaded + failed == 0) print("initrd: no guests (expected <name>/guest.dtb entries)\n");
}

Status guest_start(Guest& g) {
    if (g.state == GuestState::running) return Status::busy;
    destroy_vcpus(g);  // leftovers of a crash
    for (unsigned i = 0; i < g.config.vcpus; ++i) {
        char name[24];
        format_to(name, sizeof(name), "%s/%u", g.name, i);
        Vcpu* v = entity_create(name, arch_vcpu_run, nullptr, vcpu_priority, vcpu_stack_size, false);
        if (v == nullptr) {
            destroy_vcpus(g);
            return Status::no_memory;
        }
        v->arg = v;
        v->guest = &g;
        v->guest_index = i;
        arch_vcpu_init(*v, g.start_pc);
        g.vcpus[i] = v;
    }
    g.state = GuestState::running;
    g.report[0] = '\0';
    ++g.starts;
    for (unsigned i = 0; i < g.config.vcpus; ++i) (void)thread_start(*g.vcpus[i]);
    return Status::ok;
}

Status guest_stop(Guest& g) {
    if (is_own_vcpu(g)) return Status::busy;  // a guest cannot stop itself this way
    if (g.state != GuestState::running) {
        g.state = g.state == GuestState::crashed ? GuestState::crashed : GuestState::stopped;
        destroy_vcpus(g);
        return Status::ok;
    }
    destroy_vcpus(g);
    g.state = GuestState::stopped;
    return Status::ok;
}

Status guest_reset(Guest& g) {
    if (is_own_vcpu(g)) return Status::busy;
    (void)guest_stop(g);
    char error[160];
    Error err{error, sizeof(error)};
    if (load_images(g, err) != Status::ok) {
        print("guest %s: reset failed: %s\n", g.name, error);
        return Status::invalid;
    }
    for (unsigned i = 0; i < g.device_count; ++i) g.devices[i].ops->reset(g.devices[i]);
    return guest_start(g);
}

void guest_crash(Guest& g, const char* fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    vformat_to(g.report, sizeof(g.report), fmt, ap);
    va_end(ap);
    print("guest %s: stopped: %s\n", g.name, g.report);
    g.state = GuestState::crashed;
    // Park the other VCPUs now; their objects go at the next start/stop.
    Vcpu* self = &sched_current();
    for (Vcpu* v : g.vcpus)
        if (v != nullptr && v != self && v->state != VcpuState::exited) sched_forget(*v);
    if (!self->orphan && self->guest == &g) thread_exit(1);
}

Guest* guest_find(const char* name) {
    for (Guest& g : guests)
        if (strcmp(g.name, name) == 0) return &g;
    return nullptr;
}

List<Guest, &Guest::node>& guest_all() { return guests; }

void guest_irq_line(Guest& g, unsigned line, bool level) {
    Vcpu* v = g.vcpus[0];
    if (v == nullptr || line >= 32) return;
    IrqGuard guard;
    uint32_t old = v->irq_lines;
    v->irq_lines = level ? old | (1u << line) : old & ~(1u << line);
    if (v->irq_lines != old) arch_vcpu_irq_changed(*v);
}

void device_irq(Device& dev, bool level) {
    if (dev.config.irq >= 0 && dev.guest != nullptr)
        guest_irq_line(*dev.guest, static_cast<unsigned>(dev.config.irq), level);
}


}  // namespace tern
