// The stack-protector canary where x86-64 GCC code expects it: %fs:0x28.
// Tern is built without the stack protector; Debian's libfdt.a is not.
#include <stddef.h>
#include <stdint.h>

#include "arch/boot.hpp"
#include "arch/cpu_access.hpp"

namespace x86 {
namespace {

// glibc's thread control block keeps the canary at offset 0x28; the rest
// of this block is never read.
constexpr size_t canary_offset = 0x28;
alignas(64) uint64_t tcb[8];

}  // namespace

void stack_guard_init() {
    // Some per-boot randomness from the TSC; the low byte stays zero so a
    // string overflow cannot reproduce the canary (as glibc does).
    uint64_t canary = (rdtsc() * 0x9e3779b97f4a7c15u) ^ 0x595e9fbd94fda766u;
    tcb[canary_offset / sizeof(uint64_t)] = canary & ~uint64_t{0xff};
    wrmsr(Msr::fs_base, reinterpret_cast<uintptr_t>(tcb));
}

}  // namespace x86
