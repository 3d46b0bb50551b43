// storm: an exception handler that faults on its own first instruction.
// BEV=0 vectors in RAM whose general vector is a misaligned load: the
// first exception enters it, its Address Error enters it again (EXL set,
// EPC unchanged), and so on forever -- an exception storm that never
// retires a useful instruction. The hypervisor must notice, stop this
// guest with a clear report, and keep the other guests running. Real
// hardware would loop forever.
#include "guest.hpp"

using namespace guest;

namespace {

constexpr uint32_t storm_vector[] = {
    0x8C1A0001,  // lw   k0, 1($zero)   misaligned: AdEL
    0x1000FFFE,  // b    back to the lw (never reached)
    0x00000000,  // nop
};

}  // namespace

int main() {
    const uint32_t base = map::from_arch(0x80000000);
    auto* general = reinterpret_cast<uint32_t*>(base + map::vec_general);
    for (unsigned i = 0; i < sizeof storm_vector / sizeof storm_vector[0]; ++i) {
        general[i] = storm_vector[i];
    }
    sync_icache(base + map::vec_general, sizeof storm_vector);
    info("starting an exception storm");
    const uint32_t st = mfc0<cp0::status>();
    mtc0_ehb<cp0::ebase>(0x80000000);
    mtc0_ehb<cp0::status>(st & ~status::BEV::mask);
    asm volatile("syscall" ::: "memory");
    mtc0_ehb<cp0::status>(st);
    printf("FAIL: the exception storm ended\n");
    done();
}
