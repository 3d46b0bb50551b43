// Device register access of an exact width: one load or store instruction
// each, so a test controls what the hypervisor has to decode.
#pragma once

#include <stdint.h>

namespace guest::mmio {

inline uint32_t lb(uint32_t va) {
    int32_t v;
    asm volatile("lb %0, 0(%1)" : "=r"(v) : "r"(va) : "memory");
    return static_cast<uint32_t>(v);
}
inline uint32_t lbu(uint32_t va) {
    uint32_t v;
    asm volatile("lbu %0, 0(%1)" : "=r"(v) : "r"(va) : "memory");
    return v;
}
inline uint32_t lh(uint32_t va) {
    int32_t v;
    asm volatile("lh %0, 0(%1)" : "=r"(v) : "r"(va) : "memory");
    return static_cast<uint32_t>(v);
}
inline uint32_t lhu(uint32_t va) {
    uint32_t v;
    asm volatile("lhu %0, 0(%1)" : "=r"(v) : "r"(va) : "memory");
    return v;
}
inline uint32_t lw(uint32_t va) {
    uint32_t v;
    asm volatile("lw %0, 0(%1)" : "=r"(v) : "r"(va) : "memory");
    return v;
}
inline void sb(uint32_t va, uint32_t v) {
    asm volatile("sb %z0, 0(%1)" : : "Jr"(v), "r"(va) : "memory");
}
inline void sh(uint32_t va, uint32_t v) {
    asm volatile("sh %z0, 0(%1)" : : "Jr"(v), "r"(va) : "memory");
}
inline void sw(uint32_t va, uint32_t v) {
    asm volatile("sw %z0, 0(%1)" : : "Jr"(v), "r"(va) : "memory");
}

}  // namespace guest::mmio
