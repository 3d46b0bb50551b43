// PSCI calls through the HVC or SMC conduit (SMC Calling Convention).
#include "arch/psci.hpp"

#include <stdint.h>

namespace arm {
namespace {

// PSCI 0.2+ function IDs (Arm DEN 0022, 5.1), 32-bit calling convention.
enum class PsciFunction : uint32_t {
    system_off = 0x84000008,
    system_reset = 0x84000009,
};

PsciConduit conduit = PsciConduit::hvc;

void psci_call(PsciFunction fn) {
    register uint64_t x0 asm("x0") = static_cast<uint32_t>(fn);
    // SMCCC: x0-x17 may be clobbered by the callee.
    if (conduit == PsciConduit::smc)
        asm volatile("smc #0"
                     : "+r"(x0)
                     :
                     : "x1", "x2", "x3", "x4", "x5", "x6", "x7", "x8", "x9", "x10", "x11",
                       "x12", "x13", "x14", "x15", "x16", "x17", "memory");
    else
        asm volatile("hvc #0"
                     : "+r"(x0)
                     :
                     : "x1", "x2", "x3", "x4", "x5", "x6", "x7", "x8", "x9", "x10", "x11",
                       "x12", "x13", "x14", "x15", "x16", "x17", "memory");
}

}  // namespace

void psci_set_conduit(PsciConduit c) { conduit = c; }
PsciConduit psci_conduit() { return conduit; }

void psci_system_off() { psci_call(PsciFunction::system_off); }
void psci_system_reset() { psci_call(PsciFunction::system_reset); }

}  // namespace arm
