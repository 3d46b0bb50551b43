// Guest VCPUs on the x86_64 stub backend: not implemented yet. The other
// guest hooks come from core/no_guests.cpp.
#include "guest.hpp"

namespace tern {

// The x86 reset vector: CS base 0xFFFF0000, IP 0xFFF0.
uint64_t arch_default_start_pc() { return 0xfffffff0; }

}  // namespace tern
