// uart: the guest's ns16550a (reg-shift 3) as an emulated device: reset
// values, read-back of LCR/DLL/DLM/SCR/IER/MCR, MCR.LOOP loopback, MSR
// line states, deltas and the modem-status interrupt, the
// interrupt identification register and the THR-empty interrupt on the IP
// line the .dts names
// (PC16550D datasheet; "16550" register semantics as Linux's 8250 driver
// expects them).
#include "guest.hpp"

using namespace guest;
using uart::Reg;

namespace {

struct ResetState {
    uint32_t lsr, iir, ier, lcr;
};

// Before any output: printing writes THR and changes LSR/IIR.
ResetState read_reset_state() {
    return {uart::read(Reg::LSR), uart::read(Reg::IIR_FCR), uart::read(Reg::IER_DLM),
            uart::read(Reg::LCR)};
}

void reset_values(const ResetState& r) {
    CheckScope scope("reset");
    CHECK_EQ("LSR = THRE | TEMT", r.lsr & 0xFF, uart::lsr::THRE | uart::lsr::TEMT);
    CHECK_EQ("IIR: no interrupt pending", r.iir & uart::iir::id_mask, uart::iir::no_interrupt);
    CHECK_EQ("IER = 0", r.ier, 0);
    CHECK_EQ("LCR = 0", r.lcr, 0);
}

void read_back() {
    CheckScope scope("read-back");
    uart::write(Reg::SCR, 0x5A);
    CHECK_EQ("SCR 0x5a", uart::read(Reg::SCR), 0x5A);
    uart::write(Reg::SCR, 0xA5);
    CHECK_EQ("SCR 0xa5", uart::read(Reg::SCR), 0xA5);
    uart::write(Reg::LCR, 0x1B);  // 8 bits, 1 stop, even parity
    const uint32_t lcr = uart::read(Reg::LCR);
    uart::write(Reg::LCR, uart::lcr::word_8n1);
    CHECK_EQ("LCR 0x1b", lcr, 0x1B);
    // DLAB = 1 turns registers 0 and 1 into the divisor latch; nothing may
    // be printed until it is clear again (THR would be DLL).
    uart::write(Reg::LCR, uart::lcr::DLAB | uart::lcr::word_8n1);
    const uint32_t lcr_dlab = uart::read(Reg::LCR);
    uart::write(Reg::RBR_THR_DLL, 0x0C);
    uart::write(Reg::IER_DLM, 0x01);
    const uint32_t dll = uart::read(Reg::RBR_THR_DLL);
    const uint32_t dlm = uart::read(Reg::IER_DLM);
    uart::write(Reg::RBR_THR_DLL, 0x01);  // back to 115200 baud at 1.8432 MHz
    uart::write(Reg::IER_DLM, 0x00);
    uart::write(Reg::LCR, uart::lcr::word_8n1);
    CHECK_EQ("LCR with DLAB", lcr_dlab, 0x83);
    CHECK_EQ("DLL", dll, 0x0C);
    CHECK_EQ("DLM", dlm, 0x01);
    CHECK_EQ("IER untouched by the DLM writes", uart::read(Reg::IER_DLM), 0);
    uart::write(Reg::MCR, 0x03);  // DTR | RTS
    CHECK_EQ("MCR 0x03", uart::read(Reg::MCR) & 0x1F, 0x03);
    uart::write(Reg::MCR, 0x00);
    // IER has four defined bits.
    uart::write(Reg::IER_DLM, 0xFF);
    const uint32_t ier = uart::read(Reg::IER_DLM);
    uart::write(Reg::IER_DLM, 0);
    CHECK_EQ("IER keeps bits 3:0", ier & 0x0F, 0x0F);
}

constexpr uint32_t uart_line = 1u << map::uart_ip;

void thre_polled() {
    CheckScope scope("THR-empty interrupt, polled");
    // Wait until the last character left, so THR is empty.
    while ((uart::read(Reg::LSR) & uart::lsr::TEMT) == 0) {
    }
    uart::write(Reg::IER_DLM, uart::ier::ETBEI);
    const uint32_t cause_pending = mfc0<cp0::cause>();
    const uint32_t iir = uart::read(Reg::IIR_FCR);
    // Reading IIR while it reports THR empty clears that interrupt.
    const uint32_t iir_again = uart::read(Reg::IIR_FCR);
    const uint32_t cause_after = mfc0<cp0::cause>();
    uart::write(Reg::IER_DLM, 0);
    const uint32_t iir_disabled = uart::read(Reg::IIR_FCR);
    CHECK_EQ("IIR = THR empty once IER.ETBEI is set", iir & uart::iir::id_mask, uart::iir::thr_empty);
    CHECK_EQ("Cause.IP of the UART line set", cause::IP::get(cause_pending) & uart_line, uart_line);
    CHECK_EQ("reading IIR cleared it", iir_again & uart::iir::id_mask, uart::iir::no_interrupt);
    CHECK_EQ("... and the Cause.IP line", cause::IP::get(cause_after) & uart_line, 0);
    CHECK_EQ("IIR with IER = 0", iir_disabled & uart::iir::id_mask, uart::iir::no_interrupt);
}

void loopback() {
    CheckScope scope("loopback");
    // MCR.LOOP routes THR to RBR inside the UART; nothing reaches the
    // console, so nothing may be printed until LOOP is clear again.
    while ((uart::read(Reg::LSR) & uart::lsr::TEMT) == 0) {
    }
    uart::write(Reg::MCR, uart::mcr::LOOP);
    const uint32_t lsr_before = uart::read(Reg::LSR);
    uart::write(Reg::RBR_THR_DLL, 'T');
    const uint32_t lsr_after = uart::read(Reg::LSR);
    const uint32_t rbr = uart::read(Reg::RBR_THR_DLL);
    const uint32_t lsr_drained = uart::read(Reg::LSR);
    uart::write(Reg::MCR, 0);
    CHECK_EQ("no data ready before", lsr_before & uart::lsr::DR, 0);
    CHECK_EQ("LSR.DR once a byte was sent", lsr_after & uart::lsr::DR, uart::lsr::DR);
    CHECK_EQ("RBR returns the byte sent", rbr, 'T');
    CHECK_EQ("reading RBR empties it", lsr_drained & uart::lsr::DR, 0);
}

// MSR in loopback (16550A data sheet, MSR and MCR bit 4): the line states
// (bits 7:4) follow MCR (RTS->CTS, DTR->DSR, OUT1->RI, OUT2->DCD) and the
// delta bits (3:0: DCTS, DDSR, TERI on RI's trailing edge, DDCD) record
// changes since the last MSR read, which clears them; with IER.EDSSI a
// delta is a modem-status interrupt (IIR id 0, the lowest priority).
void modem_status() {
    CheckScope scope("modem status in loopback");
    while ((uart::read(Reg::LSR) & uart::lsr::TEMT) == 0) {
    }
    (void)uart::read(Reg::MSR);  // start with no deltas
    uart::write(Reg::MCR, uart::mcr::LOOP);
    const uint32_t entered = uart::read(Reg::MSR);   // CTS, DSR, DCD dropped
    const uint32_t cleared = uart::read(Reg::MSR);
    uart::write(Reg::MCR, uart::mcr::LOOP | 0x02);   // RTS
    const uint32_t rts = uart::read(Reg::MSR);
    uart::write(Reg::MCR, uart::mcr::LOOP | 0x04);   // OUT1 up, RTS down
    const uint32_t ri_up = uart::read(Reg::MSR);
    uart::write(Reg::MCR, uart::mcr::LOOP);          // OUT1 down: trailing edge
    const uint32_t ri_down = uart::read(Reg::MSR);
    uart::write(Reg::IER_DLM, 0x08);                 // EDSSI
    const uint32_t iir_quiet = uart::read(Reg::IIR_FCR);
    uart::write(Reg::MCR, uart::mcr::LOOP | 0x01);   // DTR: DDSR
    const uint32_t iir_delta = uart::read(Reg::IIR_FCR);
    (void)uart::read(Reg::MSR);
    const uint32_t iir_after = uart::read(Reg::IIR_FCR);
    uart::write(Reg::IER_DLM, 0);
    uart::write(Reg::MCR, 0);
    CHECK_EQ("entering loopback: DCTS, DDSR, DDCD", entered, 0x0b);
    CHECK_EQ("deltas clear on read", cleared, 0x00);
    CHECK_EQ("RTS: CTS and DCTS", rts, 0x11);
    CHECK_EQ("OUT1 up: RI, DCTS, no TERI", ri_up, 0x41);
    CHECK_EQ("OUT1 down: TERI", ri_down, 0x04);
    CHECK_EQ("IIR: no modem-status interrupt without a delta", iir_quiet & uart::iir::id_mask,
             uart::iir::no_interrupt);
    CHECK_EQ("IIR: modem-status interrupt after a delta", iir_delta & uart::iir::id_mask, 0x00);
    CHECK_EQ("IIR: gone once MSR was read", iir_after & uart::iir::id_mask,
             uart::iir::no_interrupt);
}

struct Delivered {
    unsigned count;
    uint32_t cause;
    uint32_t iir;
};
volatile Delivered delivered;

// No printing in here: output would re-arm the THR-empty interrupt.
void on_uart_irq(Frame& f) {
    delivered.count = delivered.count + 1;
    delivered.cause = f.cause;
    delivered.iir = uart::read(Reg::IIR_FCR);
    uart::write(Reg::IER_DLM, 0);
}

void thre_delivered() {
    CheckScope scope("THR-empty interrupt, delivered");
    while ((uart::read(Reg::LSR) & uart::lsr::TEMT) == 0) {
    }
    set_exception_hook(ExcCode::Int, on_uart_irq);
    unmask_irqs(uart_line);
    ei();
    uart::write(Reg::IER_DLM, uart::ier::ETBEI);
    delay_counts(100000);
    di();
    mask_irqs(uart_line);
    set_exception_hook(ExcCode::Int, nullptr);
    CHECK_EQ("taken once", delivered.count, 1);
    CHECK_EQ("ExcCode Int", cause::ExcCode::get(delivered.cause), static_cast<uint32_t>(ExcCode::Int));
    CHECK_EQ("on the UART's IP line", cause::IP::get(delivered.cause) & uart_line, uart_line);
    CHECK_EQ("IIR in the handler = THR empty", delivered.iir & uart::iir::id_mask,
             uart::iir::thr_empty);
}

}  // namespace

int main() {
    const ResetState r = read_reset_state();
    reset_values(r);
    read_back();
    loopback();
    modem_status();
    thre_polled();
    thre_delivered();
    done();
}
