// Instructions that read and write the CPU's own state: MSRs, CPUID, TSC.
#pragma once

#include <stdint.h>

#include "arch/cpu_regs.hpp"

namespace x86 {

inline uint64_t rdmsr(Msr msr) {
    uint32_t lo, hi;
    asm volatile("rdmsr" : "=a"(lo), "=d"(hi) : "c"(static_cast<uint32_t>(msr)));
    return uint64_t{hi} << 32 | lo;
}

inline void wrmsr(Msr msr, uint64_t v) {
    asm volatile("wrmsr"
                 :
                 : "c"(static_cast<uint32_t>(msr)), "a"(static_cast<uint32_t>(v)),
                   "d"(static_cast<uint32_t>(v >> 32))
                 : "memory");
}

struct CpuidResult {
    uint32_t eax, ebx, ecx, edx;
};

inline CpuidResult cpuid(CpuidLeaf leaf) {
    CpuidResult r;
    asm volatile("cpuid"
                 : "=a"(r.eax), "=b"(r.ebx), "=c"(r.ecx), "=d"(r.edx)
                 : "a"(static_cast<uint32_t>(leaf)), "c"(0u));
    return r;
}

// The time-stamp counter. LFENCE first: RDTSC is not ordered against
// earlier instructions, and a clock must not read "before" code above it.
inline uint64_t rdtsc() {
    uint32_t lo, hi;
    asm volatile("lfence; rdtsc" : "=a"(lo), "=d"(hi) : : "memory");
    return uint64_t{hi} << 32 | lo;
}

inline uint64_t read_rflags() {
    uint64_t v;
    asm volatile("pushfq; popq %0" : "=r"(v) : : "memory");
    return v;
}

inline uint64_t read_cr2() {
    uint64_t v;
    asm volatile("mov %%cr2, %0" : "=r"(v));
    return v;
}

}  // namespace x86
