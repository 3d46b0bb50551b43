// The guest CP0 register file: mfc0/mtc0 semantics, interrupts, eret and
// the TLB instructions.
#include "cp0_model.hpp"

namespace mips {
namespace {

constexpr unsigned key(unsigned reg, unsigned sel) { return (reg & 31) << 3 | (sel & 7); }

// Status bits software can write on this CPU (MD00090 9.7, 24K without
// FPU, DSP, supervisor mode or reverse endian): CU0, BEV, IM, UM, ERL, EXL,
// IE. CU1 and FR need an FPU; RE is "ignored on write, reads zero" where
// user-mode reverse endian is not supported (the host cannot give it to a
// guest kernel that runs in user mode); KSU bit 3 is R0 without
// supervisor mode; RP, MX, PX, KX/SX/UX and CU3..CU2 are reserved here.
constexpr uint32_t status_writable = StatusReg::Cu0::mask | StatusReg::Bev::mask |
                                     StatusReg::Im::mask | StatusReg::Um::mask |
                                     StatusReg::Erl::mask | StatusReg::Exl::mask |
                                     StatusReg::Ie::mask;
// NMI, SR and TS: software can clear them, never set them.
constexpr uint32_t status_write0_clears = StatusReg::Nmi::mask | StatusReg::Sr::mask |
                                          StatusReg::Ts::mask;
constexpr uint32_t status_mode = StatusReg::Ksu::mask | StatusReg::Exl::mask |
                                 StatusReg::Erl::mask;
constexpr uint32_t status_irq = StatusReg::Ie::mask | StatusReg::Exl::mask |
                                StatusReg::Erl::mask | StatusReg::Im::mask;

// Cause (9.8): IP1..IP0, IV and DC; WP is write-zero-to-clear.
constexpr uint32_t cause_writable = CauseReg::Ips::mask | CauseReg::Iv::mask |
                                    CauseReg::Dc::mask;
// What cause_ may hold: the writable bits, WP, the exception fields and
// the hardware interrupt inputs (TI lives in timer_pending_).
constexpr uint32_t cause_stored = cause_writable | CauseReg::Wp::mask |
                                  CauseReg::ExcCode::mask | CauseReg::Ce::mask |
                                  CauseReg::Bd::mask | CauseReg::Iph::mask;
// The IP bit the timer drives: IP[IntCtl.IPTI].
constexpr uint32_t timer_ip = CauseReg::Ip::bits(1u << IntCtlReg::Ipti::get(Cp0Model::intctl_reset));
constexpr uint32_t status_implemented = status_writable | status_write0_clears;

constexpr uint32_t entryhi_writable = EntryHiReg::Vpn2::mask | EntryHiReg::Asid::mask;
constexpr uint32_t entrylo_writable = EntryLoReg::Pfn::mask | EntryLoReg::C::mask |
                                      EntryLoReg::D::mask | EntryLoReg::V::mask |
                                      EntryLoReg::G::mask;
constexpr uint32_t hwrena_writable = HwrEnaReg::CpuNum::mask | HwrEnaReg::SynciStep::mask |
                                     HwrEnaReg::Cc::mask | HwrEnaReg::CcRes::mask |
                                     HwrEnaReg::Ulr::mask;
constexpr uint32_t ebase_fixed = 0x80000000u;   // bits 31:30 = 10b
constexpr uint32_t watchhi_writable = WatchHiReg::G::mask | WatchHiReg::Asid::mask |
                                      WatchHiReg::Mask::mask;

// Config1 of a 24K with 32KB 4-way L1 caches of 32-byte lines (IS=2 256
// sets, IL=4, IA=3), watch registers, no FPU/MIPS16e/EJTAG/perf counters.
constexpr uint32_t config1_fixed =
    Config1Reg::M::bits(1) | Config1Reg::Is::bits(2) | Config1Reg::Il::bits(4) |
    Config1Reg::Ia::bits(3) | Config1Reg::Ds::bits(2) | Config1Reg::Dl::bits(4) |
    Config1Reg::Da::bits(3) | Config1Reg::Wr::bits(1);

constexpr Cp0Effects changed_if(bool changed, Cp0Effects e) {
    return changed ? e : Cp0Effects::none;
}

}  // namespace

Cp0Model::Cp0Model(unsigned tlb_entries, unsigned cpu_num) { reset(tlb_entries, cpu_num); }

void Cp0Model::reset(unsigned tlb_entries, unsigned cpu_num) {
    tlb_entries_ = tern::min(tern::max(tlb_entries, 1u), GuestTlb::max_entries);
    index_ = entrylo0_ = entrylo1_ = context_ = userlocal_ = pagemask_ = 0;
    wired_ = hwrena_ = badvaddr_ = entryhi_ = compare_ = 0;
    random_ = tlb_entries_ - 1;
    random_reset_pending_ = true;
    status_ = status_reset;
    cause_ = 0;
    timer_pending_ = false;
    epc_ = errorepc_ = lladdr_ = 0;
    ebase_ = ebase_reset | EbaseReg::CpuNum::bits(cpu_num);
    config0_ = config0_reset;
    watchlo0_ = watchhi0_ = 0;
    taglo_ = datalo_ = taghi_ = datahi_ = 0;
}

uint32_t Cp0Model::index_mask() const {
    uint32_t mask = 0;
    while (mask + 1 < tlb_entries_) {
        mask = mask << 1 | 1;
    }
    return mask;
}

uint32_t Cp0Model::count() const {
    return count_hook_.read ? count_hook_.read(count_hook_.ctx) : 0;
}

uint32_t Cp0Model::config1() const {
    return config1_fixed | Config1Reg::MmuSize::bits(tlb_entries_ - 1);
}

uint32_t Cp0Model::cause() const {
    return timer_pending_ ? cause_ | timer_ip | CauseReg::Ti::mask : cause_;
}

tern::Status Cp0Model::read(unsigned reg, unsigned sel, uint32_t& value) const {
    value = 0;
    switch (key(reg, sel)) {
    case key(0, 0):  value = index_; break;
    case key(1, 0):  value = random(); break;
    case key(2, 0):  value = entrylo0_; break;
    case key(3, 0):  value = entrylo1_; break;
    case key(4, 0):  value = context_; break;
    case key(4, 2):  value = userlocal_; break;
    case key(5, 0):  value = pagemask_; break;
    case key(6, 0):  value = wired_; break;
    case key(7, 0):  value = hwrena_; break;
    case key(8, 0):  value = badvaddr_; break;
    case key(9, 0):  value = count(); break;
    case key(10, 0): value = entryhi_; break;
    case key(11, 0): value = compare_; break;
    case key(12, 0): value = status_; break;
    case key(12, 1): value = intctl_reset; break;
    case key(12, 2): break;                      // SRSCtl: HSS = 0, one set
    case key(12, 3): break;                      // SRSMap: nothing to map
    case key(13, 0): value = cause(); break;
    case key(14, 0): value = epc_; break;
    case key(15, 0): value = prid_24k; break;
    case key(15, 1): value = ebase_; break;
    case key(16, 0): value = config0_; break;
    case key(16, 1): value = config1(); break;
    case key(16, 2): value = config2_reset; break;
    case key(16, 3): value = config3_reset; break;
    case key(16, 7): value = config7_reset; break;
    case key(17, 0): value = lladdr_; break;
    case key(18, 0): value = watchlo0_; break;
    case key(19, 0): value = watchhi0_; break;
    case key(26, 0): break;                      // ErrCtl: no parity, reads 0
    case key(27, 0): break;                      // CacheErr: never an error
    case key(28, 0): value = taglo_; break;
    case key(28, 1): value = datalo_; break;
    case key(29, 0): value = taghi_; break;
    case key(29, 1): value = datahi_; break;
    case key(30, 0): value = errorepc_; break;
    default:
        return tern::Status::not_found;
    }
    return tern::Status::ok;
}

bool Cp0Model::present(unsigned reg, unsigned sel) const {
    uint32_t ignored;
    return read(reg, sel, ignored) == tern::Status::ok;
}

Cp0Effects Cp0Model::write(unsigned reg, unsigned sel, uint32_t value) {
    using E = Cp0Effects;
    switch (key(reg, sel)) {
    case key(0, 0):
        // P is read-only: only tlbp sets or clears it.
        index_ = (index_ & IndexReg::P::mask) | (value & index_mask());
        return E::none;
    case key(2, 0):
        entrylo0_ = value & entrylo_writable;
        return E::none;
    case key(3, 0):
        entrylo1_ = value & entrylo_writable;
        return E::none;
    case key(4, 0):
        context_ = (context_ & ContextReg::BadVpn2::mask) | (value & ContextReg::PteBase::mask);
        return E::none;
    case key(4, 2):
        userlocal_ = value;
        return E::userlocal_changed;
    case key(5, 0):
        pagemask_ = legal_pagemask(value);
        return E::none;
    case key(6, 0):
        // Writing Wired resets Random to its upper bound (9.6).
        wired_ = value & index_mask();
        random_ = tlb_entries_ - 1;
        random_reset_pending_ = true;
        return E::wired_changed;
    case key(7, 0):
        hwrena_ = value & hwrena_writable;
        return E::hwrena_changed;
    case key(9, 0):
        if (count_hook_.write) {
            count_hook_.write(count_hook_.ctx, value);
        }
        return E::timer_changed;
    case key(10, 0): {
        const uint32_t old = entryhi_;
        entryhi_ = value & entryhi_writable;
        return changed_if(EntryHiReg::Asid::get(old) != EntryHiReg::Asid::get(entryhi_),
                          E::asid_changed);
    }
    case key(11, 0):
        // A Compare write acknowledges the timer interrupt (9.16).
        compare_ = value;
        return E::timer_changed | set_timer_irq(false);
    case key(12, 0):
        return write_status(value);
    case key(13, 0):
        return write_cause(value);
    case key(14, 0):
        epc_ = value;
        return E::none;
    case key(15, 1):
        ebase_ = ebase_fixed | (value & EbaseReg::Base::mask) | (ebase_ & EbaseReg::CpuNum::mask);
        return E::none;
    case key(16, 0): {
        const uint32_t old = config0_;
        config0_ = Config0Reg::K0::set(config0_, Config0Reg::K0::get(value));
        return changed_if(old != config0_, E::k0_changed);
    }
    case key(18, 0):
        watchlo0_ = value;
        return E::watch_changed;
    case key(19, 0):
        // I, R, W (2:0) are write-one-to-clear status bits.
        watchhi0_ = (value & watchhi_writable) | (watchhi0_ & WatchHiReg::Wrs::mask & ~value);
        return E::watch_changed;
    case key(28, 0):
        taglo_ = value;
        return E::none;
    case key(28, 1):
        datalo_ = value;
        return E::none;
    case key(29, 0):
        taghi_ = value;
        return E::none;
    case key(29, 1):
        datahi_ = value;
        return E::none;
    case key(30, 0):
        errorepc_ = value;
        return E::none;
    // Read-only registers: Random, BadVAddr, IntCtl, SRSCtl, SRSMap, PRId,
    // Config1-3/7, LLAddr, ErrCtl (no parity to enable), CacheErr.
    case key(1, 0): case key(8, 0): case key(12, 1): case key(12, 2): case key(12, 3):
    case key(15, 0): case key(16, 1): case key(16, 2): case key(16, 3): case key(16, 7):
    case key(17, 0): case key(26, 0): case key(27, 0):
        return E::none;
    default:
        return E::not_present;
    }
}

Cp0Effects Cp0Model::write_status(uint32_t value) {
    const uint32_t old = status_;
    uint32_t next = (old & ~status_writable) | (value & status_writable);
    next &= ~(status_write0_clears & ~value);
    status_ = next;
    const uint32_t diff = old ^ next;
    return changed_if(diff != 0, Cp0Effects::status_changed) |
           changed_if((diff & status_mode) != 0, Cp0Effects::mode_changed) |
           changed_if((diff & status_irq) != 0, Cp0Effects::irq_changed);
}

Cp0Effects Cp0Model::write_cause(uint32_t value) {
    const uint32_t old = cause_;
    uint32_t next = (old & ~cause_writable) | (value & cause_writable);
    next &= ~(CauseReg::Wp::mask & ~value);
    cause_ = next & cause_stored;
    const uint32_t diff = old ^ cause_;
    const bool sw = (diff & CauseReg::Ips::mask) != 0;
    return changed_if(sw, Cp0Effects::cause_sw_irq_changed | Cp0Effects::irq_changed) |
           changed_if((diff & CauseReg::Dc::mask) != 0, Cp0Effects::timer_changed);
}

bool Cp0Model::kernel_mode() const {
    return StatusReg::Exl::test(status_) || StatusReg::Erl::test(status_) ||
           StatusReg::Ksu::get(status_) == StatusReg::ksu_kernel;
}

uint32_t Cp0Model::pending_irqs() const {
    return CauseReg::Ip::get(cause()) & StatusReg::Im::get(status_);
}

bool Cp0Model::irq_deliverable() const {
    return StatusReg::Ie::test(status_) && !StatusReg::Exl::test(status_) &&
           !StatusReg::Erl::test(status_) && pending_irqs() != 0;
}

uint32_t Cp0Model::exception_base() const {
    if (StatusReg::Bev::test(status_)) {
        return 0xbfc00200u;
    }
    return ebase_ & ~0xfffu;
}

Cp0Effects Cp0Model::set_hw_irq(unsigned line, bool asserted) {
    if (line > 5) {
        return Cp0Effects::none;
    }
    const uint32_t old = cause_;
    const uint32_t bit = CauseReg::Iph::bits(1u << line);
    cause_ = asserted ? (cause_ | bit) : (cause_ & ~bit);
    return changed_if(old != cause_, Cp0Effects::irq_changed);
}

Cp0Effects Cp0Model::set_timer_irq(bool pending) {
    const bool old = timer_pending_;
    timer_pending_ = pending;
    return changed_if(old != pending, Cp0Effects::irq_changed);
}

void Cp0Model::set_index(uint32_t v) { index_ = v & (IndexReg::P::mask | index_mask()); }
void Cp0Model::set_entrylo0(uint32_t v) { entrylo0_ = v & entrylo_writable; }
void Cp0Model::set_entrylo1(uint32_t v) { entrylo1_ = v & entrylo_writable; }
void Cp0Model::set_context(uint32_t v) {
    context_ = v & (ContextReg::PteBase::mask | ContextReg::BadVpn2::mask);
}
void Cp0Model::set_pagemask(uint32_t v) { pagemask_ = v & PageMaskReg::Mask::mask; }
void Cp0Model::set_entryhi(uint32_t v) { entryhi_ = v & entryhi_writable; }
void Cp0Model::set_status(uint32_t v) { status_ = v & status_implemented; }

void Cp0Model::set_cause(uint32_t v) {
    // TI set means the timer drives its IP bit; any other IP7..IP2 bit is
    // a hardware input.
    timer_pending_ = CauseReg::Ti::test(v);
    cause_ = v & cause_stored & ~(timer_pending_ ? timer_ip : 0);
}

void Cp0Model::set_exl(bool on) { status_ = StatusReg::Exl::set(status_, on ? 1 : 0); }
void Cp0Model::set_erl(bool on) { status_ = StatusReg::Erl::set(status_, on ? 1 : 0); }

Cp0Effects Cp0Model::set_ie(bool on) {
    const uint32_t old = status_;
    status_ = StatusReg::Ie::set(status_, on ? 1 : 0);
    return changed_if(old != status_, Cp0Effects::status_changed | Cp0Effects::irq_changed);
}

void Cp0Model::set_cause_exccode(ExcCode code) {
    cause_ = CauseReg::ExcCode::set(cause_, static_cast<uint32_t>(code));
}

void Cp0Model::set_cause_bd(bool in_delay_slot) {
    cause_ = CauseReg::Bd::set(cause_, in_delay_slot ? 1 : 0);
}

void Cp0Model::set_cause_ce(unsigned unit) { cause_ = CauseReg::Ce::set(cause_, unit); }

void Cp0Model::record_tlb_fault(uint32_t va) {
    badvaddr_ = va;
    context_ = ContextReg::BadVpn2::set(context_, EntryHiReg::Vpn2::get(va));
    entryhi_ = (va & EntryHiReg::Vpn2::mask) | (entryhi_ & EntryHiReg::Asid::mask);
}

Cp0Model::EretResult Cp0Model::eret() {
    const uint32_t old = status_;
    uint32_t pc;
    if (StatusReg::Erl::test(status_)) {
        status_ = StatusReg::Erl::clear(status_);
        pc = errorepc_;
    } else {
        status_ = StatusReg::Exl::clear(status_);
        pc = epc_;
    }
    const bool changed = old != status_;
    return {pc, changed_if(changed, Cp0Effects::status_changed | Cp0Effects::mode_changed |
                                        Cp0Effects::irq_changed)};
}

void Cp0Model::tlbp(const GuestTlb& tlb) {
    const int i = tlb.probe(entryhi_);
    if (i < 0) {
        // Index is UNPREDICTABLE on a miss: keep it, as QEMU does.
        index_ |= IndexReg::P::mask;
    } else {
        index_ = static_cast<uint32_t>(i);
    }
}

Cp0Effects Cp0Model::tlbr(const GuestTlb& tlb) {
    const TlbEntry e = tlb.read(IndexReg::Index::get(index_) % tlb.size());
    const uint32_t old_asid = EntryHiReg::Asid::get(entryhi_);
    entryhi_ = e.entryhi;
    pagemask_ = e.pagemask;
    entrylo0_ = e.entrylo0;
    entrylo1_ = e.entrylo1;
    return changed_if(old_asid != EntryHiReg::Asid::get(entryhi_), Cp0Effects::asid_changed);
}

TlbWrite Cp0Model::write_entry(GuestTlb& tlb, unsigned index) {
    TlbWrite w{index, tlb.read(index), {}};
    (void)tlb.write(index, tlb_entry());   // index < size: cannot fail
    w.new_entry = tlb.read(index);
    return w;
}

TlbWrite Cp0Model::tlbwi(GuestTlb& tlb) {
    return write_entry(tlb, IndexReg::Index::get(index_) % tlb.size());
}

TlbWrite Cp0Model::tlbwr(GuestTlb& tlb) {
    if (random_reset_pending_) {
        tlb.reset_random();
        random_reset_pending_ = false;
    }
    const TlbWrite w = write_entry(tlb, tlb.random_index(wired_));
    random_ = tlb.peek_random(wired_);   // what the next tlbwr will use
    return w;
}

}  // namespace mips
