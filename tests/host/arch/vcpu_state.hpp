// Host mirror of <arch/vcpu_state.hpp>: the guest state a tern::Vcpu embeds.
// The host has no guest CPU; the arch hook doubles (tests/host/host_vcpu.cpp)
// keep what the unit tests look at here.
#pragma once

#include <stdint.h>

namespace arch {

struct VcpuState {
    uint64_t start_pc = 0;      // arch_vcpu_init's pc
    unsigned inits = 0;         // arch_vcpu_init calls
    unsigned irq_changes = 0;   // arch_vcpu_irq_changed calls
    bool running = false;       // arch_vcpu_run entered
};

}  // namespace arch
