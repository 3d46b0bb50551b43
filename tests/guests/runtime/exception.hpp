// Exception hooks: exception.S saves a Frame and calls the hook installed for
// the exception's ExcCode; an exception with no hook fails the test.
#pragma once

#include <stdint.h>

#include "cp0.hpp"
#include "frame.hpp"

namespace guest {

using ExceptionHook = void (*)(Frame&);

// Installs `hook` for `code` (nullptr: unexpected again); returns the old one.
ExceptionHook set_exception_hook(ExcCode code, ExceptionHook hook);

// What the recording hook saw of the last exception it caught.
struct Trap {
    unsigned count;      // exceptions caught since reset_trap()
    uint32_t cause;
    uint32_t epc;
    uint32_t badvaddr;
    uint32_t status;     // Status inside the handler
    uint32_t vector;
    uint32_t entryhi;    // read in the handler (TLB exceptions load it)
    uint32_t context;
};
extern Trap last_trap;

void reset_trap();

// Stores the exception in last_trap (count, CP0 state, EntryHi, Context).
void record_trap(const Frame& f);

// Recording hooks, differing in where the guest resumes:
// after the faulting instruction (see skip_faulting_instruction),
void record_and_skip(Frame& f);
// at EPC unchanged (the test arranged EPC itself),
void record_and_resume(Frame& f);
// at the return address in ra (for a jump to a bad address from a call).
void record_and_return(Frame& f);

// Installs record_and_skip for `code` and clears last_trap.
void catch_exception(ExcCode code);

// Resumes after the faulting instruction: EPC + 4, or EPC + 8 when it sat in
// a delay slot. The "+ 8" is only right because every test that faults in a
// delay slot branches to the instruction after the slot, so taken and
// not-taken paths meet there (docs/guest-tests.md, "Delay slots").
void skip_faulting_instruction(Frame& f);

// Exception vectors in RAM for Status.BEV = 0: copies the vector stubs to
// the guest address of `ebase` + 0x000/0x180/0x200, makes them visible to
// instruction fetch, writes EBase (with BEV = 1, as PRA 9.38 requires) and
// clears BEV.
void use_ram_vectors(uint32_t ebase_value);
// Back to the ROM vectors (BEV = 1).
void use_rom_vectors();

// Makes [va, va + len) coherent for instruction fetch (SYNCI loop, jr.hb).
extern "C" void sync_icache(uint32_t va, uint32_t len);

}  // namespace guest
