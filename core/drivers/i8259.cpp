// i8259A pair driver (poll mode).
#include "drivers/i8259.hpp"

namespace tern {

void I8259Pair::init() {
    master_.write8(CMD, icw1_init_icw4);
    slave_.write8(CMD, icw1_init_icw4);
    master_.write8(DATA, 0x20);                 // ICW2: vector base (unused in poll mode)
    slave_.write8(DATA, 0x28);
    master_.write8(DATA, 1u << cascade_line);   // ICW3: slave on IR2
    slave_.write8(DATA, cascade_line);          // ICW3: slave identity
    master_.write8(DATA, icw4_8086);
    slave_.write8(DATA, icw4_8086);
    mask_ = 0xffff;
    write_masks();
}

void I8259Pair::write_masks() {
    // The cascade input stays open whenever any slave input is.
    uint16_t m = mask_;
    if ((m & 0xff00) != 0xff00) m = static_cast<uint16_t>(m & ~(1u << cascade_line));
    master_.write8(DATA, static_cast<uint8_t>(m));
    slave_.write8(DATA, static_cast<uint8_t>(m >> 8));
}

void I8259Pair::mask(unsigned line) {
    if (line >= lines || line == cascade_line) return;
    mask_ = static_cast<uint16_t>(mask_ | (1u << line));
    write_masks();
}

void I8259Pair::unmask(unsigned line) {
    if (line >= lines || line == cascade_line) return;
    mask_ = static_cast<uint16_t>(mask_ & ~(1u << line));
    write_masks();
}

int I8259Pair::poll() {
    master_.write8(CMD, ocw3_poll);
    uint8_t v = master_.read8(CMD);
    if ((v & poll_pending) == 0) return -1;
    unsigned line = v & 7;
    if (line != cascade_line) return static_cast<int>(line);
    slave_.write8(CMD, ocw3_poll);
    uint8_t s = slave_.read8(CMD);
    if ((s & poll_pending) == 0) {
        master_.write8(CMD, ocw2_eoi);  // the cascade input was acknowledged
        return -1;
    }
    return static_cast<int>(8 + (s & 7));
}

void I8259Pair::eoi(unsigned line) {
    if (line >= 8) slave_.write8(CMD, ocw2_eoi);
    master_.write8(CMD, ocw2_eoi);
}

}  // namespace tern
