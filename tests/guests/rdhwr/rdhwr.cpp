// rdhwr: RDHWR from kernel mode. The guest kernel runs in host user mode,
// so the hypervisor emulates RDHWR (a Reserved Instruction on the host when
// the host's HWREna bit is clear). MIPS32 ISA, RDHWR: access is allowed
// when "Coprocessor 0 is enabled" -- in kernel mode -- regardless of HWREna;
// registers 4-28 are reserved and raise Reserved Instruction anyway.
// The user-mode cases (HWREna honoured) are in the usermode guest.
#include "guest.hpp"

using namespace guest;

namespace {

template <unsigned R>
uint32_t rdhwr() {
    uint32_t v;
    asm volatile("rdhwr %0, $%1" : "=r"(v) : "i"(R) : "memory");
    return v;
}

// rdhwr $29 in the delay slot of a taken branch, emulated with the branch.
uint32_t rdhwr_ulr_in_delay_slot() {
    uint32_t v;
    asm volatile(
        ".set push\n\t.set noreorder\n\t"
        "beq $zero, $zero, 1f\n\t"
        "rdhwr %0, $29\n\t"
        "li %0, 0\n"  // skipped by the branch
        "1:\n\t.set pop"
        : "=r"(v) : : "memory");
    return v;
}

// Config1 cache line size field: 0 = no cache, else 2 << L bytes.
uint32_t line_size(uint32_t l) { return l == 0 ? 0 : 2u << l; }

void values(const char* label) {
    CheckScope scope(label);
    catch_exception(ExcCode::RI);  // any RI here is a failure

    // $0 CPUNum = EBase.CPUNum (PRA 9.38).
    CHECK_EQ("CPUNum", rdhwr<0>(), ebase::CPUNum::get(mfc0<cp0::ebase>()));

    // $1 SYNCI_Step: the step for SYNCI loops, "the size of the smallest
    // cache line", 0 when no SYNCI is needed. QEMU's 24Kf reports 32 with
    // 16-byte lines in Config1, so only the shape is checked.
    const uint32_t c1 = mfc0<cp0::config1>();
    const uint32_t step = rdhwr<1>();
    CHECK("SYNCI_Step is 0 or a power of two", (step & (step - 1)) == 0);
    info("%s: SYNCI_Step = %u, Config1 I/D line sizes %u/%u", label, step,
         line_size(config1::IL::get(c1)), line_size(config1::DL::get(c1)));

    // $2 CC is Count; $3 CCRes its resolution in cycles (non-zero).
    const uint32_t before = read_count();
    const uint32_t cc = rdhwr<2>();
    const uint32_t window = counts_since(before);
    CHECK_RANGE("CC between two reads of Count", cc - before, 0, window);
    const uint32_t ccres = rdhwr<3>();
    CHECK("CCRes non-zero", ccres != 0);
    info("%s: CCRes = %u", label, ccres);

    // $29 ULR = UserLocal (Config3.ULRI).
    mtc0_ehb<cp0::userlocal>(0x12345678);
    CHECK_EQ("ULR = UserLocal", rdhwr<29>(), 0x12345678);
    mtc0_ehb<cp0::userlocal>(0xFEDCBA98);
    CHECK_EQ("ULR follows UserLocal", rdhwr<29>(), 0xFEDCBA98);
    CHECK_EQ("ULR in a delay slot", rdhwr_ulr_in_delay_slot(), 0xFEDCBA98);

    CHECK_EQ("no Reserved Instruction exception", last_trap.count, 0);
    set_exception_hook(ExcCode::RI, nullptr);
}

void reserved_register() {
    CheckScope scope("rdhwr $4 (reserved)");
    catch_exception(ExcCode::RI);
    uint32_t v = 0x5a5a5a5a;
    asm volatile(".set push\n\t.set noreorder\n\t"
                 ".globl rdhwr4_at\nrdhwr4_at:\n\t"
                 "rdhwr %0, $4\n\t.set pop"
                 : "+r"(v) : : "memory");
    extern const char rdhwr4_at[] asm("rdhwr4_at");
    CHECK_EQ("exceptions taken", last_trap.count, 1);
    CHECK_EQ("ExcCode RI", cause::ExcCode::get(last_trap.cause), static_cast<uint32_t>(ExcCode::RI));
    CHECK_EQ("EPC", last_trap.epc, addr(rdhwr4_at));
    CHECK_EQ("rt unchanged", v, 0x5a5a5a5a);
    set_exception_hook(ExcCode::RI, nullptr);
}

}  // namespace

int main() {
    values("kernel mode, HWREna = 0");
    mtc0_ehb<cp0::hwrena>(hwrena::cpunum | hwrena::synci_step | hwrena::cc | hwrena::ccres |
                          hwrena::ulr);
    values("kernel mode, HWREna all set");
    mtc0_ehb<cp0::hwrena>(0);
    reserved_register();
    done();
}
