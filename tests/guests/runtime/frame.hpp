// The register state exception.S saves on every exception; hooks read and
// modify it, and exception.S restores it (with EPC and Status) before eret.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "cp0.hpp"
#include "frame_layout.h"

namespace guest {

// GPR numbers (o32 names) for Frame::gpr.
namespace reg {
inline constexpr unsigned at = 1, v0 = 2, v1 = 3, a0 = 4, a1 = 5, a2 = 6, a3 = 7;
inline constexpr unsigned t0 = 8, t1 = 9, s0 = 16, k0 = 26, k1 = 27, gp = 28, sp = 29;
inline constexpr unsigned fp = 30, ra = 31;
}  // namespace reg

struct Frame {
    uint32_t gpr[32];  // as at the exception; k0/k1 are the handler's own
    uint32_t hi;
    uint32_t lo;
    uint32_t status;   // restored before eret (EXL forced on until then)
    uint32_t cause;
    uint32_t epc;      // restored before eret: where the guest resumes
    uint32_t badvaddr;
    uint32_t vector;   // the address of the vector that was taken
    uint32_t pad;

    ExcCode exc_code() const { return static_cast<ExcCode>(cause::ExcCode::get(cause)); }
    bool in_delay_slot() const { return cause::BD::get(cause) != 0; }
};

static_assert(offsetof(Frame, gpr) == FRAME_GPR(0));
static_assert(offsetof(Frame, hi) == FRAME_HI);
static_assert(offsetof(Frame, lo) == FRAME_LO);
static_assert(offsetof(Frame, status) == FRAME_STATUS);
static_assert(offsetof(Frame, cause) == FRAME_CAUSE);
static_assert(offsetof(Frame, epc) == FRAME_EPC);
static_assert(offsetof(Frame, badvaddr) == FRAME_BADVADDR);
static_assert(offsetof(Frame, vector) == FRAME_VECTOR);
static_assert(sizeof(Frame) == FRAME_SIZE && FRAME_SIZE % 8 == 0);

}  // namespace guest
