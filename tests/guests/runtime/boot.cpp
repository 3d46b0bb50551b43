// Storage for start.S's reset snapshot, and what follows main().
#include "boot.hpp"

#include "check.hpp"

extern "C" {
uint32_t reset_status;
uint32_t reset_cause;
[[noreturn]] void main_returned();
}

void main_returned() { guest::done(); }
