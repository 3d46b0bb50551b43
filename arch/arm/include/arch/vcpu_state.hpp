// The guest state a Vcpu embeds: nothing yet, the stub backend runs no
// guests (arch_vcpu_run reports that and stops the VCPU).
#pragma once

#ifndef __ASSEMBLER__
#include <stdint.h>

namespace arch {

struct VcpuState {
    uint64_t start_pc = 0;  // what arch_vcpu_init was given, for reports
};

}  // namespace arch
#endif
