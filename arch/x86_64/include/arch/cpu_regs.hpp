// x86-64 control registers, MSRs and CPUID fields (Intel SDM vol. 3A,
// ch. 2; vol. 2A, CPUID). Pure data; cpu_access.hpp reads and writes them.
#pragma once

#include <stdint.h>

#include "lib/bitfield.hpp"

namespace x86 {

template <unsigned Shift, unsigned Width>
using Field = tern::Bitfield<Shift, Width, uint64_t>;

enum class Msr : uint32_t {
    efer = 0xc0000080,
    fs_base = 0xc0000100,  // the %fs segment base in 64-bit mode
};

struct RflagsReg {
    using If = Field<9, 1>;  // maskable interrupts enabled
};

// CPUID leaf 1 EAX: the processor signature.
struct CpuidSignature {
    using Stepping = Field<0, 4>;
    using Model = Field<4, 4>;
    using Family = Field<8, 4>;
    using ExtModel = Field<16, 4>;
    using ExtFamily = Field<20, 8>;
};

// Standard CPUID leaves.
enum class CpuidLeaf : uint32_t {
    vendor = 0x00000000,     // max leaf; vendor string in EBX, EDX, ECX
    signature = 0x00000001,  // EAX: family/model/stepping
    max_extended = 0x80000000,
    brand_first = 0x80000002,  // 0x80000002..4: 48-byte brand string
    brand_last = 0x80000004,
};

// Exception vectors with an error code pushed by the CPU (SDM 6.15).
constexpr bool vector_has_error_code(unsigned v) {
    return v == 8 || (v >= 10 && v <= 14) || v == 17 || v == 21 || v == 29 || v == 30;
}
inline constexpr unsigned exception_vectors = 32;

// The name and a description of an exception vector, for reports.
const char* exception_name(unsigned vector);
const char* exception_description(unsigned vector);

}  // namespace x86
