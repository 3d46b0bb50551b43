// Guest VCPUs on the arm stub backend: not implemented yet. The other
// guest hooks come from core/no_guests.cpp.
#include "guest.hpp"

namespace tern {

// QEMU virt starts its CPUs at 0 (the flash holding firmware); the
// architecture leaves the reset address to the implementation (RVBAR).
uint64_t arch_default_start_pc() { return 0x0; }

}  // namespace tern
