// Guests: a name, an address space of RAM/ROM/device regions, emulated
// devices and VCPUs, created from a device tree at run time.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "aspace.hpp"
#include "config/guest_config.hpp"
#include "emulators/emulator.hpp"
#include "lib/list.hpp"
#include "lib/std.hpp"
#include "vcpu.hpp"

namespace tern {

enum class GuestState : uint8_t {
    stopped,   // created or stopped by `guest stop`
    running,
    crashed,   // stopped by the hypervisor; `report` says why
};
const char* guest_state_name(GuestState s);

struct GuestImage {
    unsigned region;        // index into the config's regions
    const uint8_t* data;    // inside the initrd, which stays reserved
    size_t size;
};

class Guest {
public:
    ListNode node;
    unsigned id = 0;
    char name[GuestConfig::max_name + 1] = {};
    GuestState state = GuestState::stopped;
    char report[160] = {};      // why it crashed
    GuestConfig config = {};
    AddressSpace aspace;
    Device devices[GuestConfig::max_devices];
    unsigned device_count = 0;
    Vcpu* vcpus[GuestConfig::max_vcpus] = {};
    GuestImage images[GuestConfig::max_regions] = {};
    unsigned image_count = 0;
    uint64_t start_pc = 0;
    unsigned starts = 0;
};

// Creates every guest found in a cpio initrd (entries "<name>/guest.dtb")
// and starts them. A broken guest is reported and skipped; the others load.
void guests_load_initrd(const void* initrd, size_t size);

// Creates a stopped guest. `archive` provides its image files.
// On failure nothing is left allocated and `error` says why.
[[nodiscard]] Guest* guest_create(const void* dtb, size_t dtb_size, const void* archive,
                                  size_t archive_size, char* error, size_t error_size);

Status guest_start(Guest& g);
Status guest_stop(Guest& g);
// Stop, fresh RAM and images, device reset, start.
Status guest_reset(Guest& g);
// Called by the arch on the guest's own VCPU: stops the guest with a report.
// Returns only if the caller is not one of the guest's VCPUs.
void guest_crash(Guest& g, const char* fmt, ...) __attribute__((format(printf, 2, 3)));

[[nodiscard]] Guest* guest_find(const char* name);
[[nodiscard]] List<Guest, &Guest::node>& guest_all();

// Raises or lowers guest interrupt `line` (level semantics) on VCPU 0.
void guest_irq_line(Guest& g, unsigned line, bool level);

// ---- implemented by the arch (arch/<arch>/cpu/vcpu*.cpp) ----

// The PC a VCPU starts at when the config names none (MIPS: 0x3FC00000).
uint64_t arch_default_start_pc();
// Guest-physical address of a guest kernel virtual address, for ELF
// loading; false if the address is not in a directly mapped segment.
bool arch_kernel_va_to_gpa(uint64_t va, uint64_t& gpa);
// Prepares a VCPU for a fresh start at `pc` (its arch state from reset).
void arch_vcpu_init(Vcpu& v, uint64_t pc);
// The VCPU thread's body: enters the guest and never returns.
[[noreturn]] void arch_vcpu_run(void* vcpu);
// Releases arch resources (host TLB shadows, ASIDs) of a VCPU being destroyed.
void arch_vcpu_release(Vcpu& v);
// Called when v.irq_lines changed: wake a waiting VCPU if now deliverable.
void arch_vcpu_irq_changed(Vcpu& v);
// Prints the VCPU's registers and the guest's view of its CP0 (vcpu dumpreg).
void arch_vcpu_dump(const Vcpu& v);
// Prints exit counts by reason (vcpu stats).
void arch_vcpu_print_stats(const Vcpu& v);

}  // namespace tern
