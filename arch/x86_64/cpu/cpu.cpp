// HAL for the x86-64 CPU: identity, interrupt state, caches, halt.
#include <string.h>

#include "arch/cpu_access.hpp"
#include "hal/cache.hpp"
#include "hal/cpu.hpp"
#include "hal/irq.hpp"
#include "lib/format.hpp"

namespace hal {
namespace {

using x86::CpuidSignature;

const char* vendor_name(const char* vendor) {
    if (strcmp(vendor, "GenuineIntel") == 0) return "Intel";
    if (strcmp(vendor, "AuthenticAMD") == 0) return "AMD";
    if (strcmp(vendor, "HygonGenuine") == 0) return "Hygon";
    return nullptr;
}

// The brand string (CPUID 0x80000002-4) without the padding some vendors
// put around it; "" when the CPU has none.
void read_brand(char* out, size_t size) {
    out[0] = '\0';
    if (x86::cpuid(x86::CpuidLeaf::max_extended).eax < static_cast<uint32_t>(x86::CpuidLeaf::brand_last))
        return;
    static char brand[49];
    auto* words = reinterpret_cast<uint32_t*>(brand);
    for (uint32_t i = 0; i < 3; ++i) {
        auto r = x86::cpuid(static_cast<x86::CpuidLeaf>(
            static_cast<uint32_t>(x86::CpuidLeaf::brand_first) + i));
        words[i * 4 + 0] = r.eax;
        words[i * 4 + 1] = r.ebx;
        words[i * 4 + 2] = r.ecx;
        words[i * 4 + 3] = r.edx;
    }
    brand[48] = '\0';
    const char* s = brand;
    while (*s == ' ') ++s;
    size_t n = strlen(s);
    while (n > 0 && s[n - 1] == ' ') --n;
    if (n >= size) n = size - 1;
    memcpy(out, s, n);
    out[n] = '\0';
}

}  // namespace

CpuIdentity cpu_identity() {
    static char vendor[13];
    auto v = x86::cpuid(x86::CpuidLeaf::vendor);
    memcpy(vendor + 0, &v.ebx, 4);
    memcpy(vendor + 4, &v.edx, 4);
    memcpy(vendor + 8, &v.ecx, 4);
    vendor[12] = '\0';

    uint64_t sig = x86::cpuid(x86::CpuidLeaf::signature).eax;
    // Display family and model (SDM vol. 2A, CPUID leaf 1): the extended
    // fields count only for family 15 (and, for the model, family 6).
    uint64_t family = CpuidSignature::Family::get(sig);
    uint64_t model = CpuidSignature::Model::get(sig);
    if (family == 0xf) family += CpuidSignature::ExtFamily::get(sig);
    if (family == 0x6 || family >= 0xf) model |= CpuidSignature::ExtModel::get(sig) << 4;
    uint64_t stepping = CpuidSignature::Stepping::get(sig);

    static char model_text[48];
    read_brand(model_text, sizeof(model_text));
    if (model_text[0] == '\0')
        tern::format_to(model_text, sizeof(model_text), "family %llu model %llu",
                        static_cast<unsigned long long>(family),
                        static_cast<unsigned long long>(model));

    CpuIdentity id{};
    id.arch = "x86_64";
    const char* name = vendor_name(vendor);
    id.vendor = name != nullptr ? name : vendor;
    id.model = model_text;
    id.id_register = static_cast<uint32_t>(sig);
    id.revision = static_cast<uint32_t>(stepping);
    tern::format_to(id.revision_text, sizeof(id.revision_text), "f%llu m%llu s%llu",
                    static_cast<unsigned long long>(family),
                    static_cast<unsigned long long>(model),
                    static_cast<unsigned long long>(stepping));
    return id;
}

void cpu_halt() {
    for (;;) asm volatile("cli; hlt" ::: "memory");
}

IrqFlags irq_save() {
    uint64_t rflags = x86::read_rflags();
    asm volatile("cli" ::: "memory");
    return rflags;
}

void irq_restore(IrqFlags flags) {
    if (x86::RflagsReg::If::test(flags)) irq_enable();
}

void irq_enable() { asm volatile("sti" ::: "memory"); }
void irq_disable() { asm volatile("cli" ::: "memory"); }
bool irq_enabled() { return x86::RflagsReg::If::test(x86::read_rflags()); }

// An interrupt between the idle loop's irq_enable and this HLT is not lost:
// its irq_exit already switched to whatever it made runnable.
void wait_for_interrupt() { asm volatile("hlt" ::: "memory"); }

// x86 caches are coherent with DMA and with instruction fetch (SDM 11.6:
// a write to code is seen by later fetches after a jump), so maintenance
// by address reduces to ordering.
void dcache_clean_range(uintptr_t, size_t) { memory_barrier(); }
void icache_sync_range(uintptr_t, size_t) { memory_barrier(); }

void memory_barrier() { asm volatile("mfence" ::: "memory"); }

}  // namespace hal
