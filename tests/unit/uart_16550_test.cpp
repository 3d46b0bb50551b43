// The 16550 host driver (core/drivers/uart_16550.cpp) against a register
// model on the host's fake I/O bus.
#include <stdint.h>

#include <initializer_list>
#include <utility>
#include <vector>

#include "catch.hpp"
#include "drivers/uart_16550.hpp"
#include "host_io.hpp"

using host::IoAccess;
using tern::Uart16550;

namespace {

// Just enough of a 16550: the registers the driver touches, a transmitter
// that is busy for a number of LSR reads, and a receive queue.
class Fake16550 final : public host::IoDevice {
public:
    explicit Fake16550(unsigned reg_shift) : shift_(reg_shift) {}

    uint8_t read(uint64_t offset) override {
        switch (reg(offset)) {
        case 0:
            if (dlab()) return dll;
            if (rx.empty()) return 0;
            {
                uint8_t c = rx.front();
                rx.erase(rx.begin());
                return c;
            }
        case 1: return dlab() ? dlm : ier;
        case 3: return lcr;
        case 4: return mcr;
        case 5: {
            uint8_t lsr = rx.empty() ? 0 : Uart16550::lsr_data_ready;
            if (busy_reads > 0) --busy_reads;
            else lsr |= Uart16550::lsr_thr_empty;
            return lsr;
        }
        default: return 0;
        }
    }

    void write(uint64_t offset, uint8_t v) override {
        switch (reg(offset)) {
        case 0:
            if (dlab()) dll = v;
            else tx.push_back(v);
            break;
        case 1:
            if (dlab()) dlm = v;
            else ier = v;
            break;
        case 2: fcr = v; break;
        case 3: lcr = v; break;
        case 4: mcr = v; break;
        default: break;
        }
    }

    std::vector<uint8_t> tx, rx;
    unsigned busy_reads = 0;
    uint8_t ier = 0xff, lcr = 0, mcr = 0, fcr = 0, dll = 0xaa, dlm = 0xbb;

private:
    unsigned reg(uint64_t offset) const {
        REQUIRE(offset % (1u << shift_) == 0);  // registers sit on their stride
        return static_cast<unsigned>(offset >> shift_);
    }
    bool dlab() const { return (lcr & Uart16550::lcr_dlab) != 0; }

    unsigned shift_;
};

constexpr uint64_t base = 0x180003f8;

IoAccess wr(unsigned reg, uint8_t v, unsigned shift = 0) {
    return {base + (uint64_t{reg} << shift), v, true};
}

}  // namespace

TEST_CASE("init programs 8N1, the divisor, FIFOs and modem control", "[uart]") {
    host::io_reset();
    Fake16550 dev(0);
    host::io_map(base, 8, dev);
    Uart16550 uart(arch::IoRegion(base, 0));
    REQUIRE(uart.valid());

    uart.init(1843200, 115200);  // the PC's 1.8432 MHz clock: divisor 1
    const std::vector<IoAccess> expected = {
        wr(Uart16550::IER, 0),
        wr(Uart16550::LCR, Uart16550::lcr_dlab),
        wr(Uart16550::DLL, 1),
        wr(Uart16550::DLM, 0),
        wr(Uart16550::LCR, Uart16550::lcr_8n1),
        wr(Uart16550::FCR, Uart16550::fcr_enable_clear),
        wr(Uart16550::MCR, Uart16550::mcr_dtr_rts_out2),
    };
    CHECK(host::io_log() == expected);
    CHECK(dev.ier == 0);
    CHECK(dev.lcr == 0x03);
    CHECK(dev.fcr == 0x07);
    CHECK(dev.mcr == 0x0b);
    CHECK(dev.dll == 1);
    CHECK(dev.dlm == 0);
}

TEST_CASE("the divisor is clock / (16 * baud), split over DLL and DLM", "[uart]") {
    host::io_reset();
    Fake16550 dev(0);
    host::io_map(base, 8, dev);
    Uart16550 uart(arch::IoRegion(base, 0));
    SECTION("a divisor above 255") {
        uart.init(1843200, 300);  // 384
        CHECK(dev.dll == 0x80);
        CHECK(dev.dlm == 0x01);
    }
    SECTION("a 24 MHz clock at 115200 rounds down") {
        uart.init(24000000, 115200);  // 13.02
        CHECK(dev.dll == 13);
        CHECK(dev.dlm == 0);
    }
    SECTION("a clock too slow for the rate still gets divisor 1") {
        uart.init(1000000, 115200);
        CHECK(dev.dll == 1);
        CHECK(dev.dlm == 0);
    }
    CHECK(dev.lcr == Uart16550::lcr_8n1);  // DLAB off again
}

TEST_CASE("an unknown clock keeps the firmware's divisor", "[uart]") {
    host::io_reset();
    Fake16550 dev(0);
    host::io_map(base, 8, dev);
    Uart16550 uart(arch::IoRegion(base, 0));
    for (auto [clock, baud] : {std::pair<uint32_t, uint32_t>{0, 115200}, {1843200, 0}}) {
        host::io_clear_log();
        uart.init(clock, baud);
        const std::vector<IoAccess> expected = {
            wr(Uart16550::IER, 0),
            wr(Uart16550::LCR, Uart16550::lcr_8n1),
            wr(Uart16550::FCR, Uart16550::fcr_enable_clear),
            wr(Uart16550::MCR, Uart16550::mcr_dtr_rts_out2),
        };
        CHECK(host::io_log() == expected);
        CHECK(dev.dll == 0xaa);
        CHECK(dev.dlm == 0xbb);
    }
}

TEST_CASE("reg-shift spaces the registers", "[uart]") {
    host::io_reset();
    Fake16550 dev(2);
    host::io_map(base, 8 << 2, dev);
    Uart16550 uart(arch::IoRegion(base, 2));
    uart.init(0, 0);
    REQUIRE(host::io_log().size() == 4);
    CHECK(host::io_log()[0] == wr(Uart16550::IER, 0, 2));
    CHECK(host::io_log()[1] == wr(Uart16550::LCR, Uart16550::lcr_8n1, 2));
    CHECK(host::io_log()[1].phys == base + 12);
    CHECK(host::io_log()[3].phys == base + 16);
    host::io_clear_log();
    uart.putc('x');
    CHECK(host::io_log().back() == wr(Uart16550::THR, 'x', 2));
    CHECK(host::io_log().front().phys == base + 20);  // LSR
}

TEST_CASE("putc waits for the transmitter, then writes THR", "[uart]") {
    host::io_reset();
    Fake16550 dev(0);
    host::io_map(base, 8, dev);
    Uart16550 uart(arch::IoRegion(base, 0));
    dev.busy_reads = 3;
    uart.putc('T');
    const auto& log = host::io_log();
    REQUIRE(log.size() == 5);
    for (size_t i = 0; i < 4; ++i) {
        CHECK(log[i].phys == base + Uart16550::LSR);
        CHECK_FALSE(log[i].is_write);
    }
    CHECK((log[3].value & Uart16550::lsr_thr_empty) != 0);
    CHECK(log[4] == wr(Uart16550::THR, 'T'));
    uart.putc('e');
    uart.putc('\n');
    CHECK(dev.tx == std::vector<uint8_t>{'T', 'e', '\n'});  // no translation in the driver
}

TEST_CASE("getc polls LSR.DR and never blocks", "[uart]") {
    host::io_reset();
    Fake16550 dev(0);
    host::io_map(base, 8, dev);
    Uart16550 uart(arch::IoRegion(base, 0));
    CHECK(uart.getc() == -1);
    REQUIRE(host::io_log().size() == 1);  // LSR only: RBR untouched
    dev.rx = {'o', 'k', 0xff};
    CHECK(uart.getc() == 'o');
    CHECK(uart.getc() == 'k');
    CHECK(uart.getc() == 0xff);  // a byte, not -1
    CHECK(uart.getc() == -1);
}

TEST_CASE("enable_rx_interrupt sets IER", "[uart]") {
    host::io_reset();
    Fake16550 dev(0);
    host::io_map(base, 8, dev);
    Uart16550 uart(arch::IoRegion(base, 0));
    uart.enable_rx_interrupt(true);
    CHECK(dev.ier == Uart16550::ier_rx_data);
    uart.enable_rx_interrupt(false);
    CHECK(dev.ier == 0);
}

TEST_CASE("a default UART is not valid", "[uart]") {
    constexpr Uart16550 none;
    CHECK_FALSE(none.valid());
}

TEST_CASE("the driver only touches its own registers", "[uart]") {
    host::io_reset();
    Fake16550 dev(0);
    host::io_map(base, 8, dev);
    Uart16550 uart(arch::IoRegion(base + 0x100, 0));  // nothing mapped there
    CHECK_THROWS_AS(uart.putc('x'), host::UnmappedIo);
}
