// The ns16550a UART emulator (emulators/ns16550.cpp) through its EmulatorOps,
// wired to the real core/guest.cpp (device_irq -> the guest's VCPU 0
// interrupt lines) and core/vserial.cpp (its host side), on the host
// console buffer.
#include <stdint.h>
#include <string.h>

#include <memory>
#include <string>
#include <vector>

#include "catch.hpp"
#include "emulators/emulator.hpp"
#include "guest.hpp"
#include "hal_host.hpp"
#include "host_vcpu.hpp"
#include "mem/heap.hpp"
#include "vserial.hpp"

namespace {

// Register numbers and bits (PC16550D data sheet).
enum : unsigned { RBR = 0, THR = 0, DLL = 0, IER = 1, DLM = 1, IIR = 2, FCR = 2, LCR = 3, MCR = 4,
                  LSR = 5, MSR = 6, SCR = 7 };
constexpr uint8_t ier_rx = 0x01, ier_thre = 0x02, ier_ls = 0x04, ier_ms = 0x08;
constexpr uint8_t iir_none = 0x01, iir_thre = 0x02, iir_rda = 0x04, iir_rls = 0x06, iir_fifo = 0xc0;
constexpr uint8_t lsr_dr = 0x01, lsr_oe = 0x02, lsr_thre = 0x20, lsr_temt = 0x40;
constexpr uint8_t lcr_dlab = 0x80;
constexpr uint8_t mcr_dtr = 0x01, mcr_rts = 0x02, mcr_out1 = 0x04, mcr_out2 = 0x08, mcr_loop = 0x10;
constexpr uint8_t msr_cts = 0x10, msr_dsr = 0x20, msr_ri = 0x40, msr_dcd = 0x80;
constexpr unsigned guest_line = 2;

alignas(16) uint8_t heap_memory[256 * 1024];

// A guest "g" with VCPU 0 (whose irq_lines show the UART's interrupt) and
// UARTs created through the registry, as guest_create does.
struct Board {
    std::unique_ptr<tern::Guest> guest = std::make_unique<tern::Guest>();
    std::unique_ptr<tern::Vcpu> vcpu = std::make_unique<tern::Vcpu>();

    Board() {
        REQUIRE(tern::vserial_all().empty());  // nothing left from another test
        REQUIRE(tern::heap().init(heap_memory, sizeof(heap_memory)) == tern::Status::ok);
        host::reset();
        host::reset_vcpu_hooks();
        strcpy(guest->name, "g");
        guest->vcpus[0] = vcpu.get();
        vcpu->orphan = false;
        vcpu->guest = guest.get();
    }
    ~Board() {
        for (unsigned i = 0; i < guest->device_count; ++i) guest->devices[i].ops->destroy(guest->devices[i]);
        tern::vserial_set_bound(nullptr);
    }

    tern::Device& add_uart(const char* compatible = "ns16550a", unsigned shift = 0, int irq = guest_line) {
        tern::Device& d = guest->devices[guest->device_count];
        d = tern::Device{};
        snprintf(d.config.name, sizeof(d.config.name), "serial@%u", guest->device_count);
        strcpy(d.config.compatible, compatible);
        d.config.base = 0x1000 * (guest->device_count + 1);
        d.config.size = 8u << shift;
        d.config.reg_shift = shift;
        d.config.irq = irq;
        d.guest = guest.get();
        const tern::EmulatorOps* ops = tern::emulator_find(compatible);
        REQUIRE(ops != nullptr);
        const char* error = "";
        d.state = ops->create(d, &error);
        REQUIRE(d.state != nullptr);
        d.ops = ops;
        ++guest->device_count;
        return d;
    }
    bool irq() const { return (vcpu->irq_lines >> guest_line) & 1; }
};

struct Uart {
    tern::Device& dev;
    uint8_t read(unsigned reg) {
        return static_cast<uint8_t>(dev.ops->read(dev, uint64_t{reg} << dev.config.reg_shift, 1));
    }
    void write(unsigned reg, uint8_t v) { dev.ops->write(dev, uint64_t{reg} << dev.config.reg_shift, 1, v); }
    tern::VSerial& port() {
        std::string name = std::string("g/uart") + std::to_string(&dev - dev.guest->devices);
        tern::VSerial* p = tern::vserial_find(name.c_str());
        REQUIRE(p != nullptr);
        return *p;
    }
    void receive(const std::string& bytes) {
        for (char c : bytes) tern::vserial_receive(port(), static_cast<uint8_t>(c));
    }
    std::string drain() {  // reads RBR while LSR.DR says there is data
        std::string out;
        while ((read(LSR) & lsr_dr) && out.size() < 100) out += static_cast<char>(read(RBR));
        return out;
    }
};

}  // namespace

TEST_CASE("ns16550: registered under both compatibles", "[ns16550]") {
    const tern::EmulatorOps* a = tern::emulator_find("ns16550a");
    const tern::EmulatorOps* b = tern::emulator_find("ns16550");
    REQUIRE(a != nullptr);
    REQUIRE(b != nullptr);
    CHECK(std::string(a->compatible) == "ns16550a");
    CHECK(std::string(b->compatible) == "ns16550");
    CHECK(a->read == b->read);
    CHECK(tern::emulator_find("ns16550b") == nullptr);
    CHECK(tern::emulator_find("") == nullptr);
    std::vector<std::string> all;
    tern::emulator_for_each([](const tern::EmulatorOps& ops, void* ctx) {
        static_cast<std::vector<std::string>*>(ctx)->push_back(ops.compatible);
    }, &all);
    CHECK(all.size() == 2);
}

TEST_CASE("ns16550: registers after creation", "[ns16550]") {
    Board b;
    Uart u{b.add_uart()};
    CHECK(u.read(IER) == 0);
    CHECK(u.read(IIR) == iir_none);
    CHECK(u.read(LCR) == 0);
    CHECK(u.read(MCR) == 0);
    CHECK(u.read(LSR) == (lsr_thre | lsr_temt));  // transmission is instant
    CHECK(u.read(MSR) == (msr_cts | msr_dsr | msr_dcd));  // a connected, ready line
    CHECK(u.read(SCR) == 0);
    CHECK(u.read(RBR) == 0);  // nothing received
    CHECK_FALSE(b.irq());
}

TEST_CASE("ns16550: the scratch and line and modem control registers hold what is written", "[ns16550]") {
    Board b;
    Uart u{b.add_uart()};
    u.write(SCR, 0x5a);
    CHECK(u.read(SCR) == 0x5a);
    u.write(LCR, 0x1b);  // 8 data bits, 2 stop, even parity
    CHECK(u.read(LCR) == 0x1b);
    u.write(MCR, 0xff);
    CHECK(u.read(MCR) == 0x1f);  // bits 5-7 do not exist
    u.write(MCR, 0);
    u.write(IER, 0xff);
    CHECK(u.read(IER) == 0x0f);
    u.write(IER, 0);
    u.write(LSR, 0x00);  // read-only registers ignore writes
    u.write(MSR, 0x00);
    CHECK(u.read(LSR) == (lsr_thre | lsr_temt));
    // The upper (line state) bits; the delta bits record MCR changes above.
    CHECK((u.read(MSR) & 0xf0) == (msr_cts | msr_dsr | msr_dcd));
}

TEST_CASE("ns16550: the divisor latch (DLAB)", "[ns16550]") {
    Board b;
    Uart u{b.add_uart()};
    u.receive("x");
    u.write(LCR, lcr_dlab | 0x03);
    u.write(DLL, 0x0c);  // 9600 baud at 1.8432 MHz
    u.write(DLM, 0x01);
    CHECK(u.read(DLL) == 0x0c);
    CHECK(u.read(DLM) == 0x01);
    CHECK(u.read(LSR) & lsr_dr);  // reading DLL did not take the received byte
    CHECK(u.port().tx_bytes == 0);  // writing DLL transmitted nothing
    u.write(LCR, 0x03);
    CHECK(u.read(IER) == 0);  // DLM's value did not reach IER
    CHECK(u.read(RBR) == 'x');
    u.write(LCR, lcr_dlab);
    CHECK(u.read(DLL) == 0x0c);  // kept while DLAB was clear
    CHECK(u.read(DLM) == 0x01);
}

TEST_CASE("ns16550: transmitted bytes reach the host console line by line", "[ns16550][vserial]") {
    Board b;
    Uart u{b.add_uart()};
    for (char c : std::string("hello\r\nwor")) u.write(THR, static_cast<uint8_t>(c));
    CHECK(host::console_output() == "[g] hello\r\n");  // the guest's \r is dropped
    CHECK(u.port().tx_bytes == 10);
    CHECK(u.read(LSR) == (lsr_thre | lsr_temt));
    host::console_clear();
    for (int i = 0; i < 170; ++i) u.write(THR, 'x');  // "wor" + 157 fill the 160-byte line
    CHECK(host::console_output() == "[g] wor" + std::string(157, 'x') + "\r\n");
    host::console_clear();
    // Bound to the console, bytes go through raw and at once.
    tern::vserial_set_bound(&u.port());
    CHECK(host::console_output() == "[g] " + std::string(13, 'x') + "\r\n");  // the rest is flushed first
    host::console_clear();
    for (char c : std::string("ab\r\n")) u.write(THR, static_cast<uint8_t>(c));
    CHECK(host::console_output() == "ab\r\n");
    CHECK(tern::vserial_bound() == &u.port());
}

TEST_CASE("ns16550: the receive FIFO and overrun", "[ns16550]") {
    Board b;
    Uart u{b.add_uart()};
    u.receive("abc");
    CHECK(u.port().rx_bytes == 3);
    CHECK(u.read(LSR) == (lsr_dr | lsr_thre | lsr_temt));
    CHECK(u.drain() == "abc");
    CHECK(u.read(LSR) == (lsr_thre | lsr_temt));
    CHECK(u.read(RBR) == 0);
    // Wrap around the ring, then overflow it: 16 bytes kept, the 17th lost.
    u.receive("0123456789");
    CHECK(u.drain() == "0123456789");
    u.receive("ABCDEFGHIJKLMNOPQ");
    uint8_t lsr = u.read(LSR);
    CHECK(lsr == (lsr_dr | lsr_oe | lsr_thre | lsr_temt));
    CHECK(u.read(LSR) == (lsr_dr | lsr_thre | lsr_temt));  // OE clears when read
    CHECK(u.drain() == "ABCDEFGHIJKLMNOP");
    // FCR: FIFO enable shows in IIR; clearing the receive FIFO drops its bytes.
    u.write(FCR, 0x01);
    CHECK(u.read(IIR) == (iir_fifo | iir_none));
    u.receive("zz");
    u.write(FCR, 0x03);
    CHECK((u.read(LSR) & lsr_dr) == 0);
    u.write(FCR, 0x00);
    CHECK(u.read(IIR) == iir_none);
}

TEST_CASE("ns16550: interrupt identification by priority", "[ns16550][irq]") {
    Board b;
    Uart u{b.add_uart()};
    u.receive(std::string(17, 'r'));  // data and an overrun
    u.write(IER, ier_rx | ier_thre | ier_ls | ier_ms);  // THR empty: THRE pending too
    CHECK(u.read(IIR) == iir_rls);  // line status first
    CHECK(b.irq());
    (void)u.read(LSR);  // clears OE
    CHECK(u.read(IIR) == iir_rda);  // then received data
    u.drain();
    CHECK(u.read(IIR) == iir_thre);  // then THR empty; reading IIR acknowledges it
    CHECK(u.read(IIR) == iir_none);
    CHECK_FALSE(b.irq());
    // With line status interrupts off, an overrun does not show.
    u.write(IER, ier_rx);
    u.receive(std::string(17, 's'));
    CHECK(u.read(IIR) == iir_rda);
    u.write(FCR, 0x01);
    CHECK(u.read(IIR) == (iir_fifo | iir_rda));
}

TEST_CASE("ns16550: THR-empty interrupt semantics", "[ns16550][irq]") {
    Board b;
    Uart u{b.add_uart()};
    unsigned changes = b.vcpu->arch.irq_changes;
    u.write(IER, ier_thre);  // enabling it with THR empty raises it
    CHECK(b.irq());
    CHECK(b.vcpu->arch.irq_changes == changes + 1);
    CHECK(u.read(IIR) == iir_thre);  // acknowledged by this read
    CHECK_FALSE(b.irq());
    CHECK(u.read(IIR) == iir_none);
    u.write(THR, 'x');  // sent at once: the THR is empty again
    CHECK(b.irq());
    u.write(THR, 'y');  // still pending: no new edge
    CHECK(b.vcpu->arch.irq_changes == changes + 3);
    u.write(IER, 0);  // masked
    CHECK_FALSE(b.irq());
    u.write(IER, ier_thre);  // re-enabled while empty: pending again
    CHECK(b.irq());
    u.write(IER, ier_thre | ier_rx);  // no new edge of ETBEI: no change
    CHECK(u.read(IIR) == iir_thre);
    CHECK(u.read(IIR) == iir_none);
    u.receive("k");  // received data raises the line again
    CHECK(b.irq());
    CHECK(u.read(IIR) == iir_rda);
    (void)u.read(RBR);
    CHECK_FALSE(b.irq());
    CHECK(host::vcpu_hook_counts().irq_changes == b.vcpu->arch.irq_changes);
}

TEST_CASE("ns16550: a UART without an interrupt line never raises one", "[ns16550][irq]") {
    Board b;
    Uart u{b.add_uart("ns16550a", 0, -1)};
    u.write(IER, ier_rx | ier_thre);
    u.receive("q");
    CHECK(u.read(IIR) == iir_rda);  // pending as far as the UART knows
    CHECK(b.vcpu->irq_lines == 0);
    CHECK(b.vcpu->arch.irq_changes == 0);
}

TEST_CASE("ns16550: loopback", "[ns16550]") {
    Board b;
    Uart u{b.add_uart()};
    // MSR: line states in bits 7:4, and in bits 3:0 what changed since the
    // last read (DCTS, DDSR, TERI: RI's trailing edge, DDCD).
    u.write(MCR, mcr_loop);
    CHECK(u.read(MSR) == 0x0b);  // CTS, DSR, DCD dropped: nothing wired
    CHECK(u.read(MSR) == 0);     // the deltas clear on read
    u.write(MCR, mcr_loop | mcr_rts);
    CHECK(u.read(MSR) == (msr_cts | 0x01));
    u.write(MCR, mcr_loop | mcr_dtr);
    CHECK(u.read(MSR) == (msr_dsr | 0x03));
    u.write(MCR, mcr_loop | mcr_out1);
    CHECK(u.read(MSR) == (msr_ri | 0x02));  // RI rising: no TERI
    u.write(MCR, mcr_loop | mcr_out2);
    CHECK(u.read(MSR) == (msr_dcd | 0x0c));  // RI fell: TERI; DCD rose
    u.write(MCR, mcr_loop | mcr_dtr | mcr_rts | mcr_out1 | mcr_out2);
    CHECK(u.read(MSR) == (msr_cts | msr_dsr | msr_ri | msr_dcd | 0x03));
    // Transmitted bytes come back to the receiver, not to the host.
    u.write(THR, 'L');
    u.write(THR, 'B');
    CHECK(host::console_output() == "");
    CHECK(u.port().tx_bytes == 0);
    u.receive("x");  // the outside line is disconnected
    CHECK(u.drain() == "LB");
    u.write(MCR, 0);
    u.write(THR, '!');
    u.write(THR, '\n');
    CHECK(host::console_output() == "[g] !\r\n");
    CHECK((u.read(LSR) & lsr_dr) == 0);
}

TEST_CASE("ns16550: reg-shift spaces the registers", "[ns16550]") {
    Board b;
    Uart u{b.add_uart("ns16550a", 2)};
    u.write(SCR, 0x77);
    CHECK(b.guest->devices[0].ops->read(b.guest->devices[0], 7 * 4, 1) == 0x77);
    CHECK(b.guest->devices[0].ops->read(b.guest->devices[0], 7, 1) == 0);  // between registers
    b.guest->devices[0].ops->write(b.guest->devices[0], 7 * 4 + 1, 1, 0x11);  // ignored
    CHECK(u.read(SCR) == 0x77);
    b.guest->devices[0].ops->write(b.guest->devices[0], 0 * 4 + 2, 1, 'x');  // not THR
    CHECK(u.port().tx_bytes == 0);
    CHECK(u.read(LSR) == (lsr_thre | lsr_temt));
}

TEST_CASE("ns16550: reset restores the power-on state and keeps the port", "[ns16550]") {
    Board b;
    Uart u{b.add_uart()};
    tern::VSerial* port = &u.port();
    u.write(SCR, 0x33);
    u.write(LCR, 0x83);
    u.write(DLL, 0x01);
    u.write(LCR, 0x03);
    u.write(MCR, 0x0b);
    u.write(IER, ier_rx);
    u.receive("data");
    CHECK(b.irq());
    b.guest->devices[0].ops->reset(b.guest->devices[0]);
    CHECK_FALSE(b.irq());  // reset lowers the line
    CHECK(u.read(SCR) == 0);
    CHECK(u.read(LCR) == 0);
    CHECK(u.read(MCR) == 0);
    CHECK(u.read(IER) == 0);
    CHECK(u.read(LSR) == (lsr_thre | lsr_temt));
    CHECK(&u.port() == port);
    u.receive("z");  // the port still feeds this UART
    CHECK(u.drain() == "z");
}

TEST_CASE("ns16550: each UART of a guest is its own port", "[ns16550][vserial]") {
    Board b;
    Uart u0{b.add_uart("ns16550a")};
    Uart u1{b.add_uart("ns16550")};
    CHECK(tern::vserial_find("g/uart0") != nullptr);
    CHECK(tern::vserial_find("g/uart1") != nullptr);
    CHECK(tern::vserial_find("g/uart2") == nullptr);
    CHECK(tern::vserial_all().size() == 2);
    u1.receive("1");
    CHECK((u0.read(LSR) & lsr_dr) == 0);
    CHECK(u1.drain() == "1");
    u0.write(THR, 'a');
    b.guest->devices[1].ops->destroy(b.guest->devices[1]);
    b.guest->device_count = 1;
    CHECK(tern::vserial_find("g/uart1") == nullptr);
    b.guest->devices[0].ops->destroy(b.guest->devices[0]);  // flushes its partial line
    b.guest->device_count = 0;
    CHECK(host::console_output() == "[g] a\r\n");
    CHECK(tern::vserial_all().empty());
    CHECK(tern::heap().stats().used == 0);  // state and port freed
}

TEST_CASE("ns16550: creation fails cleanly when the heap is full", "[ns16550]") {
    Board b;
    std::vector<void*> hog;
    while (void* p = tern::heap().alloc(64)) hog.push_back(p);
    tern::Device& d = b.guest->devices[0];
    d.guest = b.guest.get();
    strcpy(d.config.compatible, "ns16550a");
    const char* error = "";
    CHECK(tern::emulator_find("ns16550a")->create(d, &error) == nullptr);
    CHECK(std::string(error) == "out of memory");
    tern::heap().free(hog.back());  // room for the UART state but not its port
    hog.pop_back();
    size_t used = tern::heap().stats().used;
    error = "";
    CHECK(tern::emulator_find("ns16550a")->create(d, &error) == nullptr);
    CHECK(std::string(error) == "out of memory");
    CHECK(tern::heap().stats().used == used);  // nothing leaked
    for (void* p : hog) tern::heap().free(p);
}
