// GICv2 host driver.
#include "gic_v2.hpp"

namespace arm {

unsigned GicV2::lines() const {
    unsigned n = 32 * (Typer::ItLinesNumber::get(read(DistReg::TYPER)) + 1);
    return n > spurious - 3 ? spurious - 3 : n;  // INTIDs 1020+ are special
}

void GicV2::init() {
    write(DistReg::CTLR, 0, 0);
    unsigned n = lines();
    // One bit per INTID: disable and forget everything (the SGI/PPI word is
    // this CPU's bank).
    for (unsigned i = 0; i < n / 32; ++i) {
        write(DistReg::ICENABLER, i, ~0u);
        write(DistReg::ICPENDR, i, ~0u);
    }
    // One byte per INTID. ITARGETSR of SGIs/PPIs is read-only.
    constexpr uint32_t each_byte = 0x01010101;
    for (unsigned i = 0; i < n / 4; ++i) write(DistReg::IPRIORITYR, i, default_priority * each_byte);
    for (unsigned i = first_spi / 4; i < n / 4; ++i) write(DistReg::ITARGETSR, i, each_byte);
    // Two bits per INTID, 0 = level-sensitive (QEMU virt's devices are).
    for (unsigned i = first_spi / 16; i < n / 16; ++i) write(DistReg::ICFGR, i, 0);
    write(DistReg::CTLR, 0, Ctlr::Enable::bits(1));

    write(CpuReg::PMR, priority_mask);
    write(CpuReg::BPR, 0);
    write(CpuReg::CTLR, Ctlr::Enable::bits(1));
}

void GicV2::enable(unsigned intid) const { write(DistReg::ISENABLER, intid / 32, 1u << (intid % 32)); }
void GicV2::disable(unsigned intid) const {
    write(DistReg::ICENABLER, intid / 32, 1u << (intid % 32));
}

uint32_t GicV2::acknowledge() const { return read(CpuReg::IAR); }
void GicV2::end_of_interrupt(uint32_t iar) const { write(CpuReg::EOIR, iar); }

}  // namespace arm
