// kregs: k0 and k1 survive every hypervisor exit the guest does not see.
// o32 reserves k0/k1 for the kernel's exception handlers, and a guest
// kernel uses them exactly so: its exception entry holds state in them
// between the exception and the point where it has saved its registers
// (runtime/exception.S keeps the old sp in k0 across its first store). The
// guest kernel runs in host user mode, so a host TLB refill, an emulated
// instruction, an MMIO access or a host interrupt can happen in that
// window; each must hand k0/k1 back unchanged -- a native kernel's handler
// may clobber them, a hypervisor's may not.
#include "guest.hpp"

using namespace guest;

extern "C" uint64_t kregs_load(uint32_t va);
extern "C" uint64_t kregs_store(uint32_t va);
extern "C" uint64_t kregs_cp0(uint32_t);
extern "C" uint64_t kregs_mmio(uint32_t va);
extern "C" uint64_t kregs_rdhwr(uint32_t);
extern "C" uint64_t kregs_spin(uint32_t iterations);

namespace {

constexpr uint64_t expected = (uint64_t{0x6b316b31} << 32) | 0x6b306b30;

// Runs `fn` on `count` arguments; returns how many runs changed k0/k1.
unsigned clobbered(uint64_t (*fn)(uint32_t), uint32_t first, uint32_t step, unsigned count) {
    unsigned bad = 0;
    for (unsigned i = 0; i < count; ++i) {
        bad += fn(first + i * step) != expected ? 1 : 0;
    }
    return bad;
}

}  // namespace

int main() {
    // 256 fresh 4 KiB pages of scratch RAM, first touched here: each
    // access is a host TLB refill (and evicts earlier ones).
    const uint32_t scratch = map::cached(map::scratch_phys);
    CHECK_EQ("k0/k1 across host TLB refills, loads (runs that changed them)",
             clobbered(kregs_load, scratch, 0x1000, 128), 0);
    CHECK_EQ("k0/k1 across host TLB refills, stores",
             clobbered(kregs_store, scratch + 128 * 0x1000, 0x1000, 128), 0);
    CHECK_EQ("k0/k1 across host TLB refills, uncached KSEG1 loads",
             clobbered(kregs_load, map::uncached(map::scratch_phys), 0x1000, 256), 0);
    CHECK_EQ("k0/k1 across emulated mfc0/mtc0", clobbered(kregs_cp0, 0, 0, 16), 0);
    CHECK_EQ("k0/k1 across MMIO", clobbered(kregs_mmio, uart::address(uart::Reg::SCR), 0, 16), 0);
    CHECK_EQ("k0/k1 across emulated rdhwr", clobbered(kregs_rdhwr, 0, 0, 16), 0);
    CHECK_EQ("k0/k1 across host interrupts (spin)", kregs_spin(20000000) == expected ? 0 : 1, 0);
    done();
}
