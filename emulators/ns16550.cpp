// ns16550a UART emulator: 16-byte receive FIFO, instant transmit to the
// guest's virtual serial port, receive / THR-empty / line-status
// interrupts, loopback (MCR.LOOP), divisor latch and scratch registers.
#include <string.h>

#include "emulators/emulator.hpp"
#include "guest.hpp"
#include "mem/heap.hpp"
#include "sync/spinlock.hpp"
#include "vserial.hpp"

namespace tern {
namespace {

// Register numbers (the offset >> reg-shift).
enum Reg : unsigned {
    RBR_THR_DLL = 0, IER_DLM = 1, IIR_FCR = 2, LCR = 3, MCR = 4, LSR = 5, MSR = 6, SCR = 7,
};

// IER bits
constexpr uint8_t ier_erbfi = 0x01, ier_etbei = 0x02, ier_elsi = 0x04, ier_edssi = 0x08;
// IIR values (bit 0 set: nothing pending); bits 7:6 set when FIFOs are on
constexpr uint8_t iir_none = 0x01, iir_msr = 0x00, iir_thre = 0x02, iir_rda = 0x04,
                  iir_rls = 0x06, iir_fifo = 0xC0;
// FCR bits
constexpr uint8_t fcr_enable = 0x01, fcr_clear_rx = 0x02;
// LCR, MCR, LSR, MSR bits
constexpr uint8_t lcr_dlab = 0x80;
constexpr uint8_t mcr_dtr = 0x01, mcr_rts = 0x02, mcr_out1 = 0x04, mcr_out2 = 0x08,
                  mcr_loop = 0x10;
constexpr uint8_t lsr_dr = 0x01, lsr_oe = 0x02, lsr_thre = 0x20, lsr_temt = 0x40;
constexpr uint8_t msr_cts = 0x10, msr_dsr = 0x20, msr_ri = 0x40, msr_dcd = 0x80;

constexpr unsigned fifo_size = 16;

struct Uart {
    uint8_t rx[fifo_size];
    unsigned rx_head, rx_count;
    uint8_t ier, lcr, mcr, lsr_errors, scr, dll, dlm, msr_delta;
    bool fifo_enabled;
    bool thre_pending;   // the THR-empty interrupt is armed until IIR read / THR write
    VSerial* port;
    Spinlock lock;
};

Uart& uart(Device& dev) { return *static_cast<Uart*>(dev.state); }

uint8_t current_iir(const Uart& u) {
    uint8_t fifo = u.fifo_enabled ? iir_fifo : 0;
    if ((u.ier & ier_elsi) && (u.lsr_errors & lsr_oe)) return iir_rls | fifo;
    if ((u.ier & ier_erbfi) && u.rx_count > 0) return iir_rda | fifo;
    if ((u.ier & ier_etbei) && u.thre_pending) return iir_thre | fifo;
    if ((u.ier & ier_edssi) && u.msr_delta != 0) return iir_msr | fifo;
    return iir_none | fifo;
}

void update_irq(Device& dev) {
    // OUT2 gates the interrupt output on PC-style boards; guests that never
    // touch MCR still get interrupts, so Tern does not require it.
    device_irq(dev, (current_iir(uart(dev)) & iir_none) == 0);
}

void push_rx(Uart& u, uint8_t byte) {
    if (u.rx_count == fifo_size) {
        u.lsr_errors |= lsr_oe;
        return;
    }
    u.rx[(u.rx_head + u.rx_count++) % fifo_size] = byte;
}

void receive(void* ctx, uint8_t byte) {
    auto& dev = *static_cast<Device*>(ctx);
    Uart& u = uart(dev);
    SpinlockGuard guard(u.lock);
    if (u.mcr & mcr_loop) return;  // the line is disconnected in loopback
    push_rx(u, byte);
    update_irq(dev);
}

void reset(Device& dev) {
    Uart& u = uart(dev);
    VSerial* port = u.port;
    memset(static_cast<void*>(&u), 0, sizeof(u));
    u.port = port;
    update_irq(dev);
}

void* create(Device& dev, const char** error) {
    auto* u = static_cast<Uart*>(heap().alloc_zeroed(sizeof(Uart)));
    if (u == nullptr) {
        *error = "out of memory";
        return nullptr;
    }
    // Ports are named <guest>/uart<N>, N counting this guest's UARTs.
    unsigned index = 0;
    for (const Device* d = dev.guest->devices; d != &dev; ++d)
        if (strncmp(d->config.compatible, "ns16550", 7) == 0) ++index;
    char port_name[8] = {'u', 'a', 'r', 't', static_cast<char>('0' + index % 10), '\0'};
    u->port = vserial_create(dev.guest->name, port_name, receive, &dev);
    if (u->port == nullptr) {
        heap().free(u);
        *error = "out of memory";
        return nullptr;
    }
    return u;
}

void destroy(Device& dev) {
    Uart& u = uart(dev);
    vserial_destroy(u.port);
    heap().free(&u);
}

uint8_t modem_status(const Uart& u) {
    if (u.mcr & mcr_loop) {
        // Loopback wires RTS->CTS, DTR->DSR, OUT1->RI, OUT2->DCD.
        return static_cast<uint8_t>(((u.mcr & mcr_rts) ? msr_cts : 0) |
                                    ((u.mcr & mcr_dtr) ? msr_dsr : 0) |
                                    ((u.mcr & mcr_out1) ? msr_ri : 0) |
                                    ((u.mcr & mcr_out2) ? msr_dcd : 0) | u.msr_delta);
    }
    return msr_cts | msr_dsr | msr_dcd | u.msr_delta;  // a connected, ready line
}

uint32_t read(Device& dev, uint64_t offset, unsigned) {
    Uart& u = uart(dev);
    unsigned shift = dev.config.reg_shift;
    if ((offset & ((1u << shift) - 1)) != 0) return 0;  // between registers
    SpinlockGuard guard(u.lock);
    uint8_t v = 0;
    switch (static_cast<Reg>(offset >> shift)) {
    case RBR_THR_DLL:
        if (u.lcr & lcr_dlab) {
            v = u.dll;
        } else if (u.rx_count > 0) {
            v = u.rx[u.rx_head];
            u.rx_head = (u.rx_head + 1) % fifo_size;
            --u.rx_count;
        }
        break;
    case IER_DLM: v = (u.lcr & lcr_dlab) ? u.dlm : u.ier; break;
    case IIR_FCR:
        v = current_iir(u);
        if ((v & 0x0f) == iir_thre) u.thre_pending = false;  // reading IIR clears it
        break;
    case LCR: v = u.lcr; break;
    case MCR: v = u.mcr; break;
    case LSR:
        v = static_cast<uint8_t>((u.rx_count > 0 ? lsr_dr : 0) | lsr_thre | lsr_temt |
                                 u.lsr_errors);
        u.lsr_errors = 0;  // error bits clear on read
        break;
    case MSR:
        v = modem_status(u);
        u.msr_delta = 0;
        break;
    case SCR: v = u.scr; break;
    }
    update_irq(dev);
    return v;
}

void write(Device& dev, uint64_t offset, unsigned, uint32_t value) {
    Uart& u = uart(dev);
    unsigned shift = dev.config.reg_shift;
    if ((offset & ((1u << shift) - 1)) != 0) return;
    auto v = static_cast<uint8_t>(value);
    SpinlockGuard guard(u.lock);
    switch (static_cast<Reg>(offset >> shift)) {
    case RBR_THR_DLL:
        if (u.lcr & lcr_dlab) {
            u.dll = v;
            break;
        }
        // Transmission is instant: the THR is empty again at once.
        if (u.mcr & mcr_loop) push_rx(u, v);
        else vserial_put(*u.port, v);
        u.thre_pending = true;
        break;
    case IER_DLM:
        if (u.lcr & lcr_dlab) {
            u.dlm = v;
        } else {
            // Enabling ETBEI while the THR is empty raises the interrupt.
            if ((v & ier_etbei) && !(u.ier & ier_etbei)) u.thre_pending = true;
            u.ier = v & 0x0f;
        }
        break;
    case IIR_FCR:
        u.fifo_enabled = (v & fcr_enable) != 0;
        if (v & fcr_clear_rx) u.rx_count = 0;
        break;
    case LCR: u.lcr = v; break;
    case MCR: {
        // In loopback the modem inputs follow MCR: a change sets the MSR
        // delta bits (DCTS, DDSR, TERI on RI's trailing edge, DDCD).
        uint8_t before = modem_status(u);
        u.mcr = v & 0x1f;
        uint8_t after = modem_status(u);
        uint8_t changed = static_cast<uint8_t>((before ^ after) & 0xf0);
        if (changed & msr_cts) u.msr_delta |= 0x01;
        if (changed & msr_dsr) u.msr_delta |= 0x02;
        if ((before & msr_ri) && !(after & msr_ri)) u.msr_delta |= 0x04;
        if (changed & msr_dcd) u.msr_delta |= 0x08;
        break;
    }
    case LSR:
    case MSR: break;  // read-only
    case SCR: u.scr = v; break;
    }
    update_irq(dev);
}

const EmulatorOps ns16550_ops = {"ns16550a", create, read, write, reset, destroy};
const EmulatorOps ns16550_compat_ops = {"ns16550", create, read, write, reset, destroy};

}  // namespace

TERN_EMULATOR(ns16550_ops);
TERN_EMULATOR(ns16550_compat_ops);

}  // namespace tern
