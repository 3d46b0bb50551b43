// HAL for the AArch64 CPU: identity, interrupt state, caches, halt.
#include "arch/sysreg_access.hpp"
#include "hal/cache.hpp"
#include "hal/cpu.hpp"
#include "hal/irq.hpp"
#include "lib/format.hpp"

namespace hal {
namespace {

using arm::MidrReg;

const char* implementer_name(uint64_t implementer) {
    switch (implementer) {
    case MidrReg::implementer_arm: return "ARM";
    case 0x42: return "Broadcom";
    case 0x43: return "Cavium";
    case 0x48: return "HiSilicon";
    case 0x4e: return "NVIDIA";
    case 0x51: return "Qualcomm";
    case 0x61: return "Apple";
    case 0xc0: return "Ampere";
    default: return "unknown vendor";
    }
}

// Arm's own part numbers; other implementers number theirs independently.
const char* arm_part_name(uint64_t part) {
    switch (part) {
    case 0xd03: return "Cortex-A53";
    case 0xd04: return "Cortex-A35";
    case 0xd05: return "Cortex-A55";
    case 0xd07: return "Cortex-A57";
    case 0xd08: return "Cortex-A72";
    case 0xd09: return "Cortex-A73";
    case 0xd0a: return "Cortex-A75";
    case 0xd0b: return "Cortex-A76";
    case 0xd0c: return "Neoverse-N1";
    case 0xd40: return "Neoverse-V1";
    case 0xd49: return "Neoverse-N2";
    default: return nullptr;
    }
}

// Smallest cache line sizes, in bytes (CTR_EL0 gives log2 of 4-byte words).
uintptr_t dcache_line() {
    return uintptr_t{4} << arm::CtrReg::DminLine::get(arm::read_sysreg<arm::sysreg::ctr_el0>());
}
uintptr_t icache_line() {
    return uintptr_t{4} << arm::CtrReg::IminLine::get(arm::read_sysreg<arm::sysreg::ctr_el0>());
}

}  // namespace

CpuIdentity cpu_identity() {
    uint64_t midr = arm::read_sysreg<arm::sysreg::midr_el1>();
    uint64_t implementer = MidrReg::Implementer::get(midr);
    uint64_t part = MidrReg::PartNum::get(midr);
    static char model[24];
    const char* name = implementer == MidrReg::implementer_arm ? arm_part_name(part) : nullptr;
    if (name != nullptr)
        tern::format_to(model, sizeof(model), "%s", name);
    else
        tern::format_to(model, sizeof(model), "part 0x%03llx", static_cast<unsigned long long>(part));

    CpuIdentity id{};
    id.arch = "aarch64";
    id.vendor = implementer_name(implementer);
    id.model = model;
    id.id_register = static_cast<uint32_t>(midr);
    // Packed as variant << 4 | revision: the r and p of "rNpM".
    uint64_t variant = MidrReg::Variant::get(midr), revision = MidrReg::Revision::get(midr);
    id.revision = static_cast<uint32_t>(variant << 4 | revision);
    tern::format_to(id.revision_text, sizeof(id.revision_text), "r%llup%llu",
                    static_cast<unsigned long long>(variant),
                    static_cast<unsigned long long>(revision));
    return id;
}

void cpu_halt() {
    asm volatile("msr daifset, #0xf" ::: "memory");
    for (;;) asm volatile("wfi");
}

// Only IRQs are switched: FIQ, SError and debug stay masked from start.S on
// (nothing routes an FIQ here; an SError would be a report, later).
IrqFlags irq_save() {
    uint64_t daif = arm::read_sysreg<arm::sysreg::daif>();
    asm volatile("msr daifset, #2" ::: "memory");
    return daif;
}

void irq_restore(IrqFlags flags) {
    if (!arm::DaifReg::I::test(flags)) irq_enable();
}

void irq_enable() { asm volatile("msr daifclr, #2" ::: "memory"); }
void irq_disable() { asm volatile("msr daifset, #2" ::: "memory"); }
bool irq_enabled() { return !arm::DaifReg::I::test(arm::read_sysreg<arm::sysreg::daif>()); }

void wait_for_interrupt() { asm volatile("wfi" ::: "memory"); }

void dcache_clean_range(uintptr_t addr, size_t size) {
    uintptr_t line = dcache_line();
    for (uintptr_t p = addr & ~(line - 1); p < addr + size; p += line)
        asm volatile("dc cvac, %0" : : "r"(p) : "memory");  // clean to the point of coherency
    asm volatile("dsb sy" ::: "memory");
}

void icache_sync_range(uintptr_t addr, size_t size) {
    // D-side to the point of unification first, then drop the stale
    // I-lines; the final isb refetches this CPU's pipeline (B2.4.4).
    uintptr_t dline = dcache_line(), iline = icache_line();
    for (uintptr_t p = addr & ~(dline - 1); p < addr + size; p += dline)
        asm volatile("dc cvau, %0" : : "r"(p) : "memory");
    asm volatile("dsb ish" ::: "memory");
    for (uintptr_t p = addr & ~(iline - 1); p < addr + size; p += iline)
        asm volatile("ic ivau, %0" : : "r"(p) : "memory");
    asm volatile("dsb ish; isb" ::: "memory");
}

// DSB rather than DMB: also orders device accesses and cache maintenance.
void memory_barrier() { asm volatile("dsb sy" ::: "memory"); }

}  // namespace hal
