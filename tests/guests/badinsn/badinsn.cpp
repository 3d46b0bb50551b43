// badinsn: encodings the virtual CPU does not implement. Some execute
// directly and fault on the host; others (COP0 ones) trap to the hypervisor
// as privileged instructions, which must answer as a real 24K would -- a
// Reserved Instruction exception in the guest -- and never crash or stop.
// MIPS32 ISA, Table A.2-A.14: "*" and "beta" entries are reserved.
#include "guest.hpp"

using namespace guest;

extern "C" const char bad_opcode_at[], bad_special_at[], bad_cop0_at[], bad_cop0_co_at[],
    bad_special3_at[];

namespace {

// Each encoding under its own label, each expected to raise RI once.
void run_encodings() {
    asm volatile(
        ".set push\n\t.set noreorder\n"
        ".globl bad_opcode_at\nbad_opcode_at:\n\t"
        ".word 0x60000000\n"  // opcode 0x18: DADDI in MIPS64, reserved in MIPS32
        ".globl bad_special_at\nbad_special_at:\n\t"
        ".word 0x0000000E\n"  // SPECIAL function 0x0e: reserved
        ".globl bad_cop0_at\nbad_cop0_at:\n\t"
        ".word 0x42000030\n"  // COP0 CO=1 function 0x30: reserved
        ".globl bad_cop0_co_at\nbad_cop0_co_at:\n\t"
        ".word 0x43FFFFFF\n"  // COP0 CO=1 function 0x3f with junk fields
        ".globl bad_special3_at\nbad_special3_at:\n\t"
        ".word 0x7C00003F\n"  // SPECIAL3 function 0x3f: reserved in MIPS32r2
        ".set pop" ::: "memory");
}

struct Seen {
    uint32_t epc;
    uint32_t code;
};
Seen seen[8];
unsigned seen_count;

void record_ri(Frame& f) {
    if (seen_count < 8) {
        seen[seen_count++] = {f.epc, cause::ExcCode::get(f.cause)};
    }
    skip_faulting_instruction(f);
}

}  // namespace

int main() {
    set_exception_hook(ExcCode::RI, record_ri);
    set_exception_hook(ExcCode::CpU, record_ri);  // a wrong answer, recorded to be reported
    run_encodings();
    const struct {
        const char* name;
        const char* at;
    } expected[] = {
        {"opcode 0x18", bad_opcode_at},
        {"SPECIAL function 0x0e", bad_special_at},
        {"COP0 function 0x30 (traps to the hypervisor)", bad_cop0_at},
        {"COP0 function 0x3f (traps to the hypervisor)", bad_cop0_co_at},
        {"SPECIAL3 function 0x3f", bad_special3_at},
    };
    CHECK_EQ("one exception per encoding", seen_count, 5);
    for (unsigned i = 0; i < 5; ++i) {
        CheckScope scope(expected[i].name);
        CHECK_EQ("Reserved Instruction", seen[i].code, static_cast<uint32_t>(ExcCode::RI));
        CHECK_EQ("EPC", seen[i].epc, addr(expected[i].at));
    }
    // Unimplemented CP0 registers: the PRA leaves the value UNDEFINED, but
    // the access must not stop the guest or change the registers that are.
    const uint32_t status_before = mfc0<cp0::status>();
    uint32_t junk;
    asm volatile("mfc0 %0, $22, 7" : "=r"(junk) : : "memory");
    asm volatile("mtc0 %0, $22, 7\n\tehb" : : "r"(~0u) : "memory");
    (void)junk;
    CHECK_EQ("mfc0/mtc0 of unimplemented $22 sel 7: guest still runs, Status unchanged",
             mfc0<cp0::status>(), status_before);
    done();
}
