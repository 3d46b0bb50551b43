// irq: interrupt delivery rules, with the software interrupts IP0/IP1
// (Cause bits 9:8, writable by software, PRA 9.31). An interrupt is taken
// when Status.IE = 1, EXL = ERL = 0 and the line's IM bit is set (PRA 6.1.1);
// it goes to the general vector, or to base + 0x200 with Cause.IV = 1
// (PRA 6.2.1, Table 6.5). DI/EI return the old Status (MIPS32 ISA).
#include "guest.hpp"

using namespace guest;

namespace {

constexpr uint32_t ip0 = 1u << 0;
constexpr uint32_t ip1 = 1u << 1;

struct Seen {
    unsigned count;
    uint32_t cause;
    uint32_t vector;
    uint32_t status;
};
volatile Seen seen;

// Acknowledges software interrupts by clearing their Cause bits.
void on_interrupt(Frame& f) {
    seen.count = seen.count + 1;
    seen.cause = f.cause;
    seen.vector = f.vector;
    seen.status = f.status;
    mtc0_ehb<cp0::cause>(mfc0<cp0::cause>() & ~cause::IP::bits(ip0 | ip1));
}

void reset_seen() {
    seen.count = 0;
    seen.cause = 0;
    seen.vector = 0;
}

void raise_soft(uint32_t lines) {
    mtc0_ehb<cp0::cause>(mfc0<cp0::cause>() | cause::IP::bits(lines));
}

// A few instructions for a pending interrupt to be taken in.
void settle() {
    for (int i = 0; i < 8; ++i) {
        asm volatile("nop" ::: "memory");
    }
}

void soft_interrupt(const char* name, uint32_t line) {
    CheckScope scope(name);
    reset_seen();
    unmask_irqs(line);
    ei();
    raise_soft(line);
    settle();
    di();
    mask_irqs(line);
    CHECK_EQ("taken once", seen.count, 1);
    CHECK_EQ("ExcCode Int", cause::ExcCode::get(seen.cause), static_cast<uint32_t>(ExcCode::Int));
    CHECK_EQ("Cause.IP shows the line", cause::IP::get(seen.cause) & (ip0 | ip1), line);
    CHECK_EQ("general vector", seen.vector, map::bev_base + map::vec_general);
    CHECK_EQ("EXL set in the handler", status::EXL::get(seen.status), 1);
    CHECK_EQ("handler cleared the request", cause::IP::get(mfc0<cp0::cause>()) & line, 0);
}

// A pending soft interrupt is held while `block` is in force and taken as
// soon as `unblock` lifts it.
void held_until(const char* name, void (*block)(), void (*unblock)()) {
    CheckScope scope(name);
    reset_seen();
    unmask_irqs(ip0);
    ei();
    block();
    raise_soft(ip0);
    settle();
    const unsigned while_blocked = seen.count;
    unblock();
    settle();
    di();
    mask_irqs(ip0);
    mtc0_ehb<cp0::cause>(mfc0<cp0::cause>() & ~cause::IP::bits(ip0));
    CHECK_EQ("not taken while blocked", while_blocked, 0);
    CHECK_EQ("taken once unblocked", seen.count, 1);
}

void set_status_bits(uint32_t bits) { mtc0_ehb<cp0::status>(mfc0<cp0::status>() | bits); }
void clear_status_bits(uint32_t bits) { mtc0_ehb<cp0::status>(mfc0<cp0::status>() & ~bits); }

void masking() {
    held_until("IM0 clear", [] { mask_irqs(ip0); }, [] { unmask_irqs(ip0); });
    held_until("IE clear", [] { di(); }, [] { ei(); });
    held_until("EXL set", [] { set_status_bits(status::EXL::mask); },
               [] { clear_status_bits(status::EXL::mask); });
    held_until("ERL set", [] { set_status_bits(status::ERL::mask); },
               [] { clear_status_bits(status::ERL::mask); });
}

void vectors() {
    // Cause.IV = 1: interrupts use the special interrupt vector, base + 0x200.
    mtc0_ehb<cp0::cause>(mfc0<cp0::cause>() | cause::IV::mask);
    reset_seen();
    unmask_irqs(ip1);
    ei();
    raise_soft(ip1);
    settle();
    di();
    CHECK_EQ("IV=1, BEV=1: interrupt vector 0xBFC00400 (moved)", seen.vector,
             map::bev_base + map::vec_interrupt);
    use_ram_vectors(0x80000000);
    reset_seen();
    ei();
    raise_soft(ip1);
    settle();
    di();
    use_rom_vectors();
    CHECK_EQ("IV=1, BEV=0: interrupt vector EBase + 0x200", seen.vector,
             map::from_arch(0x80000000) + map::vec_interrupt);
    mtc0_ehb<cp0::cause>(mfc0<cp0::cause>() & ~cause::IV::mask);
    reset_seen();
    ei();
    raise_soft(ip1);
    settle();
    di();
    mask_irqs(ip1);
    CHECK_EQ("IV=0: general vector", seen.vector, map::bev_base + map::vec_general);
}

void di_ei() {
    CheckScope scope("di/ei");
    const uint32_t before_ei = ei();
    const uint32_t before_di = di();
    const uint32_t after = mfc0<cp0::status>();
    CHECK_EQ("ei returns Status with IE clear", status::IE::get(before_ei), 0);
    CHECK_EQ("di returns Status with IE set", status::IE::get(before_di), 1);
    CHECK_EQ("di clears IE", status::IE::get(after), 0);
    CHECK_EQ("only IE differs", before_di & ~status::IE::mask, after);
}

}  // namespace

int main() {
    set_exception_hook(ExcCode::Int, on_interrupt);
    di_ei();
    soft_interrupt("software interrupt IP0", ip0);
    soft_interrupt("software interrupt IP1", ip1);
    masking();
    vectors();
    done();
}
