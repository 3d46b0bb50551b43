// Host driver for a cascaded pair of Intel 8259A interrupt controllers
// (master IR2 = slave), used in poll mode: the CPU sees one line, the
// driver asks the chips which input is pending.
#pragma once

#include <stdint.h>

#include "arch/io.hpp"

namespace tern {

class I8259Pair {
public:
    static constexpr unsigned lines = 16;
    static constexpr unsigned cascade_line = 2;

    constexpr I8259Pair() = default;
    constexpr I8259Pair(arch::IoRegion master, arch::IoRegion slave)
        : master_(master), slave_(slave) {}

    // ICW1-4, every input masked except the cascade.
    void init();
    void mask(unsigned line);
    void unmask(unsigned line);
    // Acknowledges and returns the highest-priority pending input, or -1
    // (spurious). The caller sends eoi(line) when it has handled it.
    [[nodiscard]] int poll();
    void eoi(unsigned line);

private:
    // Command port (A0=0) and data port (A0=1) registers.
    enum Reg : unsigned { CMD = 0, DATA = 1 };
    static constexpr uint8_t icw1_init_icw4 = 0x11;  // edge, cascade, ICW4 follows
    static constexpr uint8_t icw4_8086 = 0x01;
    static constexpr uint8_t ocw3_poll = 0x0C;
    static constexpr uint8_t ocw2_eoi = 0x20;         // non-specific EOI
    static constexpr uint8_t poll_pending = 0x80;

    arch::IoRegion master_, slave_;
    uint16_t mask_ = 0xffff;

    void write_masks();
};

}  // namespace tern
