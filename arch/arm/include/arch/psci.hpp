// PSCI (Arm DEN 0022): the firmware interface for power control.
#pragma once

namespace arm {

// How PSCI calls reach the firmware: HVC when an EL2 (or QEMU standing in
// for one) implements it, SMC when EL3 (or QEMU as EL3) does.
enum class PsciConduit { hvc, smc };

void psci_set_conduit(PsciConduit conduit);
PsciConduit psci_conduit();

// These return only when the firmware refused the call.
void psci_system_off();
void psci_system_reset();

}  // namespace arm
