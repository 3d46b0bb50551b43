// HAL for the MIPS CPU: identity, interrupt state, caches, halt.
#include "arch/cp0.hpp"
#include "hal/cache.hpp"
#include "hal/cpu.hpp"
#include "hal/irq.hpp"
#include "lib/format.hpp"

namespace hal {
namespace {

const char* mips_core_name(uint32_t imp) {
    switch (imp) {
    case 0x80: return "4Kc";
    case 0x81: return "5Kc";
    case 0x86: return "4KSc";
    case 0x87: return "4KEc";
    case 0x90: return "4KEc";
    case 0x91: return "4KEm";
    case 0x93: return "24K";
    case 0x95: return "34K";
    case 0x96: return "24KE";
    case 0x97: return "74K";
    case 0x99: return "1004K";
    case 0x9a: return "1074K";
    case 0xa0: return "interAptiv";
    case 0xa8: return "P5600";
    default: return "unknown core";
    }
}

}  // namespace

CpuIdentity cpu_identity() {
    using mips::PridReg;
    uint32_t prid = mips::read_cp0<mips::cp0::prid>();
    uint32_t config1 = mips::read_cp0<mips::cp0::config1>();
    static char model[24];
    const char* core = mips_core_name(PridReg::Imp::get(prid));
    // The "f" suffix: the core has a floating-point unit (Config1.FP).
    tern::format_to(model, sizeof(model), "%s%s", core,
                    mips::Config1Reg::Fp::test(config1) ? "f" : "");
    CpuIdentity id{};
    id.arch = "mips";
    id.vendor = PridReg::Company::get(prid) == PridReg::company_mips ? "MIPS" : "unknown vendor";
    id.model = model;
    id.id_register = prid;
    id.revision = PridReg::Revision::get(prid);
    tern::format_to(id.revision_text, sizeof(id.revision_text), "r%u.%u.%u",
                    PridReg::Major::get(prid), PridReg::Minor::get(prid),
                    PridReg::Patch::get(prid));
    return id;
}

void cpu_halt() {
    irq_disable();
    for (;;) asm volatile("wait");
}

IrqFlags irq_save() {
    uint32_t status;
    asm volatile("di %0; ehb" : "=r"(status) : : "memory");
    return status & 1;
}

void irq_restore(IrqFlags flags) {
    if (flags & 1) irq_enable();
}

void irq_enable() { asm volatile("ei; ehb" ::: "memory"); }
void irq_disable() { asm volatile("di; ehb" ::: "memory"); }
bool irq_enabled() { return mips::StatusReg::Ie::test(mips::read_cp0<mips::cp0::status>()); }

void wait_for_interrupt() { asm volatile("wait" ::: "memory"); }

namespace {
constexpr uintptr_t cache_line = 16;  // smallest line of the supported cores
}

void dcache_clean_range(uintptr_t addr, size_t size) {
    for (uintptr_t p = addr & ~(cache_line - 1); p < addr + size; p += cache_line)
        asm volatile("cache 0x19, 0(%0)" : : "r"(p) : "memory");  // Hit_Writeback_D
    asm volatile("sync" ::: "memory");
}

void icache_sync_range(uintptr_t addr, size_t size) {
    // SYNCI writes back the D-line and invalidates the I-line (MIPS32r2).
    for (uintptr_t p = addr & ~(cache_line - 1); p < addr + size; p += cache_line)
        asm volatile("synci 0(%0)" : : "r"(p) : "memory");
    asm volatile("sync; ehb" ::: "memory");
}

void memory_barrier() { asm volatile("sync" ::: "memory"); }

}  // namespace hal
