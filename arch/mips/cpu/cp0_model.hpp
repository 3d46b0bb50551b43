// The guest's virtual CP0: a MIPS 24K-like register file (MIPS32r2, no FPU,
// no DSP, no MIPS16e, no EJTAG, no performance counters, one shadow set)
// with the writable-bit masks of the PRA (MD00090) and the side effects a
// VCPU engine must act on. Decisions (register set, reset values, Count)
// are written down in docs/mips_virtual_cp0.md.
//
// Values are architectural: what the guest reads and writes with
// mfc0/mtc0 (EBase reads 0x80000000 | CPUNum). Moving addresses between
// the guest's view and the host's VCPU address map is the engine's job.
//
// Count is not stored: the VCPU derives it from the host Count and a bias
// and either plugs that in through set_count_hook() (then read()/write()
// serve every register) or intercepts (9, 0) itself. Without a hook Count
// reads 0 and a write only reports Cp0Effects::timer_changed.
//
// The guest TLB is a separate object (GuestTlb) of the same size as the
// one given here; the TLB instructions take it as an argument.
#pragma once

#include <stdint.h>

#include "arch/cp0_regs.hpp"
#include "guest_tlb.hpp"
#include "lib/std.hpp"

namespace mips {

// What a CP0 write changed that the VCPU engine may have to act on.
enum class Cp0Effects : uint32_t {
    none = 0,
    not_present = 1u << 0,        // no such (reg, sel): write ignored
    status_changed = 1u << 1,     // any Status bit
    mode_changed = 1u << 2,       // KSU, EXL or ERL: kernel/user view, host ASID
    irq_changed = 1u << 3,        // IE, IM, EXL, ERL or an IP bit: re-check delivery
    cause_sw_irq_changed = 1u << 4,  // Cause.IP1..IP0
    asid_changed = 1u << 5,       // EntryHi.ASID
    timer_changed = 1u << 6,      // Count, Compare or Cause.DC: re-arm the timer
    wired_changed = 1u << 7,
    hwrena_changed = 1u << 8,     // rdhwr permissions (native rdhwr $29 setup)
    userlocal_changed = 1u << 9,
    k0_changed = 1u << 10,        // Config.K0: KSEG0 cacheability
    watch_changed = 1u << 11,     // WatchLo0/WatchHi0
};

constexpr Cp0Effects operator|(Cp0Effects a, Cp0Effects b) {
    return static_cast<Cp0Effects>(static_cast<uint32_t>(a) | static_cast<uint32_t>(b));
}
constexpr Cp0Effects& operator|=(Cp0Effects& a, Cp0Effects b) { return a = a | b; }
constexpr bool has(Cp0Effects set, Cp0Effects flag) {
    return (static_cast<uint32_t>(set) & static_cast<uint32_t>(flag)) != 0;
}

// One tlbwi/tlbwr: the entry a shadow TLB must stop using and its successor.
struct TlbWrite {
    unsigned index;
    TlbEntry old_entry;
    TlbEntry new_entry;
};

class Cp0Model {
public:
    using Effects = Cp0Effects;

    // The VCPU's Count (9, 0).
    struct CountHook {
        uint32_t (*read)(void* ctx);
        void (*write)(void* ctx, uint32_t count);
        void* ctx;
    };

    // Reset values, for tests and reports.
    static constexpr uint32_t prid_24k = 0x00019300;
    static constexpr uint32_t config0_reset = 0x80000482;   // M, AR=1, MT=1, K0=2
    static constexpr uint32_t config2_reset = 0x80000000;   // M, no L2
    static constexpr uint32_t config3_reset = 0x00002000;   // ULRI
    static constexpr uint32_t config7_reset = 0x00010000;   // AR
    static constexpr uint32_t intctl_reset = 0xfc000000;    // IPTI = IPPCI = 7
    static constexpr uint32_t status_reset = 0x00400004;    // BEV, ERL
    static constexpr uint32_t ebase_reset = 0x80000000;

    // tlb_entries: the guest TLB's size (Config1.MMUSize, the width of
    // Index/Random/Wired); cpu_num: EBase.CPUNum (rdhwr $0).
    Cp0Model() : Cp0Model(GuestTlb::default_entries, 0) {}
    explicit Cp0Model(unsigned tlb_entries, unsigned cpu_num = 0);

    // Every register to its reset value.
    void reset(unsigned tlb_entries, unsigned cpu_num);
    void reset() { reset(tlb_entries_, cpu_num()); }

    // mfc0: not_found for an unimplemented (reg, sel), value 0 (what the
    // 24K and QEMU give; the engine may also choose to raise RI).
    tern::Status read(unsigned reg, unsigned sel, uint32_t& value) const;
    // mtc0 through the PRA's writable-bit masks.
    [[nodiscard]] Cp0Effects write(unsigned reg, unsigned sel, uint32_t value);
    bool present(unsigned reg, unsigned sel) const;

    void set_count_hook(const CountHook& hook) { count_hook_ = hook; }
    uint32_t count() const;

    // ------------------------------------------------------------ state
    uint32_t index() const { return index_; }
    uint32_t entrylo0() const { return entrylo0_; }
    uint32_t entrylo1() const { return entrylo1_; }
    uint32_t context() const { return context_; }
    uint32_t userlocal() const { return userlocal_; }
    uint32_t pagemask() const { return pagemask_; }
    uint32_t wired() const { return wired_; }
    uint32_t random() const { return random_; }
    uint32_t hwrena() const { return hwrena_; }
    uint32_t badvaddr() const { return badvaddr_; }
    uint32_t entryhi() const { return entryhi_; }
    uint8_t asid() const { return static_cast<uint8_t>(EntryHiReg::Asid::get(entryhi_)); }
    uint32_t compare() const { return compare_; }
    uint32_t status() const { return status_; }
    uint32_t intctl() const { return intctl_reset; }
    uint32_t cause() const;
    uint32_t epc() const { return epc_; }
    uint32_t prid() const { return prid_24k; }
    uint32_t ebase() const { return ebase_; }
    uint32_t config0() const { return config0_; }
    uint32_t config1() const;
    uint32_t lladdr() const { return lladdr_; }
    uint32_t errorepc() const { return errorepc_; }
    unsigned cpu_num() const { return EbaseReg::CpuNum::get(ebase_); }
    unsigned tlb_entries() const { return tlb_entries_; }

    // Kernel mode: EXL, ERL or KSU = kernel.
    bool kernel_mode() const;
    // IP & IM: the interrupts pending and unmasked.
    uint32_t pending_irqs() const;
    // An interrupt would be taken now: IE, !EXL, !ERL and pending_irqs().
    bool irq_deliverable() const;
    // The guest's exception base: 0xBFC00200 with BEV, else EBase 31:12.
    uint32_t exception_base() const;

    // ---------------------------------- interrupts (IP7..IP2, TI)
    // Hardware interrupt input HW0..HW5 (Cause.IP2..IP7), level-sensitive.
    Cp0Effects set_hw_irq(unsigned line, bool asserted);
    // Timer interrupt (Cause.TI, seen on IP[IntCtl.IPTI] = IP7).
    Cp0Effects set_timer_irq(bool pending);
    bool timer_irq() const { return timer_pending_; }

    // -------------- exception delivery and instruction emulation
    // Raw setters: no write masks or side effects, but a register never
    // holds bits it does not have (Status keeps only implemented bits,
    // Cause's TI and IP7..IP2 become the interrupt inputs above).
    void set_index(uint32_t v);
    void set_entrylo0(uint32_t v);
    void set_entrylo1(uint32_t v);
    void set_context(uint32_t v);
    void set_pagemask(uint32_t v);
    void set_entryhi(uint32_t v);
    void set_status(uint32_t v);
    void set_cause(uint32_t v);
    void set_epc(uint32_t pc) { epc_ = pc; }
    void set_errorepc(uint32_t pc) { errorepc_ = pc; }
    void set_badvaddr(uint32_t va) { badvaddr_ = va; }

    void set_exl(bool on);
    void set_erl(bool on);
    Cp0Effects set_ie(bool on);                     // di / ei
    void set_cause_exccode(ExcCode code);
    void set_cause_bd(bool in_delay_slot);
    void set_cause_ce(unsigned unit);               // CpU: coprocessor number
    // TLB refill/invalid/modified: BadVAddr, Context.BadVPN2, EntryHi.VPN2
    // (the ASID stays: it is the one that missed).
    void record_tlb_fault(uint32_t va);
    void set_lladdr(uint32_t phys) { lladdr_ = phys >> 4; }

    // eret: ERL first (to ErrorEPC), else EXL (to EPC). Returns the PC.
    struct EretResult {
        uint32_t pc;
        Cp0Effects effects;
    };
    EretResult eret();

    // TLB instructions on this VCPU's guest TLB. tlbr/tlbwi use Index
    // modulo the TLB size (the PRA leaves a larger Index UNDEFINED; QEMU
    // wraps it the same way). tlbwr takes tlb.random_index(Wired), after
    // resetting the TLB's Random when Wired was written since the last one.
    void tlbp(const GuestTlb& tlb);
    Cp0Effects tlbr(const GuestTlb& tlb);
    TlbWrite tlbwi(GuestTlb& tlb);
    TlbWrite tlbwr(GuestTlb& tlb);
    // The entry tlbwi/tlbwr would write (EntryHi, PageMask, EntryLo0/1).
    TlbEntry tlb_entry() const { return {entryhi_, pagemask_, entrylo0_, entrylo1_}; }

private:
    friend struct FastPathLayout;  // the assembly fast paths read and write fields
    TlbWrite write_entry(GuestTlb& tlb, unsigned index);
    uint32_t index_mask() const;
    Cp0Effects write_status(uint32_t value);
    Cp0Effects write_cause(uint32_t value);

    unsigned tlb_entries_ = GuestTlb::default_entries;
    CountHook count_hook_{};
    uint32_t random_ = GuestTlb::default_entries - 1;
    bool random_reset_pending_ = false;   // Wired written since the last tlbwr
    uint32_t index_ = 0;
    uint32_t entrylo0_ = 0, entrylo1_ = 0;
    uint32_t context_ = 0;
    uint32_t userlocal_ = 0;
    uint32_t pagemask_ = 0;
    uint32_t wired_ = 0;
    uint32_t hwrena_ = 0;
    uint32_t badvaddr_ = 0;
    uint32_t entryhi_ = 0;
    uint32_t compare_ = 0;
    uint32_t status_ = status_reset;
    uint32_t cause_ = 0;         // without the timer's TI/IP bits: see cause()
    bool timer_pending_ = false;
    uint32_t epc_ = 0;
    uint32_t ebase_ = ebase_reset;
    uint32_t config0_ = config0_reset;
    uint32_t lladdr_ = 0;
    uint32_t watchlo0_ = 0, watchhi0_ = 0;
    uint32_t taglo_ = 0, datalo_ = 0, taghi_ = 0, datahi_ = 0;
    uint32_t errorepc_ = 0;
};

}  // namespace mips
