// exceptions: synchronous exceptions reflected into the guest with the
// state the MIPS32 PRA (Volume III, chapter 6) requires: ExcCode, EPC,
// BadVAddr for address errors, Cause.BD and EPC = the branch for a fault in
// a delay slot, Cause.CE for Coprocessor Unusable; the BEV=1 and BEV=0
// vectors; EPC untouched when EXL is already set; ERET with ERL.
#include "guest.hpp"

using namespace guest;

// exceptions_asm.S
#define SNIPPET(name) \
    extern "C" uint32_t name(uint32_t, uint32_t); \
    extern "C" const char name##_at[];
SNIPPET(exc_syscall)
SNIPPET(exc_break)
SNIPPET(exc_reserved)
SNIPPET(exc_teq)
SNIPPET(exc_add_overflow)
SNIPPET(exc_addi_overflow)
SNIPPET(exc_lw)
SNIPPET(exc_lh)
SNIPPET(exc_sw)
SNIPPET(exc_sh)
SNIPPET(exc_cop1)
SNIPPET(exc_cop2)
SNIPPET(exc_syscall_bd)
SNIPPET(exc_break_bd)
SNIPPET(exc_reserved_bd)
SNIPPET(exc_teq_bd)
SNIPPET(exc_add_overflow_bd)
SNIPPET(exc_lw_bd)
SNIPPET(exc_sw_bd)
SNIPPET(exc_cop1_bd)
SNIPPET(exc_syscall_bd_not_taken)
SNIPPET(exc_lw_bd_not_taken)
SNIPPET(exc_syscall_bd_jr)
SNIPPET(exc_sw_bd_jr)
SNIPPET(exc_fetch)
SNIPPET(exc_syscall_exl)
SNIPPET(exc_eret_erl)
extern "C" const char exc_syscall_exl_resume[];

namespace {

constexpr uint32_t sentinel = 0x5a5a5a5a;
constexpr uint32_t general_vector = map::bev_base + map::vec_general;
const uint32_t data = map::cached(map::scratch_phys);

using Snippet = uint32_t (*)(uint32_t, uint32_t);

// Runs a snippet that must raise `code` once, and checks the exception.
// Non-address exceptions must leave BadVAddr alone (PRA 9.14).
uint32_t expect(const char* what, Snippet fn, const char* at, ExcCode code, bool bd,
                uint32_t a0 = 0, uint32_t a1 = 0, uint32_t ce = 0) {
    const bool address_error = code == ExcCode::AdEL || code == ExcCode::AdES;
    const uint32_t badvaddr_before = mfc0<cp0::badvaddr>();
    catch_exception(code);
    const uint32_t v0 = fn(a0, a1);
    check_trap(what, {.code = code,
                      .epc = addr(at),
                      .in_delay_slot = bd,
                      .check_badvaddr = true,
                      .badvaddr = address_error ? a0 : badvaddr_before,
                      .check_ce = code == ExcCode::CpU,
                      .ce = ce,
                      .vector = general_vector});
    set_exception_hook(code, nullptr);
    return v0;
}

void plain() {
    expect("syscall", exc_syscall, exc_syscall_at, ExcCode::Sys, false);
    expect("break", exc_break, exc_break_at, ExcCode::Bp, false);
    expect("reserved opcode 0x18", exc_reserved, exc_reserved_at, ExcCode::RI, false);
    expect("teq", exc_teq, exc_teq_at, ExcCode::Tr, false);
    // ADD/ADDI: "If the addition results in 32-bit 2's complement
    // arithmetic overflow, the destination register is not modified".
    CHECK_EQ("add overflow: rd unchanged",
             expect("add overflow", exc_add_overflow, exc_add_overflow_at, ExcCode::Ov, false,
                    0x7FFFFFFF, 1),
             sentinel);
    CHECK_EQ("addi overflow: rt unchanged",
             expect("addi overflow", exc_addi_overflow, exc_addi_overflow_at, ExcCode::Ov, false,
                    0x7FFFFFFF),
             sentinel);
    // Misaligned data accesses: AdEL/AdES with BadVAddr = the address.
    CHECK_EQ("lw misaligned: rt unchanged",
             expect("lw misaligned", exc_lw, exc_lw_at, ExcCode::AdEL, false, data + 2), sentinel);
    expect("lh misaligned", exc_lh, exc_lh_at, ExcCode::AdEL, false, data + 1);
    auto* word = reinterpret_cast<volatile uint32_t*>(data);
    word[0] = 0x11223344;
    word[1] = 0x55667788;
    expect("sw misaligned", exc_sw, exc_sw_at, ExcCode::AdES, false, data + 1, 0xDEADBEEF);
    expect("sh misaligned", exc_sh, exc_sh_at, ExcCode::AdES, false, data + 3, 0xDEAD);
    CHECK("misaligned stores changed no memory", word[0] == 0x11223344 && word[1] == 0x55667788);
    // Coprocessor Unusable names the coprocessor in Cause.CE (PRA 9.31).
    expect("cop1 (no FPU)", exc_cop1, exc_cop1_at, ExcCode::CpU, false, 0, 0, 1);
    // COP2 is absent: the ISA lists both Coprocessor Unusable (CE=2, the
    // 24K) and Reserved Instruction (QEMU's choice) for MFC2; either will do.
    catch_exception(ExcCode::CpU);
    set_exception_hook(ExcCode::RI, record_and_skip);
    exc_cop2(0, 0);
    {
        CheckScope scope("cop2 (none)");
        const uint32_t code = cause::ExcCode::get(last_trap.cause);
        CHECK_EQ("exceptions taken", last_trap.count, 1);
        CHECK("CpU or RI", code == static_cast<uint32_t>(ExcCode::CpU) ||
                               code == static_cast<uint32_t>(ExcCode::RI));
        CHECK_EQ("EPC", last_trap.epc, addr(exc_cop2_at));
        if (code == static_cast<uint32_t>(ExcCode::CpU)) {
            CHECK_EQ("Cause.CE", cause::CE::get(last_trap.cause), 2);
        }
    }
    set_exception_hook(ExcCode::CpU, nullptr);
    set_exception_hook(ExcCode::RI, nullptr);

    // A jump to a misaligned address faults on the fetch: EPC and BadVAddr
    // both hold the target (PRA 6.2.8).
    const uint32_t target = addr(reinterpret_cast<const void*>(exc_break)) + 2;
    catch_exception(ExcCode::AdEL);
    set_exception_hook(ExcCode::AdEL, record_and_return);
    exc_fetch(target, 0);
    check_trap("fetch misaligned", {.code = ExcCode::AdEL,
                                    .epc = target,
                                    .check_badvaddr = true,
                                    .badvaddr = target,
                                    .vector = general_vector});
    set_exception_hook(ExcCode::AdEL, nullptr);
}

void delay_slots() {
    // In a delay slot: EPC names the branch and Cause.BD is set (PRA 6.1.3),
    // whether or not the branch is taken.
    expect("syscall in delay slot", exc_syscall_bd, exc_syscall_bd_at, ExcCode::Sys, true);
    expect("break in delay slot", exc_break_bd, exc_break_bd_at, ExcCode::Bp, true);
    expect("reserved in delay slot", exc_reserved_bd, exc_reserved_bd_at, ExcCode::RI, true);
    expect("teq in delay slot", exc_teq_bd, exc_teq_bd_at, ExcCode::Tr, true);
    CHECK_EQ("add overflow in delay slot: rd unchanged",
             expect("add overflow in delay slot", exc_add_overflow_bd, exc_add_overflow_bd_at,
                    ExcCode::Ov, true, 0x7FFFFFFF, 1),
             sentinel);
    expect("lw misaligned in delay slot", exc_lw_bd, exc_lw_bd_at, ExcCode::AdEL, true, data + 2);
    expect("sw misaligned in delay slot", exc_sw_bd, exc_sw_bd_at, ExcCode::AdES, true, data + 2, 1);
    expect("cop1 in delay slot", exc_cop1_bd, exc_cop1_bd_at, ExcCode::CpU, true, 0, 0, 1);
    expect("syscall in delay slot of a branch not taken", exc_syscall_bd_not_taken,
           exc_syscall_bd_not_taken_at, ExcCode::Sys, true);
    expect("lw misaligned in delay slot of a branch not taken", exc_lw_bd_not_taken,
           exc_lw_bd_not_taken_at, ExcCode::AdEL, true, data + 1);
    expect("syscall in delay slot of jr", exc_syscall_bd_jr, exc_syscall_bd_jr_at, ExcCode::Sys,
           true);
    expect("sw misaligned in delay slot of jr", exc_sw_bd_jr, exc_sw_bd_jr_at, ExcCode::AdES, true,
           data + 2, 1);
}

void vectors() {
    // BEV=0: the general vector is EBase + 0x180 (PRA 6.2.1, Table 6.5).
    static constexpr uint32_t ebases[] = {0x80000000u, 0x80001000u};
    for (const uint32_t ebase_value : ebases) {
        use_ram_vectors(ebase_value);
        catch_exception(ExcCode::Sys);
        exc_syscall(0, 0);
        use_rom_vectors();
        CHECK_EQ(ebase_value == 0x80000000u ? "BEV=0, EBase 0x80000000: general vector"
                                            : "BEV=0, EBase 0x80001000: general vector",
                 last_trap.vector, map::from_arch(ebase_value) + map::vec_general);
        CHECK_EQ("... EPC", last_trap.epc, addr(exc_syscall_at));
    }
    mtc0_ehb<cp0::ebase>(0x80000000);
    catch_exception(ExcCode::Sys);
    exc_syscall(0, 0);
    CHECK_EQ("BEV=1 again: general vector 0xBFC00380 (moved)", last_trap.vector, general_vector);
    set_exception_hook(ExcCode::Sys, nullptr);
}

void exl_and_erl() {
    // An exception with EXL already set does not load EPC or Cause.BD
    // (PRA 6.2.1 "General Exception Processing"). A delay-slot exception
    // first leaves BD = 1 to see that it stays.
    catch_exception(ExcCode::Sys);
    exc_syscall_bd(0, 0);
    catch_exception(ExcCode::Sys);
    set_exception_hook(ExcCode::Sys, record_and_resume);
    const uint32_t resumed = exc_syscall_exl(0, 0);
    {
        CheckScope scope("syscall with EXL set");
        CHECK_EQ("exceptions taken", last_trap.count, 1);
        CHECK_EQ("ExcCode", cause::ExcCode::get(last_trap.cause), static_cast<uint32_t>(ExcCode::Sys));
        CHECK_EQ("EPC not updated", last_trap.epc, addr(exc_syscall_exl_resume));
        CHECK_EQ("Cause.BD not updated", cause::BD::get(last_trap.cause), 1);
        CHECK_EQ("vector", last_trap.vector, general_vector);
        CHECK_EQ("eret went to the unchanged EPC", resumed, 1);
        CHECK_EQ("Status.EXL clear after eret", status::EXL::get(mfc0<cp0::status>()), 0);
    }
    set_exception_hook(ExcCode::Sys, nullptr);

    const uint32_t st = exc_eret_erl(0, 0);
    CheckScope scope("eret with ERL and EXL set");
    CHECK("returned to ErrorEPC, not EPC", st != 0xFFFFFFFF);
    CHECK_EQ("ERL cleared", status::ERL::get(st), 0);
    CHECK_EQ("EXL still set", status::EXL::get(st), 1);
}

}  // namespace

int main() {
    plain();
    delay_slots();
    vectors();
    exl_and_erl();
    done();
}
