// Terminal commands about the host: host info, host irq, heap.
#include "console.hpp"
#include "console_input.hpp"
#include "hal/clock.hpp"
#include "hal/cpu.hpp"
#include "irq.hpp"
#include "kernel.hpp"
#include "mem/heap.hpp"
#include "mem/page_alloc.hpp"
#include "mterm/commands.hpp"
#include "sched/scheduler.hpp"
#include "timer.hpp"

namespace tern {
namespace {

using ull = unsigned long long;

void print_duration(const char* label, uint64_t ns) {
    uint64_t ms = ns / 1'000'000;
    print("%s%llu.%03llu s\n", label, static_cast<ull>(ms / 1000), static_cast<ull>(ms % 1000));
}

}  // namespace

int cmd_host_info(int, char**) {
    hal::CpuIdentity cpu = hal::cpu_identity();
    const BoardInfo& board = kernel_board();
    uint64_t now = clock_ns();
    SchedStats s = sched_stats();
    print("board:    %s\n", board.model);
    print("cpu:      %s %s %s (id 0x%08x)\n", cpu.vendor, cpu.model, cpu.revision_text,
          cpu.id_register);
    print("ram:      %llu MiB at 0x%llx\n", static_cast<ull>(board.ram_size >> 20),
          static_cast<ull>(board.ram_base));
    print("clock:    %llu Hz\n", static_cast<ull>(hal::clock_hz()));
    print_duration("uptime:   ", now);
    print_duration("idle:     ", s.idle_ns);
    print("switches: %llu (%llu preemptions)\n", static_cast<ull>(s.switches),
          static_cast<ull>(s.preemptions));
    print("console:  %s input, %lu bytes lost to overruns\n",
          console_input_interrupt_driven() ? "interrupt-driven" : "polled",
          console_input_overruns());
    return 0;
}

int cmd_host_irq(int, char**) {
    print("%-5s %-10s %-10s %-8s %s\n", "LINE", "NAME", "OWNER", "STATE", "COUNT");
    for (unsigned line = 0; line < irq_lines(); ++line) {
        IrqLineInfo info = irq_line_info(line);
        if (info.owner == nullptr && info.count == 0) continue;
        print("%-5u %-10s %-10s %-8s %llu\n", line, info.name, info.owner ? info.owner : "-",
              info.enabled ? "enabled" : "masked", static_cast<ull>(info.count));
    }
    TimerStats t = timer_stats();
    print("spurious: %llu  timer: %llu interrupts, %llu events expired, %zu pending\n",
          static_cast<ull>(irq_spurious_count()), static_cast<ull>(t.interrupts),
          static_cast<ull>(t.expired), t.pending);
    return 0;
}

int cmd_heap(int, char**) {
    HeapStats h = heap().stats();
    print("heap:  total %zu KiB, used %zu bytes, peak %zu bytes, free %zu bytes\n", h.total / 1024,
          h.used, h.peak, h.total - h.used);
    print("       %zu allocations, %zu frees, %zu failures, %zu free blocks, largest %zu bytes\n",
          h.allocations, h.frees, h.failures, h.free_blocks, h.largest_free);
    PageAllocator& pages = page_allocator();
    print("pages: %zu total, %zu free (%zu KiB free) from 0x%llx\n", pages.total_pages(),
          pages.free_pages(), static_cast<size_t>(pages.free_pages() * (PageAllocator::page_size / 1024)),
          static_cast<ull>(pages.base()));
    return 0;
}

}  // namespace tern
