// usermode: the guest's own user mode (Status.KSU = user). The guest
// kernel maps its ROM and a data page into USEG with wired TLB entries and
// erets into small user-mode snippets. Checks: syscall back to the kernel;
// RDHWR honouring HWREna in user mode (MIPS32 ISA, RDHWR); privileged
// instructions raise Coprocessor Unusable with CE = 0 (PRA 6.2.14); kernel
// addresses raise Address Error (PRA 4.3); USEG goes through the TLB, so
// the guest kernel's own RAM is not reachable from user mode at the same
// address (the moved KSEG0 and USEG share addresses under Tern).
#include "guest.hpp"
#include "user_mode.hpp"

using namespace guest;
namespace lo = tlb::lo;

#define USER_SNIPPET(name)                  \
    extern "C" const char name[];           \
    extern "C" const char name##_at[];      \
    extern "C" const char name##_syscall[];
USER_SNIPPET(user_nothing)
USER_SNIPPET(user_rdhwr_ulr)
USER_SNIPPET(user_rdhwr_cc)
USER_SNIPPET(user_rdhwr_cpunum)
USER_SNIPPET(user_mfc0)
USER_SNIPPET(user_di)
USER_SNIPPET(user_load)
USER_SNIPPET(user_store)

namespace {

constexpr uint32_t sentinel = 0x5a5a5a5a;

// Where the user sees the ROM (the link address without the KSEG0 base:
// 0x3FC00000) and a data page on scratch RAM.
constexpr uint32_t user_rom = map::reset_vector - map::kseg0;
constexpr uint32_t user_data = 0x00400000;
constexpr uint32_t data_phys = map::scratch_phys;

uint32_t user_address(const char* kernel_label) { return addr(kernel_label) - map::kseg0; }

struct UserExit {
    uint32_t v0;
    uint32_t v1;
    uint32_t epc;
    uint32_t status;
};
UserExit user_exit;

// The Sys hook: a syscall from user mode ends the user run.
void leave_user(Frame& f) {
    user_exit = {f.gpr[reg::v0], f.gpr[reg::v1], f.epc, f.status};
    return_to_kernel(f);
}

// Runs a snippet in user mode; returns what it left in v0.
uint32_t user(const char* snippet, uint32_t a0 = 0, uint32_t a1 = 0) {
    user_exit = {};
    run_user(user_address(snippet), a0, a1);
    return user_exit.v0;
}

void map_user_pages() {
    tlb::invalidate_all();
    // ROM: a pair of 1 MiB pages, the even one on the guest's ROM,
    // read-only; the data page: 4 KiB, writable.
    tlb::write_indexed(0, {user_rom, lo::pfn(map::rom_phys) | lo::uncached | lo::V | lo::G, 0,
                           tlb::mask::page_1m});
    tlb::write_indexed(1, {user_data, lo::pfn(data_phys) | lo::cacheable | lo::D | lo::V | lo::G, 0,
                           tlb::mask::page_4k});
    mtc0_ehb<cp0::wired>(2);
}

void round_trip() {
    CheckScope scope("syscall from user mode");
    user(user_nothing);
    CHECK_EQ("EPC = the user-mode syscall", user_exit.epc, user_address(user_nothing_syscall));
    CHECK_EQ("Status.KSU in the handler = user", status::KSU::get(user_exit.status), status::ksu_user);
    CHECK_EQ("Status.EXL in the handler", status::EXL::get(user_exit.status), 1);
    CHECK_EQ("back in kernel mode (KSU = 0)", status::KSU::get(mfc0<cp0::status>()), 0);
}

// One user-mode instruction that must raise `code` (and CE = `ce`).
void expect_user_fault(const char* what, const char* snippet, const char* at, ExcCode code,
                       uint32_t a0 = 0, uint32_t ce = 0) {
    catch_exception(code);
    const uint32_t v0 = user(snippet, a0);
    const bool address = code == ExcCode::AdEL || code == ExcCode::TLBL;
    check_trap(what, {.code = code,
                      .epc = user_address(at),
                      .check_badvaddr = address,
                      .badvaddr = a0,
                      .check_ce = code == ExcCode::CpU,
                      .ce = ce});
    CheckScope scope(what);
    CHECK_EQ("Status.KSU at the exception = user", status::KSU::get(last_trap.status),
             status::ksu_user);
    CHECK_EQ("rt unchanged", v0, sentinel);
    set_exception_hook(code, nullptr);
}

void rdhwr() {
    mtc0_ehb<cp0::userlocal>(0xC0DEC0DE);
    mtc0_ehb<cp0::hwrena>(hwrena::ulr | hwrena::cc | hwrena::cpunum);
    {
        CheckScope scope("user rdhwr, HWREna set");
        catch_exception(ExcCode::RI);
        CHECK_EQ("ULR = UserLocal", user(user_rdhwr_ulr), 0xC0DEC0DE);
        const uint32_t before = read_count();
        const uint32_t cc = user(user_rdhwr_cc);
        CHECK_RANGE("CC between two reads of Count", cc - before, 0, counts_since(before));
        CHECK_EQ("CPUNum", user(user_rdhwr_cpunum), 0);
        CHECK_EQ("no Reserved Instruction", last_trap.count, 0);
        set_exception_hook(ExcCode::RI, nullptr);
    }
    mtc0_ehb<cp0::hwrena>(0);
    expect_user_fault("user rdhwr ULR, HWREna.ULR clear", user_rdhwr_ulr, user_rdhwr_ulr_at,
                      ExcCode::RI);
    expect_user_fault("user rdhwr CC, HWREna.CC clear", user_rdhwr_cc, user_rdhwr_cc_at, ExcCode::RI);
}

void privileged() {
    expect_user_fault("user mfc0", user_mfc0, user_mfc0_at, ExcCode::CpU);
    expect_user_fault("user di", user_di, user_di_at, ExcCode::CpU);
}

void addressing() {
    // Kernel segments are out of reach of user mode: Address Error.
    expect_user_fault("user load from 0x80000000", user_load, user_load_at, ExcCode::AdEL,
                      0x80000000);
    expect_user_fault("user load from 0xBFC00000", user_load, user_load_at, ExcCode::AdEL,
                      0xBFC00000);
    // USEG is mapped only by the TLB: the guest kernel's RAM (moved KSEG0
    // under Tern) and device window (moved KSEG1) are not visible there.
    expect_user_fault("user load from 0x00300000 (unmapped USEG)", user_load, user_load_at,
                      ExcCode::TLBL, 0x00300000);
    expect_user_fault("user load from 0x3F000938 (unmapped USEG)", user_load, user_load_at,
                      ExcCode::TLBL, 0x3F000938);
    CHECK_EQ("user TLB refill went to the refill vector", last_trap.vector,
             map::bev_base + map::vec_refill);

    CheckScope scope("user data page");
    *reinterpret_cast<volatile uint32_t*>(map::cached(data_phys) + 0x10) = 0x12344321;
    CHECK_EQ("user load sees kernel's store", user(user_load, user_data + 0x10), 0x12344321);
    CHECK_EQ("user store and load", user(user_store, user_data + 0x20, 0xABCD0123), 0xABCD0123);
    CHECK_EQ("kernel sees user's store",
             *reinterpret_cast<volatile uint32_t*>(map::cached(data_phys) + 0x20), 0xABCD0123);
    catch_exception(ExcCode::Mod);
    user(user_store, user_rom + 0x100, 1);
    CHECK_EQ("store to the read-only ROM page: TLB Modified", last_trap.count, 1);
    set_exception_hook(ExcCode::Mod, nullptr);
}

}  // namespace

int main() {
    map_user_pages();
    set_exception_hook(ExcCode::Sys, leave_user);
    round_trip();
    rdhwr();
    privileged();
    addressing();
    set_exception_hook(ExcCode::Sys, nullptr);
    mtc0_ehb<cp0::wired>(0);
    tlb::invalidate_all();
    done();
}
