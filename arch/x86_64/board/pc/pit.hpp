// Host driver for the PC's 8254 programmable interval timer: channel 0 as
// a one-shot on IRQ 0, channel 2 (gated through port 0x61) as a stopwatch
// for measuring other clocks. Intel 82C54 data sheet.
#pragma once

#include <stdint.h>

#include "lib/bitfield.hpp"

namespace pc {

class Pit {
public:
    static constexpr uint64_t input_hz = 1'193'182;
    static constexpr uint32_t max_count = 0xffff;  // ~55 ms

    // Channel 0 counts `count` input clocks from now, then raises IRQ 0
    // (mode 0: OUT rises at terminal count and stays high).
    void one_shot(uint32_t count) const;
    // Channel 0 stops counting; OUT (IRQ 0) stays low.
    void stop() const;
    // Counts `tsc_read()` ticks over `count` channel 2 input clocks; 0 if
    // channel 2's output never rose within `give_up_ticks` (no PIT).
    uint64_t measure(uint32_t count, uint64_t (*tsc_read)(), uint64_t give_up_ticks) const;

private:
    enum Port : uint16_t {
        channel0 = 0x40,
        channel2 = 0x42,
        command = 0x43,
        port_b = 0x61,  // system control port B (channel 2 gate and output)
    };
    struct Command {
        using Bcd = tern::Bitfield<0, 1, uint8_t>;
        using Mode = tern::Bitfield<1, 3, uint8_t>;
        using Access = tern::Bitfield<4, 2, uint8_t>;   // 3: low byte, then high byte
        using Channel = tern::Bitfield<6, 2, uint8_t>;
        static constexpr uint8_t access_lohi = 3;
        static constexpr uint8_t mode_terminal_count = 0;
    };
    struct PortB {
        using Gate2 = tern::Bitfield<0, 1, uint8_t>;
        using Speaker = tern::Bitfield<1, 1, uint8_t>;  // speaker data enable
        using Out2 = tern::Bitfield<5, 1, uint8_t>;     // channel 2 output (read-only)
    };

    static uint8_t command_word(unsigned channel);
    static void load(Port channel, uint32_t count);
};

}  // namespace pc
