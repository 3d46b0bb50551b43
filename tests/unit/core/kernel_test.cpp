// The whole boot path on the simulated CPU: kernel_main (core/kernel.cpp)
// with a board device tree, a command line and an initrd holding a guest,
// through the banner, memory set-up, scheduler, timers, console input,
// guest loading and tern.bootcmd to the terminal, which then reads typed
// lines through the console's receive interrupt until `shutdown`.
#include <stdint.h>
#include <string.h>

#include <regex>
#include <string>
#include <vector>

#include "build_config.hpp"
#include "catch.hpp"
#include "cpio_builder.hpp"
#include "dtb.hpp"
#include "hal/boot.hpp"
#include "hal_host.hpp"
#include "sim.hpp"
#include "version.hpp"

namespace {

constexpr size_t ram_bytes = 64u << 20;        // as the board tree says
constexpr uintptr_t image_bytes = 1u << 20;    // the "image" at the start of RAM
constexpr uintptr_t initrd_offset = 48u << 20;

std::string unix_newlines(std::string s) {
    for (size_t i; (i = s.find("\r\n")) != std::string::npos;) s.erase(i, 1);
    return s;
}

// Boots in a child process; `typed` arrives on the console at 50 ms.
sim::Result boot(const std::string& cmdline, const std::string& typed) {
    // Prepared here, used in the child (a copy of this process).
    static uint8_t* ram = new uint8_t[ram_bytes];
    static test::Dtb board = test::load_dtb("host_board");
    static std::string cmd, input;
    static hal::BootInfo info{};
    test::Dtb guest = test::load_dtb("guest_minimal");
    test::Bytes initrd = test::archive(
        {{"m/guest.dtb", std::string(static_cast<const char*>(guest.data()), guest.size())}});
    memcpy(ram + initrd_offset, initrd.data(), initrd.size());
    cmd = cmdline;
    input = typed;
    info.board_dtb = board.data();
    info.cmdline = cmd.c_str();
    info.initrd_start = reinterpret_cast<uintptr_t>(ram + initrd_offset);
    info.initrd_size = initrd.size();
    info.image_start = reinterpret_cast<uintptr_t>(ram);
    info.image_end = reinterpret_cast<uintptr_t>(ram + image_bytes - 100);
    host::SimOptions opt;
    opt.time_limit_ns = 5'000'000'000;
    return sim::boot(
        [] {
            // After the simulation's host::reset(): RAM, and the input,
            // which interrupts once the terminal waits for it.
            host::ram_map(0, ram, ram_bytes);
            host::console_feed(input);
            host::sim_irq_at(50'000'000, host::console_line);
            kernel_main(info);
        },
        opt);
}

}  // namespace

TEST_CASE("kernel: boot to the terminal and run bootcmd and typed lines until shutdown", "[kernel][sim]") {
    sim::Result r = boot("quiet tern.bootcmd=\"version; host irq; thread list\"",
                         "echo typed\rthread list\rshutdown\r");
    INFO(r.describe());
    CHECK(r.end == "powered off");
    std::string out = unix_newlines(r.console);
    CHECK(out.find(std::string("\nTern ") + tern::version + " hypervisor (" + tern::config::arch + ")\n") == 0);
    CHECK(out.find("  board:  Host Test Board\n") != std::string::npos);
    CHECK(out.find("  cpu:    Tern unit-test r1 (id 0x54455354)\n") != std::string::npos);
    CHECK(out.find("  ram:    64 MiB at 0x0\n") != std::string::npos);
    CHECK(out.find("  clock:  100000000 Hz\n") != std::string::npos);
    CHECK(out.find("  cmdline: quiet tern.bootcmd=\"version; host irq; thread list\"\n") != std::string::npos);
    // Heap right after the image (rounded up to a page), pages for the
    // rest of RAM minus the initrd's page.
    uint64_t heap_bytes = uint64_t{tern::config::heap_size_kb} * 1024;
    uint64_t pages = (ram_bytes - image_bytes - heap_bytes) / 4096 - 1;
    CHECK(out.find("  memory: heap " + std::to_string(tern::config::heap_size_kb) + " KiB at 0x100000, " +
                   std::to_string(pages) + " free pages from 0x" +
                   [&] { char b[32]; snprintf(b, sizeof b, "%llx", static_cast<unsigned long long>(image_bytes + heap_bytes)); return std::string(b); }() +
                   "\n") != std::string::npos);
    CHECK(out.find("guest m: loaded (1 vcpu, 1 regions, 0 devices)\ntern: boot complete\n") != std::string::npos);
    // tern.bootcmd runs before the first prompt, shown after one.
    size_t bootcmd = out.find("tern# version; host irq; thread list\n");
    CHECK(bootcmd != std::string::npos);
    CHECK(out.find("Tern " + std::string(tern::version) + " (arch ", bootcmd) != std::string::npos);
    CHECK(std::regex_search(out, std::regex("\n0 +host\\.0 +timer +enabled +[0-9]+\n1 +host\\.1 +console +enabled +0\n")));
    CHECK(std::regex_search(out, std::regex("\n[0-9]+ +mterm +running +6 +thread ")));
    CHECK(std::regex_search(out, std::regex("\n[0-9]+ +m/0 +blocked +2 +vcpu ")));  // the guest's VCPU waits
    // Typed lines, echoed by the line editor, then run.
    CHECK(out.find("tern# echo typed\ntyped\ntern# thread list\n") != std::string::npos);
    CHECK(out.find("tern# shutdown\npowering off\n") != std::string::npos);
    CHECK(out.find("PANIC") == std::string::npos);
}

TEST_CASE("kernel: without input the terminal waits; the idle loop keeps time", "[kernel][sim]") {
    sim::Result r = boot("", "");
    INFO(r.describe());
    CHECK(r.end == "time limit");  // nothing ends it: the heartbeat keeps the clock going
    std::string out = unix_newlines(r.console);
    CHECK(out.find("tern: boot complete\ntern# ") != std::string::npos);
    CHECK(out.find("cmdline") == std::string::npos);  // no command line, no line for it
    CHECK(out.substr(out.size() - 6) == "tern# ");  // nothing after the prompt
}
