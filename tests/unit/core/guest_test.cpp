// Creating guests from device trees and an initrd (core/guest.cpp): memory
// from the page allocator, devices from the emulator registry, images from
// the cpio archive (raw and ELF), every failure leaving nothing behind; and
// the life cycle (start, stop, reset, crash) with VCPU threads on the
// simulated CPU. The guest list is global: each scenario runs in a child.
#include <stdint.h>
#include <string.h>

#include <memory>
#include <regex>
#include <string>
#include <vector>

#include "catch.hpp"
#include "cpio_builder.hpp"
#include "dtb.hpp"
#include "elf_builder.hpp"
#include "guest.hpp"
#include "hal/cache.hpp"
#include "hal_host.hpp"
#include "host_vcpu.hpp"
#include "mem/heap.hpp"
#include "mem/page_alloc.hpp"
#include "mterm/mterm.hpp"
#include "sim.hpp"
#include "thread.hpp"
#include "vserial.hpp"

using tern::Guest;
using tern::Status;

namespace {

constexpr uint64_t ram_phys = 0x10000000;
constexpr size_t ram_bytes = 32u << 20;

// Host RAM for guests (page allocator, reachable through the HAL) and,
// unless the simulation made one, a fresh hypervisor heap. Call in the
// child process.
void setup_memory(bool fresh_heap = true) {
    static uint8_t* ram = new uint8_t[ram_bytes];
    memset(ram, 0xaa, ram_bytes);  // guests must find their RAM zeroed anyway
    host::ram_map(ram_phys, ram, ram_bytes);
    static std::vector<uint64_t> heap_memory(1u << 17);  // 1 MiB
    if (fresh_heap)
        sim::expect(tern::heap().init(heap_memory.data(), heap_memory.size() * 8) == Status::ok, "heap init");
    sim::expect(tern::page_allocator().init(ram_phys, ram_bytes) == Status::ok, "page allocator init");
}

std::string bytes(const test::Bytes& b) { return std::string(b.begin(), b.end()); }

// The MIPS-style ELF the "hello-1_x" fixture loads into its ROM: code at
// kernel address 0x3fc00000 (guest-physical 0x1fc00000) with 8 bytes of
// BSS, and data at 0x1000 in RAM.
test::ElfBuilder hello_elf() {
    test::ElfBuilder e;
    e.entry = 0xbfc00000;
    e.segments = {{1, 0x3fc00000, "ROMCODE!", 8}, {1, 0x00001000, "RAMDATA", 0}};
    return e;
}

// The files "hello-1_x" names, in an archive (its tree is given separately).
test::Bytes hello_archive(const test::Bytes& elf, const std::string& boot = "BOOT") {
    return test::archive({{"hello-1_x/hello.elf", bytes(elf)}, {"hello-1_x/boot.bin", boot}});
}

struct Created {
    Guest* guest;
    std::string error;
};

Created create(const std::string& fixture, const test::Bytes& archive) {
    test::Dtb dtb = test::load_dtb(fixture);
    char error[160] = "";
    Guest* g = tern::guest_create(dtb.data(), dtb.size(), archive.empty() ? nullptr : archive.data(),
                                  archive.size(), error, sizeof(error));
    return {g, g != nullptr ? "" : error};
}

// Heap, pages and ports in use: a failed creation must not change them.
std::string usage() {
    return std::to_string(tern::heap().stats().used) + "/" +
           std::to_string(tern::page_allocator().free_pages()) + "/" +
           std::to_string(tern::vserial_all().size());
}

std::string read(const Guest& g, uint64_t gpa, size_t len) {
    std::string s(len, '?');
    const void* p = g.aspace.host_pointer(gpa, len);
    if (p == nullptr) return "<unreadable>";
    memcpy(s.data(), p, len);
    return s;
}

}  // namespace

TEST_CASE("guest: creating a guest loads its memory and devices and images", "[guest]") {
    sim::Result r = sim::isolated([](sim::Record& rec) {
        host::reset();
        setup_memory();
        size_t pages = tern::page_allocator().free_pages();
        unsigned cache_ops = host::cache_maintenance_count();
        Created c = create("guest_valid", hello_archive(hello_elf().build()));
        rec.set("error", c.error);
        if (c.guest == nullptr) return;
        Guest& g = *c.guest;
        rec.set("name", g.name);
        rec.set("id", g.id);
        rec.set("state", tern::guest_state_name(g.state));
        rec.set("start_pc", g.start_pc);
        rec.set("regions", g.aspace.count());
        rec.set("devices", g.device_count);
        rec.set("pages_used", pages - tern::page_allocator().free_pages());
        for (unsigned i = 0; i < g.aspace.count(); ++i) {
            const tern::Region& reg = g.aspace.region(i);
            std::string align = "-";
            if (reg.kind != tern::RegionKind::device) {
                uint64_t a = std::min<uint64_t>(reg.size, 16u << 20);
                align = (reg.host_phys - ram_phys) % a == 0 ? "aligned" : "misaligned";
            }
            rec.add("region", std::string(reg.name) + ":" + tern::region_kind_name(reg.kind) + ":" + align);
        }
        rec.set("rom", read(g, 0x1fc00000, 16));
        rec.set("ram_data", read(g, 0x1000, 7));
        rec.set("ram_zero", read(g, 0x3ff000, 4));
        rec.set("boot", read(g, 0x01000100, 4));
        rec.set("boot_before", read(g, 0x010000fc, 4));
        rec.set("device_read", read(g, 0x1f000900, 1));
        rec.set("icache_synced", host::cache_maintenance_count() > cache_ops);
        rec.set("ports", std::to_string(tern::vserial_find("hello-1_x/uart0") != nullptr) +
                             std::to_string(tern::vserial_find("hello-1_x/uart1") != nullptr));
        rec.set("found", tern::guest_find("hello-1_x") == &g);
        rec.set("all", tern::guest_all().size());
        rec.set("vcpus_made", g.vcpus[0] != nullptr);
        std::string before = usage();
        Created again = create("guest_valid", hello_archive(hello_elf().build()));
        rec.set("again_error", again.error);
        rec.set("again_leak", usage() == before ? "none" : before + " -> " + usage());
    });
    INFO(r.describe());
    REQUIRE(r.end == "finished");
    REQUIRE(r.str("error") == "");
    CHECK(r.str("name") == "hello-1_x");
    CHECK(r.num("id") == 1);
    CHECK(r.str("state") == "stopped");
    CHECK(r.num("start_pc") == 0xbfc00000);
    CHECK(r.num("regions") == 5);
    CHECK(r.num("devices") == 2);
    CHECK(r.num("pages_used") == 1024 + 256 + 16);
    CHECK(r.str("region") ==
          "ram@0:ram:aligned,rom@1fc00000:rom:aligned,boot@1000000:ram:aligned,"
          "serial@1f000900:device:-,serial@1f000a00:device:-");
    CHECK(r.str("rom") == std::string("ROMCODE!") + std::string(8, '\0'));  // BSS zeroed
    CHECK(r.str("ram_data") == "RAMDATA");
    CHECK(r.str("ram_zero") == std::string(4, '\0'));
    CHECK(r.str("boot") == "BOOT");  // at image-offset 0x100
    CHECK(r.str("boot_before") == std::string(4, '\0'));
    CHECK(r.str("device_read") == "<unreadable>");  // devices are not memory
    CHECK(r.str("icache_synced") == "true");
    CHECK(r.str("ports") == "11");
    CHECK(r.str("found") == "true");
    CHECK(r.num("all") == 1);
    CHECK(r.str("vcpus_made") == "false");  // only at guest_start
    CHECK(r.str("again_error") == "a guest named 'hello-1_x' already exists");
    CHECK(r.str("again_leak") == "none");
}

TEST_CASE("guest: a guest that cannot be created leaves nothing behind", "[guest]") {
    sim::Result r = sim::isolated([](sim::Record& rec) {
        host::reset();
        setup_memory();
        auto attempt = [&rec](const char* key, const std::string& fixture, const test::Bytes& archive) {
            std::string before = usage();
            Created c = create(fixture, archive);
            rec.set(std::string(key), c.guest ? std::string("created") : c.error);
            if (usage() != before) rec.set(std::string(key) + "_leak", before + " -> " + usage());
        };
        test::Bytes elf = hello_elf().build();
        attempt("no_image", "guest_valid",
                test::archive({{"hello-1_x/boot.bin", "BOOT"}, {"other/hello.elf", bytes(elf)}}));
        attempt("no_archive", "guest_valid", {});
        attempt("overlap", "guest_overlap", {});
        attempt("device_overlap", "guest_devices_overlap", {});
        attempt("unknown_device", "guest_unknown_device", {});
        attempt("bad_tree", "guest_vcpus_five", {});
        test::ElfBuilder outside = hello_elf();
        outside.segments[1].vaddr = 0x00800000;  // 8 MiB: past the 4 MiB of RAM
        attempt("segment_outside", "guest_valid", hello_archive(outside.build()));
        test::ElfBuilder straddle = hello_elf();
        straddle.segments[0].vaddr = 0x3fcffffc;  // last 4 bytes of the ROM, and 12 more
        attempt("segment_straddles", "guest_valid", hello_archive(straddle.build()));
        test::ElfBuilder unmapped = hello_elf();
        unmapped.segments[0].vaddr = 0x80001000;  // no translation for this address
        attempt("segment_unmapped", "guest_valid", hello_archive(unmapped.build()));
        test::ElfBuilder arm = hello_elf();
        arm.machine = 40;
        attempt("wrong_machine", "guest_valid", hello_archive(arm.build()));
        test::Bytes truncated = elf;
        truncated.resize(60);  // an ELF header, program headers cut off
        attempt("broken_elf", "guest_valid", hello_archive(truncated));
        attempt("raw_too_big", "guest_valid", hello_archive(elf, std::string(0x10000, 'b')));
        sim::expect(tern::page_allocator().init(ram_phys, 2u << 20) == Status::ok, "pages");  // 2 MiB only
        attempt("no_host_memory", "guest_valid", hello_archive(elf));
        rec.set("guests", tern::guest_all().size());
    });
    INFO(r.describe());
    REQUIRE(r.end == "finished");
    for (const char* key : {"no_image", "no_archive", "overlap", "device_overlap", "unknown_device",
                            "bad_tree", "segment_outside", "segment_straddles", "segment_unmapped",
                            "wrong_machine", "broken_elf", "raw_too_big", "no_host_memory"})
        CHECK(r.str(std::string(key) + "_leak") == "<unset>");
    const std::string no_image = "memory/rom@1fc00000: image \"hello-1_x/hello.elf\" is not in the initrd";
    CHECK(r.str("no_image") == no_image);
    CHECK(r.str("no_archive") == no_image);
    CHECK(r.str("overlap") == "memory/rom@3000: overlaps another region");
    CHECK(r.str("device_overlap") == "devices/serial@3ff8: overlaps another region");
    CHECK(r.str("unknown_device") == "devices/ethernet@20000: no emulator for \"smc,lan91c111\" (not built in?)");
    CHECK(r.str("bad_tree") == "\"vcpus\" must be 1 to 4");
    CHECK(r.str("segment_outside") == "hello.elf: segment at 0x00800000 (+0x7) is outside the guest's RAM/ROM");
    CHECK(r.str("segment_straddles") == "hello.elf: segment at 0x3fcffffc (+0x10) is outside the guest's RAM/ROM");
    CHECK(r.str("segment_unmapped") == "hello.elf: segment at 0x80001000 (+0x10) is outside the guest's RAM/ROM");
    CHECK(r.str("wrong_machine") == "hello.elf: ELF for another machine");
    CHECK(r.str("broken_elf") == "hello.elf: ELF program headers outside the file");
    CHECK(r.str("raw_too_big") == "boot.bin: 65536 bytes do not fit in memory/boot@1000000 at offset 0x100");
    CHECK(r.str("no_host_memory") == "memory/ram@0: no room for 4096 KiB of host memory");
    CHECK(r.num("guests") == 0);
}

TEST_CASE("guest: a full hypervisor heap is reported and not fatal", "[guest]") {
    sim::Result r = sim::isolated([](sim::Record& rec) {
        host::reset();
        setup_memory(false);
        static std::vector<uint64_t> small(sizeof(Guest) / 8);
        sim::expect(tern::heap().init(small.data(), sizeof(Guest)) == Status::ok, "heap init");
        Created c = create("guest_minimal", {});
        rec.set("error", c.guest ? "created" : c.error);
        rec.set("used", tern::heap().stats().used);
    });
    INFO(r.describe());
    REQUIRE(r.end == "finished");
    CHECK(r.str("error") == "out of hypervisor heap");
    CHECK(r.num("used") == 0);
}

TEST_CASE("guest: loading every guest of an initrd", "[guest]") {
    sim::Result r = sim::isolated([](sim::Record& rec) {
        host::reset();
        setup_memory();
        test::Dtb m = test::load_dtb("guest_minimal"), bad = test::load_dtb("guest_bad_name");
        auto blob = [](const test::Dtb& d) {
            return std::string(static_cast<const char*>(d.data()), d.size());
        };
        test::Bytes initrd = test::archive({{"bad/guest.dtb", blob(bad)},
                                            {"m/readme.txt", "not a guest"},
                                            {"m/guest.dtb", blob(m)}});
        tern::guests_load_initrd(initrd.data(), initrd.size());
        rec.set("console", host::console_output());
        Guest* g = tern::guest_find("m");
        rec.set("found", g != nullptr);
        if (g != nullptr) {
            rec.set("state", tern::guest_state_name(g->state));
            rec.set("vcpu", g->vcpus[0] ? g->vcpus[0]->name : "none");
            rec.set("vcpu_state", g->vcpus[0] ? tern::vcpu_state_name(g->vcpus[0]->state) : "none");
            rec.set("vcpu_pc", g->vcpus[0] ? g->vcpus[0]->arch.start_pc : 0);
            rec.set("vcpu_orphan", g->vcpus[0] && g->vcpus[0]->orphan);
        }
        host::console_clear();
        test::Bytes empty = test::archive({});
        tern::guests_load_initrd(empty.data(), empty.size());
        rec.set("empty", host::console_output());
        host::console_clear();
        std::vector<uint8_t> junk(300, 'j');
        tern::guests_load_initrd(junk.data(), junk.size());
        rec.set("junk", host::console_output());
    });
    INFO(r.describe());
    REQUIRE(r.end == "finished");
    CHECK(r.str("console") ==
          "guest bad: not loaded: \"model\" must name the guest: 1-15 characters of [a-z0-9_-]\r\n"
          "guest m: loaded (1 vcpu, 1 regions, 0 devices)\r\n");
    CHECK(r.str("found") == "true");
    CHECK(r.str("state") == "running");
    CHECK(r.str("vcpu") == "m/0");
    CHECK(r.str("vcpu_state") == "ready");  // started; nothing has run it here
    CHECK(r.num("vcpu_pc") == host::default_start_pc);
    CHECK(r.str("vcpu_orphan") == "false");
    CHECK(r.str("empty") == "initrd: no guests (expected <name>/guest.dtb entries)\r\n");
    CHECK(r.str("junk") ==
          "initrd: not a cpio newc archive (bad magic)\r\n"
          "initrd: no guests (expected <name>/guest.dtb entries)\r\n");
}

TEST_CASE("guest: the life cycle with VCPU threads: start and interrupts and stop and reset and crash", "[guest][sim]") {
    sim::Result r = sim::run([](sim::Record& rec) {
        setup_memory(false);  // the simulation's heap holds the threads
        host::reset_vcpu_hooks();
        Created c = create("guest_valid", hello_archive(hello_elf().build()));
        sim::expect(c.guest != nullptr, "create: " + c.error);
        Guest& g = *c.guest;
        size_t heap_stopped = tern::heap().stats().used;
        rec.set("start", tern::status_name(tern::guest_start(g)));
        rec.set("start_again", tern::status_name(tern::guest_start(g)));
        tern::thread_sleep_ms(1);  // the VCPUs (priority 2) run and wait
        for (tern::Vcpu* v : g.vcpus)
            if (v != nullptr)
                rec.add("vcpus", std::string(v->name) + ":" + tern::vcpu_state_name(v->state) + ":" +
                                     std::to_string(v->arch.running) + ":" + std::to_string(v->priority));
        rec.set("runs", host::vcpu_hook_counts().runs);

        // A byte for the guest's UART: its interrupt line wakes VCPU 0.
        tern::Device& uart = g.devices[0];
        uart.ops->write(uart, 1 << 3, 1, 0x01);  // IER: received data
        uint64_t wakeups = g.vcpus[0]->stats.wakeups;
        tern::vserial_receive(*tern::vserial_find("hello-1_x/uart0"), 'k');
        rec.set("irq_lines", g.vcpus[0]->irq_lines);
        tern::thread_sleep_ms(1);
        rec.set("vcpu0_woken", g.vcpus[0]->stats.wakeups - wakeups);
        tern::guest_irq_line(g, 40, true);  // no such line: ignored
        rec.set("irq_lines_after_bad", g.vcpus[0]->irq_lines);

        auto run = [&rec](const std::string& key, const std::string& line) {
            host::console_clear();
            std::string copy = line;
            rec.set(key + "_rc", tern::mterm_execute(copy.data()));
            std::string out = host::console_output();
            for (size_t i; (i = out.find('\r')) != std::string::npos;) out.erase(i, 1);
            rec.set(key, out);
        };
        run("list", "guest list");
        run("regions", "guest regions hello-1_x");
        run("dump", "guest dumpmem hello-1_x 0x1fc00000 20");
        run("dump_bad", "guest dumpmem hello-1_x 0x1fcffff0 32");
        run("vcpu_list", "vcpu list");
        run("dumpreg", "vcpu dumpreg hello-1_x/1");
        run("dumpreg_bad", "vcpu dumpreg hello-1_x/2");
        run("vserial", "vserial list");

        rec.set("stop", tern::status_name(tern::guest_stop(g)));
        rec.set("stopped_state", tern::guest_state_name(g.state));
        rec.set("vcpus_after_stop", g.vcpus[0] == nullptr && g.vcpus[1] == nullptr);
        rec.set("released", host::vcpu_hook_counts().releases);
        rec.set("heap_after_stop", tern::heap().stats().used == heap_stopped);
        rec.set("thread_gone", tern::thread_find("hello-1_x/0") == nullptr);

        // Reset: the guest's writes to its memory and device are undone.
        memcpy(g.aspace.host_pointer(0x1fc00000, 4), "XXXX", 4);
        memcpy(g.aspace.host_pointer(0x2000, 4), "DIRT", 4);
        uart.ops->write(uart, 7 << 3, 1, 0x99);  // scratch
        rec.set("reset", tern::status_name(tern::guest_reset(g)));
        rec.set("rom_after_reset", read(g, 0x1fc00000, 8));
        rec.set("ram_after_reset", read(g, 0x2000, 4));
        rec.set("scratch_after_reset", uart.ops->read(uart, 7 << 3, 1));
        rec.set("starts", g.starts);
        rec.set("state_after_reset", tern::guest_state_name(g.state));

        // A crash reported by the hypervisor (not on the guest's own VCPU).
        tern::thread_sleep_ms(1);
        host::console_clear();
        tern::guest_crash(g, "bad %s at %d", "access", 42);
        rec.set("crash_console", host::console_output());
        rec.set("crash_state", tern::guest_state_name(g.state));
        rec.set("crash_report", g.report);
        rec.set("crash_vcpu", tern::vcpu_state_name(g.vcpus[0]->state));
        run("list_crashed", "guest list");
        rec.set("stop_crashed", tern::status_name(tern::guest_stop(g)));
        rec.set("still_crashed", tern::guest_state_name(g.state));
        rec.set("restart", tern::status_name(tern::guest_start(g)));
        rec.set("report_cleared", std::string(g.report).empty());
        rec.set("runs_total", host::vcpu_hook_counts().runs);
        rec.set("inits_total", host::vcpu_hook_counts().inits);
    });
    INFO(r.describe());
    REQUIRE(r.end == "finished");
    CHECK(r.str("start") == "ok");
    CHECK(r.str("start_again") == "busy");
    CHECK(r.str("vcpus") == "hello-1_x/0:blocked:1:2,hello-1_x/1:blocked:1:2");
    CHECK(r.num("runs") == 2);
    CHECK(r.num("irq_lines") == 1u << 2);
    CHECK(r.num("vcpu0_woken") == 1);
    CHECK(r.num("irq_lines_after_bad") == 1u << 2);
    CHECK(r.num("list_rc") == 0);
    CHECK(std::regex_search(r.str("list"), std::regex("\n1 +hello-1_x +running +2 +5184 +\n")));
    CHECK(std::regex_search(r.str("regions"), std::regex("rom@1fc00000 +rom +0x1fc00000 +0x00100000 +0x1[0-9a-f]{7}\n")));
    CHECK(std::regex_search(r.str("regions"), std::regex("serial@1f000900 +device +0x1f000900 +0x00000040 +ns16550a\n")));
    CHECK(r.str("dump") ==
          "1fc00000: 52 4f 4d 43 4f 44 45 21 00 00 00 00 00 00 00 00\n"
          "1fc00010: 00 00 00 00\n");
    CHECK(r.num("dump_bad_rc") != 0);
    CHECK(r.str("dump_bad") == "error: 0x1fcffff0+32 is not inside one RAM/ROM region of guest 'hello-1_x'\n");
    CHECK(std::regex_search(r.str("vcpu_list"), std::regex("\nhello-1_x/1 +blocked +2 ")));
    CHECK(r.str("dumpreg") == "vcpu hello-1_x/1: pc 0xbfc00000\n");
    CHECK(r.str("dumpreg_bad") == "error: guest 'hello-1_x' has 2 vcpu(s)\n");
    CHECK(std::regex_search(r.str("vserial"), std::regex("\nhello-1_x/uart0 +- +0 +1\n")));
    CHECK(r.str("stop") == "ok");
    CHECK(r.str("stopped_state") == "stopped");
    CHECK(r.str("vcpus_after_stop") == "true");
    CHECK(r.num("released") == 2);
    CHECK(r.str("heap_after_stop") == "true");
    CHECK(r.str("thread_gone") == "true");
    CHECK(r.str("reset") == "ok");
    CHECK(r.str("rom_after_reset") == "ROMCODE!");
    CHECK(r.str("ram_after_reset") == std::string(4, '\0'));
    CHECK(r.num("scratch_after_reset") == 0);
    CHECK(r.num("starts") == 2);
    CHECK(r.str("state_after_reset") == "running");
    CHECK(r.str("crash_console") == "guest hello-1_x: stopped: bad access at 42\r\n");
    CHECK(r.str("crash_state") == "crashed");
    CHECK(r.str("crash_report") == "bad access at 42");
    CHECK(r.str("crash_vcpu") == "exited");
    CHECK(std::regex_search(r.str("list_crashed"), std::regex("hello-1_x +crashed +2 +5184 +bad access at 42\n")));
    CHECK(r.str("stop_crashed") == "ok");
    CHECK(r.str("still_crashed") == "crashed");
    CHECK(r.str("restart") == "ok");
    CHECK(r.str("report_cleared") == "true");
    CHECK(r.num("runs_total") == 4);  // the restarted VCPUs have not run yet
    CHECK(r.num("inits_total") == 6);
}
