// Checks on the exception the recording hook caught (last_trap): one line
// each for "taken once", ExcCode, EPC, Cause.BD, and optionally BadVAddr,
// Cause.CE and the vector.
#pragma once

#include <stdint.h>

#include "cp0.hpp"

namespace guest {

struct ExpectedTrap {
    ExcCode code;
    uint32_t epc;
    bool in_delay_slot = false;
    bool check_badvaddr = false;
    uint32_t badvaddr = 0;
    bool check_ce = false;
    uint32_t ce = 0;
    uint32_t vector = 0;  // 0: not checked
};

// Prints the checks under `what` ("syscall: ExcCode", ...).
void check_trap(const char* what, const ExpectedTrap& expected);

// The address of a code label or object, as the guest's code uses it.
inline uint32_t addr(const void* p) { return static_cast<uint32_t>(reinterpret_cast<uintptr_t>(p)); }

}  // namespace guest
