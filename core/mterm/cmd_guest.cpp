// Terminal commands about guests: guest, vcpu and vserial.
#include <string.h>

#include "console.hpp"
#include "console_input.hpp"
#include "guest.hpp"
#include "mterm/commands.hpp"
#include "mterm/mterm.hpp"
#include "sync/spinlock.hpp"
#include "vserial.hpp"

namespace tern {
namespace {

using ull = unsigned long long;

Guest* find_guest(const char* name) {
    Guest* g = guest_find(name);
    if (g == nullptr) print("error: no guest '%s' (see 'guest list')\n", name);
    return g;
}

// "GUEST/N" -> the VCPU, with an error printed otherwise.
Vcpu* find_vcpu(const char* spec) {
    const char* slash = strchr(spec, '/');
    char name[GuestConfig::max_name + 1];
    size_t n = slash != nullptr ? static_cast<size_t>(slash - spec) : 0;
    unsigned long long index = 0;
    if (slash == nullptr || n == 0 || n > GuestConfig::max_name ||
        !mterm_parse_u64(slash + 1, index)) {
        print("error: expected GUEST/N, e.g. hello/0\n");
        return nullptr;
    }
    memcpy(name, spec, n);
    name[n] = '\0';
    Guest* g = find_guest(name);
    if (g == nullptr) return nullptr;
    if (index >= g->config.vcpus) {
        print("error: guest '%s' has %u vcpu(s)\n", name, g->config.vcpus);
        return nullptr;
    }
    if (g->vcpus[index] == nullptr) {
        print("error: guest '%s' is %s: its vcpus do not exist\n", name,
              guest_state_name(g->state));
        return nullptr;
    }
    return g->vcpus[index];
}

int guest_action(const char* name, Status (*action)(Guest&), const char* done) {
    Guest* g = find_guest(name);
    if (g == nullptr) return 1;
    Status s = action(*g);
    if (s != Status::ok) {
        print("error: guest '%s': %s\n", name, status_name(s));
        return 1;
    }
    print("guest %s: %s\n", name, done);
    return 0;
}

}  // namespace

int cmd_guest_list(int, char**) {
    print("%-4s %-16s %-8s %-5s %-10s %s\n", "ID", "NAME", "STATE", "VCPUS", "RAM(KiB)", "REPORT");
    for (Guest& g : guest_all()) {
        uint64_t ram = 0;
        for (unsigned i = 0; i < g.aspace.count(); ++i)
            if (g.aspace.region(i).kind != RegionKind::device) ram += g.aspace.region(i).size;
        print("%-4u %-16s %-8s %-5u %-10llu %s\n", g.id, g.name, guest_state_name(g.state),
              g.config.vcpus, static_cast<ull>(ram >> 10), g.report);
    }
    return 0;
}

int cmd_guest_start(int, char** argv) { return guest_action(argv[0], guest_start, "started"); }
int cmd_guest_stop(int, char** argv) { return guest_action(argv[0], guest_stop, "stopped"); }
int cmd_guest_reset(int, char** argv) { return guest_action(argv[0], guest_reset, "reset"); }

int cmd_guest_regions(int, char** argv) {
    Guest* g = find_guest(argv[0]);
    if (g == nullptr) return 1;
    print("%-20s %-7s %-12s %-12s %s\n", "REGION", "KIND", "GUEST-PHYS", "SIZE", "HOST-PHYS");
    for (unsigned i = 0; i < g->aspace.count(); ++i) {
        const Region& r = g->aspace.region(i);
        print("%-20s %-7s 0x%08llx   0x%08llx   ", r.name, region_kind_name(r.kind),
              static_cast<ull>(r.gpa), static_cast<ull>(r.size));
        if (r.kind == RegionKind::device) print("%s\n", r.device->config.compatible);
        else print("0x%08llx\n", static_cast<ull>(r.host_phys));
    }
    return 0;
}

int cmd_guest_dumpmem(int, char** argv) {
    Guest* g = find_guest(argv[0]);
    if (g == nullptr) return 1;
    unsigned long long addr = 0, len = 0;
    if (!mterm_parse_u64(argv[1], addr) || !mterm_parse_u64(argv[2], len) || len == 0 ||
        len > 4096) {
        print("error: ADDR must be a number and LEN 1-4096\n");
        return 1;
    }
    if (addr + len < addr || g->aspace.host_pointer(addr, len) == nullptr) {
        print("error: 0x%llx+%llu is not inside one RAM/ROM region of guest '%s'\n", addr, len,
              g->name);
        return 1;
    }
    auto* p = static_cast<const uint8_t*>(g->aspace.host_pointer(addr, len));
    for (unsigned long long off = 0; off < len; off += 16) {
        print("%08llx:", addr + off);
        for (unsigned long long i = off; i < off + 16 && i < len; ++i) print(" %02x", p[i]);
        print("\n");
    }
    return 0;
}

int cmd_vcpu_list(int, char**) {
    print("%-12s %-9s %-4s %12s %10s\n", "VCPU", "STATE", "PRIO", "RUN(us)", "SWITCHES");
    for (Guest& g : guest_all()) {
        for (unsigned i = 0; i < g.config.vcpus; ++i) {
            Vcpu* v = g.vcpus[i];
            if (v == nullptr) {
                print("%s/%-10u %-9s\n", g.name, i, "-");
                continue;
            }
            print("%-12s %-9s %-4u %12llu %10llu\n", v->name, vcpu_state_name(v->state),
                  v->priority, static_cast<ull>(v->stats.run_ns / 1000),
                  static_cast<ull>(v->stats.switches));
        }
    }
    return 0;
}

int cmd_vcpu_dumpreg(int, char** argv) {
    Vcpu* v = find_vcpu(argv[0]);
    if (v == nullptr) return 1;
    arch_vcpu_dump(*v);
    return 0;
}

int cmd_vcpu_stats(int argc, char** argv) {
    if (argc == 1) {
        Vcpu* v = find_vcpu(argv[0]);
        if (v == nullptr) return 1;
        arch_vcpu_print_stats(*v);
        return 0;
    }
    for (Guest& g : guest_all())
        for (Vcpu* v : g.vcpus)
            if (v != nullptr) arch_vcpu_print_stats(*v);
    return 0;
}

int cmd_vserial_list(int, char**) {
    print("%-36s %-8s %10s %10s\n", "PORT", "STATE", "TX", "RX");
    for (VSerial& p : vserial_all())
        print("%-36s %-8s %10llu %10llu\n", p.name, vserial_bound() == &p ? "bound" : "-",
              static_cast<ull>(p.tx_bytes), static_cast<ull>(p.rx_bytes));
    return 0;
}

int cmd_vserial_bind(int, char** argv) {
    VSerial* p = vserial_find(argv[0]);
    if (p == nullptr) {
        print("error: no port '%s' (see 'vserial list')\n", argv[0]);
        return 1;
    }
    // Ctrl-] (0x1d) returns to the terminal, as in telnet.
    constexpr int escape = 0x1d;
    print("vserial: console bound to %s; press Ctrl-] to return\n", p->name);
    vserial_set_bound(p);
    for (;;) {
        int c = console_read();
        if (c == escape) break;
        if (vserial_bound() != p) break;  // the port went away (guest reset)
        vserial_receive(*p, static_cast<uint8_t>(c));
    }
    vserial_set_bound(nullptr);
    print("\nvserial: back to the terminal\n");
    return 0;
}

}  // namespace tern
