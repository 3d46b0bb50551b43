// 8254 PIT host driver.
#include "pit.hpp"

#include "arch/port_io.hpp"

namespace pc {

uint8_t Pit::command_word(unsigned channel) {
    return static_cast<uint8_t>(Command::Channel::bits(static_cast<uint8_t>(channel)) |
                                Command::Access::bits(Command::access_lohi) |
                                Command::Mode::bits(Command::mode_terminal_count));
}

void Pit::load(Port channel, uint32_t count) {
    if (count == 0) count = 1;
    if (count > max_count) count = max_count;
    x86::outb(channel, static_cast<uint8_t>(count));
    x86::outb(channel, static_cast<uint8_t>(count >> 8));
}

void Pit::one_shot(uint32_t count) const {
    // Writing the command word drops OUT and stops the count; loading the
    // count starts it.
    x86::outb(command, command_word(0));
    load(channel0, count);
}

void Pit::stop() const { x86::outb(command, command_word(0)); }

uint64_t Pit::measure(uint32_t count, uint64_t (*tsc_read)(), uint64_t give_up_ticks) const {
    // Gate channel 2 on with the speaker off, arm it, and time OUT's rise.
    uint8_t b = x86::inb(port_b);
    b = static_cast<uint8_t>(PortB::Speaker::clear(b) | PortB::Gate2::bits(1));
    x86::outb(port_b, b);
    x86::outb(command, command_word(2));
    load(channel2, count);
    uint64_t start = tsc_read();
    uint64_t end = start;
    bool rose = false;
    while (!rose && end - start < give_up_ticks) {
        rose = PortB::Out2::test(x86::inb(port_b));
        end = tsc_read();
    }
    x86::outb(port_b, PortB::Gate2::clear(b));
    return rose ? end - start : 0;
}

}  // namespace pc
