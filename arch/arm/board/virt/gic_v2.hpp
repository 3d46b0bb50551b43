// Host driver for an Arm GICv2 interrupt controller: distributor and CPU
// interface, one CPU, every interrupt in group 0 at one priority.
// Arm IHI 0048B, chapter 4.
#pragma once

#include <stdint.h>

#include "lib/bitfield.hpp"

namespace arm {

class GicV2 {
public:
    // INTIDs: 0-15 SGIs, 16-31 PPIs (per CPU), 32 and up SPIs; 1020-1023
    // are special (1023: nothing pending).
    static constexpr unsigned first_spi = 32;
    static constexpr uint32_t spurious = 1023;

    enum class DistReg : uintptr_t {
        CTLR = 0x000,        // rw distributor control
        TYPER = 0x004,       // r  interrupt controller type
        ISENABLER = 0x100,   // rw set-enable, 1 bit per INTID
        ICENABLER = 0x180,   // rw clear-enable, 1 bit per INTID
        ICPENDR = 0x280,     // rw clear-pending, 1 bit per INTID
        IPRIORITYR = 0x400,  // rw priority, 1 byte per INTID
        ITARGETSR = 0x800,   // rw CPU targets, 1 byte per INTID
        ICFGR = 0xc00,       // rw level/edge, 2 bits per INTID
    };
    enum class CpuReg : uintptr_t {
        CTLR = 0x00,  // rw CPU interface control
        PMR = 0x04,   // rw priority mask
        BPR = 0x08,   // rw binary point
        IAR = 0x0c,   // r  interrupt acknowledge
        EOIR = 0x10,  // w  end of interrupt
    };
    struct Typer {
        using ItLinesNumber = tern::Bitfield<0, 5>;  // INTIDs = 32 * (N + 1)
    };
    struct Iar {
        using InterruptId = tern::Bitfield<0, 10>;
    };
    struct Ctlr {
        using Enable = tern::Bitfield<0, 1>;
    };

    constexpr GicV2(uint64_t dist_phys, uint64_t cpu_phys)
        : dist_(static_cast<uintptr_t>(dist_phys)), cpu_(static_cast<uintptr_t>(cpu_phys)) {}

    // Every interrupt disabled, level-triggered, routed to CPU 0; then the
    // distributor and this CPU's interface on.
    void init();
    [[nodiscard]] unsigned lines() const;  // INTIDs the distributor implements
    void enable(unsigned intid) const;
    void disable(unsigned intid) const;
    // Acknowledges the highest-priority pending interrupt: returns the IAR
    // value for end_of_interrupt, whose InterruptId is `spurious` if none.
    [[nodiscard]] uint32_t acknowledge() const;
    void end_of_interrupt(uint32_t iar) const;

private:
    static constexpr uint32_t default_priority = 0xa0;  // below the mask, above nothing
    static constexpr uint32_t priority_mask = 0xf0;     // lets every priority < 0xf0 in

    uint32_t read(DistReg r, unsigned index = 0) const {
        return *reinterpret_cast<volatile uint32_t*>(dist_ + static_cast<uintptr_t>(r) + index * 4);
    }
    void write(DistReg r, unsigned index, uint32_t v) const {
        *reinterpret_cast<volatile uint32_t*>(dist_ + static_cast<uintptr_t>(r) + index * 4) = v;
    }
    uint32_t read(CpuReg r) const {
        return *reinterpret_cast<volatile uint32_t*>(cpu_ + static_cast<uintptr_t>(r));
    }
    void write(CpuReg r, uint32_t v) const {
        *reinterpret_cast<volatile uint32_t*>(cpu_ + static_cast<uintptr_t>(r)) = v;
    }

    uintptr_t dist_;
    uintptr_t cpu_;
};

}  // namespace arm
