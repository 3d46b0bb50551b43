// hello: the demo guest `make run` boots. It introduces itself, ticks once
// a second on the CP0 timer and echoes what is typed at its UART in upper
// case (connect with `vserial bind hello/uart0`, leave with Ctrl-]). Every
// one of those is trapped and emulated by Tern: CP0 accesses, the timer
// interrupt, the UART's registers and its receive interrupt.
#include "guest.hpp"

using namespace guest;

namespace {

constexpr uint32_t ticks_per_second = 160000000;  // the Malta's Count rate
constexpr uint32_t ip7 = 1u << timer_ip, ip2 = 1u << map::uart_ip;
volatile uint32_t seconds;

void on_interrupt(Frame&) {
    uint32_t pending = (mfc0<cp0::cause>() >> 8) & mfc0<cp0::status>() >> 8 & 0xff;
    if (pending & ip7) {
        set_compare(mfc0<cp0::compare>() + ticks_per_second);
        seconds = seconds + 1;
        printf("tick %u s\n", static_cast<unsigned>(seconds));
    }
    if (pending & ip2) {
        while (uart::read(uart::Reg::LSR) & uart::lsr::DR) {
            char c = static_cast<char>(uart::read(uart::Reg::RBR_THR_DLL));
            if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
            if (c == '\r') uart::putc('\n');
            uart::putc(c);
        }
    }
}

}  // namespace

int main() {
    printf("hello from a Tern guest: PRId %08x, %u TLB entries, EBase %08x\n",
           static_cast<unsigned>(mfc0<cp0::prid>()),
           static_cast<unsigned>(((mfc0<cp0::config1>() >> 25) & 63) + 1),
           static_cast<unsigned>(mfc0<cp0::ebase>()));
    printf("type at 'vserial bind hello/uart0' (Ctrl-] returns): I echo in upper case\n");
    (void)set_exception_hook(ExcCode::Int, on_interrupt);
    uart::write(uart::Reg::IER_DLM, uart::ier::ERBFI);
    set_compare(read_count() + ticks_per_second);
    unmask_irqs(ip7 | ip2);
    ei();
    for (;;) idle();
}
